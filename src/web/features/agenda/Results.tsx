import { lazy, Suspense, useState } from "react";
import {
  Badge,
  Button,
  Card,
  Modal,
  Progress,
  Skeleton,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import { quadrantLabels, quadrantOf, type ResultItem, type VoteResults } from "../../../core/agenda.js";
import { useOpportunities } from "./api.js";
import { agendaWords } from "./messages.js";
import { PriorityForm } from "./PriorityForm.js";

const RatingChart = lazy(() => import("./RatingChart.js"));

interface Props {
  partnershipId: string;
  results: VoteResults;
  canManage: boolean;
}

function MakePriority({ partnershipId, item }: { partnershipId: string; item: ResultItem }) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  // The opportunity's theme is the priority's default: chosen once, when it was raised.
  const opportunities = useOpportunities(partnershipId);
  const theme = opportunities.data?.items.find((o) => o.id === item.opportunityId)?.theme ?? null;
  if (item.priorityId) {
    return (
      <Badge variant="filled" tt="none">
        <FormattedMessage {...agendaWords.priority} />
      </Badge>
    );
  }
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpen(true)}>
        <FormattedMessage
          id="agenda.results.makePriorityButton"
          defaultMessage="Make it a priority<hidden>: {title}</hidden>"
          values={{ title: item.title, hidden: (chunks) => <VisuallyHidden>{chunks}</VisuallyHidden> }}
        />
      </Button>
      <Modal
        closeButtonProps={{ "aria-label": intl.formatMessage(agendaWords.close) }}
        opened={open}
        onClose={() => setOpen(false)}
        title={intl.formatMessage(agendaWords.choosePriority)}
        size="lg"
      >
        <PriorityForm
          partnershipId={partnershipId}
          opportunityId={item.opportunityId}
          initialTitle={item.title}
          initialTheme={theme}
          onDone={() => setOpen(false)}
        />
      </Modal>
    </>
  );
}

/** Results of a closed round, in order: a table (the text alternative) and, for ratings, the 2x2. */
export function Results({ partnershipId, results, canManage }: Props) {
  const intl = useIntl();
  const maxDots = Math.max(1, ...results.items.map((i) => i.dots ?? 0));
  const isDots = results.method === "dots";
  const rankLabel = intl.formatMessage({ id: "agenda.results.rankHeader", defaultMessage: "Rank" });
  const dotsLabel = intl.formatMessage({ id: "agenda.results.dotsHeader", defaultMessage: "Dots" });
  const importanceLabel = intl.formatMessage(agendaWords.importance);
  const feasibilityLabel = intl.formatMessage(agendaWords.feasibility);
  const votersLabel = intl.formatMessage(agendaWords.voters);
  return (
    <Card component="section" aria-labelledby="results-heading">
      <Title order={2} fz="lg" id="results-heading" mb="xs">
        <FormattedMessage id="agenda.results.title" defaultMessage="Results" />
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {isDots ? (
          <FormattedMessage
            id="agenda.results.summaryDots"
            defaultMessage="{count, plural, one {# business leader} other {# business leaders}} voted. Ordered by dots, then by how many voters chose the item."
            values={{ count: results.voterCount }}
          />
        ) : (
          <FormattedMessage
            id="agenda.results.summaryRating"
            defaultMessage="{count, plural, one {# business leader} other {# business leaders}} voted. Mean importance and feasibility from 1 to 5, ordered by their sum."
            values={{ count: results.voterCount }}
          />
        )}
      </Text>
      {!isDots && (
        <Suspense fallback={<Skeleton height={320} mb="md" />}>
          <RatingChart items={results.items} />
          <Text size="xs" c="dimmed" mb="md">
            <FormattedMessage
              id="agenda.results.chartCaption"
              defaultMessage="Importance (up) against feasibility (right); the lines mark the middle of the scale. The table below gives the same numbers."
            />
          </Text>
        </Suspense>
      )}
      <Table.ScrollContainer minWidth={0}>
        <Table verticalSpacing="sm" data-testid="results-table" className="stack-on-phone">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{rankLabel}</Table.Th>
              <Table.Th scope="col">{intl.formatMessage(agendaWords.opportunity)}</Table.Th>
              {isDots ? (
                <Table.Th scope="col">{dotsLabel}</Table.Th>
              ) : (
                <>
                  <Table.Th scope="col">{importanceLabel}</Table.Th>
                  <Table.Th scope="col">{feasibilityLabel}</Table.Th>
                </>
              )}
              <Table.Th scope="col">{votersLabel}</Table.Th>
              {canManage && <Table.Th scope="col">{intl.formatMessage(agendaWords.priority)}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.items.map((item) => (
              <Table.Tr key={item.opportunityId}>
                <Table.Td data-label={rankLabel}>
                  <Text span size="sm">
                    {item.rank}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {item.title}
                  </Text>
                  {!isDots && item.importance != null && item.feasibility != null && (
                    <Text size="xs" c="dimmed">
                      {quadrantLabels[quadrantOf(item.importance, item.feasibility)]}
                    </Text>
                  )}
                </Table.Td>
                {isDots ? (
                  <Table.Td miw={140} data-label={dotsLabel}>
                    <Text span size="sm" fw={700}>
                      {item.dots}
                    </Text>
                    <Progress value={((item.dots ?? 0) / maxDots) * 100} size="sm" aria-hidden="true" />
                  </Table.Td>
                ) : (
                  <>
                    <Table.Td data-label={importanceLabel}>
                      <Text span size="sm">
                        {item.importance ?? "—"}
                      </Text>
                    </Table.Td>
                    <Table.Td data-label={feasibilityLabel}>
                      <Text span size="sm">
                        {item.feasibility ?? "—"}
                      </Text>
                    </Table.Td>
                  </>
                )}
                <Table.Td data-label={votersLabel}>
                  <Text span size="sm">
                    {item.voters}
                  </Text>
                </Table.Td>
                {canManage && (
                  <Table.Td data-actions-row>
                    <MakePriority partnershipId={partnershipId} item={item} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
