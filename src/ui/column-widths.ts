/**
 * Widths for the columns of a list that share the room left by its fixed columns: each
 * gets its share, but none more than its longest text needs, and what a narrow column
 * leaves is shared among the others. At 200 columns a list of short names no longer
 * stands its columns 50 columns apart; at 80 the shares hold as before. Pure.
 */
import stringWidth from 'string-width';

/** The widest of `texts` in terminal columns (0 for none). */
export function widest(texts: readonly string[]): number {
  let most = 0;
  for (const text of texts) most = Math.max(most, stringWidth(text));
  return most;
}

/**
 * A list's one growing column (names, titles): the `room` the other columns leave, but no
 * more than its widest text and a column's gap need, and never under `least`.
 */
export function textColumn(room: number, texts: readonly string[], least: number): number {
  return Math.min(Math.max(least, room), Math.max(least, widest(texts) + 1));
}
export interface SharedColumn {
  /** Its part of the room, relative to the others' (0.4, 0.3, ...). */
  share: number;
  /** The widest text it holds, header included, in columns. */
  longest: number;
}

export function shareColumns(room: number, columns: readonly SharedColumn[]): number[] {
  const widths = columns.map(() => 0);
  let active = columns.map((_, i) => i);
  let left = Math.max(0, room);
  // Give each column its share of what is left; a column whose text needs less takes only that, and the rest is shared again.
  for (;;) {
    const shares = active.reduce((sum, i) => sum + columns[i]!.share, 0);
    const capped = active.filter((i) => columns[i]!.longest <= Math.floor((left * columns[i]!.share) / shares));
    if (capped.length === 0) {
      let given = 0;
      active.forEach((i, n) => {
        // The last takes the rounding, so the widths add up to the room.
        widths[i] = n === active.length - 1 ? left - given : Math.floor((left * columns[i]!.share) / shares);
        given += widths[i]!;
      });
      return widths;
    }
    for (const i of capped) {
      widths[i] = columns[i]!.longest;
      left -= columns[i]!.longest;
    }
    active = active.filter((i) => !capped.includes(i));
    if (active.length === 0) return widths;
  }
}
