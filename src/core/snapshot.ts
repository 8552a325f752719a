/**
 * Cycles of a periodic self-assessment: snapshots (dated, frozen copies of an
 * assessment's journeys, answers, plan status, scores and plan), starting the next
 * cycle from the current answers (each marked as carried over until confirmed or
 * changed), and finding a snapshot by what a person types. Pure: no I/O; `now` is given.
 */
import { UserError } from './errors.js';
import { uniqueSlug } from './ids.js';
import { answerKey } from './journey-questions.js';
import { plainLine, visibleKey } from './terminal-text.js';
import type { Report } from './report-schema.js';
import type { Answer, Assessment, OrganisationAnswer, Snapshot } from './workbook-schema.js';

export interface SnapshotInput {
  /** What the team calls this cycle ("2026 Q3"); by default the day it was taken. */
  label?: string;
  /** Who took it. */
  by?: string;
}

/** The longest label a snapshot may have (the workbook schema's limit). */
export const MAX_SNAPSHOT_LABEL = 200;
/** Words `cxray diff` reads as something other than a label. */
const RESERVED_LABELS = ['latest', 'now', 'current'];

/** Why a label cannot name a new snapshot of an assessment. */
export type SnapshotLabelProblem =
  | { kind: 'empty' }
  | { kind: 'too-long'; length: number }
  | { kind: 'not-plain' }
  | { kind: 'reserved' }
  | { kind: 'taken'; snapshot: Snapshot };

/**
 * What is wrong with `label` (already trimmed) as the label of a new snapshot, or null:
 * it must be some plain text on one line, at most MAX_SNAPSHOT_LABEL characters, not a
 * word `cxray diff` reads otherwise, and not the label of another snapshot (in any case),
 * so that a label always finds one snapshot.
 */
export function snapshotLabelProblem(assessment: Pick<Assessment, 'snapshots'>, label: string): SnapshotLabelProblem | null {
  if (label === '') return { kind: 'empty' };
  const length = [...label].length;
  if (length > MAX_SNAPSHOT_LABEL) return { kind: 'too-long', length };
  if (plainLine(label) !== label) return { kind: 'not-plain' };
  if (RESERVED_LABELS.includes(label.toLowerCase())) return { kind: 'reserved' };
  // As a person sees them: a label that differs only by invisible characters is taken.
  const wanted = visibleKey(label);
  const taken = assessment.snapshots.find((s) => visibleKey(s.label) === wanted);
  return taken ? { kind: 'taken', snapshot: taken } : null;
}

/** A label problem as one sentence, for a screen that asks for the label. */
export function snapshotLabelProblemText(problem: SnapshotLabelProblem, label: string): string {
  switch (problem.kind) {
    case 'empty':
      return 'The label needs some text.';
    case 'too-long':
      return `The label is ${problem.length} characters long; keep it to ${MAX_SNAPSHOT_LABEL} or fewer.`;
    case 'not-plain':
      return 'The label holds tabs, control or invisible characters; write it as plain text.';
    case 'reserved':
      return `"${label}" means something else to \`cxray diff\`; choose another label.`;
    case 'taken':
      return `There is already a snapshot labelled "${plainLine(problem.snapshot.label)}" (taken ${problem.snapshot.takenAt.slice(0, 10)}); choose another label.`;
  }
}

