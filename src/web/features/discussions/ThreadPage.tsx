import { useState } from "react";
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Pagination,
  Stack,
  Text,
  TextInput,
  Typography,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useParams, useSearchParams } from "react-router";
import { discussionCategoryLabels } from "../../../core/discussion-categories.js";
import type { Reply, ThreadDetail } from "../../../core/discussions.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { errorMessage } from "../../lib/api.js";
import { formatDateTime, formatTime } from "../../lib/format.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { discussionsApi, threadKey, useThread } from "./api.js";
import { ReplyBox } from "./ReplyBox.js";

/** The HTML comes from the server's sanitizer (no scripts, handlers or javascript: links). */
function Rendered({ html }: { html: string }) {
  return (
    <Typography>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}

function ReplyCard({ reply, thread }: { reply: Reply; thread: ThreadDetail }) {
  const intl = useIntl();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: threadKey(thread.id) });
  const [editing, setEditing] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [reason, setReason] = useState("");
  const edit = useMutation({
    mutationFn: (body: string) => discussionsApi.edit(reply.id, body),
    onSuccess: async () => (setEditing(false), await refresh()),
  });
  const report = useMutation({
    mutationFn: () => discussionsApi.report(reply.id, reason),
    onSuccess: () => setReporting(false),
  });
  const hide = useMutation({
    mutationFn: () => discussionsApi.hideReply(reply.id, !reply.hidden),
    onSuccess: refresh,
  });
  return (
    <Card
      component="article"
      id={`reply-${reply.id}`}
      withBorder
      aria-label={intl.formatMessage(
        { id: "discussions.reply.label", defaultMessage: "Reply by {author}" },
        { author: reply.author.name },
      )}
    >
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{reply.author.name}</Text>
        <Text size="sm" c="dimmed">
          {formatDateTime(reply.createdAt)}
          {reply.editedAt &&
            ` · ${intl.formatMessage(
              { id: "discussions.reply.edited", defaultMessage: "edited {when}" },
              { when: formatDateTime(reply.editedAt) },
            )}`}
          {reply.hidden &&
            ` · ${intl.formatMessage({ id: "discussions.reply.hiddenNote", defaultMessage: "hidden by a moderator" })}`}
        </Text>
      </Group>
      {editing ? (
        <ReplyBox
          label={intl.formatMessage({ id: "discussions.reply.editLabel", defaultMessage: "Edit your reply" })}
          initial={reply.body}
          submitLabel={intl.formatMessage({ id: "discussions.reply.saveButton", defaultMessage: "Save" })}
          pending={edit.isPending}
          error={edit.isError ? errorMessage(edit.error) : undefined}
          onSubmit={(body) => edit.mutate(body)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Rendered html={reply.html} />
      )}
      {!editing && (
        <Group gap="xs" mt="sm">
          {reply.editableUntil && (
            <Button size="xs" variant="subtle" onClick={() => setEditing(true)}>
              <FormattedMessage
                id="discussions.reply.editButton"
                defaultMessage="Edit (until {time})"
                values={{ time: formatTime(reply.editableUntil) }}
              />
            </Button>
          )}
          {!reporting && !report.isSuccess && (
            // The subtle variant draws gray text at gray.6 (3.3:1 on white): the text color is set itself.
            <Button size="xs" variant="subtle" color="gray" c="gray.8" onClick={() => setReporting(true)}>
              <FormattedMessage id="discussions.reply.reportButton" defaultMessage="Report" />
            </Button>
          )}
          {report.isSuccess && (
            <Text size="sm">
              <FormattedMessage
                id="discussions.reply.reported"
                defaultMessage="Thank you: the moderators will look at it."
              />
            </Text>
          )}
          {thread.permissions.moderate && (
            <Button
              size="xs"
              variant="light"
              color="red.8"
              onClick={() => hide.mutate()}
              loading={hide.isPending}
            >
              {reply.hidden ? (
                <FormattedMessage id="discussions.reply.unhideButton" defaultMessage="Unhide" />
              ) : (
                <FormattedMessage id="discussions.reply.hideButton" defaultMessage="Hide" />
              )}
            </Button>
          )}
        </Group>
      )}
      {reporting && (
        <Group
          component="form"
          mt="sm"
          align="flex-end"
          onSubmit={(e) => (e.preventDefault(), report.mutate())}
        >
          <TextInput
            label={intl.formatMessage({
              id: "discussions.reply.reportReasonLabel",
              defaultMessage: "Why should a moderator look at this?",
            })}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            minLength={3}
          />
          <Button type="submit" size="sm" loading={report.isPending}>
            <FormattedMessage id="discussions.reply.sendReport" defaultMessage="Send report" />
          </Button>
          <Button size="sm" variant="default" onClick={() => setReporting(false)}>
            <FormattedMessage id="discussions.reply.cancelReport" defaultMessage="Cancel" />
          </Button>
          {report.isError && <Text c="red.8">{errorMessage(report.error)}</Text>}
        </Group>
      )}
    </Card>
  );
}

