import { z } from "zod";

export const communityStatsSchema = z.object({
  partnerships: z.number().int(),
  states: z.number().int(),
  industries: z.number().int(),
  businesses: z.number().int(),
});
export type CommunityStats = z.infer<typeof communityStatsSchema>;

export const communityStoriesSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      date: z.string(),
      area: z.string(),
      /** The first words of the story, plain text. */
      excerpt: z.string(),
      partnershipName: z.string(),
      partnershipSlug: z.string(),
    }),
  ),
});
export type CommunityStories = z.infer<typeof communityStoriesSchema>;
