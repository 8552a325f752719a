/**
 * How the walk's question screen shares the rows of the terminal, as a pure function:
 * the fixed lines (progress, position, the marks, the prompt, the options or the answer,
 * confidence and policy, the note line, a message, the jump line, a prompt box) come
 * first; blank lines between the parts only when there is room; what is left goes, in
 * turn, to more lines of the note (a few, or all of it on request), the systems and
 * integrations of the journey, then the note editor or the question's help. Every line
 * taken on a short terminal is an option hidden, so the extras take only what is left.
 */
import wrapAnsi from 'wrap-ansi';
import { plainLine } from '../core/terminal-text.js';
import { bodyRows } from './components/Screen.js';
import { recent } from './recent.js';

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
  /** A message is showing: true for one line, or its text (wrapped, as many lines as it takes). */
  message: boolean | string;
  /** The jump line (go to a question) is showing. */
  jumping?: boolean;
  /** Lines the note takes wrapped (0 or 1: the one note line). */
  noteLines?: number;
  /** The whole note was asked for (`N`). */
  wholeNote?: boolean;
  /** Lines of context wanted under the prompt (the journey's systems and integrations). */
  contextLines?: number;
  /** The line saying where the question is ("3 of 20 in the journey · answered · …"), wrapped when long. */
  position?: string;
  /** Lines the confidence line takes (confidence, on paper, evidence, who answered: see packSegments). */
  answerLines?: number;
  /** Lines of the question's help while it is shown (h); undefined: it is not shown. */
  helpLines?: number;
}

/**
 * Rows the question's help gets at least while shown (when it has that many lines): the
 * blank lines between the parts go first, then rows of the option list (it scrolls, with
 * its markers), so that a page of help is worth reading even at 80x24.
 */
export const HELP_MIN_ROWS = 6;

/** Lines of the note shown without asking, when there is room. */
export const NOTE_PREVIEW_LINES = 3;

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
  /** Lines of the note shown (at least 1: the note line); fewer than `noteLines` when it does not fit. */
  noteShown: number;
  /** Lines of context shown (systems, integrations). */
  contextShown: number;
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
  // Lines without the gaps: bars, position (wrapped), the marks, the prompt, the options (or while
  // editing a note, one line for the answer), confidence and policy, the note line
  // (not while editing: the editor takes the room left), a message, a prompt box.
  const positionLines = input.position ? wrappedLines(input.position, width - 1) : 1;
  const fixed =
    1 + positionLines + markLines + promptLines + (editing ? 1 : input.optionRows) + (input.answerLines ?? 1) + (editing ? 0 : 1) + (typeof input.message === 'string' ? wrappedLines(input.message, width - 1) : input.message ? 1 : 0) + (input.jumping ? 1 : 0) + (input.asking ? 4 : 0);
  const helpWanted = input.helpLines !== undefined && !editing ? Math.min(HELP_MIN_ROWS, Math.max(1, input.helpLines)) : 0;
  const gap = body - fixed - helpWanted >= (helpWanted > 0 ? 4 : 3) + (editing ? 5 : 0) ? 1 : 0;
  // The help's box has a blank line above it, as the other parts have.
  const helpTaken = helpWanted > 0 ? helpWanted + gap : 0;
  let room = body - fixed - 3 * gap - helpTaken;
  const optionsHeight = Math.max(3, input.optionRows + Math.min(0, room));
  const noteLines = Math.max(1, input.noteLines ?? 1);
  let noteShown = 1;
  if (!editing && noteLines > 1 && room > 0) {
    // More of the note only in the rows left over: the options are never hidden for it.
    noteShown = Math.min(noteLines, 1 + (input.wholeNote ? room : Math.min(NOTE_PREVIEW_LINES - 1, room)));
    room -= noteShown - 1;
  }
  const contextShown = Math.max(0, Math.min(input.contextLines ?? 0, room - (editing ? 4 : 0)));
  room -= contextShown;
  return {
    gap,
    markLines,
    promptLines,
    optionsHeight,
    noteHeight: Math.max(4, Math.min(12, room - (input.piiWarning ? 2 : 0))),
    helpHeight: helpWanted > 0 ? helpWanted + Math.max(0, room) : Math.max(0, room - gap),
    noteShown,
    contextShown,
  };
}

/**
 * The note as the walk shows it, one string a row at `width` columns: the label and its
 * first line, then each further line of the note indented by two. Each line is filtered
 * (plainLine) before it is wrapped.
 */
export const noteRows = recent(32, (label: string, note: string, width: number) => `${width}\u0000${label}\u0000${note}`, noteRowsOf);

function noteRowsOf(label: string, note: string, width: number): string[] {
  const lines = note.split(/\r\n?|\n/).map((l) => plainLine(l));
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const wrap = (text: string, w: number) => wrapAnsi(text, Math.max(10, w), { hard: true, trim: true }).split('\n');
  const rows = wrap(label + (lines[0] ?? ''), width - 1);
  for (const line of lines.slice(1)) rows.push(...wrap(line, width - 3).map((r) => `  ${r}`));
  return rows;
}

/**
 * The lines of a page of the question's help, [start, end), when it has `lines` lines
 * and `height` rows to show them in, one of them the line that says where you are:
 * page `page` counted from 0, the first again after the last.
 */
export function helpPageOf(lines: number, height: number, page: number): { start: number; end: number; last: boolean } {
  const size = Math.max(1, height - 1);
  const pages = Math.max(1, Math.ceil(lines / size));
  const at = ((page % pages) + pages) % pages;
  return { start: at * size, end: Math.min(lines, (at + 1) * size), last: at === pages - 1 };
}