/** Which replies a page holds, and the way to the others, above and below the replies. */
function ReplyPages({ thread, onPage }: { thread: ThreadDetail; onPage: (page: number) => void }) {
  const intl = useIntl();
  const { page, pageSize, total } = thread.replyPage;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" gap="xs">
      <Text size="sm" c="dimmed">
        {total === 0 ? (
          <FormattedMessage id="discussions.pages.none" defaultMessage="No replies yet" />
        ) : first > total ? (
          <FormattedMessage
            id="discussions.pages.emptyPage"
            defaultMessage="No replies on page {page}: there are {total}"
            values={{ page, total }}
          />
        ) : (
          <FormattedMessage
            id="discussions.pages.range"
            defaultMessage="Replies {first}–{last} of {total}"
            values={{ first, last, total }}
          />
        )}
      </Text>
      {pages > 1 && (
        <Pagination
          size="sm"
          total={pages}
          value={Math.min(page, pages)}
          onChange={onPage}
          getControlProps={(control) => ({
            "aria-label": intl.formatMessage(
              {
                id: "discussions.pages.control",
                defaultMessage:
                  "{control, select, first {first page of replies} previous {previous page of replies} next {next page of replies} last {last page of replies} other {{control} page of replies}}",
              },
              { control },
            ),
          })}
          getItemProps={(p) => ({
            "aria-label": intl.formatMessage(
              { id: "discussions.pages.item", defaultMessage: "Replies page {page}" },
              { page: p },
            ),
          })}
        />
      )}
    </Group>
  );
}

