/**
 * The header's trail ("cxray › Q4 workshop › Phone support") fitted to a width, as a
 * pure function. Where it does not fit, the places between the first and the last give
 * way first (the assessment's name, shown whole on its own screen and in the list of
 * assessments), each down to a few characters; only then the last, which says where
 * you are. Cut parts end in "…".
 */
import stringWidth from 'string-width';

/** The longest start of `text` in `width` columns, with "…" when cut. */
function fitText(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (stringWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

/** Characters (with the "…") a middle place keeps at least. */
const MIDDLE_MIN = 12;
const SEPARATOR = ' › ';

/** The trail of `parts` (the first is the app's name) in at most `width` columns. */
export function fitTrail(parts: readonly string[], width: number): string {
  const shown = [...parts];
  const total = () => stringWidth(shown.join(SEPARATOR));
  for (let i = 1; i < shown.length - 1 && total() > width; i++) {
    const part = shown[i]!;
    const keep = Math.max(MIDDLE_MIN, stringWidth(part) - (total() - width));
    if (keep < stringWidth(part)) shown[i] = fitText(part, keep);
  }
  if (total() <= width || shown.length < 2) return fitText(shown.join(SEPARATOR), width);
  const head = shown.slice(0, -1).join(SEPARATOR) + SEPARATOR;
  return head + fitText(shown[shown.length - 1]!, Math.max(1, width - stringWidth(head)));
}
