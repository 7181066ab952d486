import { createIntl } from "react-intl";
import { describe, expect, it } from "vitest";
import { valuesFromSearch } from "../partnerships/formValues.js";
import { defaultRegionName, startPartnershipHref, suggestedPartnershipName } from "./partnership-link.js";

const intl = createIntl({ locale: "en", messages: {} });

describe("starting a partnership from a chosen industry", () => {
  it("suggests a name and a region name", () => {
    expect(suggestedPartnershipName(intl, "Central Ohio", "Food Manufacturing")).toBe(
      "Central Ohio Food Manufacturing Partnership",
    );
    expect(suggestedPartnershipName(intl, "  ", "Hospitals")).toBe("Hospitals Partnership");
    expect(defaultRegionName(intl, { cbsa: { title: "Columbus, OH" }, counties: [] })).toBe("Columbus");
    expect(defaultRegionName(intl, { cbsa: null, counties: [{ name: "Franklin County" }] })).toBe(
      "Franklin County",
    );
    expect(
      defaultRegionName(intl, { cbsa: null, counties: [{ name: "Delaware" }, { name: "Franklin" }] }),
    ).toBe("Delaware and Franklin");
  });

  it("hands the form the name, the accepted code and the counties, and the form reads them back", () => {
    const href = startPartnershipHref(intl, {
      regionName: "Central Ohio",
      industry: { code: "311811", title: "Retail Bakeries" },
      partnership: { code: "3118", widened: true },
      counties: ["39049", "39041"],
    });
    expect(href.startsWith("/partnerships/new?")).toBe(true);
    const read = valuesFromSearch(new URLSearchParams(href.split("?")[1]));
    expect(read).toEqual({
      values: {
        name: "Central Ohio Retail Bakeries Partnership",
        naics: ["3118"],
        counties: ["39049", "39041"],
      },
      fromRegion: true,
      widenedFrom: "311811",
    });
    // Malformed values are left out; the form keeps its empty defaults for them.
    expect(valuesFromSearch(new URLSearchParams("naics=abc,622&counties=1,39049&widenedFrom=x"))).toEqual({
      values: { naics: ["622"], counties: ["39049"] },
      fromRegion: false,
      widenedFrom: null,
    });
  });
});
