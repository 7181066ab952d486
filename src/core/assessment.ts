import { rules } from "./rules.js";
import { z } from "zod";
import { organizationKindSchema } from "./organization-kind.js";
import {
  bands,
  characteristicKeys,
  characteristicSets,
  comparisons,
  characteristicsIndicators,
  characteristicsV1,
  groupVisibilities,
  levelKeys,
  MIN_RESPONDENTS,
  signalKeys,
} from "./assessment-scoring.js";
import { themes } from "./vocabulary.js";
import { appPathPattern, linkProblem, workspacePagePattern } from "./urls.js";
import { uuidSchema } from "./ids.js";
import { appLocaleSchema } from "./i18n/locales.js";
import { rubricTranslationsSchema } from "./rubric-translation.js";

export * from "./assessment-scoring.js";

/** How many statements a rubric holds: enough to be fair, few enough for a busy owner. */
export const rubricLimits = { minStatements: 15, maxStatements: 25, text: 400, levelText: 300 } as const;

const statementKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,59}$/, { error: () => rules.mustBeLowercaseLettersDigitsAnd2 });

/**
 * A rubric resource links a page of the partnership's workspace ("members"), a page of this
 * app ("/resources/launch"), or a web address; never a javascript:, data: or file: link.
 */
export const resourceSchema = z
  .strictObject({
    title: z.string().trim().min(2).max(200),
    href: z.string().trim().max(500).optional(),
    workspace: z.boolean().optional(),
  })
  .check((ctx) => {
    const { href, workspace } = ctx.value;
    if (!href) return;
    const problem = workspace
      ? workspacePagePattern.test(href)
        ? null
        : "must be a page of the workspace such as members or edit"
      : appPathPattern.test(href)
        ? null
        : linkProblem(href);
    if (problem) ctx.issues.push({ code: "custom", input: href, path: ["href"], message: problem });
  });

export const statementSchema = z.strictObject({
  key: statementKey,
  text: z
    .string()
    .trim()
    .min(10, { error: () => rules.mustBeAtLeast10Characters })
    .max(rubricLimits.text),
  levels: z.strictObject(
    Object.fromEntries(
      levelKeys.map((k) => [k, z.string().trim().min(3).max(rubricLimits.levelText)]),
    ) as Record<(typeof levelKeys)[number], z.ZodString>,
  ),
  resources: z.array(resourceSchema).max(6),
  signal: z.enum(signalKeys).optional(),
});

export const characteristicSchema = z.strictObject({
  key: z.enum(characteristicKeys),
  name: z.string().trim().min(3).max(120),
  summary: z.string().trim().max(rubricLimits.text),
  statements: z.array(statementSchema).min(1, { error: () => rules.needsAtLeastOneStatement }),
});

type RubricCheckContext = z.core.ParsePayload<{ characteristics: z.infer<typeof characteristicSchema>[] }>;

/**
 * The characteristics are one of the known sets in its order (version 1's five or the published
 * indicators' six); 15-25 statements in all, with unique keys.
 */
function checkRubric(ctx: RubricCheckContext) {
  const chars = ctx.value.characteristics;
  const expected = characteristicSets.find((set) => set.length === chars.length);
  if (!expected) {
    ctx.issues.push({
      code: "custom",
      input: chars.length,
      path: ["characteristics"],
      message: `must hold the ${characteristicsV1.length} characteristics of version 1 or the ${characteristicsIndicators.length} of the Next Gen indicators (now ${chars.length})`,
    });
  }
  chars.forEach((c, i) => {
    if (expected && c.key !== expected[i]) {
      ctx.issues.push({
        code: "custom",
        input: c.key,
        path: ["characteristics", i, "key"],
        message: `must be ${expected[i]}: the characteristics keep their order`,
      });
    }
  });
  const keys = chars.flatMap((c) => c.statements.map((s) => s.key));
  if (keys.length < rubricLimits.minStatements || keys.length > rubricLimits.maxStatements) {
    ctx.issues.push({
      code: "custom",
      input: keys.length,
      path: ["characteristics"],
      message: `must hold ${rubricLimits.minStatements} to ${rubricLimits.maxStatements} statements in all (now ${keys.length})`,
    });
  }
  const seen = new Set<string>();
  chars.forEach((c, i) =>
    c.statements.forEach((s, j) => {
      if (seen.has(s.key)) {
        ctx.issues.push({
          code: "custom",
          input: s.key,
          path: ["characteristics", i, "statements", j, "key"],
          message: rules.isUsedByAnotherStatementKeysMust,
        });
      }
      seen.add(s.key);
    }),
  );
}

const characteristicsSchema = z.array(characteristicSchema).min(1).max(characteristicKeys.length);

/** A rubric's content: a known set of characteristics in order, 15-25 statements with unique keys. */
export const rubricContentSchema = z
  .strictObject({ characteristics: characteristicsSchema })
  .check(checkRubric);

