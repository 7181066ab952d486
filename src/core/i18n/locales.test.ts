import { describe, expect, it } from "vitest";
import { acceptedLanguages, pickLocale } from "./locales.js";

describe("choosing a language", () => {
  it("reads Accept-Language by preference", () => {
    expect(acceptedLanguages("fr-CA, es-MX;q=0.9, en;q=0.8")).toEqual(["fr-CA", "es-MX", "en"]);
    expect(acceptedLanguages("en;q=0.5, es")).toEqual(["es", "en"]);
    expect(acceptedLanguages("es;q=0, *")).toEqual([]);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });

  it("takes the first language Shared Table speaks, by its primary subtag", () => {
    expect(pickLocale(acceptedLanguages("fr-CA, es-MX;q=0.9, en;q=0.8"))).toBe("es");
    expect(pickLocale(["de", "EN-gb"])).toBe("en");
    expect(pickLocale(["de", "fr"])).toBeUndefined();
  });
});
