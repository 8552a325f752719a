/**
 * The comparison of two states of an assessment (src/core/diff.ts): the zod schema is
 * the source of the types, of the report's "since last cycle" and of `cxray diff
 * --format json`'s published shape (the comparison, its version and the controls whose
 * verdict changed). Pure.
 */
import { z } from './zod.js';
import { VerdictChangeSchema } from './controls/view-schema.js';
import { ANSWER_KINDS, CONFIDENCES, type Answer, type Evidence, type OrganisationAnswer, type PlanCapacity, type Snapshot } from './workbook-schema.js';

/** The plan's horizons (as in report-schema.ts, which imports this file). */
const HORIZONS = ['now', 'next', 'later'] as const;

/** How a figure moved: from, to, and to - from (null when either side has no figure). */
export const DeltaSchema = z.strictObject({
  from: z.number().nullable(),
  to: z.number().nullable(),
  change: z.number().nullable(),
});

export const DiffAnswerStateSchema = z.strictObject({
  kind: z.enum(ANSWER_KINDS),
  optionId: z.string().nullable(),
  optionLabel: z.string().nullable(),
  level: z.number().int().min(0).max(4).nullable(),
  confidence: z.enum(CONFIDENCES).nullable(),
});

/** One evidence item in a comparison. */
export const DiffEvidenceSchema = z.strictObject({
  id: z.string(),
  journeyId: z.string().nullable(),
  journeyName: z.string(),
  questionId: z.string(),
  questionPrompt: z.string(),
  reference: z.string(),
  shows: z.string(),
  /** The day collected; for expired evidence, its last day as well. */
  collectedOn: z.string(),
  expiresOn: z.string().nullable(),
  reason: z.string(),
});

export const DiffAnswerSchema = z.strictObject({
  /** organisation: the organisation answer; journey: a journey's answer or override. */
  scope: z.enum(['journey', 'organisation']),
  /** null for the organisation answer. */
  journeyId: z.string().nullable(),
  /** "Organisation-wide" for the organisation answer. */
  journeyName: z.string(),
  questionId: z.string(),
  questionPrompt: z.string(),
  dimensionId: z.string().nullable(),
  /** null: there was no answer. */
  from: DiffAnswerStateSchema.nullable(),
  /** null: the answer is gone. */
  to: DiffAnswerStateSchema.nullable(),
  /** Who gave the later answer, and when. */
  by: z.string(),
  at: z.string().nullable(),
  direction: z.enum(['better', 'worse', 'same']),
  /** An option turned into "we don't know": worse, whatever the level (sight of the control is lost). */
  lostSight: z.boolean(),
});

const side = z.strictObject({
  label: z.string(),
  snapshotId: z.string().nullable(),
  at: z.string(),
  /** The scoring model of the figures compared. */
  scoringModel: z.number().int().min(1),
  /** True when a snapshot of an older model was recomputed from its answers with the current one. */
  recomputed: z.boolean(),
});
/** A plan item: find-out (no horizon) or fix. */
const planEntry = z.strictObject({
  actionId: z.string(),
  title: z.string(),
  lane: z.enum(['find-out', 'fix']),
  horizon: z.enum(HORIZONS).nullable(),
  rank: z.number().int(),
});

/**
 * Why a Fix item changed horizon: its own R or effort changed; the items ahead of it
 * changed (the largest named); the capacity changed; or a rule (contain, long lead,
 * prerequisite) placed it on either side.
 */
export const HorizonMoveWhySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('own'), riskFrom: z.number(), riskTo: z.number(), effortFrom: z.number().nullable(), effortTo: z.number() }),
  z.strictObject({ kind: z.literal('items-ahead'), effortBeforeFrom: z.number().nullable(), effortBeforeTo: z.number(), largest: z.string().nullable(), largestTitle: z.string().nullable() }),
  z.strictObject({ kind: z.literal('capacity'), from: z.strictObject({ now: z.number(), next: z.number() }), to: z.strictObject({ now: z.number(), next: z.number() }) }),
  z.strictObject({ kind: z.literal('rule'), rule: z.enum(['contain', 'long-lead', 'prerequisite']), side: z.enum(['from', 'to']) }),
  z.strictObject({ kind: z.literal('model') }),
]);

