/**
 * A vote on a question: each participant's position (an option, "We don't know" or
 * "Not applicable"), the spread of the positions, and whether it makes the answer
 * disputed. Pure: no I/O.
 */
import type { Question } from './bank-schema.js';
import type { Position } from './workbook-schema.js';

/** A spread of this many levels or more between two positions makes the answer disputed. */
export const DISPUTED_SPREAD = 2;

/** How far apart the positions are, in exposure levels of the options chosen. */
export interface Spread {
  /** The lowest and highest level chosen (null: no position is an option). */
  low: number | null;
  high: number | null;
  /** high - low; 0 with fewer than two options chosen. */
  levels: number;
  /** The spread is DISPUTED_SPREAD levels or more. */
  disputed: boolean;
}

/** The level of the option a position names (undefined: not an option, or an option the question no longer has). */
export function positionLevel(question: Question, position: Pick<Position, 'kind' | 'optionId'>): number | undefined {
  if (position.kind !== 'option') return undefined;
  return question.options.find((o) => o.id === position.optionId)?.level;
}

/**
 * The spread of `positions` on `question`: from the lowest level chosen to the highest.
 * "We don't know" and "Not applicable" have no level and do not widen it.
 */
export function voteSpread(question: Question, positions: readonly Pick<Position, 'kind' | 'optionId'>[]): Spread {
  const levels = positions.map((p) => positionLevel(question, p)).filter((l): l is number => l !== undefined);
  if (levels.length === 0) return { low: null, high: null, levels: 0, disputed: false };
  const low = Math.min(...levels);
  const high = Math.max(...levels);
  return { low, high, levels: high - low, disputed: high - low >= DISPUTED_SPREAD };
}

/** One group of the spread: an answer and who chose it. */
export interface PositionGroup {
  kind: Position['kind'];
  optionId?: string;
  /** The option's label, "We don't know" or "Not applicable". */
  label: string;
  /** The option's level (undefined for the others). */
  level?: number;
  names: string[];
}

/** Who chose what, in the order of the question's options ("We don't know", "Not applicable" last); answers nobody chose are left out. */
export function positionGroups(question: Question, positions: readonly Position[]): PositionGroup[] {
  const groups: PositionGroup[] = [];
  for (const o of question.options) {
    const names = positions.filter((p) => p.kind === 'option' && p.optionId === o.id).map((p) => p.name);
    if (names.length > 0) groups.push({ kind: 'option', optionId: o.id, label: o.label, level: o.level, names });
  }
  // An option the bank no longer has keeps its voters, under its id.
  const known = new Set(question.options.map((o) => o.id));
  const gone = [...new Set(positions.filter((p) => p.kind === 'option' && !known.has(p.optionId ?? '')).map((p) => p.optionId ?? ''))];
  for (const id of gone) groups.push({ kind: 'option', optionId: id, label: id, names: positions.filter((p) => p.optionId === id).map((p) => p.name) });
  const unknown = positions.filter((p) => p.kind === 'unknown').map((p) => p.name);
  if (unknown.length > 0) groups.push({ kind: 'unknown', label: "We don't know", names: unknown });
  const na = positions.filter((p) => p.kind === 'na').map((p) => p.name);
  if (na.length > 0) groups.push({ kind: 'na', label: 'Not applicable', names: na });
  return groups;
}

/**
 * "levels 1 to 4 (3 apart)": the spread in words ('' when no option was chosen); with the
 * bank's names of the levels, those names and the exposure levels they stand for:
 * "“Maturity level 2” to “Not practised” (exposure 1 to 4, 3 apart)".
 */
export function spreadWords(spread: Spread, names?: readonly string[] | null): string {
  if (spread.low === null || spread.high === null) return '';
  const low = names?.[spread.low];
  const high = names?.[spread.high];
  if (low === undefined || high === undefined) {
    if (spread.levels === 0) return `all at level ${spread.low}`;
    return `levels ${spread.low} to ${spread.high} (${spread.levels} apart)`;
  }
  if (spread.levels === 0) return `all at “${low}” (exposure ${spread.low} of 4)`;
  return `“${low}” to “${high}” (exposure ${spread.low} to ${spread.high}, ${spread.levels} apart)`;
}
