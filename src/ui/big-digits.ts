/**
 * Figures drawn large with block characters, for a summary read across a room on a
 * projector. A glyph is 3 by 5 square pixels; a terminal cell is about twice as tall as
 * it is wide, so a pixel is one cell wide and half a cell tall at scale `half` (two
 * pixel rows in one cell: ▀ ▄ █), or two cells wide and one tall at scale `full`. Pure.
 */

export type BigScale = 'half' | 'full';

/** Terminal rows a line of big text takes at each scale. */
export const BIG_ROWS: Record<BigScale, number> = { half: 3, full: 5 };

/** Pixel rows of each glyph, top first: '#' on, '.' off. */
const GLYPHS: Record<string, readonly string[]> = {
  '0': ['###', '#.#', '#.#', '#.#', '###'],
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['###', '..#', '###', '#..', '###'],
  '3': ['###', '..#', '.##', '..#', '###'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '###', '..#', '###'],
  '6': ['###', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '..#', '..#', '..#'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '###'],
  '/': ['..#', '..#', '.#.', '#..', '#..'],
  '—': ['...', '...', '###', '...', '...'],
  ' ': ['...', '...', '...', '...', '...'],
};

const PIXEL_ROWS = 5;

/** The characters bigText draws. */
export function isBigDrawable(text: string): boolean {
  return [...text].every((c) => c in GLYPHS);
}

/** The pixel rows of `text`: glyphs side by side, one blank pixel column between them. */
function pixels(text: string): string[] {
  const glyphs = [...text].map((c) => {
    const glyph = GLYPHS[c];
    if (!glyph) throw new Error(`bigText draws digits, '/', '—' and spaces, not ${JSON.stringify(c)}.`);
    return glyph;
  });
  return Array.from({ length: PIXEL_ROWS }, (_, row) => glyphs.map((g) => g[row]).join('.'));
}

/** Columns `text` takes drawn at `scale`. */
export function bigWidth(text: string, scale: BigScale): number {
  const n = [...text].length;
  const pixelColumns = n === 0 ? 0 : 4 * n - 1;
  return scale === 'full' ? 2 * pixelColumns : pixelColumns;
}

/** `text` drawn large: BIG_ROWS[scale] lines, each bigWidth(text, scale) columns. */
export function bigText(text: string, scale: BigScale): string[] {
  const rows = pixels(text);
  if (scale === 'full') return rows.map((r) => [...r].map((p) => (p === '#' ? '██' : '  ')).join(''));
  const lines: string[] = [];
  for (let top = 0; top < PIXEL_ROWS; top += 2) {
    const upper = rows[top]!;
    const lower = rows[top + 1];
    lines.push(
      [...upper]
        .map((p, i) => {
          const up = p === '#';
          const down = lower?.[i] === '#';
          return up && down ? '█' : up ? '▀' : down ? '▄' : ' ';
        })
        .join(''),
    );
  }
  return lines;
}
