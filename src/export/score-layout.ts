/**
 * How `cxray score` fits its table to a terminal, as arithmetic. A row is the name
 * column, then one column per dimension, the whole row's figure and its answered count,
 * each after a gap of two spaces. Tried in order, the first that fits the width wins:
 *
 * 1. `table` with the dimensions' titles as headers;
 * 2. `table` with their short labels (src/core/dimension-short.ts);
 * 3. `blocks`: one block per row (a journey, or the whole assessment), its figures in a
 *    grid of `label  figure` entries, as many entries across as the width holds.
 *
 * A table fits when its name column keeps at least NAME_MIN columns (or every name, when
 * all are shorter). Without a width (output piped to a file or a program) the table has
 * the titles and is as wide as it needs. Widths are terminal columns. Pure.
 */
import { labelColumns } from '../core/dimension-short.js';

/** The narrowest a name column may be before the table gives way to blocks. */
export const NAME_MIN = 16;
/** The widest a name column grows. */
export const NAME_MAX = 36;
/** Between two columns of a table. */
export const TABLE_GAP = 2;
/** Between two entries of a block's grid. */
export const ENTRY_GAP = 3;
/** Before each entry of a block. */
export const BLOCK_INDENT = 2;

/** One dimension as a column: its title, its short label, and the widest figure it shows. */
export interface ScoreColumn {
  title: string;
  short: string;
  figureWidth: number;
}

export interface ScoreLayoutInput {
  /** The terminal's width; undefined when the output is not a terminal. */
  width: number | undefined;
  /** The header over the names ("Journey"). */
  nameHeader: string;
  /** Every row's name. */
  names: readonly string[];
  columns: readonly ScoreColumn[];
  /** The widest figure of the whole-row column. */
  overallWidth: number;
  /** The widest answered count ("67/67"). */
  answeredWidth: number;
}

export type ScoreLayout =
  | {
      mode: 'table';
      /** Each dimension's header: its title, or its short label when the titles do not fit. */
      headers: string[];
      nameWidth: number;
      /** Each dimension column's width. */
      cellWidths: number[];
      overallWidth: number;
      answeredWidth: number;
    }
  | {
      mode: 'blocks';
      /** Each dimension's label in a block: its title, or its short label when titles leave no room. */
      labels: string[];
      /** The labels' column in an entry (the widest label, "Overall" and "Answered" included). */
      labelWidth: number;
      /** The figures' column in an entry. */
      figureWidth: number;
      /** Entries across. */
      perRow: number;
    };

export const OVERALL_HEADER = 'Overall';
export const ANSWERED_HEADER = 'Answered';

function table(input: ScoreLayoutInput, headers: string[]): Extract<ScoreLayout, { mode: 'table' }> & { fits: boolean } {
  const cellWidths = input.columns.map((column, i) => Math.max(labelColumns(headers[i]!), column.figureWidth));
  const overallWidth = Math.max(OVERALL_HEADER.length, input.overallWidth);
  const answeredWidth = Math.max(ANSWERED_HEADER.length, input.answeredWidth);
  const rest = [...cellWidths, overallWidth, answeredWidth].reduce((sum, w) => sum + TABLE_GAP + w, 0);
  const longest = Math.max(labelColumns(input.nameHeader), ...input.names.map(labelColumns));
  const wanted = Math.min(NAME_MAX, longest);
  if (input.width === undefined) return { mode: 'table', headers, nameWidth: wanted, cellWidths, overallWidth, answeredWidth, fits: true };
  const nameWidth = Math.min(wanted, input.width - rest);
  const fits = nameWidth >= Math.min(wanted, NAME_MIN);
  return { mode: 'table', headers, nameWidth, cellWidths, overallWidth, answeredWidth, fits };
}

/** The layout of the score table for `input.width` columns (the whole table when undefined). */
export function scoreLayout(input: ScoreLayoutInput): ScoreLayout {
  for (const headers of [input.columns.map((c) => c.title), input.columns.map((c) => c.short)]) {
    const { fits, ...layout } = table(input, headers);
    if (fits) return layout;
  }
  const width = input.width ?? 0;
  const figureWidth = Math.max(input.overallWidth, input.answeredWidth, ...input.columns.map((c) => c.figureWidth));
  const across = (labelWidth: number) => Math.floor((width - BLOCK_INDENT + ENTRY_GAP) / (labelWidth + 2 + figureWidth + ENTRY_GAP));
  const fixed = [OVERALL_HEADER, ANSWERED_HEADER].map(labelColumns);
  for (const labels of [input.columns.map((c) => c.title), input.columns.map((c) => c.short)]) {
    const labelWidth = Math.max(...fixed, ...labels.map(labelColumns));
    if (across(labelWidth) >= 1) return { mode: 'blocks', labels, labelWidth, figureWidth, perRow: across(labelWidth) };
  }
  // Narrower than one entry of short labels: one entry a line all the same (the terminal wraps it).
  const labels = input.columns.map((c) => c.short);
  return { mode: 'blocks', labels, labelWidth: Math.max(...fixed, ...labels.map(labelColumns)), figureWidth, perRow: 1 };
}
