import { Alert, List, Text } from "@mantine/core";
import { useIntl, type IntlShape } from "react-intl";
import type { ResultsResponse } from "../../../core/assessment.js";
import { resultGroups, type GroupVisibility, type ResultGroup } from "../../../core/assessment-scoring.js";

/** Why a group's results are not on the page, in plain words; null when they are (or nobody answered). */
export function hiddenReason(
  intl: IntlShape,
  group: ResultGroup,
  visibility: GroupVisibility,
  minimum: number,
): string | null {
  if (visibility === "too_few") {
    if (group === "all")
      return intl.formatMessage(
        {
          id: "assessment.hidden.tooFewAll",
          defaultMessage:
            "Fewer than {minimum} people answered: the results stay hidden so that no one's answers can be inferred.",
        },
        { minimum },
      );
    if (group === "business")
      return intl.formatMessage(
        {
          id: "assessment.hidden.tooFewBusiness",
          defaultMessage:
            "Fewer than {minimum} business members answered: their results stay hidden so that no one's answers can be inferred.",
        },
        { minimum },
      );
    return intl.formatMessage(
      {
        id: "assessment.hidden.tooFewPublic",
        defaultMessage:
          "Fewer than {minimum} public partners answered: their results stay hidden so that no one's answers can be inferred.",
      },
      { minimum },
    );
  }
  if (visibility === "reveals_other") {
    return group === "business"
      ? intl.formatMessage({
          id: "assessment.hidden.revealsPublic",
          defaultMessage:
            "Business results stay hidden too: beside the results of all respondents, they would reveal the answers of the public partners.",
        })
      : intl.formatMessage({
          id: "assessment.hidden.revealsBusiness",
          defaultMessage:
            "Public partners' results stay hidden too: beside the results of all respondents, they would reveal the answers of the business members.",
        });
  }
  return null;
}

export function isShown(results: ResultsResponse, group: ResultGroup) {
  return results.visibility[group] === "shown";
}

/** The groups that answered but whose results stay hidden (not those nobody answered in). */
export function hiddenGroups(results: ResultsResponse): ResultGroup[] {
  return resultGroups.filter(
    (g) => results.visibility[g] === "too_few" || results.visibility[g] === "reveals_other",
  );
}

/** The note at the top of the results and the report: which groups stay hidden, and why. */
export function HiddenGroups({ results, print = false }: { results: ResultsResponse; print?: boolean }) {
  const intl = useIntl();
  // The groups too small to show first: the reason the others stay hidden comes after them.
  const order = [...resultGroups].sort(
    (a, b) => Number(results.visibility[a] !== "too_few") - Number(results.visibility[b] !== "too_few"),
  );
  const reasons = order
    .map((g) => hiddenReason(intl, g, results.visibility[g], results.minimum))
    .filter((r): r is string => r !== null);
  if (reasons.length === 0) return null;
  const items =
    reasons.length === 1 ? (
      <Text size="sm">{reasons[0]}</Text>
    ) : (
      <List size="sm" spacing={4}>
        {reasons.map((r) => (
          <List.Item key={r}>{r}</List.Item>
        ))}
      </List>
    );
  if (print) return <div className="report-hidden">{items}</div>;
  return (
    <Alert
      color="gray"
      variant="light"
      title={intl.formatMessage({
        id: "assessment.hidden.title",
        defaultMessage: "Some results stay hidden",
      })}
    >
      {items}
    </Alert>
  );
}
