/**
 * Editing text with keys, as a pure function: one key press and a text with a cursor
 * in, the next text and cursor out. Both the one-line fields of the forms and the
 * multi-line note editor use it, so there is one input handler per screen and Ctrl
 * keys never end up typed as letters.
 */
import type { Key } from 'ink';

export interface TextState {
  value: string;
  /** Offset into `value`, 0 ... value.length. */
  cursor: number;
}

export const textAt = (value: string): TextState => ({ value, cursor: value.length });

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

/** The cursor one line up or down, keeping the column where the line is long enough. */
function verticalMove(value: string, cursor: number, direction: -1 | 1): number {
  const start = lineStart(value, cursor);
  const column = cursor - start;
  if (direction === -1) {
    if (start === 0) return 0;
    const previousStart = lineStart(value, start - 1);
    return Math.min(previousStart + column, start - 1);
  }
  const end = lineEnd(value, cursor);
  if (end === value.length) return value.length;
  const nextStart = end + 1;
  return Math.min(nextStart + column, lineEnd(value, nextStart));
}

/**
 * The text after one key press, or undefined when the key is not an editing key
 * (Tab, Esc, Ctrl combinations, Enter on one line): the caller decides what those do.
 * Backspace and Delete both delete to the left: terminals send the same byte for them.
 */
export function editText(state: TextState, input: string, key: Key, multiline: boolean): TextState | undefined {
  const { value, cursor } = state;
  if (key.ctrl || key.meta || key.escape || key.tab) return undefined;
  if (key.leftArrow) return { value, cursor: Math.max(0, cursor - 1) };
  if (key.rightArrow) return { value, cursor: Math.min(value.length, cursor + 1) };
  if (key.home) return { value, cursor: multiline ? lineStart(value, cursor) : 0 };
  if (key.end) return { value, cursor: multiline ? lineEnd(value, cursor) : value.length };
  if (key.upArrow || key.downArrow) {
    if (!multiline) return undefined;
    return { value, cursor: verticalMove(value, cursor, key.upArrow ? -1 : 1) };
  }
  if (key.pageUp || key.pageDown) return undefined;
  if (key.backspace || key.delete) {
    if (cursor === 0) return state;
    return { value: value.slice(0, cursor - 1) + value.slice(cursor), cursor: cursor - 1 };
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
 * view, and where the cursor falls in it.
 */
export function visibleSlice(value: string, cursor: number, width: number): { text: string; cursor: number } {
  const room = Math.max(1, width - 1); // one column for the cursor after the last character
  if (value.length <= room) return { text: value, cursor };
  // The cursor may sit just after the last character shown (the extra column).
  const from = Math.min(Math.max(0, cursor - room), Math.max(0, value.length - room));
  return { text: value.slice(from, from + room), cursor: cursor - from };
}
