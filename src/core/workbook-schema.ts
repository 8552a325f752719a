/**
 * The workbook file: one JSON document holding every assessment. The zod schema is the
 * source of the types, of read validation (src/store/) and of `cxray schema workbook`.
 * Pure: no I/O.
 */
import { z } from './zod.js';
import { ControlClaimSchema } from './controls/claims.js';
import { CHANNELS, DATA_CATEGORIES, SENSITIVITIES, SYSTEM_KINDS } from './vocabulary.js';

/** The version this cxray writes. Older files are migrated on open (src/store/migrations.ts). */
export const WORKBOOK_SCHEMA_VERSION = 4;

const id = z.string().min(1).max(100);
const isoDate = z.iso.datetime({ offset: true });
/** A calendar day, YYYY-MM-DD (due dates, review dates). */
const day = z.iso.date();
const text = (max: number) => z.string().max(max);

export const JourneySchema = z.strictObject({
  id,
  name: text(200).min(1),
  description: text(4000).default(''),
  channels: z.array(z.enum(CHANNELS)).default([]),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)).default([]),
  sensitivity: z.enum(SENSITIVITIES).default('moderate'),
  /** The systems this journey passes through, by System id. */
  systemIds: z.array(id).default([]),
});

export const SystemSchema = z.strictObject({
  id,
  name: text(200).min(1),
  kind: z.enum(SYSTEM_KINDS),
  owner: text(200).default(''),
  vendor: text(200).default(''),
});

export const IntegrationSchema = z.strictObject({
  id,
  from: id,
  to: id,
  access: z.enum(['read', 'write']),
  fields: z.array(text(200)).default([]),
  logged: z.enum(['yes', 'no', 'unknown']).default('unknown'),
});

export const CONFIDENCES = ['verified', 'reported', 'disputed'] as const;
export const POLICIES = ['documented', 'none'] as const;
export const ANSWER_KINDS = ['option', 'unknown', 'na'] as const;

/** One person's pick in a vote on a question: an option, "unknown" or "na". */
export const PositionSchema = z
  .strictObject({
    name: text(200).min(1),
    kind: z.enum(ANSWER_KINDS),
    /** Set exactly when kind is "option". */
    optionId: id.optional(),
  })
  .refine((p) => (p.kind === 'option') === (p.optionId !== undefined), { message: 'optionId is required for kind "option" and not allowed otherwise', path: ['optionId'] });

/**
 * The vote the room took before settling an answer: each person's position, and whether
 * the positions were hidden until everyone had voted (then revealed at once).
 */
export const VoteSchema = z.strictObject({
  hidden: z.boolean(),
  positions: z.array(PositionSchema).min(1).max(100),
});

/** The fields of an answer other than the journey it is for. */
const answerFields = {
  questionId: id,
  kind: z.enum(ANSWER_KINDS),
  /** Set exactly when kind is "option". */
  optionId: id.optional(),
  /** Meaningful for options; unknown answers have no confidence. */
  confidence: z.enum(CONFIDENCES).optional(),
  policy: z.enum(POLICIES).optional(),
  note: text(20000).default(''),
  by: text(200).default(''),
  at: isoDate,
  /**
   * True when the answer was brought forward from the previous cycle and nobody has
   * confirmed or changed it since. Absent once it is confirmed.
   */
  carriedOver: z.literal(true).optional(),
  /** The vote the answer was settled after, if the room voted: the positions are its record. */
  vote: VoteSchema.optional(),
};

const optionIdRule = {
  message: 'optionId is required for kind "option" and not allowed otherwise',
  path: ['optionId'],
};

/**
 * One answer for a journey and a question: an option, "unknown" (we don't know) or
 * "na" (not applicable). A question with no Answer is unanswered. On an
 * organisation-scope question, a journey's answer is that journey's override of the
 * organisation answer.
 */
export const AnswerSchema = z
  .strictObject({ journeyId: id, ...answerFields })
  .refine((a) => (a.kind === 'option') === (a.optionId !== undefined), optionIdRule);

/**
 * The answer to an organisation-scope question for the whole assessment: it holds for
 * every journey the question applies to, except a journey that overrides it.
 */
export const OrganisationAnswerSchema = z
  .strictObject(answerFields)
  .refine((a) => (a.kind === 'option') === (a.optionId !== undefined), optionIdRule);

/** Effort points the plan's Now and Next horizons hold (SCORING.md: 12 and 24 by default). */
export const DEFAULT_PLAN_CAPACITY = { now: 12, next: 24 } as const;

