import { describe, expect, it } from 'vitest';
import { helpPageOf, noteRows, walkLayout, wrappedLines, type WalkLayoutInput } from '../../src/ui/walk-layout.js';

const base: WalkLayoutInput = { columns: 100, rows: 30, marks: [], prompt: 'Who reads the notes?', optionRows: 5, editing: false, piiWarning: false, asking: false, message: false };

describe('the rows of the walk', () => {
  it.each([
    {
      // body 26; fixed 2 + 1 prompt + 5 options + 1 + 1 = 10; gaps fit; 26 - 10 - 3 = 13 left.
      name: 'a roomy terminal: gaps, every option, the help and the editor capped at 12',
      input: base,
      layout: { gap: 1, markLines: 0, promptLines: 1, optionsHeight: 5, noteHeight: 12, helpHeight: 12 },
    },
    {
      // body 12; fixed 2 + 1 + 10 + 1 + 1 = 15: no gaps, 3 rows short, the options scroll in 7.
      name: 'a short terminal: no gaps, the options scroll, no room for the help',
      input: { ...base, columns: 60, rows: 16, optionRows: 10 },
      layout: { gap: 0, optionsHeight: 7, helpHeight: 0 },
    },
    {
      // body 12; editing: 2 + 1 + 1 answer line + 1 + 1 message = 6; a gap needs 8; 6 left, 2 for the warning.
      name: 'the note editor on a short terminal with a warning and a message',
      input: { ...base, columns: 60, rows: 16, editing: true, piiWarning: true, message: true },
      layout: { gap: 0, noteHeight: 4 },
    },
    {
      // 118 columns of marks at 59: 2 lines; a 200-character prompt at 58 a line: 4 lines; a prompt box: 4.
      name: 'marks and a long prompt wrap, a prompt box takes 4 rows',
      input: { ...base, marks: ['a'.repeat(118), ''], prompt: 'p'.repeat(200), columns: 60, asking: true },
      layout: { markLines: 2, promptLines: 4 },
    },
    {
      // 13 rows left over: a note of 9 lines shows 3 without asking (2 rows more); 2 context lines; 9 left, less a gap: 8 for the help.
      name: 'a long note: three lines without asking, then the systems lines, then the help',
      input: { ...base, noteLines: 9, contextLines: 2 },
      layout: { optionsHeight: 5, noteShown: 3, contextShown: 2, helpHeight: 8 },
    },
    {
      // 13 left: the whole note asked for takes 9 rows beyond its first (its 10 lines), the options stay whole; 2 context, 1 for the help.
      name: 'the whole note asked for takes what is left, never the options',
      input: { ...base, noteLines: 10, wholeNote: true, contextLines: 2 },
      layout: { optionsHeight: 5, noteShown: 10, contextShown: 2, helpHeight: 1 },
    },
    {
      // 13 left: a note of 40 lines shows 14 (1 + 13); nothing is left for the context or the help.
      name: 'a whole note longer than the room shows what fits',
      input: { ...base, noteLines: 40, wholeNote: true, contextLines: 2 },
      layout: { optionsHeight: 5, noteShown: 14, contextShown: 0, helpHeight: 0 },
    },
    {
      // body 12; fixed 2 + 1 + 7 + 1 + 1 + 1 message + 1 jump = 14: no room, the options scroll in 5, one note line, no context.
      name: 'a short terminal: one note line, no context, the jump line and a message counted',
      input: { ...base, columns: 60, rows: 16, optionRows: 7, noteLines: 5, wholeNote: true, contextLines: 2, message: true, jumping: true },
      layout: { gap: 0, optionsHeight: 5, noteShown: 1, contextShown: 0 },
    },
    {
      // A message of 130 characters at 99 columns: 2 lines; fixed 12; 26 - 12 - 3 = 11 for the help.
      name: 'a message given as text counts the lines it wraps to',
      input: { ...base, message: 'm '.repeat(65) },
      layout: { gap: 1, helpHeight: 10 },
    },
    {
      // body 20; fixed 2 + 2 prompt + 7 options + 1 + 1 = 13; the help wants 6, which leaves 1: no gaps; 6 + 1 for the help.
      name: 'the help shown at 80x24: the gaps give way so that a page of it is worth reading',
      input: { ...base, columns: 80, rows: 24, prompt: 'p'.repeat(100), optionRows: 7, helpLines: 23 },
      layout: { gap: 0, optionsHeight: 7, helpHeight: 7 },
    },
    {
      // body 20; fixed 2 + 3 + 10 + 1 + 1 = 17; with 6 for the help 3 rows short: the options scroll in 7.
      name: 'the help shown where even that is short: the options scroll to make its 6 rows',
      input: { ...base, columns: 80, rows: 24, prompt: 'p'.repeat(200), optionRows: 10, helpLines: 23 },
      layout: { gap: 0, optionsHeight: 7, helpHeight: 6 },
    },
    {
      // body 26; fixed 10; a help of 2 lines wants 2: gaps fit (26 - 10 - 2 >= 4); 26 - 10 - 3 - 3 = 10 left, all the help's.
      name: 'a short help on a roomy terminal keeps the gaps',
      input: { ...base, helpLines: 2 },
      layout: { gap: 1, optionsHeight: 5, helpHeight: 12 },
    },
  ])('$name', ({ input, layout }) => {
    expect(walkLayout(input)).toMatchObject(layout);
  });

  it.each([
    // 23 lines in 7 rows: 6 a page (one row says where you are), 4 pages, the first again after the last.
    { lines: 23, height: 7, page: 0, shown: { start: 0, end: 6, last: false } },
    { lines: 23, height: 7, page: 3, shown: { start: 18, end: 23, last: true } },
    { lines: 23, height: 7, page: 4, shown: { start: 0, end: 6, last: false } },
    { lines: 12, height: 7, page: 1, shown: { start: 6, end: 12, last: true } },
  ])('pages $lines lines of help in $height rows: page $page', ({ lines, height, page, shown }) => {
    expect(helpPageOf(lines, height, page)).toEqual(shown);
  });

  it('draws the note as rows: the label and its first line, further lines indented, each filtered', () => {
    expect(noteRows('Note ', 'one\ntwo\n', 40)).toEqual(['Note one', '  two']);
    expect(noteRows('Note ', 'seen \u001b[31mred\u001b[0m here', 40)).toEqual(['Note seen red here']);
    expect(noteRows('Note ', 'alpha beta gamma delta', 16)).toEqual(['Note alpha beta', 'gamma delta']);
    expect(noteRows('Note ', 'a\nalpha beta gamma delta', 16)).toEqual(['Note a', '  alpha beta', '  gamma delta']);
  });

  it('counts wrapped lines as the paragraphs draw them', () => {
    expect(wrappedLines('', 40)).toBe(0);
    expect(wrappedLines('one two three', 40)).toBe(1);
    expect(wrappedLines('one two three', 10)).toBe(2);
  });
});
