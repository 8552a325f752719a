/**
 * The widths of the results table, as arithmetic: each row is the marker (2), the
 * journey name and its gap, then one column per dimension and the whole journey, each
 * with its gap, and one column for the "›" that says more columns are to the right.
 *
 * Every header is whole: a column shows the dimension's title when it fits, else its
 * short label (at most 10 columns, src/core/dimension-short.ts). When the short labels
 * are wider than the figures need, the headers take two lines, every other column on
 * the second, so a label may reach over its neighbour's column. The columns grow with
 * the terminal up to the width of their titles; the journey names take what is left
 * (at least 16 columns). When even the narrowest columns do not all fit, the table
 * shows as many as fit and scrolls sideways. Pure.
 */
import stringWidth from 'string-width';

/** A figure in its cell: "[ 55▓]". */
export const FIGURE_WIDTH = 6;
const NAME_MIN = 16;
const NAME_MAX = 40;
const CELL_MAX = 24;

export interface ResultsColumn {
  title: string;
  short: string;
}

export interface ResultsLayout {
  nameWidth: number;
  cellWidth: number;
  /** 1, or 2 when the headers alternate between two lines. */
  headerLines: 1 | 2;
  /** How many columns are on screen at once (all of them unless the table scrolls sideways). */
  fitting: number;
  /** What each column's header says: its title or its short label. */
  headers: string[];
}

/** The width of a row with `count` columns of `cell` and names of `name`. */
const rowWidth = (name: number, cell: number, count: number) => 2 + name + 1 + count * (cell + 1) + 1;

/** The room a header has: its column, or (on two lines) its column, its gap and its neighbour's column. */
export function headerRoom(layout: Pick<ResultsLayout, 'cellWidth' | 'headerLines'>): number {
  return layout.headerLines === 1 ? layout.cellWidth : 2 * layout.cellWidth + 1;
}

export function resultsLayout(width: number, columns: readonly ResultsColumn[], names: readonly string[]): ResultsLayout {
  const count = columns.length;
  const shortest = Math.max(FIGURE_WIDTH, ...columns.map((c) => stringWidth(c.short)));
  const oneLine = shortest;
  const twoLines = Math.max(FIGURE_WIDTH, Math.ceil((shortest - 1) / 2));
  const longestName = Math.min(NAME_MAX, Math.max(NAME_MIN, ...names.map((n) => stringWidth(n))));
  const longestTitle = Math.min(CELL_MAX, Math.max(oneLine, ...columns.map((c) => stringWidth(c.title))));
  const done = (nameWidth: number, cellWidth: number, headerLines: 1 | 2, fitting: number): ResultsLayout => {
    const room = headerLines === 1 ? cellWidth : 2 * cellWidth + 1;
    return { nameWidth, cellWidth, headerLines, fitting, headers: columns.map((c) => (stringWidth(c.title) <= room ? c.title : c.short)) };
  };
  if (rowWidth(NAME_MIN, oneLine, count) <= width) {
    // Every column on one header line: the names up to their longest, then the columns up
    // to their titles, and the names whatever is left.
    const spare = width - rowWidth(longestName, oneLine, count);
    const cell = spare > 0 ? Math.min(longestTitle, oneLine + Math.floor(spare / Math.max(1, count))) : oneLine;
    return done(width - rowWidth(0, cell, count), cell, 1, count);
  }
  const lines = twoLines < oneLine ? 2 : 1;
  const cell = lines === 2 ? twoLines : oneLine;
  if (rowWidth(NAME_MIN, cell, count) <= width) return done(width - rowWidth(0, cell, count), cell, lines, count);
  const fitting = Math.max(1, Math.floor((width - rowWidth(NAME_MIN, 0, 0)) / (cell + 1)));
  return done(Math.max(NAME_MIN, width - rowWidth(0, cell, fitting)), cell, lines, Math.min(fitting, count));
}

/**
 * The header lines of the columns shown: each label right-aligned to its column's right
 * edge, on line `i % 2` when there are two; as segments (text, and the column it names
 * or null for the gaps) so the highlighted column can be drawn bold. Each line starts at
 * the row's left edge; `lead` is where the first column starts (marker, names, gap).
 */
export function headerSegments(layout: ResultsLayout, shown: readonly number[], lead: number): { text: string; column: number | null }[][] {
  const lines: { text: string; column: number | null }[][] = Array.from({ length: layout.headerLines }, () => []);
  // A label may reach left of its column over the gap, its neighbour or the names' blank header.
  const ends = Array.from({ length: layout.headerLines }, () => 0);
  shown.forEach((column, i) => {
    const line = layout.headerLines === 2 ? i % 2 : 0;
    const label = layout.headers[column]!;
    const right = lead + (i + 1) * (layout.cellWidth + 1) - 1;
    const start = right - stringWidth(label);
    if (start > ends[line]!) lines[line]!.push({ text: ' '.repeat(start - ends[line]!), column: null });
    lines[line]!.push({ text: label, column });
    ends[line] = right;
  });
  return lines;
}
