/**
 * The report: everything the exports and the TUI show about one assessment (scores,
 * plan, visibility gaps, documented-but-exposed answers, stale answers, the answers
 * themselves). The zod schema is the source of the TypeScript types, of the check made
 * before a JSON export is written, and of `cxray schema report`. Pure: no I/O.
 *
 * Figures are unrounded; a figure that cannot be computed (nothing to score) is null,
 * never 0. Lists are in a stable order: journeys and systems as in the assessment,
 * dimensions and questions as in the bank, the plan by rank.
 */
import { z } from './zod.js';
import { EFFORTS, FRAMEWORKS } from './bank-schema.js';
import { CycleDiffSchema } from './diff-schema.js';
import { CHANNELS, DATA_CATEGORIES, SENSITIVITIES, SYSTEM_KINDS } from './vocabulary.js';
import { ANSWER_KINDS, CONFIDENCES, EVIDENCE_STATUSES, PARKED_KINDS, PLAN_STATUSES, POLICIES, REQUEST_STATUSES, SIGNOFF_DECISIONS } from './workbook-schema.js';

import { REPORT_SCHEMA_VERSION, SCORING_MODEL_VERSION } from './report-version.js';

export { REPORT_SCHEMA_VERSION, SCORING_MODEL_VERSION };

const count = z.number().int().min(0);
const percent = z.number().min(0).max(100);
const isoDate = z.iso.datetime({ offset: true });

export const HORIZONS = ['now', 'next', 'later'] as const;
export type Horizon = (typeof HORIZONS)[number];

/**
 * Why a Fix item is in its horizon: capacity (where the effort points before it put it),
 * contain (the primary fix of a verified or reported worst case on a weighty question or
 * a high-sensitivity journey), long-lead (an effort-L programme removing R >= 9, started
 * now), prerequisite (raised to the horizon of an item that requires it).
 */
export const HORIZON_REASONS = ['capacity', 'contain', 'long-lead', 'prerequisite'] as const;
export type HorizonReason = (typeof HORIZON_REASONS)[number];

/** Where an answer comes from: a journey (its own answer, or its override), or the organisation answer. */
export const ANSWER_SCOPES = ['journey', 'organisation'] as const;

/** Exposure and visibility, 0-100, or null when there is nothing to score. */
export const FiguresSchema = z.strictObject({
  exposure: percent.nullable(),
  visibility: percent.nullable(),
});

/** Figures of one dimension, with how many questions they rest on. */
export const DimensionScoreSchema = FiguresSchema.extend({
  dimensionId: z.string(),
  /** Questions answered with an option. */
  answered: count,
  /** |K|: questions answered with an option or unknown (both figures rest on them). */
  asked: count,
});

/** Questions that have any answer (option, unknown, not applicable) out of those that apply. */
export const ProgressSchema = z.strictObject({
  answered: count,
  total: count,
  /** answered / total, or null when no question applies. */
  ratio: z.number().min(0).max(1).nullable(),
});

export const ReportJourneySchema = FiguresSchema.extend({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  channels: z.array(z.enum(CHANNELS)),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)),
  sensitivity: z.enum(SENSITIVITIES),
  /** s(j): low 1, moderate 2, high 3. */
  sensitivityFactor: z.number().int().min(1).max(3),
  systemIds: z.array(z.string()),
  progress: ProgressSchema,
  /** One entry per bank dimension, in bank order. */
  dimensions: z.array(DimensionScoreSchema),
});

/** All journeys together: each figure weighted by the journeys' sensitivity. */
export const OverallSchema = FiguresSchema.extend({
  /** Each journey's progress added up: an organisation answer counts in every journey it holds for. */
  progress: ProgressSchema,
  /**
   * The answers the room gives, each once: the organisation section's, and each journey's
   * own questions and overrides (what the workbook's "All questions" bar shows).
   */
  given: ProgressSchema.optional(),
  dimensions: z.array(DimensionScoreSchema),
});

const answerFields = {
  kind: z.enum(ANSWER_KINDS),
  optionId: z.string().nullable(),
  optionLabel: z.string().nullable(),
  /** L(o), 0-4, for option answers. */
  level: z.number().int().min(0).max(4).nullable(),
};

