/**
 * A dimension's short label: what a narrow column header or a compact table shows
 * (at most SHORT_LABEL_WIDTH columns). A bank may give one (`short:` on a dimension);
 * when it does not, one is derived from the title, unique within the bank. Pure: no I/O.
 */

/** The widest a short label may be, in terminal columns. */
export const SHORT_LABEL_WIDTH = 10;

// Characters drawn two columns wide (East Asian wide and fullwidth, emoji) and those drawn
// over the one before (combining marks, variation selectors, joiners): close to what
// string-width says for labels (src/core stays free of packages other than zod).
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
// eslint-disable-next-line no-misleading-character-class -- the class lists variation selectors and joiners on purpose: each takes no column
const ZERO = /[\p{Mn}\p{Me}\u200b-\u200f\ufe00-\ufe0f]/u;

/** How many terminal columns a label takes. */
export function labelColumns(text: string): number {
  let columns = 0;
  for (const char of text) columns += ZERO.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
  return columns;
}


/** What the derivation reads of a dimension. */
export interface ShortSource {
  title: string;
  short?: string | undefined;
}

/** Words a label is not left ending on ("Retention and…" reads as "Retention…"). */
const TRAILING_WORDS = /\s+(?:and|or|of|the|for|in|on|to|a|an|&|\+|-|–|—|\/)$/i;

/** The title on one line, spaces collapsed. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The longest start of `text` whose width is at most `width`, cut between characters. */
function widthPrefix(text: string, width: number): string {
  let out = '';
  for (const char of Array.from(text)) {
    if (labelColumns(out + char) > width) break;
    out += char;
  }
  return out;
}

/** A label of at most `width` columns cut from `title` and ending in an ellipsis. */
function cut(title: string, width: number): string {
  const room = widthPrefix(title, width - 1);
  // Cut between words when that keeps at least 6 columns: "Retention and deletion" ->
  // "Retention…"; else within a word: "Data footprint" -> "Data foot…".
  const next = Array.from(title)[Array.from(room).length];
  let words = next === ' ' ? room : room.replace(/\s+\S*$/, '');
  while (TRAILING_WORDS.test(words)) words = words.replace(TRAILING_WORDS, '');
  const chosen = words !== room && labelColumns(words) >= 6 ? words : room;
  return `${chosen.replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** The labels a derivation tries for one title, best first. */
function candidates(title: string): string[] {
  const line = oneLine(title);
  if (labelColumns(line) <= SHORT_LABEL_WIDTH) return [line];
  const hard = `${widthPrefix(line, SHORT_LABEL_WIDTH - 1).replace(/\s+$/, '')}…`;
  return [...new Set([cut(line, SHORT_LABEL_WIDTH), hard])];
}

/** Case and spacing do not make two labels different. */
function key(label: string): string {
  return oneLine(label).toLocaleLowerCase();
}

/**
 * The short label of each dimension, in order: its own `short` when given, else the
 * title when it fits, else the title cut (between words where that keeps the label
 * readable) with an ellipsis; a label another dimension already has gets a number
 * ("Customer 2"). Derived labels never repeat a given one, nor each other.
 */
export function shortLabels(dimensions: readonly ShortSource[]): string[] {
  const taken = new Set(dimensions.flatMap((d) => (d.short === undefined ? [] : [key(d.short)])));
  return dimensions.map((dimension) => {
    if (dimension.short !== undefined) return oneLine(dimension.short);
    const free = candidates(dimension.title).find((label) => !taken.has(key(label)));
    const label = free ?? numbered(oneLine(dimension.title), taken);
    taken.add(key(label));
    return label;
  });
}

/** The title's start with the first number from 2 that makes it unique: "Customer 2". */
function numbered(title: string, taken: Set<string>): string {
  for (let n = 2; ; n += 1) {
    const suffix = ` ${n}`;
    const start = widthPrefix(title, SHORT_LABEL_WIDTH - suffix.length).replace(/\s+$/, '');
    const label = `${start}${suffix}`;
    if (!taken.has(key(label))) return label;
  }
}