export const PlanCapacitySchema = z.strictObject({
  now: z.number().int().min(0).max(10_000),
  next: z.number().int().min(0).max(10_000),
});

export const PLAN_STATUSES = ['open', 'in-progress', 'done', 'accepted-risk'] as const;

/**
 * Where the team stands on one plan item, kept by action id across cycles: status,
 * owner and due date; an accepted risk also has a reason and a review date, past which
 * it counts as open again.
 */
export const PlanStatusSchema = z
  .strictObject({
    actionId: id,
    status: z.enum(PLAN_STATUSES),
    owner: text(200).default(''),
    due: day.optional(),
    reason: text(2000).default(''),
    reviewBy: day.optional(),
    by: text(200).default(''),
    updatedAt: isoDate,
    /** The tracker ticket this item was filed as: its URL, or its key (PROJ-12) when the tracker gave no URL. */
    ticket: text(2000).optional(),
  })
  .refine((s) => s.status !== 'accepted-risk' || (s.reason.trim() !== '' && s.reviewBy !== undefined), {
    message: 'an accepted risk needs a reason and a review date (reviewBy)',
    path: ['status'],
  });

export const SIGNOFF_DECISIONS = ['accepted', 'accepted-with-conditions', 'not-accepted'] as const;

/**
 * The sign-off of the report by the person who accepts the risk it describes: who, in
 * which role, on which day, and the decision (with its conditions where there are some).
 */
export const SignoffSchema = z
  .strictObject({
    name: text(200).min(1),
    role: text(200).default(''),
    date: day,
    decision: z.enum(SIGNOFF_DECISIONS),
    conditions: text(4000).default(''),
    recordedAt: isoDate,
  })
  .refine((s) => s.decision !== 'accepted-with-conditions' || s.conditions.trim() !== '', {
    message: 'a decision "accepted-with-conditions" needs its conditions',
    path: ['conditions'],
  });

export const EVIDENCE_STATUSES = ['accepted', 'rejected'] as const;

/**
 * One piece of evidence behind an answer: a reference, never a copy of the data. A link
 * (http or https), or a file path with the SHA-256 and size the file had when the
 * evidence was added; what it shows; who collected it and on which day; when it expires
 * (absent: the question's lifetime after it was collected, or never); and whether it was
 * accepted or rejected (with why). Accepted evidence counts for the option the answer
 * had when it was accepted, and only while the answer stays on it.
 */
