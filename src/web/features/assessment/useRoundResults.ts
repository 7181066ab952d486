import { ApiError } from "../../lib/api.js";
import { useMe } from "../auth/api.js";
import { useResults, useRubricVersion } from "./api.js";

/** A closed round's results with the rubric they were answered under. */
export function useRoundResults(id: string | undefined) {
  const me = useMe();
  const results = useResults(me.data ? id : undefined);
  const rubric = useRubricVersion(results.data?.version);
  const notFound = results.error instanceof ApiError && results.error.status === 404;
  const notClosed = results.error instanceof ApiError && results.error.status === 409;
  return { me, results, rubric, notFound, notClosed };
}

export const groupSeries = [
  { key: "all", label: "All respondents", color: "table.7" },
  { key: "business", label: "Business", color: "blue.7" },
  { key: "public", label: "Public partners", color: "harvest.7" },
];