/** The label a snapshot gets when none is given: the day, e.g. "2026-11-26". */
export function defaultSnapshotLabel(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * A snapshot of the assessment as `report` (built from it, as of `now`) shows it. Every
 * list is a deep copy, so later changes to the assessment cannot reach it.
 */
export function snapshotOf(assessment: Assessment, report: Report, input: SnapshotInput, now: Date): Snapshot {
  const label = input.label?.trim() || defaultSnapshotLabel(now);
  return deepFreeze({
    id: uniqueSlug(label, assessment.snapshots.map((s) => s.id), 'snapshot'),
    label,
    takenAt: now.toISOString(),
    by: input.by?.trim() ?? '',
    bank: { id: report.bank.id, version: report.bank.version },
    scoringModel: report.scoringModel,
    journeys: structuredClone(assessment.journeys),
    answers: structuredClone(assessment.answers),
    organisationAnswers: structuredClone(assessment.organisationAnswers),
    planStatus: structuredClone(assessment.planStatus),
    ...(assessment.controlClaims && assessment.controlClaims.length > 0 ? { controlClaims: structuredClone(assessment.controlClaims) } : {}),
    ...(assessment.evidence && assessment.evidence.length > 0 ? { evidence: structuredClone(assessment.evidence) } : {}),
    ...(assessment.evidenceRequests && assessment.evidenceRequests.length > 0 ? { evidenceRequests: structuredClone(assessment.evidenceRequests) } : {}),
    scores: scoresOf(report),
    plan: planOf(report),
    findOut: findOutOf(report),
    planCapacity: { ...report.planCapacity },
  });
}

/** The figures a snapshot keeps of a report: overall, per journey, per journey x dimension. */
export function scoresOf(report: Report): Snapshot['scores'] {
  return {
    exposure: report.overall.exposure,
    visibility: report.overall.visibility,
    journeys: report.journeys.map((j) => ({
      journeyId: j.id,
      exposure: j.exposure,
      visibility: j.visibility,
      dimensions: j.dimensions.map((d) => ({ dimensionId: d.dimensionId, exposure: d.exposure, visibility: d.visibility })),
    })),
  };
}

/** What a snapshot keeps of a report's Fix lane: each item's action, title, rank, horizon, risk and effort. */
export function planOf(report: Report): Snapshot['plan'] {
  return report.plan.map((p) => ({
    actionId: p.actionId,
    title: p.title,
    rank: p.rank,
    horizon: p.horizon,
    riskRemoved: p.riskRemoved,
    effortPoints: p.effortPoints,
    horizonReason: p.horizonReason,
    effortBefore: p.effortBefore,
  }));
}

/** What a snapshot keeps of a report's Find out lane. */
export function findOutOf(report: Report): Snapshot['findOut'] {
  return report.findOut.map((p) => ({ actionId: p.actionId, title: p.title, rank: p.rank, riskRemoved: p.riskRemoved }));
}

/** The assessment with a new snapshot at the end of its list, and the snapshot. */
export function takeSnapshot(
  assessment: Assessment,
  report: Report,
  input: SnapshotInput,
  now: Date,
): { assessment: Assessment; snapshot: Snapshot } {
  const snapshot = snapshotOf(assessment, report, input, now);
  return { assessment: { ...assessment, snapshots: [...assessment.snapshots, snapshot] }, snapshot };
}

/**
 * Closes the current cycle and opens the next: takes a snapshot (labelled as given),
 * then marks every answer as carried over, so the team can confirm or change each one.
 * Answers keep their date: a carried-over answer is as old as when it was last given.
 */
export function startNewCycle(
  assessment: Assessment,
  report: Report,
  input: SnapshotInput,
  now: Date,
): { assessment: Assessment; snapshot: Snapshot; carried: number } {
  const { assessment: snapshotted, snapshot } = takeSnapshot(assessment, report, input, now);
  const answers = snapshotted.answers.map((a): Answer => ({ ...a, carriedOver: true }));
  const organisationAnswers = snapshotted.organisationAnswers.map((a): OrganisationAnswer => ({ ...a, carriedOver: true }));
  return { assessment: { ...snapshotted, answers, organisationAnswers }, snapshot, carried: answers.length + organisationAnswers.length };
}

/**
 * The assessment with one carried-over answer confirmed as it stands: the mark goes and
 * the answer is dated `now` (and attributed to `by`, when given). Unchanged when the
 * answer is not carried over. `journeyId` null: the organisation answer to the question.
 */
export function confirmAnswer(assessment: Assessment, journeyId: string | null, questionId: string, by: string, now: Date): Assessment {
  if (journeyId === null) return confirmOrganisationAnswer(assessment, questionId, by, now);
  const key = answerKey(journeyId, questionId);
  let changed = false;
  const answers = assessment.answers.map((a) => {
    if (!a.carriedOver || answerKey(a.journeyId, a.questionId) !== key) return a;
    changed = true;
    const { carriedOver: _mark, ...rest } = a;
    return { ...rest, by: by.trim() || a.by, at: now.toISOString() };
  });
  return changed ? { ...assessment, answers } : assessment;
}

/** confirmAnswer for the organisation answer to a question. */
function confirmOrganisationAnswer(assessment: Assessment, questionId: string, by: string, now: Date): Assessment {
  let changed = false;
  const organisationAnswers = assessment.organisationAnswers.map((a) => {
    if (!a.carriedOver || a.questionId !== questionId) return a;
    changed = true;
    const { carriedOver: _mark, ...rest } = a;
    return { ...rest, by: by.trim() || a.by, at: now.toISOString() };
  });
  return changed ? { ...assessment, organisationAnswers } : assessment;
}

/** How many answers (journey and organisation answers) still carry the mark. */
export function carriedOverCount(assessment: Pick<Assessment, 'answers' | 'organisationAnswers'>): number {
  let n = 0;
  for (const a of assessment.answers) if (a.carriedOver) n++;
  for (const a of assessment.organisationAnswers) if (a.carriedOver) n++;
  return n;
}

/**
 * The snapshot a person means: its id, its label (ignoring case), its number in the
 * list (1 = the oldest), or "latest". Throws a UserError naming the snapshots there are.
 */
export function findSnapshot(assessment: Pick<Assessment, 'name' | 'snapshots'>, query: string): Snapshot {
  const { snapshots } = assessment;
  if (snapshots.length === 0) {
    throw new UserError(`the assessment "${plainLine(assessment.name)}" has no snapshot yet; take one with \`cxray snapshot\`.`);
  }
  const wanted = query.trim();
  if (wanted.toLowerCase() === 'latest') return snapshots[snapshots.length - 1]!;
  const byId = snapshots.find((s) => s.id === wanted);
  if (byId) return byId;
  const byLabel = snapshots.filter((s) => visibleKey(s.label) === visibleKey(wanted));
  if (byLabel.length === 1) return byLabel[0]!;
  if (/^\d+$/.test(wanted)) {
    const n = Number(wanted);
    if (n >= 1 && n <= snapshots.length) return snapshots[n - 1]!;
  }
  const available = snapshots.map((s, i) => `${i + 1}. "${plainLine(s.label)}" (id ${plainLine(s.id)}, ${plainLine(s.takenAt.slice(0, 10))})`).join(', ');
  if (byLabel.length > 1) throw new UserError(`more than one snapshot is labelled "${plainLine(query)}"; name it by id instead: ${available}.`);
  throw new UserError(`no snapshot of "${plainLine(assessment.name)}" is called "${plainLine(query)}"; it has ${available}.`);
}

/** Freezes an object and everything in it: a snapshot is read-only from the moment it is taken. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