/** One reason a plan item is in the plan: an effective answer that feeds it. */
export const PlanReasonSchema = z.strictObject({
  /** organisation: the organisation answer (counted once); journey: a journey's answer or override. */
  scope: z.enum(ANSWER_SCOPES),
  /** The journey; null for the organisation answer. */
  journeyId: z.string().nullable(),
  journeyName: z.string().nullable(),
  /** True for a journey's override of an organisation answer. */
  override: z.boolean(),
  /** How many journeys the answer holds for (1 for a journey's answer). */
  journeysHeld: count,
  questionId: z.string(),
  questionPrompt: z.string(),
  kind: z.enum(['option', 'unknown']),
  optionId: z.string().nullable(),
  optionLabel: z.string().nullable(),
  level: z.number().int().min(0).max(4).nullable(),
  /** The confidence the item counts with (after any stale downgrade); null for unknown. */
  confidence: z.enum(CONFIDENCES).nullable(),
  /** s(j), or s* for the organisation answer: the highest sensitivity among the journeys it holds for. */
  sensitivityFactor: z.number().int().min(1).max(3),
  /** r: the item's risk, w x s x e. */
  risk: z.number().min(0),
  /** The share of r this action takes (1 for a discovery action). */
  share: z.number().min(0).max(1),
  /** share x r: what this item adds to the plan item's R. */
  contribution: z.number().min(0),
  /** contribution / R: this item's part of the plan item's risk removed. */
  portion: z.number().min(0).max(1),
  /** True when this item makes the plan item a containment (SCORING.md, contain). */
  contains: z.boolean(),
});

/** Where the team stands on a plan item (src/core/plan-status.ts). */
export const PlanTrackingSchema = z.strictObject({
  /** The status that counts today: an accepted risk past its review date counts as open. */
  status: z.enum(PLAN_STATUSES),
  /** The status as the team set it, or null when nobody has. */
  recorded: z.enum(PLAN_STATUSES).nullable(),
  /** The person who owns the item ('' when nobody is named). */
  owner: z.string(),
  /** YYYY-MM-DD. */
  due: z.string().nullable(),
  /** The due date has passed and the item is neither done nor an accepted risk. */
  overdue: z.boolean(),
  /** Why a risk is accepted. */
  reason: z.string(),
  /** YYYY-MM-DD: when an accepted risk is looked at again. */
  reviewBy: z.string().nullable(),
  by: z.string(),
  updatedAt: isoDate.nullable(),
  /**
   * done-but-gap: marked done, but the answers still trigger the item;
   * risk-review-passed: an accepted risk past its review date, open again.
   */
  flag: z.enum(['done-but-gap', 'risk-review-passed']).nullable(),
  /** The tracker ticket the item was filed as (a URL, or a key such as PROJ-12), or null. */
  ticket: z.string().nullable(),
});

const planItemFields = {
  /** 1 for the first thing to do in its lane. */
  rank: z.number().int().min(1),
  /** The stable id (src/core/plan-ids.ts): the same for this action in this assessment in every cycle and export. */
  id: z.string(),
  actionId: z.string(),
  title: z.string(),
  detail: z.string(),
  owner: z.string(),
  /** R: the sum of what every feeding item contributes. */
  riskRemoved: z.number().min(0),
  reasons: z.array(PlanReasonSchema),
  tracking: PlanTrackingSchema,
  /**
   * The framework controls the item serves: those cited by the questions behind it,
   * each once, in bank order, with the control catalogue's title.
   */
  controls: z.array(z.strictObject({ framework: z.enum(FRAMEWORKS), controlId: z.string(), title: z.string() })).optional(),
};

/** An item of the Find out lane: a discovery action, the evidence sprint before any fix. */
export const FindOutItemSchema = z.strictObject({
  ...planItemFields,
  /** Always S. */
  effort: z.literal('S'),
  effortPoints: z.literal(1),
  kind: z.literal('discovery'),
  /** True for a "Find out: ..." action made up by cxray where the bank gives none. */
  generated: z.boolean(),
  /** P = R / 1. */
  priority: z.number().min(0),
});

