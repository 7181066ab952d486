import { describe, expect, it } from "vitest";
import { convenersAfter, invitationStatus } from "./members.js";

describe("invitationStatus", () => {
  const now = new Date("2026-05-01T12:00:00Z");
  const later = new Date("2026-05-02T00:00:00Z");
  const earlier = new Date("2026-04-30T00:00:00Z");
  it("is computed from the dates and flags, revoked first", () => {
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: later }, now)).toBe("pending");
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(invitationStatus({ acceptedAt: earlier, revokedAt: null, expiresAt: earlier }, now)).toBe(
      "accepted",
    );
    expect(invitationStatus({ acceptedAt: null, revokedAt: earlier, expiresAt: later }, now)).toBe("revoked");
  });
});

describe("convenersAfter", () => {
  const table = [
    { membershipId: "a", role: "convener" as const },
    { membershipId: "b", role: "champion" as const },
  ];
  it("counts the conveners left after one membership changes or leaves", () => {
    expect(convenersAfter(table, { membershipId: "a", role: null })).toBe(0);
    expect(convenersAfter(table, { membershipId: "a", role: "observer" })).toBe(0);
    expect(convenersAfter(table, { membershipId: "b", role: "convener" })).toBe(2);
    expect(convenersAfter(table, { membershipId: "b", role: null })).toBe(1);
  });
});
