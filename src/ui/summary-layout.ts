/**
 * How the end-of-walk summary shares the rows of the terminal, as a pure function. The
 * fixed lines (progress, what is left, where Enter goes, a prompt box) come first; then
 * a heading line for each list with its count, and the first item of each; then the
 * figures as large as the room allows (block digits of 5 rows, of 3, or one plain line);
 * then blank lines between the parts; then more items. When not even the headings fit
 * (a prompt box on a small terminal), the lists become one line of counts.
 */
import { BIG_ROWS, type BigScale } from './big-digits.js';
import { bodyRows } from './components/Screen.js';

export type FigureSize = BigScale | 'plain';

/** The summary's lists, in the order shown. */
export const SUMMARY_LISTS = ['fix', 'findOut', 'disputed', 'parked'] as const;
export type SummaryList = (typeof SUMMARY_LISTS)[number];

/** The most items a list shows: the three Fix items, and a few of the others. */
export const LIST_MOST: Record<SummaryList, number> = { fix: 3, findOut: 5, disputed: 5, parked: 5 };

export interface SummaryLayoutInput {
  columns: number;
  rows: number;
  /** Lines the fixed parts take at this width. */
  fixedLines: number;
  /** How many items each list has. */
  items: Record<SummaryList, number>;
  /** Columns the two figures take side by side at each scale. */
  figureWidth: Record<BigScale, number>;
}

export interface SummaryLayout {
  figures: FigureSize;
  /** headed: a heading line per list and its items; counts: the lists as one line of counts. */
  lists: 'headed' | 'counts';
  /** Items shown of each list. */
  shown: Record<SummaryList, number>;
  /** 1 for a blank line between the parts, 0 when there is no room. */
  gap: 0 | 1;
}

/** Blank lines the summary puts between its parts when there is room: after the status, the figures, each list. */
export const SUMMARY_GAPS = 1 + 1 + SUMMARY_LISTS.length;

/** The rows each part of the summary gets. */
export function summaryLayout(input: SummaryLayoutInput): SummaryLayout {
  const body = bodyRows(input.rows);
  const shown: Record<SummaryList, number> = { fix: 0, findOut: 0, disputed: 0, parked: 0 };
  let used = input.fixedLines + 1; // the plain figures line
  if (used + SUMMARY_LISTS.length > body) return { figures: 'plain', lists: 'counts', shown, gap: 0 };
  used += SUMMARY_LISTS.length;
  const wanted = (list: SummaryList) => Math.min(input.items[list], LIST_MOST[list]);

  for (const list of SUMMARY_LISTS) {
    if (wanted(list) > 0 && used < body) {
      shown[list] = 1;
      used++;
    }
  }
  let figures: FigureSize = 'plain';
  for (const scale of ['full', 'half'] as const) {
    if (input.columns >= input.figureWidth[scale] && used + BIG_ROWS[scale] - 1 <= body) {
      figures = scale;
      used += BIG_ROWS[scale] - 1;
      break;
    }
  }
  const gap = used + SUMMARY_GAPS <= body ? 1 : 0;
  used += gap * SUMMARY_GAPS;
  // The rest, one item per list in turn, so that no list takes all the room.
  for (let more = true; more; ) {
    more = false;
    for (const list of SUMMARY_LISTS) {
      if (shown[list] < wanted(list) && used < body) {
        shown[list]++;
        used++;
        more = true;
      }
    }
  }
  return { figures, lists: 'headed', shown, gap };
}
