/**
 * Narrowing the plan to what one part of the room cares about: the items fed by one
 * journey's answers (its own, and the organisation-wide answers that hold for it), one
 * horizon (Find out, Now, Next, Later) or one owner (the person recorded on the item,
 * else the team the bank suggests). Each filter steps through its choices with one key,
 * "all" first and again after the last, offering only what the other filters leave. Pure.
 */
import type { FindOutItem, PlanItem } from './report-schema.js';

export type PlanHorizonChoice = 'find-out' | 'now' | 'next' | 'later';

export interface PlanFilter {
  /** A journey id. */
  journey?: string | undefined;
  horizon?: PlanHorizonChoice | undefined;
  /** An owner as `ownerOf` gives it ('' for items with no owner at all). */
  owner?: string | undefined;
}

export type PlanFilterKind = keyof PlanFilter;

/** Which journeys each organisation-wide answer holds for: question id to journey ids. */
export type HeldBy = ReadonlyMap<string, readonly string[]>;

type Item = PlanItem | FindOutItem;

/** The owner an item is filtered by: the person recorded on it, else the bank's suggested team ('' when neither). */
export function ownerOf(item: Item): string {
  return item.tracking.owner.trim() || item.owner.trim();
}

/** The horizon choice an item belongs to. */
export function horizonOf(item: Item): PlanHorizonChoice {
  return item.kind === 'discovery' ? 'find-out' : item.horizon;
}

/** True when one of the answers behind the item is the journey's own, or an organisation answer that holds for it. */
export function feedsJourney(item: Item, journeyId: string, heldBy: HeldBy): boolean {
  return item.reasons.some((r) => (r.scope === 'journey' ? r.journeyId === journeyId : (heldBy.get(r.questionId) ?? []).includes(journeyId)));
}

/** True when the item passes every filter set. */
export function matchesFilter(item: Item, filter: PlanFilter, heldBy: HeldBy): boolean {
  if (filter.horizon !== undefined && horizonOf(item) !== filter.horizon) return false;
  if (filter.owner !== undefined && ownerOf(item) !== filter.owner) return false;
  if (filter.journey !== undefined && !feedsJourney(item, filter.journey, heldBy)) return false;
  return true;
}

/** True when no filter is set. */
export function noFilter(filter: PlanFilter): boolean {
  return filter.journey === undefined && filter.horizon === undefined && filter.owner === undefined;
}

/**
 * The choices of each filter, in the order a key steps through them (without "all"):
 * those some item has among the items the other filters let through, so that a choice
 * never leaves the list empty.
 */
export function filterChoices(items: readonly Item[], journeys: readonly { id: string }[], heldBy: HeldBy, filter: PlanFilter = {}): Record<PlanFilterKind, string[]> {
  const others = (kind: PlanFilterKind) => items.filter((i) => matchesFilter(i, { ...filter, [kind]: undefined }, heldBy));
  const byHorizon = others('horizon');
  const horizons = (['find-out', 'now', 'next', 'later'] as const).filter((h) => byHorizon.some((i) => horizonOf(i) === h));
  const owners = [...new Set(others('owner').map(ownerOf))];
  // An item with no owner sorts last, so "" is the last choice.
  owners.sort((a, b) => (a === '' ? 1 : b === '' ? -1 : 0));
  const byJourney = others('journey');
  return {
    journey: journeys.filter((j) => byJourney.some((i) => feedsJourney(i, j.id, heldBy))).map((j) => j.id),
    horizon: horizons,
    owner: owners,
  };
}

/** The choice after `current`: the first after "all" (undefined), "all" again after the last. */
export function nextChoice(current: string | undefined, choices: readonly string[]): string | undefined {
  if (choices.length === 0) return undefined;
  if (current === undefined) return choices[0];
  const at = choices.indexOf(current);
  return at === -1 || at === choices.length - 1 ? undefined : choices[at + 1];
}
