import { describe, expect, it } from "vitest";
import { slugify } from "./slug.js";

describe("slugs", () => {
  it("are lower-case words joined by dashes, without accents", () => {
    expect(slugify("Front Range Health Care Partnership")).toBe("front-range-health-care-partnership");
    expect(slugify("Señor Café & Bakery Co-op (demo)")).toBe("senor-cafe-bakery-co-op-demo");
  });
  it("are cut at a word boundary", () => {
    const slug = slugify("Greater Kansas City Transportation and Logistics Partnership of the Heartland");
    expect(slug).toBe("greater-kansas-city-transportation-and-logistics-partnership");
    expect(slug.length).toBeLessThanOrEqual(60);
  });
  it("never come out empty", () => {
    expect(slugify("!!!")).toBe("partnership");
  });
});
