import { Alert, Anchor, Button, Card, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
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
  usePageTitle("Suggested resources");
  const me = useMe();
  const isAdmin = me.data?.isAdmin ?? false;
  const query = useSuggestions(isAdmin);
  const client = useQueryClient();
  const review = useMutation({
    mutationFn: (v: { id: string; decision: "publish" | "reject" }) => resourcesApi.review(v.id, v.decision),
    onSuccess: () => client.invalidateQueries({ queryKey: resourcesKey }),
  });
  if (me.isPending) return <PageSkeleton label="Loading" />;
  if (!isAdmin)
    return <Alert title="For community admins">Only a community admin reviews suggested resources.</Alert>;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Suggested resources"
        description="Members' suggestions waiting for review. Publish what is useful and accurate; reject the rest."
        actions={
          <Button component={Link} to="/resources/suggest" variant="default">
            Add a resource
          </Button>
        }
      />
      {review.isError && <ErrorAlert error={review.error} />}
      {query.isPending ? (
        <PageSkeleton label="Loading the suggestions" />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Text c="dimmed">Nothing is waiting for review.</Text>
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
                    {resourceKindLabels[s.kind]} · suggested by {s.suggestedByName ?? "a former member"} on{" "}
                    {formatDate(new Date(s.createdAt))}
                  </Text>
                  <Text size="xs">
                    {s.file
                      ? `With a file: ${s.file.name} (${fileKind(s.file.contentType)}, ${fileSize(s.file.size)})`
                      : "No file attached"}
                  </Text>
                </Stack>
                <Group gap="sm">
                  <Button
                    onClick={() => review.mutate({ id: s.id, decision: "publish" })}
                    aria-label={`Publish ${s.title}`}
                  >
                    Publish
                  </Button>
                  <Button
                    variant="default"
                    onClick={() => review.mutate({ id: s.id, decision: "reject" })}
                    aria-label={`Reject ${s.title}`}
                  >
                    Reject
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
