import { describe, expect, it } from "vitest";
import { insertMention, mentionQuery } from "./mentionText.js";

const mona = { id: "0b7f0d0e-5c1a-4f43-9a57-3f4b2d1c0a99", name: "Mona Lisa" };

describe("mentionQuery", () => {
  it("reads the name typed after @ up to the caret, one word or two", () => {
    expect(mentionQuery("Thanks @Mo")).toEqual({ at: 7, q: "Mo" });
    expect(mentionQuery("@Mona")).toEqual({ at: 0, q: "Mona" });
    expect(mentionQuery("Thanks @Mona L")).toEqual({ at: 7, q: "Mona L" });
    expect(mentionQuery("line one\n@José")).toEqual({ at: 9, q: "José" });
    expect(mentionQuery("ask @O'Neil-Smith")).toEqual({ at: 4, q: "O'Neil-Smith" });
  });

  it("offers nothing for one letter, an address, a finished word or a chosen mention", () => {
    expect(mentionQuery("Thanks @M")).toBeNull();
    expect(mentionQuery("write to mona@example")).toBeNull();
    expect(mentionQuery("Thanks @Mona ")).toBeNull();
    expect(mentionQuery("Thanks @Mona Lisa and")).toBeNull();
    expect(mentionQuery(`Thanks @[Mona Lisa](user:${mona.id}) `)).toBeNull();
    expect(mentionQuery("no at sign here")).toBeNull();
  });
});

describe("insertMention", () => {
  it("replaces the typed name with the mention and puts the caret after it and a space", () => {
    const text = "Thanks @Mo";
    const { at } = mentionQuery(text)!;
    const out = insertMention(text, at, text.length, mona);
    expect(out.text).toBe(`Thanks @[Mona Lisa](user:${mona.id}) `);
    expect(out.caret).toBe(out.text.length);
  });

  it("keeps the text after the caret, adding no second space, and puts the caret after the space", () => {
    const text = "Thanks @Mo for the idea";
    const caret = "Thanks @Mo".length;
    const out = insertMention(text, 7, caret, mona);
    const mention = `@[Mona Lisa](user:${mona.id})`;
    expect(out.text).toBe(`Thanks ${mention} for the idea`);
    expect(out.caret).toBe(7 + mention.length + 1);
    expect(out.text.slice(out.caret)).toBe("for the idea");
  });

  it("adds a space before text that follows straight on", () => {
    const out = insertMention("@Mo,", 0, 3, mona);
    expect(out.text).toBe(`@[Mona Lisa](user:${mona.id}) ,`);
  });
});
