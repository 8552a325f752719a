/**
 * The plan's capacity as typed on the plan screen: two whole numbers of effort points,
 * Now and Next. Pure: the screen keeps the text, this says what it means or what is
 * wrong with it, in one sentence.
 */
import type { PlanCapacity } from '../core/workbook-schema.js';
import type { TextState } from './text-edit.js';

/** The most effort points a horizon may hold (the workbook schema's limit). */
export const MAX_CAPACITY = 10_000;

export interface CapacityEdit {
  field: 'now' | 'next';
  now: TextState;
  next: TextState;
  /** Why what was typed cannot be saved, until it is edited. */
  problem?: string;
}

/** The capacity typed, or the sentence saying which figure is wrong and what it must be. */
export function readCapacity(now: string, next: string): { capacity: PlanCapacity } | { problem: string } {
  const figures: Record<'now' | 'next', number> = { now: 0, next: 0 };
  for (const [field, text] of [
    ['now', now],
    ['next', next],
  ] as const) {
    const t = text.trim();
    if (!/^\d{1,5}$/.test(t) || Number(t) > MAX_CAPACITY) {
      const name = field === 'now' ? 'Now' : 'Next';
      return { problem: `${name} must be a whole number of effort points from 0 to ${MAX_CAPACITY}${t ? `, not "${t.slice(0, 20)}"` : ''}.` };
    }
    figures[field] = Number(t);
  }
  return { capacity: figures };
}