/** An item of the Fix lane: a remediation action. */
export const PlanItemSchema = z.strictObject({
  ...planItemFields,
  effort: z.enum(EFFORTS),
  /** S 1, M 3, L 8. */
  effortPoints: z.number().int().min(1),
  kind: z.literal('remediation'),
  generated: z.literal(false),
  /** P = R / effort points. */
  priority: z.number().min(0),
  /** P*: the highest of P and the P* of every plan item that requires this one. */
  effectivePriority: z.number().min(0),
  horizon: z.enum(HORIZONS),
  horizonReason: z.enum(HORIZON_REASONS),
  /** The horizon the capacity alone gives it. */
  capacityHorizon: z.enum(HORIZONS),
  /** Effort points of the items ranked before it. */
  effortBefore: count,
  /** For horizonReason prerequisite: the item that requires it and holds it in its horizon. */
  prerequisiteOf: z.string().nullable(),
  /** Plan items this one requires (prerequisites no answer triggers are taken to be in place). */
  requires: z.array(z.string()),
  /** Plan items that require this one. */
  requiredBy: z.array(z.string()),
});

/** One answer that leaves visibility short: unknown or disputed. */
export const VisibilityGapEntrySchema = z.strictObject({
  scope: z.enum(ANSWER_SCOPES),
  /** null for the organisation answer. */
  journeyId: z.string().nullable(),
  journeyName: z.string().nullable(),
  /** unknown (k 0) or disputed (k 0.25): what the answer counts as. */
  reason: z.enum(['unknown', 'disputed']),
  /** The answer is older than its question's lifetime (a verified answer then counts as reported). */
  stale: z.boolean(),
  optionLabel: z.string().nullable(),
  note: z.string(),
  /** w(q) x s x (1 - k) (s* for the organisation answer): how much this answer weighs in the gap. */
  gap: z.number().min(0),
});

/** The "find out" work for one question: every answer to it that is unknown or disputed. */
export const VisibilityGapSchema = z.strictObject({
  questionId: z.string(),
  questionPrompt: z.string(),
  dimensionId: z.string(),
  weight: z.number().int().min(1).max(3),
  /** The action that closes the gap: the question's discovery action or a generated one. */
  findOut: z.strictObject({ actionId: z.string(), title: z.string(), generated: z.boolean() }),
  /** Sum of the entries' gap. */
  gap: z.number().min(0),
  entries: z.array(VisibilityGapEntrySchema),
});

/** An answer with policy "documented" and an option of level 3 or 4. */
export const DocumentedExposureSchema = z.strictObject({
  scope: z.enum(ANSWER_SCOPES),
  /** null for the organisation answer. */
  journeyId: z.string().nullable(),
  journeyName: z.string().nullable(),
  questionId: z.string(),
  questionPrompt: z.string(),
  optionId: z.string(),
  optionLabel: z.string(),
  level: z.number().int().min(3).max(4),
  confidence: z.enum(CONFIDENCES),
  note: z.string(),
});

/** An answer older than its question's lifetime. */
export const StaleAnswerSchema = z.strictObject({
  scope: z.enum(ANSWER_SCOPES),
  /** null for the organisation answer. */
  journeyId: z.string().nullable(),
  journeyName: z.string().nullable(),
  questionId: z.string(),
  questionPrompt: z.string(),
  kind: z.enum(ANSWER_KINDS),
  at: isoDate,
  /** Whole days between the answer and the report date. */
  ageDays: count,
  lifetimeDays: z.number().int().min(1),
  /** The confidence recorded, and the one the answer counts with. */
  confidence: z.enum(CONFIDENCES).nullable(),
  effectiveConfidence: z.enum(CONFIDENCES).nullable(),
  /** Set when it is stale because its evidence has all expired: the last day the evidence counted. */
  evidenceExpiredOn: z.string().optional(),
});

/** One evidence item as the report lists it: what it backs, where it is, and whether it counts today. */
export const ReportEvidenceSchema = z.strictObject({
  id: z.string(),
  scope: z.enum(ANSWER_SCOPES),
  journeyId: z.string().nullable(),
  journeyName: z.string().nullable(),
  questionId: z.string(),
  questionPrompt: z.string(),
  /** The option it shows, and its label (null: none, or an option the bank no longer has). */
  optionId: z.string().nullable(),
  optionLabel: z.string().nullable(),
  /** The link or the file path. */
  reference: z.string(),
  kind: z.enum(['link', 'file']),
  sha256: z.string().nullable(),
  size: count.nullable(),
  shows: z.string(),
  collectedBy: z.string(),
  /** YYYY-MM-DD. */
  collectedOn: z.string(),
  /** The last day it counts (its own expiry or the question's lifetime); null: it does not expire. */
  expiresOn: z.string().nullable(),
  status: z.enum(EVIDENCE_STATUSES),
  reason: z.string(),
  /** Past its last day. */
  expired: z.boolean(),
  /** Accepted, unexpired and for the option the answer holds now: the answer counts as verified. */
  counts: z.boolean(),
  /** A file whose content differs from what was accepted (changed) or that cannot be read here (missing); null: a link, unchecked, or the same. */
  fileCheck: z.enum(['changed', 'missing']).nullable(),
  requestId: z.string().nullable(),
  by: z.string(),
  addedAt: isoDate,
});

