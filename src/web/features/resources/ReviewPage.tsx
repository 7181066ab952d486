import { Alert, Anchor, Button, Card, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { resourceKindLabels } from "../../../core/resource-vocabulary.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { fileKind, fileSize } from "../../components/fileUpload.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { resourcesApi, resourcesKey, useSuggestions } from "./api.js";
import { formatDate } from "../../lib/format.js";

/** Community admins publish or reject what members suggested, oldest first. */
export default function ReviewPage() {
  const intl = useIntl();
  const title = intl.formatMessage({ id: "resources.review.title", defaultMessage: "Suggested resources" });
  usePageTitle(title);
  const me = useMe();
  const isAdmin = me.data?.isAdmin ?? false;
  const query = useSuggestions(isAdmin);
  const client = useQueryClient();
  const review = useMutation({
    mutationFn: (v: { id: string; decision: "publish" | "reject" }) => resourcesApi.review(v.id, v.decision),
    onSuccess: () => client.invalidateQueries({ queryKey: resourcesKey }),
  });
  if (me.isPending) {
    return (
      <PageSkeleton
        label={intl.formatMessage({ id: "resources.review.loading", defaultMessage: "Loading" })}
      />
    );
  }
  if (!isAdmin)
    return (
      <Alert
        title={intl.formatMessage({
          id: "resources.review.adminsOnlyTitle",
          defaultMessage: "For community admins",
        })}
      >
        <FormattedMessage
          id="resources.review.adminsOnlyText"
          defaultMessage="Only a community admin reviews suggested resources."
        />
      </Alert>
    );
  return (
    <Stack gap="lg">
      <PageHeader
        title={title}
        description={intl.formatMessage({
          id: "resources.review.description",
          defaultMessage:
            "Members' suggestions waiting for review. Publish what is useful and accurate; reject the rest.",
        })}
        actions={
          <Button component={Link} to="/resources/suggest" variant="default">
            <FormattedMessage id="resources.review.addButton" defaultMessage="Add a resource" />
          </Button>
        }
      />
      {review.isError && <ErrorAlert error={review.error} />}
      {query.isPending ? (
        <PageSkeleton
          label={intl.formatMessage({
            id: "resources.review.loadingSuggestions",
            defaultMessage: "Loading the suggestions",
          })}
        />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage id="resources.review.empty" defaultMessage="Nothing is waiting for review." />
        </Text>
      ) : (
        <Stack component="ul" gap="sm" className="plain-list">
          {query.data.items.map((s) => (
            <Card component="li" key={s.id} withBorder padding="md">
              <Group justify="space-between" align="flex-start" wrap="wrap">
                <Stack gap={4} maw={640}>
                  <Anchor component={Link} to={`/resources/${s.slug}`} fw={700}>
                    {s.title}
                  </Anchor>
                  <Text size="sm">{s.summary}</Text>
                  <Text size="xs" c="dimmed">
                    {s.suggestedByName ? (
                      <FormattedMessage
                        id="resources.review.suggestedBy"
                        defaultMessage="{kind} · suggested by {name} on {date}"
                        values={{
                          kind: resourceKindLabels[s.kind],
                          name: s.suggestedByName,
                          date: formatDate(new Date(s.createdAt)),
                        }}
                      />
                    ) : (
                      <FormattedMessage
                        id="resources.review.suggestedByFormer"
                        defaultMessage="{kind} · suggested by a former member on {date}"
                        values={{ kind: resourceKindLabels[s.kind], date: formatDate(new Date(s.createdAt)) }}
                      />
                    )}
                  </Text>
                  <Text size="xs">
                    {s.file ? (
                      <FormattedMessage
                        id="resources.review.withFile"
                        defaultMessage="With a file: {name} ({kind}, {size})"
                        values={{
                          name: s.file.name,
                          kind: fileKind(s.file.contentType),
                          size: fileSize(s.file.size),
                        }}
                      />
                    ) : (
                      <FormattedMessage id="resources.review.noFile" defaultMessage="No file attached" />
                    )}
                  </Text>
                </Stack>
                <Group gap="sm">
                  <Button
                    onClick={() => review.mutate({ id: s.id, decision: "publish" })}
                    aria-label={intl.formatMessage(
                      { id: "resources.review.publishLabel", defaultMessage: "Publish {title}" },
                      { title: s.title },
                    )}
                  >
                    <FormattedMessage id="resources.review.publishButton" defaultMessage="Publish" />
                  </Button>
                  <Button
                    variant="default"
                    onClick={() => review.mutate({ id: s.id, decision: "reject" })}
                    aria-label={intl.formatMessage(
                      { id: "resources.review.rejectLabel", defaultMessage: "Reject {title}" },
                      { title: s.title },
                    )}
                  >
                    <FormattedMessage id="resources.review.rejectButton" defaultMessage="Reject" />
                  </Button>
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
