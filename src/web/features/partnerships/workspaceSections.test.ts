import { createIntl, type MessageDescriptor } from "react-intl";
import { describe, expect, it } from "vitest";
import { sectionOfPath, sectionsFor } from "./workspaceSections.js";

const intl = createIntl({ locale: "en", messages: {} });
const labels = (sections: { label: MessageDescriptor }[]) => sections.map((s) => intl.formatMessage(s.label));

describe("the workspace navigation's sections", () => {
  it("shows a visitor the overview and the public sections, in the bar with no More menu", () => {
    const { bar, more } = sectionsFor({ edit: false, manageMembers: false, viewMembers: false });
    expect(labels(bar)).toEqual(["Overview", "Impact", "Partnerships like ours"]);
    expect(more).toEqual([]);
  });

  it("shows a member the member sections, the rest under More, and no Settings", () => {
    const { bar, more } = sectionsFor({ edit: false, manageMembers: false, viewMembers: true });
    expect(labels(bar)).toEqual([
      "Overview",
      "Members",
      "Agenda",
      "Meetings",
      "Impact",
      "Self-assessment",
      "Activity",
    ]);
    expect(labels(more)).toEqual([
      "Stage checklist",
      "Health",
      "Partnerships like ours",
      "Benchmarking profile",
    ]);
  });

  it("adds Settings for a convener", () => {
    const { bar } = sectionsFor({ edit: true, manageMembers: true, viewMembers: true });
    expect(labels(bar).at(-1)).toBe("Settings");
    expect(bar.find((s) => intl.formatMessage(s.label) === "Settings")?.path).toBe("edit");
  });

  it("finds the section of a workspace path, deeper pages included", () => {
    expect(sectionOfPath("/p/river-health")).toBe("");
    expect(sectionOfPath("/p/river-health/")).toBe("");
    expect(sectionOfPath("/p/river-health/meetings")).toBe("meetings");
    expect(sectionOfPath("/p/river-health/meetings/3f2c")).toBe("meetings");
    expect(sectionOfPath("/p/river-health/agenda/votes/9a1b")).toBe("agenda");
    expect(sectionOfPath("/p/river-health/edit")).toBe("edit");
    expect(sectionOfPath("/partnerships")).toBe("");
  });
});
