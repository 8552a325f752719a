/**
 * The comparison of two states of an assessment (src/core/diff.ts): the zod schema is
 * the source of the types and of `cxray diff --format json`'s published shape. Pure.
 */
import { z } from 'zod';
import { ANSWER_KINDS, CONFIDENCES, type Answer, type Snapshot } from './workbook-schema.js';

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

export const DiffAnswerSchema = z.strictObject({
  journeyId: z.string(),
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
});

const side = z.strictObject({ label: z.string(), snapshotId: z.string().nullable(), at: z.string() });
const planEntry = z.strictObject({ actionId: z.string(), title: z.string(), horizon: z.enum(HORIZONS), rank: z.number().int() });

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
  plan: z.strictObject({
    appeared: z.array(planEntry),
    disappeared: z.array(planEntry),
    moved: z.array(
      z.strictObject({ actionId: z.string(), title: z.string(), from: z.enum(HORIZONS), to: z.enum(HORIZONS), rank: z.number().int() }),
    ),
  }),
});

export type Delta = z.infer<typeof DeltaSchema>;
export type DiffAnswerState = z.infer<typeof DiffAnswerStateSchema>;
export type DiffAnswer = z.infer<typeof DiffAnswerSchema>;
export type CycleDiff = z.infer<typeof CycleDiffSchema>;

/** One side of a comparison: a snapshot, or the assessment as it stands ("now"). */
export interface CycleState {
  label: string;
  snapshotId: string | null;
  at: string;
  journeys: { id: string; name: string }[];
  answers: readonly Answer[];
  scores: Snapshot['scores'];
  plan: Snapshot['plan'];
}
