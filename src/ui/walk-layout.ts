/**
 * How the walk's question screen shares the rows of the terminal, as a pure function:
 * the fixed lines (progress, position, the marks, the prompt, the options or the answer,
 * confidence and policy, the note line, a message, a prompt box) come first; blank
 * lines between the parts only when there is room; what is left goes to the note editor
 * or the question's help. Every line taken on a short terminal is an option hidden.
 */
import wrapAnsi from 'wrap-ansi';
import { bodyRows } from './components/Screen.js';

export interface WalkLayoutInput {
  columns: number;
  rows: number;
  /** The "carried over" and "stale" lines ('' when not shown). */
  marks: readonly string[];
  /** The question's prompt, as shown. */
  prompt: string;
  /** Rows of the option list: the options, "We don't know", "Not applicable". */
  optionRows: number;
  /** The note editor is open (the options give way to one line with the answer). */
  editing: boolean;
  /** The note being edited looks like customer data (a warning of two lines). */
  piiWarning: boolean;
  /** A prompt box (a question asked before going on) is showing. */
  asking: boolean;
  /** A message line is showing. */
  message: boolean;
}

export interface WalkLayout {
  /** 1 for a blank line between the parts, 0 when there is no room. */
  gap: number;
  /** Lines the marks take, wrapped. */
  markLines: number;
  /** Lines the prompt takes, wrapped. */
  promptLines: number;
  /** Rows of the option list (it scrolls when fewer than its rows). */
  optionsHeight: number;
  /** Rows of the note editor, borders and label included. */
  noteHeight: number;
  /** Rows for the question's help text (0: no room to show it). */
  helpHeight: number;
}

/** Lines `text` takes wrapped at `width` columns as Paragraph wraps it (0 for ''). */
export function wrappedLines(text: string, width: number): number {
  return text ? wrapAnsi(text, Math.max(10, width), { hard: true, trim: true }).split('\n').length : 0;
}

/** The rows each part of the walk's question screen gets. */
export function walkLayout(input: WalkLayoutInput): WalkLayout {
  const { columns: width, editing } = input;
  const body = bodyRows(input.rows);
  const markLines = input.marks.reduce((n, m) => n + wrappedLines(m, width - 1), 0);
  const promptLines = Math.ceil(input.prompt.length / Math.max(20, width - 2)) || 1;
  // Lines without the gaps: bars, position, the marks, the prompt, the options (or while
  // editing a note, one line for the answer), confidence and policy, the note line
  // (not while editing: the editor takes the room left), a message, a prompt box.
  const fixed = 2 + markLines + promptLines + (editing ? 1 : input.optionRows) + 1 + (editing ? 0 : 1) + (input.message ? 1 : 0) + (input.asking ? 4 : 0);
  const gap = body - fixed >= 3 + (editing ? 5 : 0) ? 1 : 0;
  const room = body - fixed - 3 * gap;
  return {
    gap,
    markLines,
    promptLines,
    optionsHeight: Math.max(3, input.optionRows + Math.min(0, room)),
    noteHeight: Math.max(4, Math.min(12, room - (input.piiWarning ? 2 : 0))),
    helpHeight: Math.max(0, room - gap),
  };
}
