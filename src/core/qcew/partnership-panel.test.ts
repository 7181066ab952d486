import { describe, expect, it } from "vitest";
import {
  isQcewIndicator,
  naicsVersionOfYear,
  notInVersionNotice,
  panelSourceLine,
  undisclosedSkip,
} from "./partnership-panel.js";

describe("the partnership panel's rules", () => {
  it("reads a data year's NAICS version as BLS codes its files: 2017 for 2017-2021, 2022 from 2022", () => {
    expect([2011, 2012, 2016, 2017, 2020, 2021, 2022, 2024].map(naicsVersionOfYear)).toEqual([
      2007, 2012, 2012, 2017, 2017, 2017, 2022, 2022,
    ]);
  });

  it("names the code and the version in the notice", () => {
    expect(notInVersionNotice("513210", 2020)).toBe(
      "513210 is not a code of NAICS 2017, which the BLS QCEW 2020 figures use, so there are no figures for it in 2020.",
    );
    expect(notInVersionNotice("5112", 2023)).toContain("not a code of NAICS 2022");
  });

  it("says in the source line how many counties held a figure back", () => {
    expect(panelSourceLine(2020, 0, 5)).toBe("BLS QCEW, 2020 annual averages");
    expect(panelSourceLine(2020, 1, 5)).toBe("BLS QCEW, 2020 annual averages; 1 of 5 counties not disclosed");
    expect(undisclosedSkip(2)).toBe(
      "not written: 2 counties did not disclose it, so only a lower bound is known",
    );
  });

  it("knows its three indicators and no others", () => {
    expect(isQcewIndicator("qcew_industry_jobs")).toBe(true);
    expect(isQcewIndicator("qcew_industry_average_pay")).toBe(true);
    expect(isQcewIndicator("new_jobs")).toBe(false);
  });
});
