/**
 * Editing text with keys, as a pure function: one key press and a text with a cursor
 * in, the next text and cursor out. Both the one-line fields of the forms and the
 * multi-line note editor use it, so there is one input handler per screen and Ctrl
 * keys never end up typed as letters.
 *
 * The cursor moves and deletes by grapheme (what a person sees as one character: an
 * emoji with its modifiers, a letter with its accents), found with Intl.Segmenter; what
 * fits on a line is measured in terminal columns with string-width (a CJK character or
 * an emoji takes two).
 */
import type { Key } from 'ink';
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The graphemes of `text`, each with where it starts. */
export function graphemes(text: string): { text: string; start: number }[] {
  return Array.from(segmenter.segment(text), (s) => ({ text: s.segment, start: s.index }));
}

/** The grapheme that starts at `offset` ('' at the end). */
export function graphemeAt(text: string, offset: number): string {
  if (offset >= text.length) return '';
  const first = segmenter.segment(text.slice(offset))[Symbol.iterator]().next();
  return first.done ? '' : first.value.segment;
}

/** The start of the grapheme before `cursor` (0 at the start). */
function previousBoundary(value: string, cursor: number): number {
  let last = 0;
  for (const s of segmenter.segment(value)) {
    if (s.index >= cursor) break;
    last = s.index;
  }
  return last;
}

/** The end of the grapheme at `cursor` (the length at the end). */
function nextBoundary(value: string, cursor: number): number {
  for (const s of segmenter.segment(value)) if (s.index + s.segment.length > cursor) return s.index + s.segment.length;
  return value.length;
}

/** Columns a text takes on the terminal. */
export const columns = (text: string): number => stringWidth(text);

export interface TextState {
  value: string;
  /** Offset into `value`, 0 ... value.length. */
  cursor: number;
  /** The whole value is selected (a suggestion filled in): typing replaces it, Backspace clears it, a move keeps it. */
  selected?: boolean;
}

export const textAt = (value: string): TextState => ({ value, cursor: value.length });

/** A suggested value, selected: the first key typed replaces it. */
export const selectedText = (value: string): TextState => ({ value, cursor: value.length, selected: true });

// Controls other than newline, DEL, C1 and bidi overrides never become text.
const UNTYPABLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Typed or pasted input as text: line ends become "\n" (or spaces on one line). */
export function typedText(input: string, multiline: boolean): string {
  const lines = input.replace(/\r\n?/g, '\n');
  return (multiline ? lines : lines.replace(/\n/g, ' ')).replace(/\t/g, ' ').replace(UNTYPABLE, '');
}

function lineStart(value: string, cursor: number): number {
  return value.lastIndexOf('\n', cursor - 1) + 1;
}

function lineEnd(value: string, cursor: number): number {
  const end = value.indexOf('\n', cursor);
  return end === -1 ? value.length : end;
}

/** The offset in the line `line` (starting at `from`) that is `column` columns in, or its end. */
function atColumn(value: string, from: number, column: number): number {
  const line = value.slice(from, lineEnd(value, from));
  let used = 0;
  for (const g of graphemes(line)) {
    if (used >= column) return from + g.start;
    used += columns(g.text);
  }
  return from + line.length;
}

/** The cursor one line up or down, keeping the column (in terminal columns) where the line is long enough. */
function verticalMove(value: string, cursor: number, direction: -1 | 1): number {
  const start = lineStart(value, cursor);
  const column = columns(value.slice(start, cursor));
  if (direction === -1) {
    if (start === 0) return 0;
    return atColumn(value, lineStart(value, start - 1), column);
  }
  const end = lineEnd(value, cursor);
  if (end === value.length) return value.length;
  return atColumn(value, end + 1, column);
}

/**
 * The text after one key press, or undefined when the key is not an editing key
 * (Tab, Esc, Ctrl combinations, Enter on one line): the caller decides what those do.
 * Backspace and Delete both delete to the left: terminals send the same byte for them.
 */
export function editText(state: TextState, input: string, key: Key, multiline: boolean): TextState | undefined {
  if (state.selected) {
    if (key.ctrl || key.meta || key.escape || key.tab) return undefined;
    if (key.backspace || key.delete) return { value: '', cursor: 0 };
    const typed = key.return || key.upArrow || key.downArrow || key.pageUp || key.pageDown ? '' : typedText(input, multiline);
    // Typing replaces the suggestion; a move keeps it and ends the selection.
    if (typed !== '') return { value: typed, cursor: typed.length };
    return editText({ value: state.value, cursor: state.cursor }, input, key, multiline);
  }
  const { value, cursor } = state;
  if (key.ctrl || key.meta || key.escape || key.tab) return undefined;
  if (key.leftArrow) return { value, cursor: previousBoundary(value, cursor) };
  if (key.rightArrow) return { value, cursor: nextBoundary(value, cursor) };
  if (key.home) return { value, cursor: multiline ? lineStart(value, cursor) : 0 };
  if (key.end) return { value, cursor: multiline ? lineEnd(value, cursor) : value.length };
  if (key.upArrow || key.downArrow) {
    if (!multiline) return undefined;
    return { value, cursor: verticalMove(value, cursor, key.upArrow ? -1 : 1) };
  }
  if (key.pageUp || key.pageDown) return undefined;
  if (key.backspace || key.delete) {
    if (cursor === 0) return state;
    const from = previousBoundary(value, cursor);
    return { value: value.slice(0, from) + value.slice(cursor), cursor: from };
  }
  if (key.return) {
    if (!multiline) return undefined;
    return { value: value.slice(0, cursor) + '\n' + value.slice(cursor), cursor: cursor + 1 };
  }
  const text = typedText(input, multiline);
  if (text === '') return state;
  return { value: value.slice(0, cursor) + text + value.slice(cursor), cursor: cursor + text.length };
}

/**
 * The part of a one-line value to show in `width` columns so that the cursor stays in
 * view, and where the cursor falls in it. Whole graphemes only; wide ones count two.
 */
export function visibleSlice(value: string, cursor: number, width: number): { text: string; cursor: number } {
  const room = Math.max(1, width - 1); // one column for the cursor after the last character
  if (columns(value) <= room) return { text: value, cursor };
  const parts = graphemes(value);
  const widths = parts.map((g) => columns(g.text));
  const at = Math.max(0, parts.findIndex((g) => g.start >= cursor) === -1 ? parts.length : parts.findIndex((g) => g.start >= cursor));
  // The first grapheme shown: as far left as the cursor's allows, but no emptier on the right than needed.
  let first = at;
  let used = 0;
  while (first > 0 && used + widths[first - 1]! <= room) used += widths[--first]!;
  let tail = 0;
  for (let i = parts.length - 1, w = 0; i >= 0 && w + widths[i]! <= room; i--) {
    w += widths[i]!;
    tail = i;
  }
  first = Math.min(first, tail);
  let last = first;
  let shown = 0;
  while (last < parts.length && shown + widths[last]! <= room) shown += widths[last++]!;
  const from = parts[first]?.start ?? value.length;
  const to = parts[last]?.start ?? value.length;
  return { text: value.slice(from, to), cursor: cursor - from };
}
