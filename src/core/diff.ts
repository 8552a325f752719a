/**
 * What changed between two states of an assessment (a snapshot, or the answers as they
 * stand): exposure and visibility, overall and per journey x dimension; answers that
 * changed (an option turned unknown is worse: sight lost); unknowns that appeared or got
 * resolved; plan items that appeared or disappeared in either lane, and Fix items that
 * moved horizon, with why. A snapshot of an older scoring model is recomputed from its
 * answers before it is compared (stateOfSnapshot). Questions, options and dimensions are named from the
 * bank; what the bank no longer has is named by its id. Pure: no I/O.
 */
import type { Bank, Question } from './bank-schema.js';
import { optionFor } from './bank-renames.js';
import { answerKey } from './journey-questions.js';
import type { CycleDiff, CycleState, Delta, DiffAnswer, DiffAnswerState, DiffEvidence, HorizonMoveWhy } from './diff-schema.js';
import { expiryOf, hasExpired } from './evidence.js';
import { ORGANISATION_LABEL, meetBank } from './organisation.js';
import type { Report } from './report-schema.js';
import { findOutOf, planOf, scoresOf } from './snapshot.js';
import type { Answer, Assessment, Evidence, OrganisationAnswer, Snapshot } from './workbook-schema.js';

export type { CycleDiff, CycleState } from './diff-schema.js';

/** What a snapshot side needs to be recomputed with the current model. */
export interface RecomputeContext {
  bank: Bank;
  /** The assessment the snapshot belongs to (its systems decide which questions apply). */
  assessment: Assessment;
  /** The model of the other side: a snapshot of an older model is recomputed to it. */
  model: number;
  /** buildReport, passed in so that diff.ts need not import report.ts (which imports it). */
  build: (bank: Bank, assessment: Assessment, now: Date) => Report;
}

/**
 * A snapshot as one side of a comparison. With a context, its answers are read with the
 * bank's organisation-wide questions (see adoptOrganisationScope), and a snapshot of an
 * older scoring model than the other side is recomputed from its stored answers with the
 * current model (as of the day it was taken), so that two models' figures are never
 * subtracted.
 */
export function stateOfSnapshot(snapshot: Snapshot, context?: RecomputeContext): CycleState {
  const base = {
    label: snapshot.label,
    snapshotId: snapshot.id,
    at: snapshot.takenAt,
    journeys: snapshot.journeys.map((j) => ({ id: j.id, name: j.name })),
  };
  if (!context) {
    return {
      ...base,
      answers: snapshot.answers,
      organisationAnswers: snapshot.organisationAnswers,
      scores: snapshot.scores,
      plan: snapshot.plan,
      findOut: snapshot.findOut,
      planCapacity: snapshot.planCapacity ?? null,
      scoringModel: snapshot.scoringModel,
      recomputed: false,
      evidence: snapshot.evidence ?? [],
    };
  }
  const then = assessmentAtSnapshot(context.bank, context.assessment, snapshot);
  const recompute = snapshot.scoringModel < context.model;
  const report = recompute ? context.build(context.bank, then, new Date(snapshot.takenAt)) : undefined;
  return {
    ...base,
    answers: then.answers,
    organisationAnswers: then.organisationAnswers,
    scores: report ? scoresOf(report) : snapshot.scores,
    plan: report ? planOf(report) : snapshot.plan,
    findOut: report ? findOutOf(report) : snapshot.findOut,
    planCapacity: report ? report.planCapacity : (snapshot.planCapacity ?? null),
    scoringModel: report ? report.scoringModel : snapshot.scoringModel,
    recomputed: recompute,
    evidence: snapshot.evidence ?? [],
  };
}

/**
 * The assessment as `snapshot` froze it, read with `bank` (organisation-wide questions
 * adopted, renamed options moved: see meetBank): the snapshot's journeys, journey and
 * organisation answers, plan status, plan capacity (the assessment's when a model-1
 * snapshot has none) and claims (none when it was taken before claims existed); the
 * rest (systems, integrations) is the assessment's.
 */
