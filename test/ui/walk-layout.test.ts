import { describe, expect, it } from 'vitest';
import { walkLayout, wrappedLines, type WalkLayoutInput } from '../../src/ui/walk-layout.js';

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
  ])('$name', ({ input, layout }) => {
    expect(walkLayout(input)).toMatchObject(layout);
  });

  it('counts wrapped lines as the paragraphs draw them', () => {
    expect(wrappedLines('', 40)).toBe(0);
    expect(wrappedLines('one two three', 40)).toBe(1);
    expect(wrappedLines('one two three', 10)).toBe(2);
  });
});