export const rubricSchema = z.object({
  version: z.number().int(),
  status: z.enum(["draft", "published"]),
  /** Bumped on each edit of a draft; a stale edit answers 409. */
  revision: z.number().int(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** In the reader's language where translated (`language`); the rest in English. */
  characteristics: z.array(characteristicSchema),
  language: appLocaleSchema,
  /** How many texts are shown in English for want of a translation. */
  untranslated: z.number().int(),
  /** Keys of the characteristics and statements with a text still in English. */
  inEnglish: z.array(z.string()),
  /** A draft's English as written and its translations, for the editor (drafts only). */
  source: z.object({ characteristics: z.array(characteristicSchema) }).optional(),
  translations: rubricTranslationsSchema.optional(),
});
export type Rubric = z.infer<typeof rubricSchema>;

export const rubricVersionsResponse = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      status: z.enum(["draft", "published"]),
      statements: z.number().int(),
      publishedAt: z.string().nullable(),
      updatedAt: z.string(),
      rounds: z.number().int(),
      current: z.boolean(),
    }),
  ),
});
export type RubricVersions = z.infer<typeof rubricVersionsResponse>;

export const rubricDraftBody = z
  .strictObject({
    revision: z.number().int().positive(),
    characteristics: characteristicsSchema,
    /** Replaces the draft's translations when sent; scores never read them. */
    translations: rubricTranslationsSchema.optional(),
  })
  .check(checkRubric);
export type RubricDraftBody = z.infer<typeof rubricDraftBody>;
export const versionParam = z.strictObject({ version: z.coerce.number().int().positive() });

/**
 * Answers as sent: levels are checked against the rubric by `answerProblems`, so that one
 * answer names every missing statement, unknown key and bad level at once.
 */
export const answersSchema = z
  .record(z.string().max(80), z.unknown())
  .meta({ description: "statement key → level 0 (not yet) … 3 (exemplary), one for every statement" });
export const answersBody = z.strictObject({ answers: answersSchema });
export type AnswersBody = { answers: Record<string, number> };

const score = z.number().nullable();

/** Whether a group's results are shown; counts of respondents are always shown, never what they said. */
export const groupVisibilitySchema = z.enum(groupVisibilities).meta({
  description: `shown; none (nobody of the group answered); too_few (fewer than ${MIN_RESPONDENTS}: hidden so that no one's answers can be inferred); reveals_other (hidden because the other sector has fewer than ${MIN_RESPONDENTS}, whose answers it would reveal)`,
});

export const quickResponse = z.object({
  version: z.number().int(),
  overall: z.number(),
  band: z.enum(bands),
  characteristics: z.array(z.object({ key: z.enum(characteristicKeys), score: z.number() })),
  workOnFirst: z.array(
    z.object({ statement: z.string(), characteristic: z.enum(characteristicKeys), level: z.number().int() }),
  ),
});
export type QuickResponse = z.infer<typeof quickResponse>;

export const openRoundBody = z.strictObject({
  title: z
    .string()
    .trim()
    .min(3, { error: () => rules.mustBeAtLeast3Characters })
    .max(200)
    .optional(),
  message: z.string().trim().max(2000).optional(),
});
export type OpenRoundBody = z.infer<typeof openRoundBody>;

export const roundSummary = z.object({
  id: uuidSchema,
  partnershipId: uuidSchema,
  title: z.string(),
  version: z.number().int(),
  status: z.enum(["open", "closed"]),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  respondents: z.number().int(),
});
export type RoundSummary = z.infer<typeof roundSummary>;

export const openRoundResponse = roundSummary.extend({ invited: z.number().int() });

/** A round as a member sees it: who answered is for the convener; my own answers are mine. */
export const roundDetail = roundSummary.extend({
  partnershipSlug: z.string(),
  partnershipName: z.string(),
  canManage: z.boolean(),
  canRespond: z.boolean(),
  myAnswers: z.record(z.string(), z.number().int()).nullable(),
  myAnsweredAt: z.string().nullable(),
  /** My latest quick check saved to this partnership under the same rubric, to start from. */
  savedQuickCheck: z.record(z.string(), z.number().int()).nullable(),
  /** Only for conveners and admins: who has answered (never what). */
  members: z
    .array(
      z.object({
        personId: uuidSchema,
        name: z.string(),
        sector: z.enum(["business", "public"]),
        answered: z.boolean(),
      }),
    )
    .nullable(),
});
export type RoundDetail = z.infer<typeof roundDetail>;

export const responseSaved = z.object({
  roundId: uuidSchema,
  answeredAt: z.string(),
  sector: z.enum(["business", "public"]),
});

/** How a round compares with the previous one (`changeSince`); across versions, by the characteristics both hold. */
const changeSchema = z.object({
  overall: score,
  characteristics: z.array(z.object({ key: z.string(), change: score })),
  comparison: z.enum(comparisons),
  notCompared: z.array(
    z.object({ key: z.enum(characteristicKeys), name: z.string(), reason: z.enum(["new", "dropped"]) }),
  ),
});