export function assessmentAtSnapshot(bank: Bank, assessment: Assessment, snapshot: Snapshot): Assessment {
  const { controlClaims: _claims, evidence: _evidence, evidenceRequests: _requests, ...rest } = assessment;
  return meetBank(bank, {
    ...rest,
    journeys: structuredClone(snapshot.journeys),
    answers: [...snapshot.answers],
    organisationAnswers: [...snapshot.organisationAnswers],
    planStatus: [...snapshot.planStatus],
    planCapacity: snapshot.planCapacity ?? assessment.planCapacity,
    snapshots: [],
    ...(snapshot.controlClaims ? { controlClaims: [...snapshot.controlClaims] } : {}),
    ...(snapshot.evidence ? { evidence: [...snapshot.evidence] } : {}),
    ...(snapshot.evidenceRequests ? { evidenceRequests: [...snapshot.evidenceRequests] } : {}),
  });
}

/** The assessment as it stands (its report built as of now) as one side of a comparison. */
export function stateOfCurrent(assessment: Assessment, report: Report): CycleState {
  return {
    label: 'now',
    snapshotId: null,
    at: report.generatedAt,
    journeys: assessment.journeys.map((j) => ({ id: j.id, name: j.name })),
    answers: assessment.answers,
    organisationAnswers: assessment.organisationAnswers,
    scores: scoresOf(report),
    plan: planOf(report),
    findOut: findOutOf(report),
    planCapacity: report.planCapacity,
    scoringModel: report.scoringModel,
    recomputed: false,
    evidence: assessment.evidence ?? [],
  };
}

function delta(from: number | null | undefined, to: number | null | undefined): Delta {
  const a = from ?? null;
  const b = to ?? null;
  return { from: a, to: b, change: a === null || b === null ? null : b - a };
}

/** True when the delta is worth showing: it moved, or a figure appeared or went. */
export function moved(d: Delta): boolean {
  return d.change === null ? d.from !== d.to : Math.abs(d.change) >= 1e-9;
}

