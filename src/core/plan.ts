/**
 * The remediation plan, as SCORING.md defines it. Answered items trigger the actions
 * their option lists; unknown items trigger the question's discovery action or a
 * generated "Find out: <question>" action. One plan item per action, whatever the
 * number of journeys: its risk removed R is the sum of the risk r of every item that
 * triggers it. P = R / effort (S 1, M 3, L 8). Items with R = 0 are left out. Pure.
 *
 * Risks are kept in quarters (integers), so sums, the order and the horizon boundaries
 * are exact: no item lands in the wrong horizon through a rounding error.
 */
import type { Action, Bank, Effort, Question } from './bank-schema.js';
import { assessmentItems, type AssessmentItem, type AssessmentItems } from './assessment-items.js';
import type { Horizon, PlanItem, PlanReason } from './report-schema.js';
import { planItemId } from './plan-ids.js';
import { dayOf, trackingOf } from './plan-status.js';
import type { Assessment, PlanStatus } from './workbook-schema.js';

/** Effort points: what a unit of priority costs. */
export const EFFORT_POINTS: Record<Effort, number> = { S: 1, M: 3, L: 8 };

/** The id of the action cxray generates for an unknown answer where the bank gives none. */
export function findOutActionId(questionId: string): string {
  return `find-out:${questionId}`;
}

/** The generated "Find out" action for a question. */
export function findOutAction(question: Pick<Question, 'id' | 'prompt'>): Action {
  return {
    id: findOutActionId(question.id),
    title: `Find out: ${question.prompt}`,
    detail: 'Nobody present knew the answer. Find who does, see the evidence, and record the answer with its confidence.',
    effort: 'S',
    owner: 'Facilitator',
  };
}

/** The action an unknown answer to this question triggers. */
export function discoveryActionOf(question: Question, actions: ReadonlyMap<string, Action>): { action: Action; generated: boolean } {
  if (question.discovery) return { action: actionOf(question.discovery, actions), generated: false };
  return { action: findOutAction(question), generated: true };
}

/** The bank's action, or a placeholder naming the missing id (the bank validator reports those). */
function actionOf(id: string, actions: ReadonlyMap<string, Action>): Action {
  return actions.get(id) ?? { id, title: id, detail: '', effort: 'M', owner: '' };
}

interface Accumulator {
  action: Action;
  kind: PlanItem['kind'];
  generated: boolean;
  riskQuarters: number;
  triggers: AssessmentItem[];
}

/** Compares priorities R1/e1 and R2/e2 exactly: negative when the first is higher. */
function byPriority(a: { riskQuarters: number; points: number }, b: { riskQuarters: number; points: number }): number {
  return b.riskQuarters * a.points - a.riskQuarters * b.points;
}

/** The reason an item gives for an action. */
function reasonOf(item: AssessmentItem, riskQuarters: number): PlanReason {
  return {
    journeyId: item.journey.id,
    journeyName: item.journey.name,
    questionId: item.question.id,
    questionPrompt: item.question.prompt,
    kind: item.kind === 'option' ? 'option' : 'unknown',
    optionId: item.option?.id ?? null,
    optionLabel: item.option?.label ?? null,
    level: item.option?.level ?? null,
    confidence: item.confidence ?? null,
    risk: item.riskQuarters / 4,
    share: riskQuarters > 0 ? item.riskQuarters / riskQuarters : 0,
  };
}

/** The team's plan status by action id, and the day it is read on. */
export interface PlanTrackingInput {
  statuses: readonly PlanStatus[];
  today: string;
  /** The assessment's id, from which each item's stable id is made. */
  assessmentId: string;
}

const UNTRACKED: PlanTrackingInput = { statuses: [], today: '1970-01-01', assessmentId: '' };

/** The plan from items already built (see `assessmentItems`), with the team's status of each item. */
export function planItems(bank: Bank, items: AssessmentItems, tracking: PlanTrackingInput = UNTRACKED): PlanItem[] {
  const statuses = new Map(tracking.statuses.map((s) => [s.actionId, s]));
  const actions = new Map(bank.actions.map((a) => [a.id, a]));
  // "Discovery actions have effort S": any action a question names as its discovery.
  const discoveryIds = new Set(bank.questions.flatMap((q) => (q.discovery ? [q.discovery] : [])));
  const byAction = new Map<string, Accumulator>();
  const trigger = (action: Action, kind: PlanItem['kind'], generated: boolean, item: AssessmentItem) => {
    let acc = byAction.get(action.id);
    if (!acc) {
      acc = { action, kind, generated, riskQuarters: 0, triggers: [] };
      byAction.set(action.id, acc);
    }
    acc.riskQuarters += item.riskQuarters;
    acc.triggers.push(item);
  };

  for (const journey of items.journeys) {
    for (const item of journey.items) {
      if (item.kind === 'option') {
        // An option that lists an action twice still triggers it once.
        for (const id of new Set(item.option!.actions)) trigger(actionOf(id, actions), 'remediation', false, item);
      } else if (item.kind === 'unknown') {
        const { action, generated } = discoveryActionOf(item.question, actions);
        trigger(action, 'discovery', generated, item);
      }
    }
  }

  const ranked = [...byAction.values()]
    .filter((acc) => acc.riskQuarters > 0)
    .map((acc) => {
      const effort: Effort = acc.generated || discoveryIds.has(acc.action.id) ? 'S' : acc.action.effort;
      return { ...acc, effort, points: EFFORT_POINTS[effort] };
    })
    .sort((a, b) => byPriority(a, b) || b.riskQuarters - a.riskQuarters || compareIds(a.action.id, b.action.id));

  const top = ranked[0];
  return ranked.map((acc, i): PlanItem => {
    const reasons = [...acc.triggers]
      .sort((a, b) => b.riskQuarters - a.riskQuarters || a.journeyIndex - b.journeyIndex || a.questionIndex - b.questionIndex)
      .map((item) => reasonOf(item, acc.riskQuarters));
    return {
      rank: i + 1,
      id: planItemId(tracking.assessmentId, acc.action.id),
      actionId: acc.action.id,
      title: acc.action.title,
      detail: acc.action.detail,
      effort: acc.effort,
      effortPoints: acc.points,
      owner: acc.action.owner,
      kind: acc.kind,
      generated: acc.generated,
      riskRemoved: acc.riskQuarters / 4,
      priority: acc.riskQuarters / 4 / acc.points,
      horizon: horizonOf(acc, top!),
      reasons,
      tracking: trackingOf(statuses.get(acc.action.id), tracking.today),
    };
  });
}

/**
 * Now: P >= 0.5 Pmax; Next: 0.2 Pmax <= P < 0.5 Pmax; Later: the rest. Compared as
 * integers (R x e' against R' x e), so a priority exactly on a boundary is placed exactly.
 */
function horizonOf(item: { riskQuarters: number; points: number }, top: { riskQuarters: number; points: number }): Horizon {
  const p = item.riskQuarters * top.points; // proportional to P
  const pmax = top.riskQuarters * item.points; // proportional to Pmax, same scale
  if (2 * p >= pmax) return 'now';
  if (5 * p >= pmax) return 'next';
  return 'later';
}

/** Plain code-unit order, the same on every machine and locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The plan of an assessment against a bank, as of `now` (staleness does not change risk). */
export function buildPlan(bank: Bank, assessment: Assessment, now: Date): PlanItem[] {
  return planItems(bank, assessmentItems(bank, assessment, now), { statuses: assessment.planStatus, today: dayOf(now), assessmentId: assessment.id });
}
