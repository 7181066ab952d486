import { Alert, Anchor, Badge, Button, Card, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { errorMessage } from "../../lib/api.js";
import { formatDate } from "../../lib/format.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { assessmentApi, assessmentKeys, useRubricVersion, useRubricVersions } from "./api.js";
import { RubricEditor } from "./RubricEditor.js";

export default function RubricAdminPage() {
  usePageTitle("Self-assessment rubric");
  const me = useMe();
  const isAdmin = !!me.data?.isAdmin;
  const versions = useRubricVersions(isAdmin);
  const draftVersion = versions.data?.items.find((v) => v.status === "draft")?.version;
  const draft = useRubricVersion(draftVersion);
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: () => assessmentApi.createDraft(),
    onSuccess: () => void client.invalidateQueries({ queryKey: assessmentKeys.versions }),
  });

  if (me.isPending) return <PageSkeleton />;
  if (!me.data) return <SignInPrompt title="Self-assessment rubric" reason="Sign in as a community admin." />;
  if (!isAdmin) return <Alert color="gray">Only community admins manage the rubric.</Alert>;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Self-assessment rubric"
        description="The statements partnerships answer in “Is your partnership Next Gen?”. A published version never changes; a new version succeeds it."
        actions={
          <>
            <Button component={Link} to="/admin/assessment/community" variant="default">
              Community view
            </Button>
            {!draftVersion && (
              <Button loading={create.isPending} onClick={() => create.mutate()}>
                Start a new version
              </Button>
            )}
          </>
        }
      />
      {create.isError && <Alert color="red">{errorMessage(create.error)}</Alert>}
      {versions.isPending ? (
        <PageSkeleton />
      ) : versions.isError ? (
        <ErrorAlert error={versions.error} />
      ) : (
        <Card p="lg" component="section" aria-labelledby="versions-heading">
          <Title order={2} fz="lg" id="versions-heading" mb="sm">
            Versions
          </Title>
          <Table.ScrollContainer minWidth={0}>
            <Table className="stack-on-phone">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Version</Table.Th>
                  <Table.Th scope="col">State</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Statements
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Rounds answered
                  </Table.Th>
                  <Table.Th scope="col">Published</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {versions.data.items.map((v) => (
                  <Table.Tr key={v.version}>
                    <Table.Th scope="row">
                      <Anchor href={`/api/assessment/rubrics/${v.version}`}>Version {v.version}</Anchor>
                    </Table.Th>
                    <Table.Td data-label="State">
                      <Badge
                        tt="none"
                        color={v.status === "draft" ? "harvest.8" : v.current ? "table.7" : "gray.7"}
                      >
                        {v.status === "draft" ? "Draft" : v.current ? "Current" : "Succeeded"}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right" data-label="Statements">
                      {v.statements}
                    </Table.Td>
                    <Table.Td ta="right" data-label="Rounds answered">
                      {v.rounds}
                    </Table.Td>
                    <Table.Td data-label="Published">
                      {v.publishedAt ? formatDate(v.publishedAt) : "–"}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {draft.data ? (
        <RubricEditor key={`${draft.data.version}-${draft.data.revision}`} draft={draft.data} />
      ) : (
        !draftVersion && (
          <Text c="dimmed" size="sm">
            To change the rubric, start a new version: it begins as a copy of the current one.
          </Text>
        )
      )}
    </Stack>
  );
}
