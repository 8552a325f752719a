/**
 * The plan, as SCORING.md (model 2) defines it: two lanes.
 *
 * Find out: each unknown item triggers its question's discovery action (or a generated
 * "Find out: <question>"), with its full r; one entry per action, R = sum of r, effort
 * S, ordered by R descending then id. No horizon.
 *
 * Fix: each option item gives share x r to each remediation action its option names;
 * one item per action, R = sum of its parts; P = R / effort (S 1, M 3, L 8); R = 0 is
 * left out. A prerequisite inherits the highest effective priority of what requires it
 * (P*). Ordered by P*, prerequisites first, then R, then id. Horizons by capacity (the
 * effort points before an item against Now and Now + Next), then three rules that move
 * only the item they name: contain, long lead, prerequisite raised to its dependant.
 *
 * Exact: risks are whole quarters and shares are fractions with a denominator D common
 * to the bank (1000 for three-decimal shares, times what equal shares and normalising
 * need), so every contribution is a whole number of 1/(4D) and every sum, comparison
 * and boundary is computed on integers. Pure.
 */
import type { Action, Bank, Effort, Option, Question } from './bank-schema.js';
import { assessmentItems, type AssessmentItems, type RiskItem } from './assessment-items.js';
import type { FindOutItem, Horizon, HorizonReason, PlanItem, PlanReason } from './report-schema.js';
import { planItemId } from './plan-ids.js';
import { dayOf, trackingOf } from './plan-status.js';
import { DEFAULT_PLAN_CAPACITY, type Assessment, type PlanCapacity, type PlanStatus } from './workbook-schema.js';

/** Effort points: what a unit of priority costs. */
export const EFFORT_POINTS: Record<Effort, number> = { S: 1, M: 3, L: 8 };

/** An effort-L item removing at least this much risk starts now (long lead). */
export const LONG_LEAD_RISK = 9;

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

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}

/** Thousandths of a share as written (the validator allows three decimals at most). */
function thousandths(share: number): number {
  return Math.round(share * 1000);
}

/** An option's actions, each once, with its share as thousandths (equal shares: null). */
function optionEntries(option: Option): { id: string; share: number | null }[] {
  const seen = new Set<string>();
  const entries: { id: string; share: number | null }[] = [];
  for (const a of option.actions) {
    const id = typeof a === 'string' ? a : a.id;
    if (seen.has(id)) continue;
    seen.add(id);
    entries.push({ id, share: typeof a === 'string' ? null : thousandths(a.share) });
  }
  return entries;
}

/** The ids of the actions an option names, each once, in the order listed. */
export function optionActionIds(option: Option): string[] {
  return optionEntries(option).map((e) => e.id);
}

/** How an option's risk is split: each action's share as a whole number out of `denominator`. */
export interface OptionSplit {
  actionId: string;
  /** share x denominator. */
  units: number;
}

const denominators = new WeakMap<Bank, number>();

/**
 * D: the common denominator of every share in the bank. Shares written with three
 * decimals are thousandths; n plain ids share 1/n each; written shares that sum to T
 * thousandths (the validator allows 1 +- 0.001) are read as t / T, so they always sum
 * to exactly 1 and no risk is lost or counted twice.
 */
export function shareDenominator(bank: Bank): number {
  let d = denominators.get(bank);
  if (d !== undefined) return d;
  d = 1000;
  for (const q of bank.questions) {
    for (const o of q.options) {
      const entries = optionEntries(o);
      if (entries.length === 0) continue;
      if (entries.every((e) => e.share !== null)) {
        const total = entries.reduce((sum, e) => sum + e.share!, 0);
        if (total > 0) d = lcm(d, total);
      } else {
        d = lcm(d, entries.length);
      }
    }
  }
  denominators.set(bank, d);
  return d;
}

/**
 * The split of an option's risk among its actions, out of `denominator` (see
 * shareDenominator): written shares as t / T, plain ids equally. A list mixing both
 * (which the validator refuses) shares equally.
 */
export function splitOf(option: Option, denominator: number): OptionSplit[] {
  const entries = optionEntries(option);
  if (entries.length === 0) return [];
  if (entries.every((e) => e.share !== null)) {
    const total = entries.reduce((sum, e) => sum + e.share!, 0);
    if (total > 0 && denominator % total === 0) {
      return entries.map((e) => ({ actionId: e.id, units: (e.share! * denominator) / total }));
    }
  }
  return entries.map((e) => ({ actionId: e.id, units: denominator / entries.length }));
}