function ThreadView({
  thread,
  onPage,
}: {
  thread: ThreadDetail;
  onPage: (page: number, scroll?: boolean) => void;
}) {
  const intl = useIntl();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: threadKey(thread.id) });
  const [box, setBox] = useState(0);
  const reply = useMutation({
    mutationFn: (body: string) => discussionsApi.reply(thread.id, body),
    onSuccess: async () => {
      setBox((n) => n + 1);
      // The new reply is the newest: show the last page, where it is.
      const { pageSize, total } = thread.replyPage;
      onPage(Math.max(1, Math.ceil((total + 1) / pageSize)), false);
      await refresh();
    },
  });
  const follow = useMutation({
    mutationFn: () => discussionsApi.follow(thread.id, !thread.following),
    onSuccess: refresh,
  });
  const moderate = useMutation({
    mutationFn: (change: { hidden?: boolean; locked?: boolean }) =>
      discussionsApi.moderate(thread.id, change),
    onSuccess: refresh,
  });
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/discussions">
        <FormattedMessage id="discussions.thread.backLink" defaultMessage="← All discussions" />
      </Anchor>
      <PageHeader
        eyebrow={<Badge variant="light">{discussionCategoryLabels[thread.category]}</Badge>}
        title={thread.title}
        description={intl.formatMessage(
          { id: "discussions.thread.startedBy", defaultMessage: "Started by {author}, {when}" },
          { author: thread.author.name, when: formatDateTime(thread.createdAt) },
        )}
        actions={
          <>
            <Button variant="default" onClick={() => follow.mutate()} loading={follow.isPending}>
              {thread.following ? (
                <FormattedMessage id="discussions.thread.unfollow" defaultMessage="Unfollow" />
              ) : (
                <FormattedMessage id="discussions.thread.follow" defaultMessage="Follow" />
              )}
            </Button>
            {thread.permissions.moderate && (
              <>
                <Button variant="light" onClick={() => moderate.mutate({ locked: !thread.locked })}>
                  {thread.locked ? (
                    <FormattedMessage id="discussions.thread.unlock" defaultMessage="Unlock" />
                  ) : (
                    <FormattedMessage id="discussions.thread.lock" defaultMessage="Lock" />
                  )}
                </Button>
                <Button
                  variant="light"
                  color="red.8"
                  onClick={() => moderate.mutate({ hidden: !thread.hidden })}
                >
                  {thread.hidden ? (
                    <FormattedMessage id="discussions.thread.unhide" defaultMessage="Unhide thread" />
                  ) : (
                    <FormattedMessage id="discussions.thread.hide" defaultMessage="Hide thread" />
                  )}
                </Button>
              </>
            )}
          </>
        }
      />
      <Card
        withBorder
        component="section"
        aria-label={intl.formatMessage({
          id: "discussions.thread.questionLabel",
          defaultMessage: "The question",
        })}
      >
        <Rendered html={thread.html} />
      </Card>
      <Stack
        component="section"
        aria-label={intl.formatMessage({ id: "discussions.thread.repliesLabel", defaultMessage: "Replies" })}
        gap="sm"
      >
        <ReplyPages thread={thread} onPage={(p) => onPage(p)} />
        {thread.replies.map((r) => (
          <ReplyCard key={r.id} reply={r} thread={thread} />
        ))}
        {thread.replies.length > 5 && <ReplyPages thread={thread} onPage={(p) => onPage(p)} />}
      </Stack>
      {thread.permissions.reply ? (
        <Card withBorder>
          <ReplyBox
            key={box}
            label={intl.formatMessage({ id: "discussions.thread.replyLabel", defaultMessage: "Your reply" })}
            submitLabel={intl.formatMessage({
              id: "discussions.thread.replyButton",
              defaultMessage: "Reply",
            })}
            pending={reply.isPending}
            error={reply.isError ? errorMessage(reply.error) : undefined}
            onSubmit={(body) => reply.mutate(body)}
          />
        </Card>
      ) : (
        <Text c="dimmed">
          <FormattedMessage
            id="discussions.thread.locked"
            defaultMessage="A moderator locked this discussion; it takes no new replies."
          />
        </Text>
      )}
    </Stack>
  );
}

export default function ThreadPage() {
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get("page"));
  const page = Number.isInteger(asked) && asked >= 1 ? asked : undefined;
  const me = useMe();
  const thread = useThread(me.data ? id : undefined, page);
  const intl = useIntl();
  const title = intl.formatMessage({ id: "discussions.thread.pageTitle", defaultMessage: "Discussion" });
  const loading = intl.formatMessage({
    id: "discussions.thread.loading",
    defaultMessage: "Loading the discussion",
  });
  usePageTitle(thread.data?.title ?? title);
  if (me.isPending) return <PageSkeleton label={loading} />;
  if (!me.data)
    return (
      <SignInPrompt
        title={title}
        reason={intl.formatMessage({
          id: "discussions.thread.signInReason",
          defaultMessage: "Discussions are for practitioners. Sign in to read and reply.",
        })}
      />
    );
  if (thread.isPending) return <PageSkeleton label={loading} />;
  if (thread.isError) return <ErrorAlert error={thread.error} onRetry={() => void thread.refetch()} />;
  const onPage = (p: number, scroll = true) => {
    setParams({ page: String(p) });
    if (scroll) window.scrollTo({ top: 0 });
  };
  return <ThreadView thread={thread.data} onPage={onPage} />;
}
