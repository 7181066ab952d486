import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import {
  resourceAudienceLabels,
  resourceAudiences,
  resourceKindLabels,
  resourceKinds,
  resourceLimits,
  resourceTopicLabels,
  resourceTopics,
  type ResourceAudience,
  type ResourceKind,
  type ResourceTopic,
} from "../../../core/resource-vocabulary.js";
import { stageLabels, stages, type Stage } from "../../../core/vocabulary.js";
import { ApiError } from "../../lib/api.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { resourcesApi, resourcesKey } from "./api.js";

/** Members suggest a resource; admins publish it straight away from the same form. */
export default function SuggestPage() {
  const me = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<ResourceKind>("template");
  const [stage, setStage] = useState<Stage | null>(null);
  const [topics, setTopics] = useState<ResourceTopic[]>([]);
  const [audience, setAudience] = useState<ResourceAudience[]>([]);
  const [summary, setSummary] = useState("");
  const [body, setBody] = useState("");
  const [url, setUrl] = useState("");
  const isAdmin = me.data?.isAdmin ?? false;
  usePageTitle(isAdmin ? "Add a resource" : "Suggest a resource");
  const create = useMutation({
    mutationFn: () =>
      resourcesApi.create({ title, kind, stage, topics, audience, summary, body, url: url.trim() || null }),
    onSuccess: async (r) => {
      await client.invalidateQueries({ queryKey: resourcesKey });
      await navigate(`/resources/${r.slug}`);
    },
  });
  if (me.isPending) return <PageSkeleton label="Loading" />;
  if (!me.data)
    return (
      <Alert title="Sign in to suggest a resource">
        <Anchor component={Link} to="/signin?next=/resources/suggest">
          Sign in
        </Anchor>{" "}
        to share a template, an example or a link with the Community of Practice.
      </Alert>
    );
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader
        title={isAdmin ? "Add a resource" : "Suggest a resource"}
        description={
          isAdmin
            ? "As a community admin, what you add is published at once."
            : "Share a template, an example or a link that helped your partnership. A community admin reviews it before it appears in the library."
        }
      />
      <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Title"
            required
            maxLength={resourceLimits.title}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <Group grow>
            <Select
              label="Kind"
              required
              allowDeselect={false}
              value={kind}
              onChange={(v) => setKind(v ?? "template")}
              data={resourceKinds.map((k) => ({ value: k, label: resourceKindLabels[k] }))}
            />
            <Select
              label="Stage"
              placeholder="Any stage"
              clearable
              value={stage}
              onChange={(v) => setStage(v)}
              data={stages.map((s) => ({ value: s, label: stageLabels[s] }))}
            />
          </Group>
          <MultiSelect
            label="Topics"
            value={topics}
            onChange={(v) => setTopics(v)}
            maxValues={resourceLimits.topics}
            data={resourceTopics.map((t) => ({ value: t, label: resourceTopicLabels[t] }))}
            error={errors.topics}
          />
          <MultiSelect
            label="For"
            value={audience}
            onChange={(v) => setAudience(v)}
            data={resourceAudiences.map((a) => ({ value: a, label: resourceAudienceLabels[a] }))}
          />
          <Textarea
            label="Summary"
            description="One or two sentences: what it is and when it helps."
            maxLength={resourceLimits.summary}
            autosize
            minRows={2}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={errors.summary}
          />
          <Textarea
            label="Text"
            description="Markdown: **bold**, lists with -, headings with ##."
            autosize
            minRows={8}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors.body}
          />
          <TextInput
            label="Link"
            description="Optional: where the resource lives on the web."
            type="url"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={errors.url}
          />
          {create.isError && Object.keys(errors).length === 0 && <ErrorAlert error={create.error} />}
          <Text size="sm" c="dimmed">
            A file (PDF, Word or Excel, up to 20 MB) can be attached once the resource is saved.
          </Text>
          <Group>
            <Button type="submit" loading={create.isPending}>
              {isAdmin ? "Publish" : "Send for review"}
            </Button>
            <Button component={Link} to="/resources" variant="default">
              Cancel
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