/** Compares `from` (the earlier state) with `to`. */
export function diffStates(bank: Bank, from: CycleState, to: CycleState): CycleDiff {
  const questions = new Map(bank.questions.map((q) => [q.id, q]));
  const questionOrder = new Map(bank.questions.map((q, i) => [q.id, i]));
  const dimensionTitle = new Map(bank.dimensions.map((d) => [d.id, d.title]));
  const fromScores = new Map(from.scores.journeys.map((j) => [j.journeyId, j]));
  const toScores = new Map(to.scores.journeys.map((j) => [j.journeyId, j]));
  const journeyName = new Map([...from.journeys, ...to.journeys].map((j) => [j.id, j.name]));
  const journeyIds = [...to.journeys.map((j) => j.id), ...from.journeys.map((j) => j.id).filter((id) => !toScores.has(id))];
  const journeyOrder = new Map(journeyIds.map((id, i) => [id, i]));
  const toJourneyIds = new Set(to.journeys.map((j) => j.id));
  const fromJourneyIds = new Set(from.journeys.map((j) => j.id));

  const journeys = journeyIds.map((id) => {
    const a = fromScores.get(id);
    const b = toScores.get(id);
    const dims = new Map<string, { from?: { exposure: number | null; visibility: number | null }; to?: { exposure: number | null; visibility: number | null } }>();
    for (const d of a?.dimensions ?? []) dims.set(d.dimensionId, { from: d });
    for (const d of b?.dimensions ?? []) dims.set(d.dimensionId, { ...dims.get(d.dimensionId), to: d });
    return {
      journeyId: id,
      journeyName: journeyName.get(id) ?? id,
      presence: !fromJourneyIds.has(id) ? ('added' as const) : !toJourneyIds.has(id) ? ('removed' as const) : ('both' as const),
      exposure: delta(a?.exposure, b?.exposure),
      visibility: delta(a?.visibility, b?.visibility),
      dimensions: [...dims.entries()].map(([dimensionId, d]) => ({
        dimensionId,
        dimensionTitle: dimensionTitle.get(dimensionId) ?? dimensionId,
        exposure: delta(d.from?.exposure, d.to?.exposure),
        visibility: delta(d.from?.visibility, d.to?.visibility),
      })),
    };
  });

  const ORG = '\u0001organisation';
  const keyed = (state: CycleState) =>
    new Map<string, Answer | (OrganisationAnswer & { journeyId?: undefined })>([
      ...state.organisationAnswers.map((a) => [answerKey(ORG, a.questionId), a] as const),
      ...state.answers.map((a) => [answerKey(a.journeyId, a.questionId), a] as const),
    ]);
  const before = keyed(from);
  const after = keyed(to);
  const changed: DiffAnswer[] = [];
  const newUnknowns: DiffAnswer[] = [];
  const resolvedUnknowns: DiffAnswer[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    if (a && b && sameAnswer(a, b)) continue;
    const ref = (b ?? a)!;
    const journeyId = ref.journeyId ?? null;
    // A removed journey is reported as removed, not as every one of its answers gone.
    if (journeyId !== null && !toJourneyIds.has(journeyId)) continue;
    const question = questions.get(ref.questionId);
    const entry: DiffAnswer = {
      scope: journeyId === null ? 'organisation' : 'journey',
      journeyId,
      journeyName: journeyId === null ? ORGANISATION_LABEL : (journeyName.get(journeyId) ?? journeyId),
      questionId: ref.questionId,
      questionPrompt: question?.prompt ?? ref.questionId,
      dimensionId: question?.dimension ?? null,
      from: a ? answerState(a, question) : null,
      to: b ? answerState(b, question) : null,
      by: b?.by ?? '',
      at: b?.at ?? null,
      direction: 'same',
      lostSight: false,
    };
    entry.direction = direction(entry.from, entry.to);
    entry.lostSight = entry.from?.kind === 'option' && entry.to?.kind === 'unknown';
    const wasUnknown = a?.kind === 'unknown';
    const isUnknown = b?.kind === 'unknown';
    if (isUnknown && !wasUnknown) newUnknowns.push(entry);
    else if (wasUnknown && !isUnknown) resolvedUnknowns.push(entry);
    else changed.push(entry);
  }
  const order = (id: string | null) => (id === null ? -1 : (journeyOrder.get(id) ?? 1e9));
  const byPlace = (x: DiffAnswer, y: DiffAnswer) =>
    order(x.journeyId) - order(y.journeyId) ||
    (questionOrder.get(x.questionId) ?? 1e9) - (questionOrder.get(y.questionId) ?? 1e9) ||
    (x.questionId < y.questionId ? -1 : x.questionId > y.questionId ? 1 : 0);

  const plan = planChanges(from, to);
  return {
    from: { label: from.label, snapshotId: from.snapshotId, at: from.at, scoringModel: from.scoringModel, recomputed: from.recomputed },
    to: { label: to.label, snapshotId: to.snapshotId, at: to.at, scoringModel: to.scoringModel, recomputed: to.recomputed },
    overall: { exposure: delta(from.scores.exposure, to.scores.exposure), visibility: delta(from.scores.visibility, to.scores.visibility) },
    journeys,
    answers: changed.sort(byPlace),
    newUnknowns: newUnknowns.sort(byPlace),
    resolvedUnknowns: resolvedUnknowns.sort(byPlace),
    ...evidenceChanges(questions, journeyName, from, to),
    plan,
  };
}

/**
 * Plan items that appeared or disappeared (in either lane), and Fix items that changed
 * horizon, each with why.
 */