export const resultsResponse = z.object({
  roundId: uuidSchema,
  title: z.string(),
  partnershipId: uuidSchema,
  partnershipName: z.string(),
  partnershipSlug: z.string(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  respondents: z.object({ all: z.number().int(), business: z.number().int(), public: z.number().int() }),
  /** A group's results appear only when at least this many of its people answered. */
  minimum: z.number().int(),
  /** Scores, means and gaps of a group that is not shown are null or left out. */
  visibility: z.object({
    all: groupVisibilitySchema,
    business: groupVisibilitySchema,
    public: groupVisibilitySchema,
  }),
  overall: score,
  band: z.enum(bands).nullable(),
  characteristics: z.array(
    z.object({
      key: z.enum(characteristicKeys),
      name: z.string(),
      all: score,
      business: score,
      public: score,
    }),
  ),
  statements: z.array(
    z.object({
      key: z.string(),
      characteristic: z.enum(characteristicKeys),
      all: score,
      business: score,
      public: score,
    }),
  ),
  gaps: z.array(
    z.object({
      statement: z.string(),
      text: z.string(),
      business: z.number(),
      public: z.number(),
      difference: z.number(),
    }),
  ),
  previous: z
    .object({
      roundId: uuidSchema,
      title: z.string(),
      closedAt: z.string().nullable(),
      version: z.number().int(),
      overall: score,
    })
    .nullable(),
  change: changeSchema,
});
export type ResultsResponse = z.infer<typeof resultsResponse>;

export const historyResponse = z.object({
  partnershipId: uuidSchema,
  minimum: z.number().int(),
  canOpen: z.boolean(),
  open: roundSummary.nullable(),
  closed: z.array(
    roundSummary.extend({
      /** Whether the scores of all respondents are shown (null scores when not). */
      visibility: groupVisibilitySchema,
      overall: score,
      band: z.enum(bands).nullable(),
      characteristics: z.array(z.object({ key: z.enum(characteristicKeys), all: score })),
      change: changeSchema.pick({ overall: true, comparison: true, notCompared: true }),
    }),
  ),
});
export type HistoryResponse = z.infer<typeof historyResponse>;

export const signalsResponse = z.object({
  businessAttendanceShare: z
    .object({
      meetings: z.number().int(),
      attendees: z.number().int(),
      businessShare: z.number(),
      meetingsWithoutMajority: z.number().int(),
    })
    .nullable(),
  businessChampions: z.object({ teams: z.number().int(), withBusinessChampion: z.number().int() }).nullable(),
  meetingsLast12Months: z.number().int(),
  publicPartnerKinds: z.object({
    present: z.array(organizationKindSchema),
    missing: z.array(organizationKindSchema),
  }),
  /** Business members now at the table, how many have a seniority recorded, and how many are owners, CEOs or executives. */
  businessSeniority: z
    .object({ businessPeople: z.number().int(), recorded: z.number().int(), influential: z.number().int() })
    .nullable(),
  /** Active priorities, and those whose theme is beyond workforce (with those themes). */
  prioritiesBeyondWorkforce: z
    .object({
      active: z.number().int(),
      withTheme: z.number().int(),
      beyondWorkforce: z.number().int(),
      themes: z.array(z.enum(themes)),
    })
    .nullable(),
  /** The last change to the action plan (priorities, teams, actions, progress notes). */
  actionPlanUpdated: z.object({ at: z.string(), daysAgo: z.number().int() }).nullable(),
  /** The partnership's footprint and whether the regional economy panel has data for it. */
  regionalEconomy: z
    .object({
      counties: z.number().int(),
      states: z.number().int(),
      commutingAreas: z.number().int(),
      industries: z.number().int(),
      dataYear: z.number().int().nullable(),
    })
    .nullable(),
});
export type SignalsResponse = z.infer<typeof signalsResponse>;

export const quickSaveResponse = z.object({
  id: uuidSchema,
  partnershipId: uuidSchema,
  version: z.number().int(),
  savedAt: z.string(),
});

export const communityResponse = z.object({
  partnershipsAssessed: z.number().int(),
  minimum: z.number().int(),
  /** Null below the minimum: aggregates over fewer partnerships would reveal them. */
  bands: z
    .object({ not_yet: z.number().int(), emerging: z.number().int(), next_gen: z.number().int() })
    .nullable(),
  characteristics: z
    .array(
      z.object({
        key: z.enum(characteristicKeys),
        name: z.string(),
        /** Partnerships whose latest round scores this characteristic (5 or more). */
        partnerships: z.number().int(),
        mean: z.number(),
        median: z.number(),
      }),
    )
    .nullable(),
});
export type CommunityResponse = z.infer<typeof communityResponse>;
