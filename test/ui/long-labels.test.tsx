/**
 * Option labels longer than a line (a bank may write them past 72 characters) wrap under
 * themselves in the walk instead of being cut at the edge, and the list still shows every
 * option, or says what it hides, as the highlight moves. At 80x24, 100x30 and 200x50.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { lineWindow } from '../../src/ui/components/SelectList.js';
import { KEYS, fixtureBank, flat, renderWorkbench, setUpWorkbook, widestLine } from './app.js';

afterEach(() => cleanup());

// 118 characters: two lines at 80 columns.
const LONG = 'Card digits, home addresses and dates of birth are typed into most notes, and nobody reviews or redacts what is typed';

/** The fixture bank with the first question's second option given a long label. */
function longBank() {
  const bank = fixtureBank();
  const q = bank.questions[0]!;
  return { ...bank, questions: [{ ...q, options: q.options.map((o, i) => (i === 1 ? { ...o, label: LONG } : o)) }, ...bank.questions.slice(1)] };
}

describe('a window of rows of several lines', () => {
  it('keeps the highlighted row whole and adds rows after it, then before, while they fit', () => {
    // Heights 1, 2, 1, 1, 1 in 4 lines: from row 1 (2 lines), row 2 after, then row 0 before.
    expect(lineWindow([1, 2, 1, 1, 1], 1, 4)).toEqual({ start: 0, end: 3 });
    // From row 4: row 3 before, then row 2; row 1 would need 2 more lines than the 1 left.
    expect(lineWindow([1, 2, 1, 1, 1], 4, 4)).toEqual({ start: 2, end: 5 });
    expect(lineWindow([1, 2, 1, 1, 1], 4, 5)).toEqual({ start: 1, end: 5 });
    // All of them when they fit.
    expect(lineWindow([1, 2, 1], 0, 4)).toEqual({ start: 0, end: 3 });
  });
});

describe.each([
  { columns: 80, rows: 24 },
  { columns: 100, rows: 30 },
  { columns: 200, rows: 50 },
])('a long option label at $columns x $rows', (size) => {
  it('wraps under its number, nothing past the edge, and every option is shown', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook(), bank: longBank(), size });
    await app.keys(KEYS.enter, KEYS.enter);
    const frame = app.frame();
    expect(widestLine(frame)).toBeLessThanOrEqual(size.columns);
    expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
    // Every word of it, in order.
    expect(flat(frame)).toContain(`2 ${LONG}`);
    if (size.columns < 130) expect(frame).toMatch(/\n {5}\S/); // a line under the label, indented under its text
    for (const row of ['1  ', '3  ', "u  We don't know", 'x  Not applicable']) expect(frame).toContain(row);
    // Chosen, it is marked; the mark wraps with it.
    await app.keys(KEYS.left, '2', KEYS.left);
    expect(flat(app.frame())).toContain(`2 ${LONG} ✓ answer`);
    expect(widestLine(app.frame())).toBeLessThanOrEqual(size.columns);
  });
});
