import { describe, expect, it } from "vitest";
import { markdownToPlainText } from "./markdown.js";

describe("markdownToPlainText", () => {
  it("keeps the words of headings, emphasis and links, without their punctuation or targets", () => {
    expect(
      markdownToPlainText(
        "## Recruit champions\n\nAsk **three** plant managers, _one by one_; see [the invitation letter](https://example.org/letter).",
      ),
    ).toBe("Recruit champions Ask three plant managers, one by one; see the invitation letter.");
  });

  it("drops list markers, quote marks, rules and table pipes, keeping each item's words apart", () => {
    const source = [
      "Steps:",
      "",
      "- Map the industry",
      "- Invite leaders",
      "  1. By phone",
      "  2. By letter",
      "",
      "> Business leads, partners follow.",
      "",
      "---",
      "",
      "| Role | Who |",
      "| --- | --- |",
      "| Champion | Owner |",
    ].join("\n");
    expect(markdownToPlainText(source)).toBe(
      "Steps: Map the industry Invite leaders By phone By letter Business leads, partners follow. Role Who Champion Owner",
    );
  });

  it("keeps code and image text, drops tags, and reads entities and escapes as the characters they stand for", () => {
    expect(
      markdownToPlainText(
        "Use `ts_rank` and ![a chart of jobs](chart.png) <b>here</b>. AT&amp;T &lt;3, \\*not emphasis\\* ~~old~~ new",
      ),
    ).toBe("Use ts_rank and a chart of jobs here. AT&T <3, *not emphasis* old new");
  });

  it("leaves plain text, snake_case words and arithmetic alone", () => {
    expect(markdownToPlainText("Median time_to_hire fell 5 * 3 days")).toBe(
      "Median time_to_hire fell 5 * 3 days",
    );
    expect(markdownToPlainText("")).toBe("");
  });

  it("keeps the words of autolinks and fenced code apart from their neighbours", () => {
    expect(markdownToPlainText("See <https://example.org>\n\n```\nnpm start\n```\nDone")).toBe(
      "See https://example.org npm start Done",
    );
  });
});