/** One evidence request: an answer resting on someone's word, disputed or unknown, and what would show it. */
export const ReportRequestSchema = z.strictObject({
  id: z.string(),
  scope: z.enum(ANSWER_SCOPES),
  journeyId: z.string().nullable(),
  journeyName: z.string().nullable(),
  questionId: z.string(),
  questionPrompt: z.string(),
  answer: z.string(),
  /** Why it needs evidence; null when it no longer does (kept for its recorded status). */
  reason: z.enum(['unknown', 'disputed', 'reported', 'stale']).nullable(),
  hint: z.string(),
  owner: z.string(),
  due: z.string(),
  status: z.enum(REQUEST_STATUSES),
  overdue: z.boolean(),
  recorded: z.boolean(),
  note: z.string(),
});

/** The Evidence section: what rests on evidence, what is asked for, what runs out soon. */
export const EvidenceSectionSchema = z.strictObject({
  /** Answers that count as verified by accepted, unexpired evidence (the organisation answer once). */
  verified: count,
  /** Points of the overall visibility that rest on evidence (the rest on answers alone); null without a visibility figure. */
  visibilityOnEvidence: percent.nullable(),
  items: z.array(ReportEvidenceSchema),
  requests: z.array(ReportRequestSchema),
  /** Per owner: requests still open (not accepted) and of those, overdue. */
  owners: z.array(z.strictObject({ owner: z.string(), open: count, overdue: count })),
  /** Ids of counting evidence whose last day is within the next 30 days. */
  expiringSoon: z.array(z.string()),
});

/** One person's position in a vote, with the option's label and level (null for "we don't know" and n/a). */
export const ReportPositionSchema = z.strictObject({
  name: z.string(),
  /** Their role among the participants ('' when none is recorded, or they are not a participant any more). */
  role: z.string(),
  ...answerFields,
});

/** The vote an answer was settled after: the positions, and how far apart they were in levels. */
export const ReportVoteSchema = z.strictObject({
  hidden: z.boolean(),
  positions: z.array(ReportPositionSchema),
  /** The lowest and highest level chosen (null: no option was chosen). */
  low: z.number().int().min(0).max(4).nullable(),
  high: z.number().int().min(0).max(4).nullable(),
  /** high - low, 0 with fewer than two options chosen. */
  spread: z.number().int().min(0).max(4),
  /** A spread of two levels or more. */
  disputed: z.boolean(),
});

/**
 * Every recorded answer that counts: the organisation answers first, then each journey's
 * own answers and overrides (a journey's row never repeats the organisation answer), in
 * bank order.
 */
export const ReportAnswerSchema = z.strictObject({
  scope: z.enum(ANSWER_SCOPES),
  /** null for the organisation answer. */
  journeyId: z.string().nullable(),
  journeyName: z.string().nullable(),
  questionId: z.string(),
  questionPrompt: z.string(),
  dimensionId: z.string(),
  ...answerFields,
  confidence: z.enum(CONFIDENCES).nullable(),
  effectiveConfidence: z.enum(CONFIDENCES).nullable(),
  policy: z.enum(POLICIES).nullable(),
  stale: z.boolean(),
  /** Brought forward from the previous cycle and not yet confirmed or changed. */
  carriedOver: z.boolean(),
  /** A journey's override of an organisation answer. */
  override: z.boolean(),
  /** For the organisation answer: the journeys it holds for. */
  journeysHeld: count,
  /** r: the risk of this item (0 for not applicable, or an organisation answer holding for no journey). */
  risk: z.number().min(0),
  note: z.string(),
  by: z.string(),
  at: isoDate,
  /** Its evidence (absent when it has none), in the order it was added. */
  evidence: z.array(ReportEvidenceSchema).optional(),
  /** The vote the room settled it after (absent when there was none). */
  vote: ReportVoteSchema.optional(),
});

/**
 * A disagreement the room has not resolved: an answer counted as disputed (or settled as
 * "we don't know" after a vote two levels apart), who held what, and what would settle it.
 */