function planChanges(from: CycleState, to: CycleState): CycleDiff['plan'] {
  const lanes = (state: CycleState) => [
    ...state.findOut.map((p) => ({ actionId: p.actionId, title: p.title, rank: p.rank, lane: 'find-out' as const, horizon: null })),
    ...state.plan.map((p) => ({ actionId: p.actionId, title: p.title, rank: p.rank, lane: 'fix' as const, horizon: p.horizon })),
  ];
  const key = (p: { lane: string; actionId: string }) => `${p.lane}\u0000${p.actionId}`;
  const before = lanes(from);
  const after = lanes(to);
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  const fromFix = new Map(from.plan.map((p) => [p.actionId, p]));
  return {
    appeared: after.filter((p) => !beforeKeys.has(key(p))),
    disappeared: before.filter((p) => !afterKeys.has(key(p))),
    moved: to.plan
      .filter((p) => fromFix.has(p.actionId) && fromFix.get(p.actionId)!.horizon !== p.horizon)
      .map((p) => {
        const was = fromFix.get(p.actionId)!;
        return { actionId: p.actionId, title: p.title, from: was.horizon, to: p.horizon, rank: p.rank, why: moveWhy(from, to, was, p) };
      }),
  };
}

type FixEntry = CycleState['plan'][number];

/**
 * Why a Fix item changed horizon, the first that holds of: the two sides follow
 * different models; a rule placed it on either side; the capacity changed; its own R or
 * effort changed; else the items ahead of it changed (the largest of those that joined or
 * left the items ahead, by effort then risk, is named).
 */
function moveWhy(from: CycleState, to: CycleState, was: FixEntry, now: FixEntry): HorizonMoveWhy {
  if (from.scoringModel !== to.scoringModel || !from.planCapacity || !to.planCapacity) return { kind: 'model' };
  const toRule = now.horizonReason && now.horizonReason !== 'capacity' ? now.horizonReason : undefined;
  if (toRule) return { kind: 'rule', rule: toRule, side: 'to' };
  const fromRule = was.horizonReason && was.horizonReason !== 'capacity' ? was.horizonReason : undefined;
  if (fromRule) return { kind: 'rule', rule: fromRule, side: 'from' };
  if (from.planCapacity.now !== to.planCapacity.now || from.planCapacity.next !== to.planCapacity.next) {
    return { kind: 'capacity', from: { ...from.planCapacity }, to: { ...to.planCapacity } };
  }
  if (was.riskRemoved !== now.riskRemoved || was.effortPoints !== now.effortPoints) {
    return { kind: 'own', riskFrom: was.riskRemoved, riskTo: now.riskRemoved, effortFrom: was.effortPoints ?? null, effortTo: now.effortPoints ?? 0 };
  }
  const ahead = (state: CycleState, item: FixEntry) => state.plan.filter((p) => p.rank < item.rank);
  const aheadBefore = ahead(from, was);
  const aheadNow = ahead(to, now);
  const ids = (list: FixEntry[]) => new Set(list.map((p) => p.actionId));
  const joined = aheadNow.filter((p) => !ids(aheadBefore).has(p.actionId));
  const left = aheadBefore.filter((p) => !ids(aheadNow).has(p.actionId));
  // Moved later: name what joined the items ahead; moved earlier: what left them.
  const candidates = HORIZON_RANK[now.horizon] > HORIZON_RANK[was.horizon] ? joined : left;
  const pool: FixEntry[] = candidates.length > 0 ? candidates : HORIZON_RANK[now.horizon] > HORIZON_RANK[was.horizon] ? aheadNow : aheadBefore;
  const largest = pool.reduce<FixEntry | undefined>(
    (best, p) => (!best || (p.effortPoints ?? 0) > (best.effortPoints ?? 0) || ((p.effortPoints ?? 0) === (best.effortPoints ?? 0) && p.riskRemoved > best.riskRemoved) ? p : best),
    undefined,
  );
  return {
    kind: 'items-ahead',
    effortBeforeFrom: was.effortBefore ?? null,
    effortBeforeTo: now.effortBefore ?? 0,
    largest: largest?.actionId ?? null,
    largestTitle: largest?.title ?? null,
  };
}

