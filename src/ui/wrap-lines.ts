/** Plain text wrapped to a width, as lines, for screens that count the rows they draw. */
import wrapAnsi from 'wrap-ansi';

/** `text` wrapped at word boundaries to `width` columns (at least 10), long words broken. */
export function wrapLines(text: string, width: number): string[] {
  return wrapAnsi(text, Math.max(10, width), { hard: true, trim: true }).split('\n');
}

/** `text` wrapped to `width`, in at most `most` lines (the last cut with "…" when there is more). */
export function wrapAtMost(text: string, width: number, most: number): string[] {
  const lines = wrapLines(text, width);
  if (lines.length <= most) return lines;
  return [...lines.slice(0, most - 1), `${lines[most - 1]!.slice(0, Math.max(0, width - 1))}…`];
}
