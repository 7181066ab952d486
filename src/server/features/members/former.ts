import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/**
 * True when the person once held a seat at the partnership and holds none now (left, removed,
 * or erased their account). Someone who never had a seat, such as a community admin named in the
 * timeline, is not a former member.
 */
export function formerMemberSql(personId: SQLWrapper, partnershipId: SQLWrapper | string): SQL<boolean> {
  return sql<boolean>`(exists (select 1 from memberships fm
                                where fm.person_id = ${personId} and fm.partnership_id = ${partnershipId})
                       and not exists (select 1 from memberships fm
                                where fm.person_id = ${personId} and fm.partnership_id = ${partnershipId}
                                  and fm.left_at is null))`.mapWith(asBoolean);
}

// Both drivers parse a boolean column, but an expression could come back as 't' on some paths.
function asBoolean(value: unknown): boolean {
  return value === true || value === "t" || value === "true";
}
