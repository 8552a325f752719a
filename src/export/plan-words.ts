/**
 * The plan in words, one set for every renderer (markdown, CSV, the score table, the
 * TUI): where a reason comes from, why an item is in its horizon, and how a feeding
 * answer adds to an item's risk removed. Plain text: renderers escape it for their
 * format. Pure.
 */
import { DEFAULT_SCOPE_NAMES, type ScopeNames } from '../core/bank-words.js';
import { ORGANISATION_LABEL } from '../core/organisation.js';
import type { FindOutItem, Horizon, PlanItem, PlanReason } from '../core/report-schema.js';

export { ORGANISATION_LABEL } from '../core/organisation.js';

export const HORIZON_TITLE: Record<Horizon, string> = { now: 'Now', next: 'Next', later: 'Later' };

/** Up to `digits` decimals, no trailing zeros: 4.5, 2.67, 9. */
export function formatNumber(x: number, digits = 2): string {
  return String(Number(x.toFixed(digits)));
}

const percentOf = (x: number) => `${Math.round(x * 100)}%`;

/** Where a reason's answer comes from: "Phone support", "Phone support (override)", "Organisation-wide (3 journeys)". */
export function reasonPlace(reason: Pick<PlanReason, 'scope' | 'journeyName' | 'override' | 'journeysHeld'>, names: ScopeNames = DEFAULT_SCOPE_NAMES): string {
  if (reason.scope === 'organisation') {
    return `${ORGANISATION_LABEL} (${reason.journeysHeld} ${reason.journeysHeld === 1 ? names.singular : names.plural})`;
  }
  return `${reason.journeyName ?? ''}${reason.override ? ' (override)' : ''}`;
}

/** The answer a reason rests on: "we don't know" or the option's label. */
export function reasonAnswer(reason: Pick<PlanReason, 'kind' | 'optionLabel'>): string {
  return reason.kind === 'unknown' ? "we don't know" : (reason.optionLabel ?? '');
}

/**
 * How one reason adds to R: "risk 6 × share 0.75 = 4.5 (60%)"; a full share reads
 * "risk 6 (60%)".
 */
export function reasonFigures(reason: Pick<PlanReason, 'risk' | 'share' | 'contribution' | 'portion'>): string {
  const part = reason.share === 1 ? `risk ${formatNumber(reason.risk)}` : `risk ${formatNumber(reason.risk)} × share ${formatNumber(reason.share, 3)} = ${formatNumber(reason.contribution)}`;
  return `${part} (${percentOf(reason.portion)})`;
}

/** The plain title of a plan item, by action id, for "prerequisite of X". */
export type TitleOf = (actionId: string) => string;

/**
 * Why a Fix item is in its horizon, in one phrase:
 * "capacity: 5 of Now's 12 effort points taken before it", "contain: a verified worst
 * case", "start now: long lead", "prerequisite of Alert on bulk exports".
 */
export function horizonWhy(item: PlanItem, capacity: { now: number; next: number }, titleOf: TitleOf): string {
  switch (item.horizonReason) {
    case 'capacity':
      if (item.horizon === 'now') return `capacity: ${item.effortBefore} of Now's ${capacity.now} effort points taken before it`;
      if (item.horizon === 'next') return `capacity: ${item.effortBefore} effort points before it; Now holds ${capacity.now}, Next ${capacity.next} more`;
      return `capacity: ${item.effortBefore} effort points before it; Now and Next hold ${capacity.now + capacity.next}`;
    case 'contain': {
      const worst = item.reasons.find((r) => r.contains);
      const what = worst ? `${worst.confidence ?? 'reported'} worst case in ${reasonPlace(worst)}` : 'a worst case';
      return `contain: the main fix of a ${what}`;
    }
    case 'long-lead':
      return `start now: long lead (effort L, removes ${formatNumber(item.riskRemoved)})`;
    case 'prerequisite':
      return `prerequisite of ${item.prerequisiteOf ? titleOf(item.prerequisiteOf) : 'an item in this horizon'}`;
  }
}

/** A title lookup over both lanes of a report. */
export function titleLookup(items: readonly { actionId: string; title: string }[]): TitleOf {
  const titles = new Map(items.map((i) => [i.actionId, i.title]));
  return (id) => titles.get(id) ?? id;
}

/** The Find out lane grouped by owner, owners in the order of their first item. */
export function byOwner(items: readonly FindOutItem[]): { owner: string; items: FindOutItem[] }[] {
  const groups = new Map<string, FindOutItem[]>();
  for (const item of items) {
    const list = groups.get(item.owner) ?? [];
    list.push(item);
    groups.set(item.owner, list);
  }
  return [...groups.entries()].map(([owner, list]) => ({ owner, items: list }));
}
