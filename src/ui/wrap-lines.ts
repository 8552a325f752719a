/** Plain text wrapped to a width, as lines, for screens that count the rows they draw. */
import stringWidth from 'string-width';
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

/**
 * Parts of a line ("Confidence reported", "Documented on paper unset", "By Hannah Keel
 * (returns supervisor)") packed into lines of `width` columns, joined by `separator`:
 * the parts of each line, by index. A part never splits; one wider than the width has a
 * line to itself (and is cut there).
 */
export function packSegments(widths: readonly number[], width: number, separator: number): number[][] {
  const lines: number[][] = [];
  let used = 0;
  widths.forEach((w, i) => {
    const line = lines[lines.length - 1];
    if (line && used + separator + w <= width) {
      line.push(i);
      used += separator + w;
    } else {
      lines.push([i]);
      used = w;
    }
  });
  return lines;
}

/**
 * Parts of a line joined by `separator` where they fit in `width` columns, each part
 * whole on a line of its own otherwise (and wrapped when it alone is wider): "2
 * snapshots, latest …" goes under "↻ 3 carried over" rather than being cut.
 */
export function packLines(parts: readonly string[], width: number, separator = ' · '): string[] {
  return packSegments(
    parts.map((p) => stringWidth(p)),
    width,
    stringWidth(separator),
  ).flatMap((line) => {
    const text = line.map((i) => parts[i]!).join(separator);
    return stringWidth(text) <= width ? [text] : wrapLines(text, width);
  });
}