const HORIZON_RANK = { now: 0, next: 1, later: 2 } as const;

/**
 * Evidence between two sides: accepted or rejected on the later side and not so on the
 * earlier; expired: accepted evidence that still counted on the earlier side's day and has
 * run out by the later side's.
 */
function evidenceChanges(
  questions: ReadonlyMap<string, Question>,
  journeyName: ReadonlyMap<string, string>,
  from: CycleState,
  to: CycleState,
): { evidence?: NonNullable<CycleDiff['evidence']> } {
  const before = from.evidence ?? [];
  const after = to.evidence ?? [];
  if (before.length === 0 && after.length === 0) return {};
  const was = new Map(before.map((e) => [e.id, e]));
  const fromDay = from.at.slice(0, 10);
  const toDay = to.at.slice(0, 10);
  const entry = (e: Evidence): DiffEvidence => ({
    id: e.id,
    journeyId: e.journeyId,
    journeyName: e.journeyId === null ? ORGANISATION_LABEL : (journeyName.get(e.journeyId) ?? e.journeyId),
    questionId: e.questionId,
    questionPrompt: questions.get(e.questionId)?.prompt ?? e.questionId,
    reference: e.link ?? e.path ?? '',
    shows: e.shows,
    collectedOn: e.collectedOn,
    expiresOn: expiryOf(e, questions.get(e.questionId)),
    reason: e.reason,
  });
  const accepted = after.filter((e) => e.status === 'accepted' && was.get(e.id)?.status !== 'accepted').map(entry);
  const rejected = after.filter((e) => e.status === 'rejected' && was.get(e.id)?.status !== 'rejected').map(entry);
  const expired = after
    .filter((e) => {
      if (e.status !== 'accepted') return false;
      const question = questions.get(e.questionId);
      const counted = was.has(e.id) ? !hasExpired(e, question, fromDay) : true;
      return counted && hasExpired(e, question, toDay);
    })
    .map(entry);
  return { evidence: { accepted, rejected, expired } };
}

/** Same answer: same kind, option and confidence (a confirmed carry-over is no change). */
function sameAnswer(a: Pick<Answer, 'kind' | 'optionId' | 'confidence'>, b: Pick<Answer, 'kind' | 'optionId' | 'confidence'>): boolean {
  return a.kind === b.kind && a.optionId === b.optionId && (a.confidence ?? null) === (b.confidence ?? null);
}

function answerState(answer: Pick<Answer, 'kind' | 'optionId' | 'confidence'>, question: Question | undefined): DiffAnswerState {
  const option = answer.kind === 'option' && question ? optionFor(question, answer.optionId) : undefined;
  return {
    kind: answer.kind,
    optionId: answer.optionId ?? null,
    optionLabel: answer.kind === 'option' ? (option?.label ?? answer.optionId ?? null) : null,
    level: option?.level ?? null,
    confidence: answer.kind === 'option' ? (answer.confidence ?? 'reported') : null,
  };
}

/**
 * worse: an option turned into unknown, whatever its level (sight is lost), or the
 * exposure went up; better: an unknown turned into an option (visibility gained, and
 * exposure by its level, never above unknown's), or the exposure went down; same:
 * anything else (a confidence change, not applicable, an answer added or removed).
 */
function direction(from: DiffAnswerState | null, to: DiffAnswerState | null): DiffAnswer['direction'] {
  if (from?.kind === 'option' && to?.kind === 'unknown') return 'worse';
  if (from?.kind === 'unknown' && to?.kind === 'option') return 'better';
  const a = from?.level ?? null;
  const b = to?.level ?? null;
  if (a === null || b === null) return 'same';
  return b < a ? 'better' : b > a ? 'worse' : 'same';
}
