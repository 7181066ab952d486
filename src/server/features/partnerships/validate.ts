import { inArray } from "drizzle-orm";
import type { Executor } from "../../../db/open.js";
import { counties, naicsCodes } from "../../../db/schema/index.js";
import { AppError, type FieldError, fieldsDetail } from "../../errors.js";

/** Codes must exist in the reference data, not only look right. */
export async function checkReferenceCodes(
  db: Executor,
  input: { naics?: string[]; counties?: string[] },
  naicsField = "naics",
): Promise<void> {
  const errors: FieldError[] = [];
  if (input.naics?.length) {
    const found = await db
      .select({ code: naicsCodes.code })
      .from(naicsCodes)
      .where(inArray(naicsCodes.code, input.naics));
    const known = new Set(found.map((r) => r.code));
    const unknown = input.naics.filter((c) => !known.has(c));
    if (unknown.length)
      errors.push({ field: naicsField, message: `unknown NAICS code ${unknown.join(", ")}` });
  }
  if (input.counties?.length) {
    const found = await db
      .select({ fips: counties.fips })
      .from(counties)
      .where(inArray(counties.fips, input.counties));
    const known = new Set(found.map((r) => r.fips));
    const unknown = input.counties.filter((c) => !known.has(c));
    if (unknown.length)
      errors.push({ field: "counties", message: `unknown county FIPS code ${unknown.join(", ")}` });
  }
  if (errors.length) {
    throw new AppError("bad_request", fieldsDetail(errors), { errors });
  }
}