/**
 * The primary fix of an option: the action with the largest share, the first listed on a
 * tie (SCORING.md, contain).
 */
export function primaryFix(split: readonly OptionSplit[]): string | undefined {
  let best: OptionSplit | undefined;
  for (const s of split) if (!best || s.units > best.units) best = s;
  return best?.actionId;
}

/** The team's plan status by action id, and the day it is read on. */
export interface PlanTrackingInput {
  statuses: readonly PlanStatus[];
  today: string;
  /** The assessment's id, from which each item's stable id is made. */
  assessmentId: string;
}

const UNTRACKED: PlanTrackingInput = { statuses: [], today: '1970-01-01', assessmentId: '' };

/** Both lanes of the plan. */
export interface Plan {
  findOut: FindOutItem[];
  fix: PlanItem[];
}

interface Feed {
  item: RiskItem;
  /** The share of the item's risk this action takes, out of D (D for discovery: the full r). */
  shareUnits: number;
  /** item r x share, in 1/(4D). */
  units: number;
  contains: boolean;
}

interface Accumulator {
  action: Action;
  generated: boolean;
  /** R in 1/(4D). */
  units: number;
  feeds: Feed[];
}

const HORIZON_ORDER: Record<Horizon, number> = { now: 0, next: 1, later: 2 };

/** Plain code-unit order, the same on every machine and locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function feedOrder(a: Feed, b: Feed): number {
  return b.units - a.units || a.item.journeyIndex - b.item.journeyIndex || a.item.questionIndex - b.item.questionIndex;
}

/** The reason a feeding item gives for an action. */
function reasonOf(feed: Feed, denominator: number, totalUnits: number, heldBy: ReadonlyMap<RiskItem, number>): PlanReason {
  const { item } = feed;
  return {
    scope: item.scope,
    journeyId: item.journey?.id ?? null,
    journeyName: item.journey?.name ?? null,
    override: item.override,
    journeysHeld: item.scope === 'organisation' ? (heldBy.get(item) ?? 0) : 1,
    questionId: item.question.id,
    questionPrompt: item.question.prompt,
    kind: item.kind,
    optionId: item.option?.id ?? null,
    optionLabel: item.option?.label ?? null,
    level: item.option?.level ?? null,
    confidence: item.confidence ?? null,
    sensitivityFactor: item.sensitivity,
    risk: item.riskQuarters / 4,
    share: feed.shareUnits / denominator,
    contribution: feed.units / (4 * denominator),
    portion: totalUnits > 0 ? feed.units / totalUnits : 0,
    contains: feed.contains,
  };
}

/** True when an option item calls for containment of its primary fix (SCORING.md, contain). */
function calledToContain(item: RiskItem): boolean {
  return (
    item.kind === 'option' &&
    item.option!.level === 4 &&
    (item.confidence === 'verified' || item.confidence === 'reported') &&
    (item.question.weight === 3 || item.sensitivity === 3)
  );
}