export const EvidenceSchema = z
  .strictObject({
    /** "ev1", "ev2": unique in the assessment, never reused. */
    id,
    /** The journey whose answer it backs; null for the organisation answer. */
    journeyId: id.nullable(),
    questionId: id,
    /** The option it shows; absent only for rejected evidence on an unknown answer. */
    optionId: id.optional(),
    link: text(2000).optional(),
    path: text(4000).optional(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    size: z.number().int().min(0).optional(),
    shows: text(300).min(1),
    collectedBy: text(200).default(''),
    collectedOn: day,
    expiresOn: day.optional(),
    status: z.enum(EVIDENCE_STATUSES),
    /** Why it was rejected. */
    reason: text(2000).default(''),
    /** The evidence request it answered, if any. */
    requestId: text(200).optional(),
    by: text(200).default(''),
    addedAt: isoDate,
  })
  .refine((e) => (e.link === undefined) !== (e.path === undefined), { message: 'evidence has either a link or a path', path: ['link'] })
  .refine((e) => e.path === undefined || (e.sha256 !== undefined && e.size !== undefined), {
    message: 'evidence with a path records the file\'s sha256 and size',
    path: ['sha256'],
  })
  .refine((e) => e.status !== 'accepted' || e.optionId !== undefined, { message: 'accepted evidence names the option it shows', path: ['optionId'] })
  .refine((e) => e.status !== 'rejected' || e.reason.trim() !== '', { message: 'rejected evidence says why (reason)', path: ['reason'] });

export const REQUEST_STATUSES = ['requested', 'sent', 'submitted', 'accepted', 'rejected'] as const;

/**
 * What the team recorded about one evidence request (the requests themselves follow from
 * the answers, src/core/evidence-requests.ts): its status, owner, due date and a note,
 * kept by the request's stable id across cycles.
 */
export const EvidenceRequestSchema = z.strictObject({
  id: text(300).min(1),
  journeyId: id.nullable(),
  questionId: id,
  status: z.enum(REQUEST_STATUSES),
  owner: text(200).default(''),
  due: day.optional(),
  note: text(2000).default(''),
  by: text(200).default(''),
  updatedAt: isoDate,
});

/** Exposure and visibility, 0-100, or null when there was nothing to score. */
const figures = {
  exposure: z.number().min(0).max(100).nullable(),
  visibility: z.number().min(0).max(100).nullable(),
};

/**
 * A dated, frozen copy of an assessment: its journeys, answers and plan status as they
 * were, with the scores and the plan computed then (so a later bank cannot rewrite the
 * past). Read-only: nothing in cxray changes a snapshot once taken.
 */
export const SnapshotSchema = z.strictObject({
  id,
  label: text(200).min(1),
  takenAt: isoDate,
  by: text(200).default(''),
  bank: z.strictObject({ id, version: z.string().min(1).max(50) }),
  /** The version of the scoring model (SCORING.md) its figures were computed with. */
  scoringModel: z.number().int().min(1),
  journeys: z.array(JourneySchema),
  answers: z.array(AnswerSchema),
  organisationAnswers: z.array(OrganisationAnswerSchema).default([]),
  planStatus: z.array(PlanStatusSchema),
  /** The audit's claims as they were (absent in snapshots taken before claims existed). */
  controlClaims: z.array(ControlClaimSchema).optional(),
  /** The evidence and the evidence requests as they were (absent before evidence existed). */
  evidence: z.array(EvidenceSchema).optional(),
  evidenceRequests: z.array(EvidenceRequestSchema).optional(),
  scores: z.strictObject({
    ...figures,
    journeys: z.array(
      z.strictObject({
        journeyId: id,
        ...figures,
        dimensions: z.array(z.strictObject({ dimensionId: id, ...figures })),
      }),
    ),
  }),
  plan: z.array(
    z.strictObject({
      actionId: id,
      title: text(500),
      rank: z.number().int().min(1),
      horizon: z.enum(['now', 'next', 'later']),
      riskRemoved: z.number().min(0),
      /** Effort points (model 2 onwards; a model-1 snapshot has none). */
      effortPoints: z.number().int().min(1).optional(),
      /** Why it was in its horizon (model 2 onwards). */
      horizonReason: z.enum(['capacity', 'contain', 'long-lead', 'prerequisite']).optional(),
      /** Effort points of the items ranked before it (model 2 onwards). */
      effortBefore: z.number().int().min(0).optional(),
    }),
  ),
  /** The Find out lane (model 2 onwards): discovery items, which have no horizon. */
  findOut: z
    .array(z.strictObject({ actionId: id, title: text(500), rank: z.number().int().min(1), riskRemoved: z.number().min(0) }))
    .default([]),
  /** The plan capacity the horizons were cut with (model 2 onwards). */
  planCapacity: PlanCapacitySchema.optional(),
});

export const PARKED_KINDS = ['question', 'decision'] as const;
export const PARKED_STATUSES = ['open', 'closed'] as const;

/**
 * An item of the room's parking lot or decision log: an open question (raised on a
 * question of the walk, or on its own) or a decision, with an owner and a due date where
 * someone gave them. An open question is closed once answered; decisions stay.
 */
export const ParkedItemSchema = z.strictObject({
  /** "p1", "p2": unique in the assessment, never reused. */
  id,
  kind: z.enum(PARKED_KINDS),
  text: text(4000).min(1),
  owner: text(200).default(''),
  due: day.optional(),
  /** The question it was raised on, if any ... */
  questionId: id.optional(),
  /** ... and the journey (null: the organisation-wide section). */
  journeyId: id.nullable().optional(),
  status: z.enum(PARKED_STATUSES).default('open'),
  by: text(200).default(''),
  at: isoDate,
  closedAt: isoDate.optional(),
});

/**
 * A person in the room: a name (unique among the assessment's participants, so an
 * answer's `by` names one person) and the role they speak for.
 */
export const ParticipantSchema = z.strictObject({
  name: text(200).min(1),
  role: text(200).default(''),
});

export const SESSION_SCOPES = ['all', 'core', 'dimensions'] as const;

/**
 * One sitting of the workshop: what it asks (every question, the bank's core set, or
 * chosen dimensions), its timebox, and the time used so far, which runs while a walk of
 * the assessment is open and goes on from there when cxray is opened again. The last
 * session of an assessment is the current one.
 */
export const SessionSchema = z.strictObject({
  /** "s1", "s2": in the order they were started. */
  id,
  scope: z.enum(SESSION_SCOPES).default('all'),
  /** The dimensions asked, by id (scope "dimensions"). */
  dimensions: z.array(id).default([]),
  /** The minutes the session is planned to last; absent: no timebox. */
  timeboxMinutes: z.number().int().min(1).max(1440).optional(),
  startedAt: isoDate,
  /** Seconds a walk of the assessment was open during the session. */
  usedSeconds: z.number().int().min(0).max(100_000_000).default(0),
  by: text(200).default(''),
});

export const AssessmentSchema = z.strictObject({
  id,
  name: text(200).min(1),
  organisation: text(200).default(''),
  facilitator: text(200).default(''),
  participants: z.array(ParticipantSchema).default([]),
  createdAt: isoDate,
  /** The bank the answers were given against, and its question ids at that time. */
  bank: z.strictObject({
    id,
    version: z.string().min(1).max(50),
    questionIds: z.array(id).default([]),
  }),
  journeys: z.array(JourneySchema).default([]),
  systems: z.array(SystemSchema).default([]),
  integrations: z.array(IntegrationSchema).default([]),
  answers: z.array(AnswerSchema).default([]),
  /** One per organisation-scope question answered for the whole assessment. */
  organisationAnswers: z.array(OrganisationAnswerSchema).default([]),
  /** Effort points the plan's Now and Next horizons hold. */
  planCapacity: PlanCapacitySchema.default({ ...DEFAULT_PLAN_CAPACITY }),
  /** Plan item status, one per action id that anyone has set. */
  planStatus: z.array(PlanStatusSchema).default([]),
  /**
   * What the audit claims about framework controls (`cxray controls import`), one per
   * framework and control id. Optional, so workbooks without claims are unchanged.
   */
  controlClaims: z.array(ControlClaimSchema).optional(),
  /** Frozen copies of earlier states, oldest first. */
  snapshots: z.array(SnapshotSchema).default([]),
  /** The report's sign-off, once someone has recorded it (`cxray signoff`). */
  signoff: SignoffSchema.optional(),
  /** The parking lot and the decision log; absent until the first item. */
  parkingLot: z.array(ParkedItemSchema).optional(),
  /** Evidence behind the answers; absent until the first item. */
  evidence: z.array(EvidenceSchema).optional(),
  /** What was recorded about evidence requests (status, owner, due); absent until the first. */
  evidenceRequests: z.array(EvidenceRequestSchema).optional(),
  /** The workshop sessions, oldest first (the last is the current one); absent until the first walk. */
  sessions: z.array(SessionSchema).optional(),
  /**
   * The participant speaking when the last walk closed (`s`), by name: the next walk,
   * after a quit too, starts with them. Absent: the facilitator (or nobody chosen yet).
   */
  speaker: text(200).min(1).optional(),
});

export const WorkbookSchema = z.strictObject({
  schemaVersion: z.literal(WORKBOOK_SCHEMA_VERSION),
  assessments: z.array(AssessmentSchema),
});

export type Journey = z.infer<typeof JourneySchema>;
export type System = z.infer<typeof SystemSchema>;
export type Integration = z.infer<typeof IntegrationSchema>;
export type Confidence = (typeof CONFIDENCES)[number];
export type Policy = (typeof POLICIES)[number];
export type AnswerKind = (typeof ANSWER_KINDS)[number];
export type Answer = z.infer<typeof AnswerSchema>;
export type OrganisationAnswer = z.infer<typeof OrganisationAnswerSchema>;
export type Position = z.infer<typeof PositionSchema>;
export type Vote = z.infer<typeof VoteSchema>;
export type Participant = z.infer<typeof ParticipantSchema>;
export type ParkedItem = z.infer<typeof ParkedItemSchema>;
export type ParkedKind = (typeof PARKED_KINDS)[number];
export type Evidence = z.infer<typeof EvidenceSchema>;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];
export type EvidenceRequestRecord = z.infer<typeof EvidenceRequestSchema>;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type Session = z.infer<typeof SessionSchema>;
export type SessionScope = (typeof SESSION_SCOPES)[number];
export type PlanCapacity = z.infer<typeof PlanCapacitySchema>;
export type PlanStatusKind = (typeof PLAN_STATUSES)[number];
export type PlanStatus = z.infer<typeof PlanStatusSchema>;
export type Snapshot = z.infer<typeof SnapshotSchema>;
export type Signoff = z.infer<typeof SignoffSchema>;
export type SignoffDecision = (typeof SIGNOFF_DECISIONS)[number];
export type Assessment = z.infer<typeof AssessmentSchema>;
export type Workbook = z.infer<typeof WorkbookSchema>;

/** A workbook with no assessments: what a new file starts as. */
export function emptyWorkbook(): Workbook {
  return { schemaVersion: WORKBOOK_SCHEMA_VERSION, assessments: [] };
}
