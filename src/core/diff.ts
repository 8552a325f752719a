/**
 * What changed between two states of an assessment (a snapshot, or the answers as they
 * stand): exposure and visibility, overall and per journey x dimension; answers that
 * changed; unknowns that appeared or got resolved; plan items that appeared,
 * disappeared or moved horizon. Questions, options and dimensions are named from the
 * bank; what the bank no longer has is named by its id. Pure: no I/O.
 */
import type { Bank, Question } from './bank-schema.js';
import { answerKey } from './journey-questions.js';
import type { CycleDiff, CycleState, Delta, DiffAnswer, DiffAnswerState } from './diff-schema.js';
import type { Report } from './report-schema.js';
import { planOf, scoresOf } from './snapshot.js';
import type { Answer, Assessment, Snapshot } from './workbook-schema.js';

export type { CycleDiff, CycleState } from './diff-schema.js';

/** A snapshot as one side of a comparison. */
export function stateOfSnapshot(snapshot: Snapshot): CycleState {
  return {
    label: snapshot.label,
    snapshotId: snapshot.id,
    at: snapshot.takenAt,
    journeys: snapshot.journeys.map((j) => ({ id: j.id, name: j.name })),
    answers: snapshot.answers,
    scores: snapshot.scores,
    plan: snapshot.plan,
  };
}

/** The assessment as it stands (its report built as of now) as one side of a comparison. */
export function stateOfCurrent(assessment: Assessment, report: Report): CycleState {
  return {
    label: 'now',
    snapshotId: null,
    at: report.generatedAt,
    journeys: assessment.journeys.map((j) => ({ id: j.id, name: j.name })),
    answers: assessment.answers,
    scores: scoresOf(report),
    plan: planOf(report),
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

  const before = new Map(from.answers.map((a) => [answerKey(a.journeyId, a.questionId), a]));
  const after = new Map(to.answers.map((a) => [answerKey(a.journeyId, a.questionId), a]));
  const changed: DiffAnswer[] = [];
  const newUnknowns: DiffAnswer[] = [];
  const resolvedUnknowns: DiffAnswer[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    if (a && b && sameAnswer(a, b)) continue;
    const ref = (b ?? a)!;
    // A removed journey is reported as removed, not as every one of its answers gone.
    if (!toJourneyIds.has(ref.journeyId)) continue;
    const question = questions.get(ref.questionId);
    const entry: DiffAnswer = {
      journeyId: ref.journeyId,
      journeyName: journeyName.get(ref.journeyId) ?? ref.journeyId,
      questionId: ref.questionId,
      questionPrompt: question?.prompt ?? ref.questionId,
      dimensionId: question?.dimension ?? null,
      from: a ? answerState(a, question) : null,
      to: b ? answerState(b, question) : null,
      by: b?.by ?? '',
      at: b?.at ?? null,
      direction: 'same',
    };
    entry.direction = direction(entry.from, entry.to);
    const wasUnknown = a?.kind === 'unknown';
    const isUnknown = b?.kind === 'unknown';
    if (isUnknown && !wasUnknown) newUnknowns.push(entry);
    else if (wasUnknown && !isUnknown) resolvedUnknowns.push(entry);
    else changed.push(entry);
  }
  const byPlace = (x: DiffAnswer, y: DiffAnswer) =>
    (journeyOrder.get(x.journeyId) ?? 1e9) - (journeyOrder.get(y.journeyId) ?? 1e9) ||
    (questionOrder.get(x.questionId) ?? 1e9) - (questionOrder.get(y.questionId) ?? 1e9) ||
    (x.questionId < y.questionId ? -1 : x.questionId > y.questionId ? 1 : 0);

  const fromPlan = new Map(from.plan.map((p) => [p.actionId, p]));
  const toPlan = new Map(to.plan.map((p) => [p.actionId, p]));
  const plan = {
    appeared: to.plan.filter((p) => !fromPlan.has(p.actionId)).map((p) => ({ actionId: p.actionId, title: p.title, horizon: p.horizon, rank: p.rank })),
    disappeared: from.plan.filter((p) => !toPlan.has(p.actionId)).map((p) => ({ actionId: p.actionId, title: p.title, horizon: p.horizon, rank: p.rank })),
    moved: to.plan
      .filter((p) => fromPlan.has(p.actionId) && fromPlan.get(p.actionId)!.horizon !== p.horizon)
      .map((p) => ({ actionId: p.actionId, title: p.title, from: fromPlan.get(p.actionId)!.horizon, to: p.horizon, rank: p.rank })),
  };

  return {
    from: { label: from.label, snapshotId: from.snapshotId, at: from.at },
    to: { label: to.label, snapshotId: to.snapshotId, at: to.at },
    overall: { exposure: delta(from.scores.exposure, to.scores.exposure), visibility: delta(from.scores.visibility, to.scores.visibility) },
    journeys,
    answers: changed.sort(byPlace),
    newUnknowns: newUnknowns.sort(byPlace),
    resolvedUnknowns: resolvedUnknowns.sort(byPlace),
    plan,
  };
}

/** Same answer: same kind, option and confidence (a confirmed carry-over is no change). */
function sameAnswer(a: Answer, b: Answer): boolean {
  return a.kind === b.kind && a.optionId === b.optionId && (a.confidence ?? null) === (b.confidence ?? null);
}

function answerState(answer: Answer, question: Question | undefined): DiffAnswerState {
  const option = answer.kind === 'option' ? question?.options.find((o) => o.id === answer.optionId) : undefined;
  return {
    kind: answer.kind,
    optionId: answer.optionId ?? null,
    optionLabel: answer.kind === 'option' ? (option?.label ?? answer.optionId ?? null) : null,
    level: option?.level ?? null,
    confidence: answer.kind === 'option' ? (answer.confidence ?? 'reported') : null,
  };
}

/**
 * better or worse: the exposure the answer counts with went down or up (an unknown
 * counts as level 3, as in the scoring model: "exposed until shown otherwise"); same:
 * anything else (a confidence change, not applicable, an answer added or removed).
 */
function direction(from: DiffAnswerState | null, to: DiffAnswerState | null): DiffAnswer['direction'] {
  const a = riskLevel(from);
  const b = riskLevel(to);
  if (a === null || b === null) return 'same';
  return b < a ? 'better' : b > a ? 'worse' : 'same';
}

function riskLevel(state: DiffAnswerState | null): number | null {
  if (state?.kind === 'unknown') return 3;
  return state?.level ?? null;
}