/** The plan from items already built (see `assessmentItems`), with the team's status of each item. */
export function planOf(
  bank: Bank,
  items: AssessmentItems,
  tracking: PlanTrackingInput = UNTRACKED,
  capacity: PlanCapacity = DEFAULT_PLAN_CAPACITY,
): Plan {
  const statuses = new Map(tracking.statuses.map((s) => [s.actionId, s]));
  const actions = new Map(bank.actions.map((a) => [a.id, a]));
  const D = shareDenominator(bank);
  const heldBy = new Map<RiskItem, number>();
  const orgItems = new Map(items.organisation.map((o) => [o.question, o]));
  for (const risk of items.risks) if (risk.scope === 'organisation') heldBy.set(risk, orgItems.get(risk.question)?.journeys.length ?? 0);

  const discovery = new Map<string, Accumulator>();
  const fix = new Map<string, Accumulator>();
  const add = (lane: Map<string, Accumulator>, action: Action, generated: boolean, feed: Feed) => {
    let acc = lane.get(action.id);
    if (!acc) {
      acc = { action, generated, units: 0, feeds: [] };
      lane.set(action.id, acc);
    }
    acc.units += feed.units;
    acc.feeds.push(feed);
  };

  // An option's split and its actions are the same for every answer that picks it: once per option.
  const byOption = new Map<Option, { split: OptionSplit[]; actions: Action[]; primary: string | undefined }>();
  for (const item of items.risks) {
    if (item.kind === 'unknown') {
      const { action, generated } = discoveryActionOf(item.question, actions);
      add(discovery, action, generated, { item, shareUnits: D, units: item.riskQuarters * D, contains: false });
      continue;
    }
    let option = byOption.get(item.option!);
    if (!option) {
      const split = splitOf(item.option!, D);
      option = { split, actions: split.map((s) => actionOf(s.actionId, actions)), primary: primaryFix(split) };
      byOption.set(item.option!, option);
    }
    const primary = calledToContain(item) ? option.primary : undefined;
    option.split.forEach((s, i) => {
      add(fix, option.actions[i]!, false, { item, shareUnits: s.units, units: item.riskQuarters * s.units, contains: s.actionId === primary });
    });
  }

  const reasons = (acc: Accumulator) => [...acc.feeds].sort(feedOrder).map((f) => reasonOf(f, D, acc.units, heldBy));

  const findOut = [...discovery.values()]
    .filter((acc) => acc.units > 0)
    .sort((a, b) => b.units - a.units || compareIds(a.action.id, b.action.id))
    .map(
      (acc, i): FindOutItem => ({
        rank: i + 1,
        id: planItemId(tracking.assessmentId, acc.action.id),
        actionId: acc.action.id,
        title: acc.action.title,
        detail: acc.action.detail,
        effort: 'S',
        effortPoints: 1,
        owner: acc.action.owner,
        kind: 'discovery',
        generated: acc.generated,
        riskRemoved: acc.units / (4 * D),
        priority: acc.units / (4 * D),
        reasons: reasons(acc),
        tracking: trackingOf(statuses.get(acc.action.id), tracking.today),
      }),
    );

  return { findOut, fix: fixLane([...fix.values()], D, capacity, reasons, statuses, tracking) };
}

interface Ranked {
  acc: Accumulator;
  points: number;
  /** P = units / points; P* = starUnits / starPoints. */
  starUnits: number;
  starPoints: number;
  requires: Ranked[];
  requiredBy: Ranked[];
}

/** Negative when P1 = u1/p1 is higher than P2 = u2/p2 (compared on integers). */
function byRatio(u1: number, p1: number, u2: number, p2: number): number {
  return u2 * p1 - u1 * p2;
}

