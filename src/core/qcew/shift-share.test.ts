import { describe, expect, it } from "vitest";
import { changeBetween } from "./change.js";
import { shiftShare } from "./shift-share.js";

describe("shiftShare", () => {
  it("splits a change into national growth, industry mix and regional share (hand-computed)", () => {
    // US jobs grew 25% (1,000,000 -> 1,250,000), the industry 50% nationally (400,000 -> 600,000),
    // and 37.5% in the region (800 -> 1,100: +300).
    //   national growth = 800 x 0.25          = 200
    //   industry mix    = 800 x (0.50 - 0.25) = 200
    //   regional share  = 800 x (0.375 - 0.50) = -100
    const result = shiftShare({
      region: { earlier: 800, later: 1100, complete: true, undisclosedAreas: 0 },
      usIndustry: { earlier: 400_000, later: 600_000 },
      usTotal: { earlier: 1_000_000, later: 1_250_000 },
    });
    expect(result).toEqual({
      nationalGrowth: 200,
      industryMix: 200,
      regionalShare: -100,
      total: 300,
      rounded: { nationalGrowth: 200, industryMix: 200, regionalShare: -100 },
      usGrowth: 0.25,
      industryGrowth: 0.5,
      complete: true,
      undisclosedAreas: 0,
    });
    expect(result!.nationalGrowth + result!.industryMix + result!.regionalShare).toBe(result!.total);
  });

  it("still sums exactly when the rates are not exact in binary, and its whole jobs sum too", () => {
    // US -5% (0.95 is not exact in binary), industry +10%, region 1,000 -> 1,180.
    const result = shiftShare({
      region: { earlier: 1000, later: 1180, complete: true, undisclosedAreas: 0 },
      usIndustry: { earlier: 2_000_000, later: 2_200_000 },
      usTotal: { earlier: 100_000_000, later: 95_000_000 },
    })!;
    expect(result.nationalGrowth).toBeCloseTo(-50, 9);
    expect(result.industryMix).toBeCloseTo(150, 9);
    expect(result.regionalShare).toBeCloseTo(80, 9);
    expect(result.nationalGrowth + result.industryMix + result.regionalShare).toBe(180);
    expect(result.rounded).toEqual({ nationalGrowth: -50, industryMix: 150, regionalShare: 80 });
  });

  it("gives rounding to the regional share so whole jobs add up to the change", () => {
    // g = 1/3, gi = 1/3: national growth 33.33, mix 0, regional share 3 - 33.33 = -30.33
    const result = shiftShare({
      region: { earlier: 100, later: 103, complete: true, undisclosedAreas: 0 },
      usIndustry: { earlier: 3, later: 4 },
      usTotal: { earlier: 3, later: 4 },
    })!;
    expect(result.rounded).toEqual({ nationalGrowth: 33, industryMix: 0, regionalShare: -30 });
    expect(result.rounded.nationalGrowth + result.rounded.industryMix + result.rounded.regionalShare).toBe(3);
  });

  it("carries incompleteness from the region's change and is null without a US base", () => {
    const region = changeBetween(
      [
        { areaFips: "39041", value: 100 },
        { areaFips: "39047", value: null },
      ],
      [
        { areaFips: "39041", value: 120 },
        { areaFips: "39047", value: 40 },
      ],
    );
    const result = shiftShare({
      region,
      usIndustry: { earlier: 10, later: 11 },
      usTotal: { earlier: 100, later: 100 },
    })!;
    expect(result.total).toBe(20);
    expect(result.complete).toBe(false);
    expect(result.undisclosedAreas).toBe(1);
    expect(
      shiftShare({ region, usIndustry: { earlier: 0, later: 5 }, usTotal: { earlier: 100, later: 100 } }),
    ).toBeNull();
  });
});
