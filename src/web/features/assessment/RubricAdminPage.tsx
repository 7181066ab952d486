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
import { FormattedMessage, useIntl } from "react-intl";
import { assessmentWords } from "./messages.js";

export default function RubricAdminPage() {
  const intl = useIntl();
  const pageTitle = intl.formatMessage({
    id: "assessment.rubricAdmin.pageTitle",
    defaultMessage: "Self-assessment rubric",
  });
  usePageTitle(pageTitle);
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
  if (!me.data)
    return <SignInPrompt title={pageTitle} reason={intl.formatMessage(assessmentWords.signInAsAdmin)} />;
  if (!isAdmin)
    return (
      <Alert color="gray">
        <FormattedMessage
          id="assessment.rubricAdmin.adminsOnly"
          defaultMessage="Only community admins manage the rubric."
        />
      </Alert>
    );
  const stateLabel = intl.formatMessage({ id: "assessment.rubricAdmin.colState", defaultMessage: "State" });
  const statementsLabel = intl.formatMessage({
    id: "assessment.rubricAdmin.colStatements",
    defaultMessage: "Statements",
  });
  const roundsLabel = intl.formatMessage({
    id: "assessment.rubricAdmin.colRounds",
    defaultMessage: "Rounds answered",
  });
  const publishedLabel = intl.formatMessage({
    id: "assessment.rubricAdmin.colPublished",
    defaultMessage: "Published",
  });

  return (
    <Stack gap="lg">
      <PageHeader
        title={pageTitle}
        description={intl.formatMessage({
          id: "assessment.rubricAdmin.description",
          defaultMessage:
            "The statements partnerships answer in “Is your partnership Next Gen?”. A published version never changes; a new version succeeds it.",
        })}
        actions={
          <>
            <Button component={Link} to="/admin/assessment/community" variant="default">
              <FormattedMessage {...assessmentWords.communityView} />
            </Button>
            {/* Only once the versions are known: while they load, a draft may well exist. */}
            {versions.data && !draftVersion && (
              <Button loading={create.isPending} onClick={() => create.mutate()}>
                <FormattedMessage
                  id="assessment.rubricAdmin.startVersion"
                  defaultMessage="Start a new version"
                />
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
            <FormattedMessage id="assessment.rubricAdmin.versionsTitle" defaultMessage="Versions" />
          </Title>
          <Table.ScrollContainer minWidth={0}>
            <Table className="stack-on-phone">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">
                    <FormattedMessage id="assessment.rubricAdmin.colVersion" defaultMessage="Version" />
                  </Table.Th>
                  <Table.Th scope="col">{stateLabel}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {statementsLabel}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {roundsLabel}
                  </Table.Th>
                  <Table.Th scope="col">{publishedLabel}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {versions.data.items.map((v) => (
                  <Table.Tr key={v.version}>
                    <Table.Th scope="row">
                      <Anchor href={`/api/assessment/rubrics/${v.version}`}>
                        <FormattedMessage
                          id="assessment.rubricAdmin.versionLink"
                          defaultMessage="Version {version}"
                          values={{ version: v.version }}
                        />
                      </Anchor>
                    </Table.Th>
                    <Table.Td data-label={stateLabel}>
                      <Badge
                        tt="none"
                        color={v.status === "draft" ? "harvest.8" : v.current ? "table.7" : "gray.7"}
                      >
                        {v.status === "draft" ? (
                          <FormattedMessage id="assessment.rubricAdmin.stateDraft" defaultMessage="Draft" />
                        ) : v.current ? (
                          <FormattedMessage
                            id="assessment.rubricAdmin.stateCurrent"
                            defaultMessage="Current"
                          />
                        ) : (
                          <FormattedMessage
                            id="assessment.rubricAdmin.stateSucceeded"
                            defaultMessage="Succeeded"
                          />
                        )}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right" data-label={statementsLabel}>
                      {v.statements}
                    </Table.Td>
                    <Table.Td ta="right" data-label={roundsLabel}>
                      {v.rounds}
                    </Table.Td>
                    <Table.Td data-label={publishedLabel}>
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
            <FormattedMessage
              id="assessment.rubricAdmin.startHelp"
              defaultMessage="To change the rubric, start a new version: it begins as a copy of the current one."
            />
          </Text>
        )
      )}
    </Stack>
  );
}
