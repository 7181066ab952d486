import type { Profile, ProfileDraftBody, ProfilePart } from "../../../core/profiles.js";

export type Draft = Omit<ProfileDraftBody, "revision">;

/** What the editor's form holds, from the profile as the server answered it. */
export function draftOf(profile: Profile): Draft {
  const text = (key: ProfilePart) => profile.parts.find((p) => p.key === key)?.text ?? "";
  return {
    motivations: text("motivations"),
    mechanisms: text("mechanisms"),
    moments: text("moments"),
    results: text("results"),
    ingredients: text("ingredients"),
    plans: text("plans"),
    indicators: profile.chosen?.indicators ?? [],
    stories: profile.chosen?.stories ?? [],
  };
}

export function sameDraft(a: Draft, b: Draft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
