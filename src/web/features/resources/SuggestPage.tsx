import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  Stack,
  TextInput,
  Textarea,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormattedMessage, useIntl } from "react-intl";
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
import type { Resource } from "../../../core/resources.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { checkFileContent, checkFileLocally, uploadHint } from "../../components/fileUpload.js";
import { UploadInput } from "../../components/UploadInput.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { resourcesApi, resourcesKey } from "./api.js";
import { AttachFile } from "./AttachFile.js";

/** Members suggest a resource; admins publish it straight away from the same form. */
export default function SuggestPage() {
  const me = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const intl = useIntl();
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<ResourceKind>("template");
  const [stage, setStage] = useState<Stage | null>(null);
  const [topics, setTopics] = useState<ResourceTopic[]>([]);
  const [audience, setAudience] = useState<ResourceAudience[]>([]);
  const [summary, setSummary] = useState("");
  const [body, setBody] = useState("");
  const [url, setUrl] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  /** Saved, but its file was refused: the person is told and may attach it again. */
  const [savedWithoutFile, setSavedWithoutFile] = useState<Resource | null>(null);
  const isAdmin = me.data?.isAdmin ?? false;
  const pageTitle = isAdmin
    ? intl.formatMessage({ id: "resources.suggest.addTitle", defaultMessage: "Add a resource" })
    : intl.formatMessage({ id: "resources.suggest.suggestTitle", defaultMessage: "Suggest a resource" });
  usePageTitle(pageTitle);
  const create = useMutation({
    mutationFn: async () => {
      const saved = await resourcesApi.create({
        title,
        kind,
        stage,
        topics,
        audience,
        summary,
        body,
        url: url.trim() || null,
      });
      if (!file) return { resource: saved, refused: null };
      try {
        return { resource: await resourcesApi.attach(saved.id, file), refused: null };
      } catch (error) {
        return { resource: saved, refused: errorMessage(error) };
      }
    },
    onSuccess: async ({ resource, refused }) => {
      await client.invalidateQueries({ queryKey: resourcesKey });
      if (refused) {
        setFileError(refused);
        setSavedWithoutFile(resource);
        return;
      }
      await navigate(`/resources/${resource.slug}`);
    },
  });
  if (me.isPending) {
    return (
      <PageSkeleton
        label={intl.formatMessage({ id: "resources.suggest.loading", defaultMessage: "Loading" })}
      />
    );
  }
  if (!me.data)
    return (
      <Alert
        title={intl.formatMessage({
          id: "resources.suggest.signInTitle",
          defaultMessage: "Sign in to suggest a resource",
        })}
      >
        <FormattedMessage
          id="resources.suggest.signInText"
          defaultMessage="<link>Sign in</link> to share a template, an example or a link with the Community of Practice."
          values={{
            link: (chunks) => (
              <Anchor component={Link} to="/signin?next=/resources/suggest">
                {chunks}
              </Anchor>
            ),
          }}
        />
      </Alert>
    );
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // A file the server would refuse by its size, name or content is caught before anything is saved.
    const refused = file ? (checkFileLocally(file) ?? (await checkFileContent(file))) : null;
    setFileError(refused);
    if (refused) {
      document.getElementById("resource-file")?.focus();
      return;
    }
    create.mutate();
  };
  if (savedWithoutFile) {
    const r = savedWithoutFile;
    return (
      <Stack gap="lg" maw={760}>
        <PageHeader title={pageTitle} />
        <Alert
          color="harvest"
          c="gray.9"
          variant="light"
          title={intl.formatMessage({
            id: "resources.suggest.savedWithoutFileTitle",
            defaultMessage: "Saved without its file",
          })}
          role="alert"
        >
          {isAdmin ? (
            <FormattedMessage
              id="resources.suggest.publishedWithoutFile"
              defaultMessage="The resource is published, but its file was refused, for the reason shown below. Attach the file again (or another one), or open the resource without a file."
            />
          ) : (
            <FormattedMessage
              id="resources.suggest.savedWithoutFile"
              defaultMessage="Your suggestion is saved and waits for review, but its file was refused, for the reason shown below. Attach the file again (or another one), or open the resource without a file."
            />
          )}
        </Alert>
        <Card withBorder padding="lg">
          <Stack gap="md">
            <AttachFile
              resourceId={r.id}
              label={intl.formatMessage(
                { id: "resources.suggest.retryFileLabel", defaultMessage: "File for “{title}”" },
                { title: r.title },
              )}
              action={intl.formatMessage({
                id: "resources.suggest.retryButton",
                defaultMessage: "Try attaching again",
              })}
              initialFile={file}
              initialError={fileError}
              onAttached={(attached) => navigate(`/resources/${attached.slug}`)}
            />
            <Anchor component={Link} to={`/resources/${r.slug}`}>
              <FormattedMessage
                id="resources.suggest.openWithoutFile"
                defaultMessage="Open the resource without a file"
              />
            </Anchor>
          </Stack>
        </Card>
      </Stack>
    );
  }
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader
        title={pageTitle}
        description={
          isAdmin
            ? intl.formatMessage({
                id: "resources.suggest.adminDescription",
                defaultMessage: "As a community admin, what you add is published at once.",
              })
            : intl.formatMessage({
                id: "resources.suggest.memberDescription",
                defaultMessage:
                  "Share a template, an example or a link that helped your partnership. A community admin reviews it before it appears in the library.",
              })
        }
      />
      <Card withBorder padding="lg" component="form" onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <TextInput
            label={intl.formatMessage({ id: "resources.suggest.titleLabel", defaultMessage: "Title" })}
            required
            maxLength={resourceLimits.title}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <Group grow>
            <Select
              label={intl.formatMessage({ id: "resources.suggest.kindLabel", defaultMessage: "Kind" })}
              required
              allowDeselect={false}
              value={kind}
              onChange={(v) => setKind(v ?? "template")}
              data={resourceKinds.map((k) => ({ value: k, label: resourceKindLabels[k] }))}
            />
            <Select
              label={intl.formatMessage({ id: "resources.suggest.stageLabel", defaultMessage: "Stage" })}
              placeholder={intl.formatMessage({
                id: "resources.suggest.stagePlaceholder",
                defaultMessage: "Any stage",
              })}
              clearable
              value={stage}
              onChange={(v) => setStage(v)}
              data={stages.map((s) => ({ value: s, label: stageLabels[s] }))}
            />
          </Group>
          <MultiSelect
            label={intl.formatMessage({ id: "resources.suggest.topicsLabel", defaultMessage: "Topics" })}
            value={topics}
            onChange={(v) => setTopics(v)}
            maxValues={resourceLimits.topics}
            data={resourceTopics.map((t) => ({ value: t, label: resourceTopicLabels[t] }))}
            error={errors.topics}
          />
          <MultiSelect
            label={intl.formatMessage({ id: "resources.suggest.audienceLabel", defaultMessage: "For" })}
            value={audience}
            onChange={(v) => setAudience(v)}
            data={resourceAudiences.map((a) => ({ value: a, label: resourceAudienceLabels[a] }))}
          />
          <Textarea
            label={intl.formatMessage({ id: "resources.suggest.summaryLabel", defaultMessage: "Summary" })}
            description={intl.formatMessage({
              id: "resources.suggest.summaryHelp",
              defaultMessage: "One or two sentences: what it is and when it helps.",
            })}
            maxLength={resourceLimits.summary}
            autosize
            minRows={2}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={errors.summary}
          />
          <Textarea
            label={intl.formatMessage({ id: "resources.suggest.textLabel", defaultMessage: "Text" })}
            description={intl.formatMessage({
              id: "resources.suggest.textHelp",
              defaultMessage: "Markdown: **bold**, lists with -, headings with ##.",
            })}
            autosize
            minRows={8}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors.body}
          />
          <TextInput
            label={intl.formatMessage({ id: "resources.suggest.linkLabel", defaultMessage: "Link" })}
            description={intl.formatMessage({
              id: "resources.suggest.linkHelp",
              defaultMessage: "Optional: where the resource lives on the web.",
            })}
            type="url"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={errors.url}
          />
          {create.isError && Object.keys(errors).length === 0 && <ErrorAlert error={create.error} />}
          <UploadInput
            id="resource-file"
            label={intl.formatMessage({ id: "resources.suggest.fileLabel", defaultMessage: "File" })}
            description={intl.formatMessage(
              { id: "resources.suggest.fileHelp", defaultMessage: "Optional: {hint}" },
              { hint: uploadHint() },
            )}
            value={file}
            onChange={(f, problem) => {
              setFile(f);
              setFileError(problem);
            }}
            error={fileError}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {isAdmin ? (
                <FormattedMessage id="resources.suggest.publishButton" defaultMessage="Publish" />
              ) : (
                <FormattedMessage id="resources.suggest.sendButton" defaultMessage="Send for review" />
              )}
            </Button>
            <Button component={Link} to="/resources" variant="default">
              <FormattedMessage id="resources.suggest.cancelButton" defaultMessage="Cancel" />
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
