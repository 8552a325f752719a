/**
 * The controls view's shapes (src/core/controls/view.ts): the zod schemas are the source
 * of its types, of the check `cxray controls --format json` makes before it writes, and
 * of `cxray schema controls`; and the shape of a control whose verdict changed between
 * two cycles (view-diff.ts), which `cxray diff --format json` carries. Pure.
 */
import { z } from '../zod.js';
import { FRAMEWORKS } from '../bank-schema.js';
import { CONFIDENCES } from '../workbook-schema.js';
import { CLAIM_STATUSES, ControlClaimSchema } from './claims.js';

/** The version of the controls JSON; bumped when a field changes meaning or goes away. */
export const CONTROLS_JSON_VERSION = 1;

import { VERDICTS, type Verdict } from './verdicts.js';

export { VERDICTS, type Verdict };

const count = z.number().int().min(0);
const percent = z.number().min(0).max(100);

/** One asked answer behind a control: a journey's, or the organisation's (counted once). */
export const ControlAnswerSchema = z.strictObject({
  questionId: z.string(),
  questionPrompt: z.string(),
  dimensionId: z.string(),
  weight: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  scope: z.enum(['journey', 'organisation']),
  /** null for the organisation answer. */
  journeyId: z.string().nullable(),
  journeyName: z.string().nullable(),
  kind: z.enum(['option', 'unknown']),
  optionLabel: z.string().nullable(),
  /** 0-4 for an option; null for unknown. */
  level: z.number().int().min(0).max(4).nullable(),
  /** What the answer counts as for visibility (after any stale downgrade); null for unknown. */
  confidence: z.enum(CONFIDENCES).nullable(),
  /** r: the answer's risk, as the report computes it. */
  risk: z.number().min(0),
  note: z.string(),
});

/** A plan item fed by an answer behind the control. */
export const ControlPlanItemSchema = z.strictObject({
  actionId: z.string(),
  title: z.string(),
  lane: z.enum(['fix', 'find-out']),
  rank: z.number().int().min(1),
  /** now, next or later for a Fix item; null for a Find out item. */
  horizon: z.enum(['now', 'next', 'later']).nullable(),
});

export const ControlFindingSchema = z.strictObject({
  framework: z.enum(FRAMEWORKS),
  controlId: z.string(),
  /** The catalogue's title (the id itself when the catalogue lacks it). */
  title: z.string(),
  /** The bank's questions citing the control, in bank order (applicable or not). */
  questions: z.array(z.strictObject({ id: z.string(), prompt: z.string(), dimensionId: z.string() })),
  /** Dimensions of those questions, in bank order. */
  dimensions: z.array(z.string()),
  /** Asked answers (option or unknown) behind the control, the riskiest first. */
  answers: z.array(ControlAnswerSchema),
  /** null: no asked answer. */
  exposure: percent.nullable(),
  visibility: percent.nullable(),
  /** Sum of r of the answers. */
  risk: z.number().min(0),
  /** The highest option level among the answers; null when no option answer. */
  worstLevel: z.number().int().min(0).max(4).nullable(),
  unknowns: count,
  verdict: z.enum(VERDICTS),
  /** Plan items the answers behind it feed: Fix lane by rank, then Find out by rank. */
  planItems: z.array(ControlPlanItemSchema),
  /** What the claims file says about it, if anything. */
  claim: ControlClaimSchema.nullable(),
});

/** What `cxray controls --format json` writes. */
export const ControlsDocumentSchema = z.strictObject({
  controlsVersion: z.literal(CONTROLS_JSON_VERSION),
  assessment: z.string(),
  bank: z.strictObject({ id: z.string(), version: z.string() }),
  /** YYYY-MM-DD: the day the answers were read. */
  date: z.iso.date(),
  frameworks: z.array(z.enum(FRAMEWORKS)).min(1),
  /** How many controls have each verdict. */
  counts: z.strictObject({ exposed: count, unknown: count, holds: count, 'not-tested': count }),
  /** How many claims the view holds (in the frameworks shown). */
  claims: count,
  /** "FRAMEWORK ID" of each control claimed implemented and exposed in practice, in the order of `controls`. */
  claimedButExposed: z.array(z.string()),
  /** Every control cited by the bank (and every claimed one), by exposure, highest first. */
  controls: z.array(ControlFindingSchema),
});

/**
 * What made a control's verdict what it was on one side of a comparison: an answer at
 * level 3 or 4 (the riskiest, and how many more); unknown answers; visibility below the
 * threshold; every answer below level 3 and known, visibility high enough; none of its
 * questions asked; or not in that side's view at all (not cited by the bank, not claimed).
 */
export const VerdictReasonSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('exposed-answer'),
    questionId: z.string(),
    questionPrompt: z.string(),
    scope: z.enum(['journey', 'organisation']),
    journeyName: z.string().nullable(),
    level: z.number().int().min(3).max(4),
    /** Other answers at level 3 or 4 behind the control. */
    more: count,
  }),
  z.strictObject({ kind: z.literal('unknown-answers'), unknowns: count, answers: count }),
  z.strictObject({ kind: z.literal('low-visibility'), visibility: percent, threshold: percent }),
  z.strictObject({ kind: z.literal('holds'), answers: count, visibility: percent }),
  z.strictObject({ kind: z.literal('not-asked'), questions: count }),
  z.strictObject({ kind: z.literal('not-cited') }),
]);

const figure = z.strictObject({ from: percent.nullable(), to: percent.nullable() });

/** A control whose verdict, or whose place among the controls claimed implemented and exposed, changed. */
export const VerdictChangeSchema = z.strictObject({
  framework: z.enum(FRAMEWORKS),
  controlId: z.string(),
  title: z.string(),
  /** null: the control was not in that side's view (not cited, not claimed). */
  from: z.enum(VERDICTS).nullable(),
  to: z.enum(VERDICTS).nullable(),
  exposure: figure,
  visibility: figure,
  /** The claim's status on each side (null: no claim). */
  claim: z.strictObject({ from: z.enum(CLAIM_STATUSES).nullable(), to: z.enum(CLAIM_STATUSES).nullable() }),
  /** Claimed implemented and exposed in practice, on each side. */
  claimedButExposed: z.strictObject({ from: z.boolean(), to: z.boolean() }),
  /** Why each side's verdict was what it was. */
  why: z.strictObject({ from: VerdictReasonSchema, to: VerdictReasonSchema }),
});

export type ControlAnswer = z.infer<typeof ControlAnswerSchema>;
export type ControlPlanItem = z.infer<typeof ControlPlanItemSchema>;
export type ControlFinding = z.infer<typeof ControlFindingSchema>;
export type ControlsDocument = z.infer<typeof ControlsDocumentSchema>;
export type VerdictReason = z.infer<typeof VerdictReasonSchema>;
export type VerdictChange = z.infer<typeof VerdictChangeSchema>;
