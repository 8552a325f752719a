/**
 * How the presenter's question fits its screen: the question's number in block digits
 * (large, or half as tall) only when the prompt, every option and the vote fit under them;
 * otherwise plain, and when even that is too tall, one row for each group of the vote (the
 * options are never cut for it). Pure.
 */
import { BIG_ROWS, bigWidth, type BigScale } from '../big-digits.js';

export interface PresentLayoutInput {
  columns: number;
  rows: number;
  /** The question's number as drawn large ("3/22"). */
  number: string;
  /** Rows of the parts under the number, at the screen's width: the prompt, the options, the problem line (0 without). */
  prompt: number;
  options: number;
  problem: number;
  /** Rows of the vote, wrapped and one row a group (spreadRows). */
  vote: { wrapped: number; compact: number };
}

export interface PresentLayout {
  big: BigScale | undefined;
  compactVote: boolean;
}

/** Rows above the question's body: the header line and the gap under it; the screen keeps its last row free. */
const CHROME_ROWS = 3;

export function presentLayout(input: PresentLayoutInput): PresentLayout {
  const room = input.rows - CHROME_ROWS;
  const width = input.columns - 4;
  // The line "Question 3 of 22 · dimension", the gap above the prompt and the gap above the options.
  const body = (vote: number) => 1 + 1 + input.prompt + 1 + input.options + vote + input.problem;
  const scales: BigScale[] = input.rows >= 40 ? ['full', 'half'] : ['half'];
  for (const scale of scales) {
    if (bigWidth(input.number, scale) <= width && BIG_ROWS[scale] + body(input.vote.wrapped) <= room) return { big: scale, compactVote: false };
  }
  return { big: undefined, compactVote: body(input.vote.wrapped) > room };
}
