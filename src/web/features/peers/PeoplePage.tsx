import { useState } from "react";
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import type { ListingBody, PersonListing } from "../../../core/peers.js";
import { organizationKindLabels, organizationKinds } from "../../../core/vocabulary.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { api, buildQuery, errorMessage, request } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";

const words = defineMessages({
  title: { id: "peers.people.title", defaultMessage: "People" },
  loading: { id: "peers.people.loading", defaultMessage: "Loading people" },
});

function MyListing({ initial }: { initial: ListingBody }) {
  const intl = useIntl();
  const client = useQueryClient();
  const [form, setForm] = useState(initial);
  const save = useMutation({
    mutationFn: () =>
      request<ListingBody>("PUT", "/me/listing", { ...form, state: form.state.toUpperCase() }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["people"] }),
  });
  return (
    <Card
      withBorder
      component="form"
      aria-label={intl.formatMessage({ id: "peers.listing.label", defaultMessage: "Your listing" })}
      onSubmit={(e) => (e.preventDefault(), save.mutate())}
    >
      <Stack gap="sm">
        <Checkbox
          label={intl.formatMessage({
            id: "peers.listing.listMe",
            defaultMessage: "List me in the people directory",
          })}
          checked={form.listed}
          onChange={(e) => setForm({ ...form, listed: e.currentTarget.checked })}
        />
        <Group grow align="flex-start">
          <TextInput
            label={intl.formatMessage({ id: "peers.listing.role", defaultMessage: "Role or title" })}
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
          />
          <Select
            label={intl.formatMessage({
              id: "peers.listing.organizationKind",
              defaultMessage: "Organization kind",
            })}
            data={organizationKinds.map((k) => ({ value: k, label: organizationKindLabels[k] }))}
            value={form.organizationKind}
            onChange={(v) => v && setForm({ ...form, organizationKind: v })}
            allowDeselect={false}
          />
          <TextInput
            label={intl.formatMessage({ id: "peers.listing.state", defaultMessage: "State (two letters)" })}
            maxLength={2}
            value={form.state}
            onChange={(e) => setForm({ ...form, state: e.currentTarget.value })}
          />
        </Group>
        <TagsInput
          label={intl.formatMessage({ id: "peers.listing.topics", defaultMessage: "Topics I can help with" })}
          value={form.topics}
          onChange={(topics) => setForm({ ...form, topics })}
          maxTags={12}
        />
        {save.isError && <Text c="red.8">{errorMessage(save.error)}</Text>}
        {save.isSuccess && (
          <Text role="status">
            <FormattedMessage id="peers.listing.saved" defaultMessage="Saved." />
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            <FormattedMessage id="peers.listing.save" defaultMessage="Save my listing" />
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export default function PeoplePage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage(words.title));
  const me = useMe();
  const [q, setQ] = useState("");
  const people = useQuery({
    queryKey: ["people", q],
    queryFn: ({ signal }) =>
      api.get<{ items: PersonListing[]; total: number }>(
        `/people${buildQuery({ q: q || undefined })}`,
        signal,
      ),
    enabled: !!me.data,
  });
  const mine = useQuery({
    queryKey: ["my-listing"],
    queryFn: () => api.get<ListingBody>("/me/listing"),
    enabled: !!me.data,
  });
  if (me.isPending) return <PageSkeleton label={intl.formatMessage(words.loading)} />;
  if (!me.data)
    return (
      <SignInPrompt
        title={intl.formatMessage(words.title)}
        reason={intl.formatMessage({
          id: "peers.people.signInReason",
          defaultMessage: "The people directory is for practitioners. Sign in to see it.",
        })}
      />
    );
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage(words.title)}
        description={intl.formatMessage({
          id: "peers.people.description",
          defaultMessage: "Practitioners who chose to be listed, and the topics they can help with.",
        })}
      />
      {mine.data && <MyListing initial={mine.data} />}
      <TextInput
        label={intl.formatMessage({
          id: "peers.people.search",
          defaultMessage: "Search by name, role or topic",
        })}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={420}
      />
      {people.isPending ? (
        <PageSkeleton label={intl.formatMessage(words.loading)} />
      ) : people.isError ? (
        <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />
      ) : people.data.items.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage id="peers.people.none" defaultMessage="Nobody matches yet." />
        </Text>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 3 }}
          component="ul"
          p={0}
          style={{ listStyle: "none" }}
          aria-label={intl.formatMessage({ id: "peers.people.listLabel", defaultMessage: "Practitioners" })}
        >
          {people.data.items.map((p) => (
            <Card component="li" withBorder key={p.userId}>
              <Text fw={600}>{p.name}</Text>
              <Text size="sm" c="dimmed">
                {[p.title, organizationKindLabels[p.organizationKind], p.state].filter(Boolean).join(" · ")}
              </Text>
              <Group gap={4} mt="xs">
                {p.topics.map((t) => (
                  <Badge key={t} variant="light" size="sm">
                    {t}
                  </Badge>
                ))}
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
