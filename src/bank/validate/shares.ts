/**
 * Step 5b: the shares of an option's actions (SCORING.md, "Bank syntax"). An option
 * lists plain ids (equal shares) or `{ id, share }` objects, never both; given shares sum
 * to 1 (±0.001). Each share's range, (0, 1], is the schema's (step 4).
 */
import { describeOwner, isPlainObject } from './describe.js';
import type { Locator } from './locate.js';
import type { ProblemList } from './problems.js';

/** How far from 1 the shares of an option may sum (rounding in hand-written thirds). */
export const SHARE_SUM_TOLERANCE = 0.001;

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function checkShares(data: Record<string, unknown>, locate: Locator, problems: ProblemList): void {
  list(data.questions).forEach((question, q) => {
    if (!isPlainObject(question)) return;
    list(question.options).forEach((option, o) => {
      if (!isPlainObject(option)) return;
      const actions = list(option.actions);
      const plain = actions.filter((a) => typeof a === 'string').length;
      const shared = actions.filter(isPlainObject);
      if (shared.length === 0) return;
      const path = ['questions', q, 'options', o, 'actions'];
      const name = describeOwner(data, ['questions', q, 'options', o]);
      if (plain > 0) {
        problems.at(
          locate.valueOffset(path),
          `${name} mixes plain action ids with { id, share } objects; give every action a share (the shares summing to 1) or none (plain ids share the risk equally)`,
        );
        return;
      }
      const shares = shared.map((a) => a.share);
      // A share out of range is the schema's problem; its sum would only repeat it.
      if (!shares.every((s): s is number => typeof s === 'number' && s > 0 && s <= 1)) return;
      const sum = shares.reduce((total, s) => total + s, 0);
      if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
        problems.at(
          locate.valueOffset(path),
          `the shares of the actions of ${name} sum to ${formatSum(sum)}, not 1; change them so that they sum to 1`,
        );
      }
    });
  });
}

/** A sum as people would write it: 0.9, 1.25, never 0.8999999999999999. */
function formatSum(sum: number): string {
  return String(Number(sum.toFixed(6)));
}
