import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import { pseudoCatalog, pseudoText } from "./pseudo.js";

describe("the pseudo-language", () => {
  it("leaves no ASCII letter and lengthens the text", () => {
    const text = pseudoText("Sign in to Shared Table");
    expect(text).not.toMatch(/[A-Za-z]/);
    expect(text.length).toBeGreaterThan("Sign in to Shared Table".length * 1.25);
  });

  it("keeps a message's arguments, plurals and tags working", () => {
    const catalog = pseudoCatalog({
      votes: "{name} cast {count, plural, one {# vote} other {# votes}} <b>today</b>",
    });
    const formatted = new IntlMessageFormat(catalog.votes, "en").format({
      name: "Ana",
      count: 2,
      b: (chunks: string[]) => `*${chunks.join("")}*`,
    });
    const text = Array.isArray(formatted) ? formatted.join("") : String(formatted);
    expect(text).toMatch(/^⟦Ana .+ 2 .+\*.+\*⟧$/u);
    expect(text.replace("Ana", "")).not.toMatch(/[A-Za-z]/);
  });
});