export const DisagreementSchema = z.strictObject({
  scope: z.enum(ANSWER_SCOPES),
  journeyId: z.string().nullable(),
  journeyName: z.string().nullable(),
  questionId: z.string(),
  questionPrompt: z.string(),
  ...answerFields,
  by: z.string(),
  at: isoDate,
  note: z.string(),
  /** The vote, when the room took one: its positions are the record of the disagreement. */
  vote: ReportVoteSchema.nullable(),
  /** What evidence would settle it: the question's evidence hint, else its help ('' when it has neither). */
  settle: z.string(),
});

/** An answer in the workbook that counts nowhere, and why. */
export const IgnoredAnswerSchema = z.strictObject({
  /** null for an organisation answer. */
  journeyId: z.string().nullable(),
  questionId: z.string(),
  kind: z.enum(ANSWER_KINDS),
  /** The option id recorded, for an option answer; null for unknown and not applicable. */
  optionId: z.string().nullable(),
  reason: z.enum(['unknown-journey', 'unknown-question', 'unknown-option', 'question-does-not-apply', 'not-organisation-wide']),
});

/** An open question of the room's parking lot, or a decision of its log. */
export const ParkingLotEntrySchema = z.strictObject({
  id: z.string(),
  kind: z.enum(PARKED_KINDS),
  text: z.string(),
  owner: z.string(),
  /** YYYY-MM-DD, or null. */
  due: z.string().nullable(),
  /** An open question past its due date. */
  overdue: z.boolean(),
  /** The question it was raised on (null: none); the journey null for the organisation-wide section or none. */
  questionId: z.string().nullable(),
  questionPrompt: z.string().nullable(),
  journeyId: z.string().nullable(),
  journeyName: z.string().nullable(),
  by: z.string(),
  at: isoDate,
});

/** A plan item marked done that the answers no longer call for: the gap is closed. */
export const ClosedItemSchema = z.strictObject({
  actionId: z.string(),
  title: z.string(),
  owner: z.string(),
  by: z.string(),
  updatedAt: isoDate,
});

const series = z.array(z.number().min(0).max(100).nullable());

/** Figures at each snapshot and now (src/core/trend.ts); points are oldest first, "now" last. */
export const TrendSchema = z.strictObject({
  /** Each point's scoring model: a snapshot of another model than now has no figure in the series. */
  points: z.array(z.strictObject({ label: z.string(), snapshotId: z.string().nullable(), at: z.string(), scoringModel: z.number().int().min(1) })),
  overall: z.strictObject({ exposure: series, visibility: series }),
  journeys: z.array(z.strictObject({ journeyId: z.string(), journeyName: z.string(), exposure: series, visibility: series })),
});

/** The assessment's earlier cycles: its snapshots, what changed since the latest, the trend. */
export const CyclesSchema = z.strictObject({
  snapshots: z.array(
    z.strictObject({
      id: z.string(),
      label: z.string(),
      takenAt: isoDate,
      by: z.string(),
      exposure: percent.nullable(),
      visibility: percent.nullable(),
    }),
  ),
  /** Answers brought forward from the previous cycle and not yet confirmed or changed. */
  carriedOver: count,
  /** The latest snapshot compared with now; null without a snapshot. */
  sinceLastCycle: CycleDiffSchema.nullable(),
  /** Null with fewer than two snapshots. */
  trend: TrendSchema.nullable(),
});

