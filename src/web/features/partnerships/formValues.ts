import type { IntlShape } from "react-intl";
import type { PartnershipCreate, PartnershipDetail } from "../../../core/partnerships.js";
import type { Setting, Stage } from "../../../core/vocabulary.js";
import { typedLinkProblem } from "../../../core/urls.js";
import { naicsCodePattern } from "../../../core/naics.js";
import { countyFipsPattern } from "../../../core/geography.js";
import { sentence } from "../../lib/api.js";

export interface PartnershipFormValues {
  name: string;
  naics: string[];
  counties: string[];
  setting: Setting | "";
  stage: Stage;
  description: string;
  launchDate: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  website: string;
}

export const emptyValues: PartnershipFormValues = {
  name: "",
  naics: [],
  counties: [],
  setting: "",
  stage: "civic_infrastructure",
  description: "",
  launchDate: "",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
  website: "",
};

export function valuesFromDetail(p: PartnershipDetail): PartnershipFormValues {
  return {
    name: p.name,
    naics: p.naics.map((n) => n.code),
    counties: p.counties.map((c) => c.fips),
    setting: p.setting,
    stage: p.stage,
    description: p.description,
    launchDate: p.launchDate ? p.launchDate.slice(0, 10) : "",
    contactName: p.contactName,
    contactEmail: p.contactEmail,
    contactPhone: p.contactPhone,
    website: p.website,
  };
}

/**
 * Values handed over in the address (`?name=&naics=&counties=&from=region`), e.g. from the
 * region economy's ranking; anything malformed is left out, the server checks the rest.
 */
export function valuesFromSearch(search: URLSearchParams): {
  values: Partial<PartnershipFormValues>;
  fromRegion: boolean;
  widenedFrom: string | null;
} {
  const list = (key: string, pattern: RegExp) =>
    (search.get(key) ?? "")
      .split(",")
      .filter((v) => pattern.test(v))
      .slice(0, 100);
  const values: Partial<PartnershipFormValues> = {};
  const name = search.get("name")?.trim().slice(0, 200);
  if (name) values.name = name;
  const naics = list("naics", naicsCodePattern);
  if (naics.length) values.naics = naics;
  const counties = list("counties", countyFipsPattern);
  if (counties.length) values.counties = counties;
  const widened = search.get("widenedFrom");
  return {
    values,
    fromRegion: search.get("from") === "region",
    widenedFrom: widened && naicsCodePattern.test(widened) ? widened : null,
  };
}

/** The request body; `setting` is known to be chosen because validation ran first. */
export function bodyFromValues(v: PartnershipFormValues): PartnershipCreate {
  return {
    name: v.name.trim(),
    naics: v.naics,
    counties: v.counties,
    setting: v.setting === "" ? "mixed" : v.setting,
    stage: v.stage,
    description: v.description.trim(),
    launchDate: v.launchDate || null,
    contactName: v.contactName.trim(),
    contactEmail: v.contactEmail.trim(),
    contactPhone: v.contactPhone.trim(),
    website: v.website.trim(),
  };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The fields the browser checks before sending (see `validators`). */
export const validatedFields = ["name", "naics", "counties", "setting", "contactEmail", "website"] as const;

/** Quick checks in the browser; the server checks everything again and its answer wins. */
export function validators(intl: IntlShape) {
  return {
    name: (v: string) =>
      v.trim().length < 3
        ? intl.formatMessage({
            id: "partnerships.validate.nameShort",
            defaultMessage: "Must be at least 3 characters",
          })
        : null,
    naics: (v: string[]) =>
      v.length === 0
        ? intl.formatMessage({
            id: "partnerships.validate.naicsEmpty",
            defaultMessage: "Choose at least one industry",
          })
        : null,
    counties: (v: string[]) =>
      v.length === 0
        ? intl.formatMessage({
            id: "partnerships.validate.countiesEmpty",
            defaultMessage: "Choose at least one county",
          })
        : null,
    setting: (v: string) =>
      v === ""
        ? intl.formatMessage({
            id: "partnerships.validate.settingEmpty",
            defaultMessage: "Choose metro, rural, or both",
          })
        : null,
    contactEmail: (v: string) =>
      v.trim() && !emailPattern.test(v.trim())
        ? intl.formatMessage({
            id: "partnerships.validate.email",
            defaultMessage: "Must be an e-mail address such as name@example.org",
          })
        : null,
    // The server's own rule: "acme.example.com" becomes https://acme.example.com; javascript: never.
    website: (v: string) => {
      const problem = typedLinkProblem(v, "website");
      return problem ? sentence(problem) : null;
    },
  } satisfies Record<(typeof validatedFields)[number], unknown>;
}