function fixLane(
  accs: Accumulator[],
  D: number,
  capacity: PlanCapacity,
  reasons: (acc: Accumulator) => PlanReason[],
  statuses: ReadonlyMap<string, PlanStatus>,
  tracking: PlanTrackingInput,
): PlanItem[] {
  const ranked = new Map<string, Ranked>();
  for (const acc of accs) {
    if (acc.units <= 0) continue;
    const points = EFFORT_POINTS[acc.action.effort];
    ranked.set(acc.action.id, { acc, points, starUnits: acc.units, starPoints: points, requires: [], requiredBy: [] });
  }
  // A prerequisite no answer triggers is taken to be in place: only plan items link.
  for (const r of ranked.values()) {
    for (const id of new Set(r.acc.action.requires ?? [])) {
      const b = ranked.get(id);
      if (b && b !== r) {
        r.requires.push(b);
        b.requiredBy.push(r);
      }
    }
  }
  // P*(b) = max(P(b), P*(a) for every a requiring b), transitively; a cycle (which the
  // validator refuses) is cut where it closes.
  const done = new Set<Ranked>();
  const visiting = new Set<Ranked>();
  const star = (b: Ranked): void => {
    if (done.has(b) || visiting.has(b)) return;
    visiting.add(b);
    for (const a of b.requiredBy) {
      star(a);
      if (byRatio(a.starUnits, a.starPoints, b.starUnits, b.starPoints) < 0) {
        b.starUnits = a.starUnits;
        b.starPoints = a.starPoints;
      }
    }
    visiting.delete(b);
    done.add(b);
  };
  for (const r of ranked.values()) star(r);

  // Order: P* descending; a prerequisite before what requires it; R descending; id.
  // Picking, each time, the best item whose prerequisites are all placed gives exactly
  // that, since a prerequisite's P* is never below its dependant's.
  const better = (x: Ranked, y: Ranked) =>
    byRatio(x.starUnits, x.starPoints, y.starUnits, y.starPoints) || y.acc.units - x.acc.units || compareIds(x.acc.action.id, y.acc.action.id);
  const order: Ranked[] = [];
  const placed = new Set<Ranked>();
  const remaining = new Set(ranked.values());
  while (remaining.size > 0) {
    let pick: Ranked | undefined;
    for (const r of remaining) {
      if (!r.requires.every((b) => placed.has(b))) continue;
      if (!pick || better(r, pick) < 0) pick = r;
    }
    // Only a cycle leaves nothing available: take the best of what is left.
    if (!pick) for (const r of remaining) if (!pick || better(r, pick) < 0) pick = r;
    order.push(pick!);
    placed.add(pick!);
    remaining.delete(pick!);
  }

  // Horizons by capacity: the effort points before an item against Now and Now + Next.
  const longLeadUnits = LONG_LEAD_RISK * 4 * D;
  let before = 0;
  const placedItems = order.map((r) => {
    const effortBefore = before;
    before += r.points;
    const capacityHorizon: Horizon = effortBefore < capacity.now ? 'now' : effortBefore < capacity.now + capacity.next ? 'next' : 'later';
    let horizon = capacityHorizon;
    let reason: HorizonReason = 'capacity';
    if (horizon !== 'now' && r.acc.feeds.some((f) => f.contains)) {
      horizon = 'now';
      reason = 'contain';
    }
    if (horizon !== 'now' && r.acc.action.effort === 'L' && r.acc.units >= longLeadUnits) {
      horizon = 'now';
      reason = 'long-lead';
    }
    return { r, effortBefore, capacityHorizon, horizon, reason: reason as HorizonReason, prerequisiteOf: null as string | null };
  });
  // A prerequisite is never in a later horizon than what requires it. Dependants come
  // after their prerequisites, so walking back from the end sees each final first.
  const at = new Map(placedItems.map((p) => [p.r, p]));
  for (let i = placedItems.length - 1; i >= 0; i--) {
    const a = placedItems[i]!;
    for (const b of a.r.requires) {
      const pb = at.get(b)!;
      if (HORIZON_ORDER[a.horizon] < HORIZON_ORDER[pb.horizon]) {
        pb.horizon = a.horizon;
        pb.reason = 'prerequisite';
      }
    }
  }
  for (const p of placedItems) {
    if (p.reason !== 'prerequisite') continue;
    // Name the first dependant, in plan order, that holds it in its horizon.
    const holder = placedItems.find((q) => q.r.requires.includes(p.r) && q.horizon === p.horizon);
    p.prerequisiteOf = holder?.r.acc.action.id ?? null;
  }

  return placedItems.map((p, i): PlanItem => {
    const { acc, points } = p.r;
    return {
      rank: i + 1,
      id: planItemId(tracking.assessmentId, acc.action.id),
      actionId: acc.action.id,
      title: acc.action.title,
      detail: acc.action.detail,
      effort: acc.action.effort,
      effortPoints: points,
      owner: acc.action.owner,
      kind: 'remediation',
      generated: false,
      riskRemoved: acc.units / (4 * D),
      priority: acc.units / (4 * D) / points,
      effectivePriority: p.r.starUnits / (4 * D) / p.r.starPoints,
      horizon: p.horizon,
      horizonReason: p.reason,
      capacityHorizon: p.capacityHorizon,
      effortBefore: p.effortBefore,
      prerequisiteOf: p.prerequisiteOf,
      requires: p.r.requires.map((b) => b.acc.action.id),
      requiredBy: p.r.requiredBy.map((a) => a.acc.action.id),
      reasons: reasons(acc),
      tracking: trackingOf(statuses.get(acc.action.id), tracking.today),
    };
  });
}

/** The plan of an assessment against a bank, as of `now` (staleness does not change risk). */
export function buildPlan(bank: Bank, assessment: Assessment, now: Date): Plan {
  return planOf(
    bank,
    assessmentItems(bank, assessment, now),
    { statuses: assessment.planStatus, today: dayOf(now), assessmentId: assessment.id },
    assessment.planCapacity,
  );
}
