import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useLocation, useParams } from "react-router";
import { resourceFileTypes } from "../../../core/resource-vocabulary.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { fileSize } from "../../components/fileUpload.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { fileUrl, libraryBackLink, resourcesApi, resourcesKey, useResource } from "./api.js";
import { AttachFile } from "./AttachFile.js";
import { ResourceBadges } from "./ResourceBadges.js";
import { formatDate } from "../../lib/format.js";
import { useLocale } from "../../i18n/LocaleProvider.js";
import { contentLocale } from "../../../core/i18n/locales.js";
import { TranslationsPanel } from "./TranslationsPanel.js";

export default function ResourcePage() {
  const { slug = "" } = useParams();
  const query = useResource(slug);
  const back = libraryBackLink(useLocation().state);
  const me = useMe();
  const client = useQueryClient();
  const intl = useIntl();
  const { locale } = useLocale();
  const review = useMutation({
    mutationFn: (decision: "publish" | "reject") => resourcesApi.review(query.data?.id ?? "", decision),
    onSuccess: () => client.invalidateQueries({ queryKey: resourcesKey }),
  });
  usePageTitle(
    query.data?.title ??
      intl.formatMessage({ id: "resources.resource.pageTitle", defaultMessage: "Resource" }),
  );
  if (query.isPending) {
    return (
      <PageSkeleton
        label={intl.formatMessage({
          id: "resources.resource.loading",
          defaultMessage: "Loading the resource",
        })}
      />
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  // Not yet translated into the reader's language: the original is shown, said and marked so.
  const original = r.lang !== contentLocale(locale) ? r.lang : undefined;
  const extension = (resourceFileTypes as Record<string, string | undefined>)[r.file?.contentType ?? ""];
  // The same rule as the server's: admins, or the author while the suggestion awaits review.
  const mayAttach = r.canReview || (r.status === "suggested" && !!me.data && r.suggestedBy === me.data.id);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={back} size="sm">
        <FormattedMessage id="resources.resource.backLink" defaultMessage="← Resource library" />
      </Anchor>
      <PageHeader
        title={<span lang={original}>{r.title}</span>}
        description={r.summary ? <span lang={original}>{r.summary}</span> : undefined}
        eyebrow={<ResourceBadges kind={r.kind} stage={r.stage} topics={r.topics} audience={r.audience} />}
      />
      {original && (
        <Alert color="gray" variant="light" role="note">
          <FormattedMessage
            id="resources.resource.inOriginal"
            defaultMessage="This resource is not translated into your language yet, so it is shown in English."
          />
        </Alert>
      )}
      {r.status !== "published" && (
        <Alert
          color={r.status === "rejected" ? "red" : "harvest"}
          c="gray.9"
          variant="light"
          title={
            r.status === "rejected"
              ? intl.formatMessage({
                  id: "resources.resource.rejectedTitle",
                  defaultMessage: "Not published",
                })
              : intl.formatMessage({
                  id: "resources.resource.pendingTitle",
                  defaultMessage: "Waiting for review",
                })
          }
        >
          {r.status === "rejected" ? (
            <FormattedMessage
              id="resources.resource.rejectedText"
              defaultMessage="A community admin decided not to publish this resource. Only you and the admins can see it."
            />
          ) : (
            <FormattedMessage
              id="resources.resource.pendingText"
              defaultMessage="A community admin will review this suggestion. Until then only you and the admins can see it."
            />
          )}
          {r.canReview && (
            <Group mt="sm" gap="sm">
              <Button onClick={() => review.mutate("publish")} loading={review.isPending}>
                <FormattedMessage id="resources.resource.publishButton" defaultMessage="Publish" />
              </Button>
              {r.status === "suggested" && (
                <Button variant="default" onClick={() => review.mutate("reject")} loading={review.isPending}>
                  <FormattedMessage id="resources.resource.rejectButton" defaultMessage="Reject" />
                </Button>
              )}
            </Group>
          )}
        </Alert>
      )}
      {review.isError && <ErrorAlert error={review.error} />}
      {(r.file ?? r.url) && (
        <Card withBorder padding="md">
          <Group gap="md">
            {r.file && (
              <Button component="a" href={fileUrl(r.slug)} download={r.file.name}>
                {extension ? (
                  <FormattedMessage
                    id="resources.resource.download"
                    defaultMessage="Download {type} ({size})"
                    values={{ type: extension.toUpperCase(), size: fileSize(r.file.size) }}
                  />
                ) : (
                  <FormattedMessage
                    id="resources.resource.downloadFile"
                    defaultMessage="Download FILE ({size})"
                    values={{ size: fileSize(r.file.size) }}
                  />
                )}
              </Button>
            )}
            {r.url && (
              <Anchor href={r.url} target="_blank" rel="noopener noreferrer">
                <FormattedMessage
                  id="resources.resource.openLink"
                  defaultMessage="Open the link: {url}"
                  values={{ url: r.url }}
                />
              </Anchor>
            )}
          </Group>
        </Card>
      )}
      {mayAttach && (
        <Card withBorder padding="md" component="section" aria-labelledby="file-heading">
          <Title order={2} fz="lg" id="file-heading" mb="xs">
            {r.file ? (
              <FormattedMessage id="resources.resource.replaceTitle" defaultMessage="Replace the file" />
            ) : (
              <FormattedMessage id="resources.resource.attachTitle" defaultMessage="Attach a file" />
            )}
          </Title>
          {r.file && (
            <Text size="sm" c="dimmed" mb="xs">
              <FormattedMessage
                id="resources.resource.nowAttached"
                defaultMessage="Now attached: {name} ({size}). A new file takes its place."
                values={{ name: r.file.name, size: fileSize(r.file.size) }}
              />
            </Text>
          )}
          <AttachFile
            resourceId={r.id}
            label={
              r.file
                ? intl.formatMessage({ id: "resources.resource.newFileLabel", defaultMessage: "New file" })
                : intl.formatMessage({ id: "resources.resource.fileLabel", defaultMessage: "File" })
            }
            action={
              r.file
                ? intl.formatMessage({
                    id: "resources.resource.replaceButton",
                    defaultMessage: "Replace the file",
                  })
                : intl.formatMessage({
                    id: "resources.resource.attachButton",
                    defaultMessage: "Attach the file",
                  })
            }
          />
        </Card>
      )}
      {r.html ? (
        <Card withBorder padding="lg" component="article">
          <div className="prose" lang={original} dangerouslySetInnerHTML={{ __html: r.html }} />
        </Card>
      ) : (
        <Text c="dimmed">
          <FormattedMessage
            id="resources.resource.noText"
            defaultMessage="This resource has no text of its own."
          />
        </Text>
      )}
      {r.canReview && r.original && <TranslationsPanel resource={r} />}
      <Text size="sm" c="dimmed">
        <FormattedMessage
          id="resources.resource.updated"
          defaultMessage="Updated {date}"
          values={{ date: formatDate(new Date(r.updatedAt)) }}
        />
      </Text>
    </Stack>
  );
}
