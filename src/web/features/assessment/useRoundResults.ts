import { defineMessages, type IntlShape } from "react-intl";
import { ApiError } from "../../lib/api.js";
import { useMe } from "../auth/api.js";
import { useResults, useRubricVersion } from "./api.js";
import type { RadarSeries } from "./ScoreRadar.js";

/** A closed round's results with the rubric they were answered under. */
export function useRoundResults(id: string | undefined) {
  const me = useMe();
  const results = useResults(me.data ? id : undefined);
  const rubric = useRubricVersion(results.data?.version);
  const notFound = results.error instanceof ApiError && results.error.status === 404;
  const notClosed = results.error instanceof ApiError && results.error.status === 409;
  return { me, results, rubric, notFound, notClosed };
}

const groupWords = defineMessages({
  all: { id: "assessment.groups.all", defaultMessage: "All respondents" },
  business: { id: "assessment.groups.business", defaultMessage: "Business" },
  public: { id: "assessment.groups.public", defaultMessage: "Public partners" },
});

/** The three groups of respondents as chart and table series, named in the reader's language. */
export function groupSeries(intl: IntlShape): RadarSeries[] {
  return [
    { key: "all", label: intl.formatMessage(groupWords.all), color: "table.7" },
    { key: "business", label: intl.formatMessage(groupWords.business), color: "blue.7" },
    { key: "public", label: intl.formatMessage(groupWords.public), color: "harvest.7" },
  ];
}