export const ReportSchema = z.strictObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  scoringModel: z.literal(SCORING_MODEL_VERSION),
  /** The "now" the report was built for (staleness is measured from it). */
  generatedAt: isoDate,
  assessment: z.strictObject({
    id: z.string(),
    name: z.string(),
    organisation: z.string(),
    facilitator: z.string(),
    participants: z.array(z.strictObject({ name: z.string(), role: z.string() })),
    createdAt: isoDate,
  }),
  bank: z.strictObject({
    id: z.string(),
    title: z.string(),
    version: z.string(),
    /** The bank version the assessment was started with. */
    assessedVersion: z.string(),
    /** What the bank assesses, one and several ("journey", "journeys" by default). */
    scope: z.strictObject({ singular: z.string(), plural: z.string() }),
    /** The bank's names of the five exposure levels, level 0 first; null when it names none. */
    levels: z.array(z.string()).length(5).nullable(),
  }),
  /** The bank's dimensions; `short` is the bank's short label, or one derived from the title (src/core/dimension-short.ts). */
  dimensions: z.array(z.strictObject({ id: z.string(), title: z.string(), short: z.string(), description: z.string() })),
  journeys: z.array(ReportJourneySchema),
  overall: OverallSchema,
  /** The organisation section: organisation-wide questions and how many have an organisation answer. */
  organisation: z.strictObject({ progress: ProgressSchema }),
  systems: z.array(
    z.strictObject({ id: z.string(), name: z.string(), kind: z.enum(SYSTEM_KINDS), owner: z.string(), vendor: z.string() }),
  ),
  integrations: z.array(
    z.strictObject({
      id: z.string(),
      from: z.string(),
      to: z.string(),
      access: z.enum(['read', 'write']),
      fields: z.array(z.string()),
      logged: z.enum(['yes', 'no', 'unknown']),
    }),
  ),
  /** Effort points the Now and Next horizons hold. */
  planCapacity: z.strictObject({ now: count, next: count }),
  /** The Find out lane: discovery actions, by risk they clear, then id. */
  findOut: z.array(FindOutItemSchema),
  /** The Fix lane: remediation actions by rank. */
  plan: z.array(PlanItemSchema),
  /** Items marked done that are no longer in the plan, most recently updated first. */
  closedItems: z.array(ClosedItemSchema),
  /** The parking lot: open questions raised in the room, oldest first. */
  parkingLot: z.array(ParkingLotEntrySchema),
  /** The decision log, oldest first. */
  decisions: z.array(ParkingLotEntrySchema),
  /** Disputed answers, with the positions and what would settle each, in the order of the answers. */
  disagreements: z.array(DisagreementSchema),
  /** Unknown and disputed answers, grouped by question, the largest gap first. */
  visibilityGaps: z.array(VisibilityGapSchema),
  /** Answers counted apart from the gaps: those resting on someone's word (reported), the organisation answer once. */
  onSomeonesWord: count,
  documentedButExposed: z.array(DocumentedExposureSchema),
  staleAnswers: z.array(StaleAnswerSchema),
  /** Evidence behind the answers and the requests for more (absent in reports written before evidence existed). */
  evidence: EvidenceSectionSchema.optional(),
  answers: z.array(ReportAnswerSchema),
  ignoredAnswers: z.array(IgnoredAnswerSchema),
  cycles: CyclesSchema,
  /** The sign-off recorded for the assessment, or null. */
  signoff: z
    .strictObject({
      name: z.string(),
      role: z.string(),
      /** YYYY-MM-DD. */
      date: z.string(),
      decision: z.enum(SIGNOFF_DECISIONS),
      conditions: z.string(),
      recordedAt: isoDate,
    })
    .nullable(),
});

export type Figures = z.infer<typeof FiguresSchema>;
export type DimensionScore = z.infer<typeof DimensionScoreSchema>;
export type Progress = z.infer<typeof ProgressSchema>;
export type ReportJourney = z.infer<typeof ReportJourneySchema>;
export type Overall = z.infer<typeof OverallSchema>;
export type PlanReason = z.infer<typeof PlanReasonSchema>;
export type PlanItem = z.infer<typeof PlanItemSchema>;
export type FindOutItem = z.infer<typeof FindOutItemSchema>;
export type PlanTracking = z.infer<typeof PlanTrackingSchema>;
export type ClosedItem = z.infer<typeof ClosedItemSchema>;
export type VisibilityGapEntry = z.infer<typeof VisibilityGapEntrySchema>;
export type VisibilityGap = z.infer<typeof VisibilityGapSchema>;
export type DocumentedExposure = z.infer<typeof DocumentedExposureSchema>;
export type StaleAnswer = z.infer<typeof StaleAnswerSchema>;
export type ReportAnswer = z.infer<typeof ReportAnswerSchema>;
export type ReportVote = z.infer<typeof ReportVoteSchema>;
export type Disagreement = z.infer<typeof DisagreementSchema>;
export type ReportEvidence = z.infer<typeof ReportEvidenceSchema>;
export type ReportRequest = z.infer<typeof ReportRequestSchema>;
export type EvidenceSection = z.infer<typeof EvidenceSectionSchema>;
export type IgnoredAnswer = z.infer<typeof IgnoredAnswerSchema>;
export type Trend = z.infer<typeof TrendSchema>;
export type Cycles = z.infer<typeof CyclesSchema>;
export type Report = z.infer<typeof ReportSchema>;
