import { describe, expect, it } from "vitest";
import { resourceSchema } from "./assessment.js";
import { eventCreateBody } from "./events.js";
import { organizationBody } from "./members.js";
import { meetingCreateBody } from "./meetings.js";
import { partnershipPatchBody } from "./partnerships.js";
import { resourceBody } from "./resources.js";
import { linkProblem, typedLinkProblem, webAddress, websiteAddress, withScheme } from "./urls.js";

const bad = [
  "javascript:alert(1)",
  "JavaScript:alert(document.cookie)",
  "java\tscript:alert(1)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
];

describe("linkProblem", () => {
  it("accepts https and http addresses", () => {
    expect(linkProblem("https://www.example.org/jobs?x=1#top")).toBeNull();
    expect(linkProblem("http://example.org")).toBeNull();
  });

  it("refuses javascript:, data:, vbscript: and file:, naming the scheme", () => {
    expect(linkProblem("javascript:alert(1)")).toMatch(/javascript: link/);
    expect(linkProblem("JavaScript:alert(document.cookie)")).toMatch(/javascript: link/);
    expect(linkProblem("data:text/html,x")).toMatch(/data: link/);
    expect(linkProblem("vbscript:msgbox(1)")).toMatch(/vbscript: link/);
    expect(linkProblem("file:///etc/passwd")).toMatch(/file: link/);
    // A tab inside the scheme is dropped by browsers; it is refused before it gets there.
    expect(linkProblem("java\tscript:alert(1)")).toMatch(/spaces/);
  });

  it("refuses other schemes, text that is not an address, and mailto: unless asked for", () => {
    expect(linkProblem("ftp://files.example.org")).toMatch(/https:\/\/ or http:\/\//);
    expect(linkProblem("not a link")).toMatch(/spaces/);
    expect(linkProblem("example")).toMatch(/web address/);
    expect(linkProblem("mailto:info@example.org")).toMatch(/https:\/\//);
    expect(linkProblem("mailto:info@example.org", { mailto: true })).toBeNull();
    expect(linkProblem("mailto:nobody", { mailto: true })).toMatch(/e-mail link/);
    expect(linkProblem("javascript:alert(1)", { mailto: true })).toMatch(/javascript: link/);
  });
});

describe("withScheme", () => {
  it("puts https:// before a website typed without a scheme, and leaves others alone", () => {
    expect(withScheme("acme.example.com")).toBe("https://acme.example.com");
    expect(withScheme("acme.example.com:8080/jobs")).toBe("https://acme.example.com:8080/jobs");
    expect(withScheme("//acme.example.com")).toBe("https://acme.example.com");
    expect(withScheme("http://acme.example.com")).toBe("http://acme.example.com");
    expect(withScheme("javascript:alert(1)")).toBe("javascript:alert(1)");
    expect(withScheme("")).toBe("");
  });

  it("reads a form's website the way the server will", () => {
    expect(typedLinkProblem("acme.example.com", "website")).toBeNull();
    expect(typedLinkProblem("acme.example.com")).toMatch(/web address/);
    expect(typedLinkProblem("  ")).toBeNull();
    expect(typedLinkProblem("data:,x", "website")).toMatch(/data: link/);
  });
});

describe("the schemas", () => {
  it("store a schemeless website with https:// and refuse every bad scheme", () => {
    expect(websiteAddress().parse(" acme.example.com ")).toBe("https://acme.example.com");
    expect(webAddress().safeParse("acme.example.com").success).toBe(false);
    for (const link of bad) {
      expect(websiteAddress().safeParse(link).success, link).toBe(false);
      expect(webAddress().safeParse(link).success, link).toBe(false);
    }
  });

  it("apply to every link field of the core schemas, naming the field", () => {
    const pathOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
      result.error?.issues.map((i) => i.path.join("."));
    const event = {
      title: "Peer exchange",
      description: "",
      startsAt: "2026-03-05T08:00",
      endsAt: "2026-03-05T09:00",
      timeZone: "America/Denver",
    };
    for (const link of bad) {
      expect(pathOf(partnershipPatchBody.safeParse({ version: 1, website: link }))).toEqual(["website"]);
      expect(pathOf(organizationBody.safeParse({ name: "Acme", kind: "business", website: link }))).toEqual([
        "website",
      ]);
      expect(pathOf(eventCreateBody.safeParse({ ...event, link }))).toEqual(["link"]);
      expect(pathOf(eventCreateBody.safeParse({ ...event, recordingUrl: link }))).toEqual(["recordingUrl"]);
      expect(
        pathOf(eventCreateBody.safeParse({ ...event, materials: [{ title: "Slides", url: link }] })),
      ).toEqual(["materials.0.url"]);
      expect(
        pathOf(
          meetingCreateBody.safeParse({
            kind: "launch",
            title: "Launch",
            startsAt: "2026-03-05T08:00",
            timeZone: "America/Denver",
            link,
          }),
        ),
      ).toEqual(["link"]);
      expect(pathOf(resourceBody.safeParse({ title: "Launch guide", url: link }))).toEqual(["url"]);
      expect(pathOf(resourceSchema.safeParse({ title: "Toolkit", href: link }))).toEqual(["href"]);
    }
    expect(partnershipPatchBody.parse({ version: 1, website: "" }).website).toBe("");
    expect(partnershipPatchBody.parse({ version: 1, website: "acme.example.com" }).website).toBe(
      "https://acme.example.com",
    );
  });

  it("let a rubric resource link a workspace page or a page of the app, never another site's path trick", () => {
    expect(resourceSchema.safeParse({ title: "Members", href: "members", workspace: true }).success).toBe(
      true,
    );
    expect(resourceSchema.safeParse({ title: "Library", href: "/resources/launch" }).success).toBe(true);
    expect(resourceSchema.safeParse({ title: "Toolkit", href: "https://toolkit.example.org" }).success).toBe(
      true,
    );
    expect(resourceSchema.safeParse({ title: "Away", href: "//evil.example.org" }).success).toBe(false);
    expect(
      resourceSchema.safeParse({ title: "Away", href: "javascript:alert(1)", workspace: true }).success,
    ).toBe(false);
  });
});