export const CycleDiffSchema = z.strictObject({
  from: side,
  to: side,
  overall: z.strictObject({ exposure: DeltaSchema, visibility: DeltaSchema }),
  journeys: z.array(
    z.strictObject({
      journeyId: z.string(),
      journeyName: z.string(),
      /** added: only in the later state; removed: only in the earlier one. */
      presence: z.enum(['both', 'added', 'removed']),
      exposure: DeltaSchema,
      visibility: DeltaSchema,
      dimensions: z.array(
        z.strictObject({ dimensionId: z.string(), dimensionTitle: z.string(), exposure: DeltaSchema, visibility: DeltaSchema }),
      ),
    }),
  ),
  /** Answers that changed, other than to or from "we don't know". */
  answers: z.array(DiffAnswerSchema),
  /** Answers that became "we don't know". */
  newUnknowns: z.array(DiffAnswerSchema),
  /** "We don't know" answers that are now answered otherwise (or gone). */
  resolvedUnknowns: z.array(DiffAnswerSchema),
  /** Evidence accepted, rejected, and run out (expired) between the two sides; absent when neither side has any. */
  evidence: z
    .strictObject({
      accepted: z.array(z.lazy(() => DiffEvidenceSchema)),
      rejected: z.array(z.lazy(() => DiffEvidenceSchema)),
      expired: z.array(z.lazy(() => DiffEvidenceSchema)),
    })
    .optional(),
  plan: z.strictObject({
    appeared: z.array(planEntry),
    disappeared: z.array(planEntry),
    moved: z.array(
      z.strictObject({
        actionId: z.string(),
        title: z.string(),
        from: z.enum(HORIZONS),
        to: z.enum(HORIZONS),
        rank: z.number().int(),
        why: HorizonMoveWhySchema,
      }),
    ),
  }),
});

/**
 * The version of `cxray diff --format json`; bumped when a field changes meaning, goes
 * away or a required one is added. 1 was the comparison alone, without a version; 2
 * adds `schemaVersion` and `controls`.
 */
export const DIFF_SCHEMA_VERSION = 2;

/** What `cxray diff --format json` writes: the comparison, and the controls whose verdict changed. */
export const DiffDocumentSchema = z.strictObject({
  schemaVersion: z.literal(DIFF_SCHEMA_VERSION),
  ...CycleDiffSchema.shape,
  /** Controls whose verdict in practice changed, or that joined or left those claimed implemented and exposed (src/core/controls/view-diff.ts). */
  controls: z.array(VerdictChangeSchema),
});

export type Delta = z.infer<typeof DeltaSchema>;
export type DiffAnswerState = z.infer<typeof DiffAnswerStateSchema>;
export type DiffAnswer = z.infer<typeof DiffAnswerSchema>;
export type CycleDiff = z.infer<typeof CycleDiffSchema>;
export type DiffDocument = z.infer<typeof DiffDocumentSchema>;
/** A comparison as the renderers take it: with the controls whose verdict changed when they were compared. */
export type CycleDiffView = CycleDiff & { controls?: DiffDocument['controls'] };
export type HorizonMoveWhy = z.infer<typeof HorizonMoveWhySchema>;
export type DiffEvidence = z.infer<typeof DiffEvidenceSchema>;

/** One side of a comparison: a snapshot, or the assessment as it stands ("now"). */
export interface CycleState {
  label: string;
  snapshotId: string | null;
  at: string;
  journeys: { id: string; name: string }[];
  answers: readonly Answer[];
  organisationAnswers: readonly OrganisationAnswer[];
  scores: Snapshot['scores'];
  plan: Snapshot['plan'];
  findOut: Snapshot['findOut'];
  /** Null for a model-1 snapshot (its horizons were not cut by capacity). */
  planCapacity: PlanCapacity | null;
  scoringModel: number;
  recomputed: boolean;
  /** The evidence as it was (none for a snapshot taken before evidence existed). */
  evidence?: readonly Evidence[];
}
