import { useState } from "react";
import {
  Anchor,
  Badge,
  Button,
  Card,
  Chip,
  Group,
  Pagination,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useNavigate, useSearchParams } from "react-router";
import {
  discussionCategories,
  discussionCategoryLabels,
  type DiscussionCategory,
} from "../../../core/discussion-categories.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { errorMessage } from "../../lib/api.js";
import { formatDateTime } from "../../lib/format.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { discussionsApi, useThreads } from "./api.js";
import { MentionTextarea } from "./MentionTextarea.js";

const isCategory = (v: string | null): v is DiscussionCategory =>
  (discussionCategories as readonly string[]).includes(v ?? "");

function NewThreadForm({ initial, onDone }: { initial?: DiscussionCategory; onDone: () => void }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const intl = useIntl();
  const [title, setTitle] = useState("");
  const [category, setCategory] = useState<DiscussionCategory>(initial ?? "launching");
  const [body, setBody] = useState("");
  const create = useMutation({
    mutationFn: () => discussionsApi.create({ title, category, body }),
    onSuccess: async (thread) => {
      await client.invalidateQueries({ queryKey: ["discussions"] });
      onDone();
      void navigate(`/discussions/${thread.id}`);
    },
  });
  return (
    <Card
      component="form"
      aria-label={intl.formatMessage({
        id: "discussions.new.formLabel",
        defaultMessage: "Start a discussion",
      })}
      onSubmit={(e) => (e.preventDefault(), create.mutate())}
    >
      <Stack>
        <TextInput
          label={intl.formatMessage({ id: "discussions.new.titleLabel", defaultMessage: "Title" })}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={200}
        />
        <Select
          label={intl.formatMessage({ id: "discussions.new.categoryLabel", defaultMessage: "Category" })}
          data={discussionCategories.map((c) => ({ value: c, label: discussionCategoryLabels[c] }))}
          value={category}
          onChange={(v) => isCategory(v) && setCategory(v)}
          allowDeselect={false}
        />
        <MentionTextarea
          label={intl.formatMessage({
            id: "discussions.new.bodyLabel",
            defaultMessage: "Your question or idea",
          })}
          description={intl.formatMessage({
            id: "discussions.new.bodyHelp",
            defaultMessage:
              "Markdown works: **bold**, lists, links. Type @ and a name to mention someone; they are notified.",
          })}
          required
          autosize
          minRows={4}
          value={body}
          onChange={setBody}
        />
        {create.isError && <Text c="red.8">{errorMessage(create.error)}</Text>}
        <Group>
          <Button type="submit" loading={create.isPending}>
            <FormattedMessage id="discussions.new.postButton" defaultMessage="Post" />
          </Button>
          <Button variant="default" onClick={onDone}>
            <FormattedMessage id="discussions.new.cancelButton" defaultMessage="Cancel" />
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export default function DiscussionsPage() {
  const intl = useIntl();
  const title = intl.formatMessage({ id: "discussions.list.title", defaultMessage: "Discussions" });
  usePageTitle(title);
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const raw = params.get("category");
  const category = isCategory(raw) ? raw : undefined;
  const page = Math.max(1, Number(params.get("page") ?? "1") || 1);
  const [writing, setWriting] = useState(false);
  const threads = useThreads(category, page, !!me.data);
  if (me.isPending) {
    return (
      <PageSkeleton
        label={intl.formatMessage({ id: "discussions.list.loading", defaultMessage: "Loading discussions" })}
      />
    );
  }
  if (!me.data) {
    return (
      <SignInPrompt
        title={title}
        reason={intl.formatMessage({
          id: "discussions.list.signInReason",
          defaultMessage: "Discussions are for practitioners of the community. Sign in to join.",
        })}
      />
    );
  }
  const counts = new Map(threads.data?.categories.map((c) => [c.category, c.threads]));
  return (
    <Stack gap="lg">
      <PageHeader
        title={title}
        description={intl.formatMessage({
          id: "discussions.list.description",
          defaultMessage:
            "Ask peers across the country: launching, business engagement, measuring impact, and your industry.",
        })}
        actions={
          !writing && (
            <Button onClick={() => setWriting(true)}>
              <FormattedMessage id="discussions.list.startButton" defaultMessage="Start a discussion" />
            </Button>
          )
        }
      />
      {writing && <NewThreadForm initial={category} onDone={() => setWriting(false)} />}
      <nav
        aria-label={intl.formatMessage({
          id: "discussions.list.categoriesLabel",
          defaultMessage: "Categories",
        })}
      >
        <Chip.Group
          value={category ?? "all"}
          onChange={(v) => setParams(v === "all" ? {} : { category: String(v) })}
        >
          <Group gap="xs">
            <Chip value="all">
              <FormattedMessage id="discussions.list.allCategories" defaultMessage="All" />
            </Chip>
            {discussionCategories.map((c) => (
              <Chip key={c} value={c}>
                {discussionCategoryLabels[c]} {counts.get(c) ? `(${counts.get(c)})` : ""}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </nav>
      {threads.isPending ? (
        <PageSkeleton
          label={intl.formatMessage({
            id: "discussions.list.loadingThreads",
            defaultMessage: "Loading threads",
          })}
        />
      ) : threads.isError ? (
        <ErrorAlert error={threads.error} onRetry={() => void threads.refetch()} />
      ) : threads.data.items.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage
            id="discussions.list.empty"
            defaultMessage="No discussions here yet. Start the first one."
          />
        </Text>
      ) : (
        <Stack
          component="ul"
          gap="sm"
          p={0}
          style={{ listStyle: "none" }}
          aria-label={intl.formatMessage({ id: "discussions.list.threadsLabel", defaultMessage: "Threads" })}
        >
          {threads.data.items.map((t) => (
            <Card component="li" key={t.id} withBorder>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={4}>
                  <Anchor component={Link} to={`/discussions/${t.id}`} fw={600} fz="lg">
                    {t.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    <FormattedMessage
                      id="discussions.list.threadMeta"
                      defaultMessage="{category} · started by {author} · last activity {when}"
                      values={{
                        category: discussionCategoryLabels[t.category],
                        author: t.author.name,
                        when: formatDateTime(t.lastReplyAt),
                      }}
                    />
                  </Text>
                </Stack>
                <Group gap="xs" wrap="nowrap">
                  {t.locked && (
                    <Badge color="gray">
                      <FormattedMessage id="discussions.list.locked" defaultMessage="Locked" />
                    </Badge>
                  )}
                  {t.hidden && (
                    <Badge color="red">
                      <FormattedMessage id="discussions.list.hidden" defaultMessage="Hidden" />
                    </Badge>
                  )}
                  <Badge variant="light">
                    <FormattedMessage
                      id="discussions.list.replyCount"
                      defaultMessage="{count, plural, one {# reply} other {# replies}}"
                      values={{ count: t.replyCount }}
                    />
                  </Badge>
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {threads.data && threads.data.total > threads.data.pageSize && (
        <Pagination
          total={Math.ceil(threads.data.total / threads.data.pageSize)}
          value={page}
          onChange={(p) => setParams({ ...(category ? { category } : {}), page: String(p) })}
          getControlProps={(control) => ({
            "aria-label": intl.formatMessage(
              {
                id: "discussions.list.pageControl",
                defaultMessage:
                  "{control, select, first {first page} previous {previous page} next {next page} last {last page} other {{control} page}}",
              },
              { control },
            ),
          })}
        />
      )}
    </Stack>
  );
}
