/**
 * The parking lot in the app: Ctrl-P parks an open question or logs a decision from any
 * screen of an assessment (in the walk, linked to the question shown), over the screen,
 * which comes back as it was; the Parking lot screen lists them, edits, closes and adds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { addParked } from '../../src/core/parking-lot.js';
import { updateAssessment } from '../../src/core/workbook-ops.js';
import type { Workbook } from '../../src/core/workbook-schema.js';
import { FIXED_NOW, KEYS, flat, renderWorkbench, setUpWorkbook, widestLine } from './app.js';

afterEach(() => cleanup());

const SIZES = [
  { columns: 100, rows: 30 },
  { columns: 80, rows: 24 },
];

const itemsOf = (app: { store: { data: Workbook } }) => app.store.data.assessments[0]!.parkingLot ?? [];
const clear = (n: number) => Array<string>(n).fill(KEYS.backspace);

/** The frame fits the terminal: no line wider, no more lines. */
function fits(frame: string, size: { columns: number; rows: number }) {
  expect(widestLine(frame)).toBeLessThanOrEqual(size.columns);
  expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
}

/** "Q4" with three items: an open question raised in Chat's walk, due before today; a decision; a closed question. */
function withItems(): Workbook {
  return updateAssessment(setUpWorkbook(), 'q4', (a) => {
    let next = addParked(a, { kind: 'question', text: 'Ask Legal how long chat transcripts are kept', owner: 'Ben', due: '2026-11-17' }, 'Ana', new Date('2026-11-19T09:00:00Z'), {
      journeyId: 'chat',
      questionId: 'attachment-expiry',
    }).assessment;
    next = addParked(next, { kind: 'decision', text: 'Exports need a second approver from January', owner: 'Chloé', due: '2027-01-05' }, 'Ana', new Date('2026-11-19T10:00:00Z')).assessment;
    next = addParked(next, { kind: 'question', text: 'Which team owns the DLP rules?' }, 'Ana', new Date('2026-11-18T10:00:00Z')).assessment;
    return { ...next, parkingLot: next.parkingLot!.map((i) => (i.id === 'p3' ? { ...i, status: 'closed' as const, closedAt: '2026-11-19T12:00:00.000Z' } : i)) };
  });
}

describe.each(SIZES)('Ctrl-P at $columns x $rows', (size) => {
  it('parks an open question from the results screen, with owner and due date, and returns to the results as they were', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook(), size });
    await app.keys(KEYS.enter, 'r', KEYS.down);
    const results = app.frame();
    expect(results).toContain('by journey and dimension');
    await app.keys(KEYS.ctrlP);
    expect(app.frame()).toContain('Park an open question, or log a decision');
    expect(app.frame()).toContain('Not linked to a question');
    fits(app.frame(), size);
    await app.keys(...'Who approves bulk exports?', KEYS.tab, KEYS.tab, ...'Ben', KEYS.tab, ...'2026-12-01', KEYS.ctrlS);
    expect(itemsOf(app)).toEqual([
      { id: 'p1', kind: 'question', text: 'Who approves bulk exports?', owner: 'Ben', due: '2026-12-01', status: 'open', by: 'Ana', at: FIXED_NOW.toISOString() },
    ]);
    // Back on the results, the same cell highlighted, the footer saying what was parked until the next key.
    const back = app.frame();
    expect(back).toContain('✓ Open question p1 parked.');
    expect(back.split('\n').slice(0, -3).join('\n')).toBe(results.split('\n').slice(0, -3).join('\n'));
    fits(back, size);
    await app.keys(KEYS.right);
    expect(app.frame()).not.toContain('parked.');
  });

  it('links what it parks in the walk to the question shown, and the walk shows it as that question\'s parked note', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook(), size });
    await app.keys(KEYS.enter, KEYS.enter, '1');
    expect(app.frame()).toContain('What happens to files customers attach to tickets?');
    await app.keys(KEYS.ctrlP);
    expect(flat(app.frame())).toContain('Raised on Phone support: What happens to files');
    fits(app.frame(), size);
    await app.keys(...'Check the SIEM export rule', KEYS.ctrlS);
    expect(itemsOf(app)).toEqual([
      {
        id: 'p1',
        kind: 'question',
        text: 'Check the SIEM export rule',
        owner: '',
        questionId: 'attachment-expiry',
        journeyId: 'phone-support',
        status: 'open',
        by: 'Ana',
        at: FIXED_NOW.toISOString(),
      },
    ]);
    // Still on the same question of the walk, which now shows the item as its note.
    expect(app.frame()).toContain('What happens to files customers attach to tickets?');
    expect(app.frame()).toContain('Note, parked until answered');
    expect(app.frame()).toContain('Open question p1 parked on this question.');
    fits(app.frame(), size);
  });

  it('logs a decision', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook(), size });
    await app.keys(KEYS.enter, 'p', KEYS.ctrlP, ...'Alerts go to the SOC, not the team lead', KEYS.tab, KEYS.right);
    expect(app.frame()).toMatch(/\( \) open question +\(•\) decision/);
    await app.keys(KEYS.ctrlS);
    expect(itemsOf(app)).toMatchObject([{ id: 'p1', kind: 'decision', text: 'Alerts go to the SOC, not the team lead', status: 'open' }]);
    expect(app.frame()).toContain('✓ Decision p1 logged.');
    expect(app.frame()).toContain('to find out');
  });

  it('refuses an item without text, and a due date that is not a day, in one sentence; saves nothing', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook(), size });
    await app.keys(KEYS.enter, KEYS.ctrlP, KEYS.ctrlS);
    expect(flat(app.frame())).toContain('! An open question needs its text.');
    await app.keys(KEYS.tab, KEYS.right, KEYS.ctrlS);
    expect(flat(app.frame())).toContain('! A decision needs its text.');
    await app.keys(KEYS.shiftTab, ...'   ', KEYS.ctrlS);
    expect(flat(app.frame())).toContain('! A decision needs its text.');
    await app.keys(...'Keep it', KEYS.tab, KEYS.tab, KEYS.tab, ...'31/01/2027', KEYS.ctrlS);
    expect(flat(app.frame())).toContain('! The due date "31/01/2027" is not a day; write it as YYYY-MM-DD, e.g. 2027-01-31, or leave it empty.');
    fits(app.frame(), size);
    expect(app.store.saves).toHaveLength(0);
    expect(itemsOf(app)).toEqual([]);
  });

  it('leaves with Esc and saves nothing: at once when nothing is typed, after asking when something is', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook(), size });
    await app.keys(KEYS.enter, 'r', KEYS.ctrlP, KEYS.escape);
    expect(app.frame()).toContain('by journey and dimension');
    await app.keys(KEYS.ctrlP, ...'Half a thought', KEYS.escape);
    expect(flat(app.frame())).toContain('This form has unsaved changes. Press s to save them, d to leave without them');
    await app.keys('d');
    expect(app.frame()).toContain('by journey and dimension');
    expect(app.frame()).not.toContain('parked');
    expect(app.store.saves).toHaveLength(0);
    expect(itemsOf(app)).toEqual([]);
  });
});

describe('Ctrl-P over a screen with typing on it', () => {
  it('keeps what the journey form holds: the form comes back with it once the item is saved', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook() });
    await app.keys(KEYS.enter, 'a', ...'Returns');
    expect(app.frame()).toContain('Returns');
    await app.keys(KEYS.ctrlP, ...'Are returns a journey of their own?', KEYS.ctrlS);
    expect(itemsOf(app)).toHaveLength(1);
    expect(app.frame()).toMatch(/❯ Name +Returns/);
    await app.keys(KEYS.ctrlS);
    expect(app.store.data.assessments[0]!.journeys.map((j) => j.name)).toContain('Returns');
  });

  it('keeps a note half typed in the walk, and Ctrl-C asks about the form first', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook() });
    await app.keys(KEYS.enter, KEYS.enter, 'n', ...'seen in a ticket');
    await app.keys(KEYS.ctrlP, ...'x', KEYS.ctrlC);
    expect(flat(app.frame())).toContain('This form has unsaved changes. Press s to save them and quit');
    await app.keys('k'); // keeps editing
    await app.keys(KEYS.escape, 'd');
    expect(app.frame()).toContain('seen in a ticket');
    expect(app.frame()).toContain('Note · ');
    expect(itemsOf(app)).toEqual([]);
  });

  it('does nothing on the list of assessments, which belongs to none', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook() });
    await app.keys(KEYS.ctrlP);
    expect(app.frame()).toContain('Choose an assessment');
    expect(app.frame()).not.toContain('Park an open question');
  });
});

describe.each(SIZES)('the Parking lot screen at $columns x $rows', (size) => {
  it('is a row of the assessment with the count of open questions, opened with l', async () => {
    const app = await renderWorkbench({ workbook: withItems(), size });
    await app.keys(KEYS.enter);
    if (size.rows >= 30) expect(app.frame()).toContain('Parking lot: 1 open question (1 overdue), 1 decision');
    await app.keys('l');
    expect(app.frame()).toContain('Q4 › Parking lot');
    fits(app.frame(), size);
    await app.keys(KEYS.escape);
    expect(app.frame()).toMatch(/❯ Parking lot: 1 open question/);
  });

  it('lists the open questions, then the decisions, then the closed items, with owner, due and where raised', async () => {
    const app = await renderWorkbench({ workbook: withItems(), size });
    await app.keys(KEYS.enter, 'l');
    const frame = app.frame();
    fits(frame, size);
    expect(frame).toContain('1 open question (1 overdue) · 1 decision · 1 closed');
    // Every group fits at the minimum size too.
    const order = ['Open questions (1)', 'Ask Legal how long', 'Decisions (1)', 'Exports need a second', 'Closed (1)', '✓ Which team owns'];
    const at = order.map((t) => frame.indexOf(t));
    expect(at.every((n) => n >= 0), frame).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(frame).toMatch(/❯ Ask Legal how long.* Ben +3 days overdue/);
    // The highlighted item in full below the list.
    expect(flat(frame)).toContain('p1, open question · owner Ben · due 2026-11-17, 3 days overdue · raised 2026-11-19 by Ana');
    expect(frame).toContain('on Chat: What happens to files customers attach to tickets?'.slice(0, size.columns - 1));
    if (size.columns >= 100) expect(frame).toMatch(/Exports need a second.*Chloé +due 2027-01-05 +—/);
    await app.keys(KEYS.down);
    expect(flat(app.frame())).toContain('p2, decision · owner Chloé · due 2027-01-05, in 46 days');
    expect(app.frame()).toContain('not raised on a question');
    await app.keys(KEYS.end);
    expect(app.frame()).toMatch(/Closed \(1\)\n❯ ✓ Which team owns the DLP r.* closed 2026-11-19/);
    expect(flat(app.frame())).toContain('p3, question, closed · no owner yet · closed 2026-11-19 · raised 2026-11-18 by Ana');
    fits(app.frame(), size);
  });

  it('edits the owner and due date of the highlighted item with Enter, and comes back to it', async () => {
    const app = await renderWorkbench({ workbook: withItems(), size });
    await app.keys(KEYS.enter, 'l', KEYS.enter);
    expect(app.frame()).toContain('p1: open question');
    fits(app.frame(), size);
    await app.keys(KEYS.tab, KEYS.tab, ...clear(3), ...'Dana', KEYS.tab, ...clear(10), ...'2026-12-04', KEYS.ctrlS);
    const p1 = itemsOf(app).find((i) => i.id === 'p1')!;
    expect(p1).toMatchObject({ owner: 'Dana', due: '2026-12-04', status: 'open', text: 'Ask Legal how long chat transcripts are kept', questionId: 'attachment-expiry', journeyId: 'chat' });
    expect(app.frame()).toContain('✓ Open question p1 saved.');
    expect(app.frame()).toMatch(/❯ Ask Legal how long.* Dana +due 2026-12-04/);
    expect(app.frame()).toContain('1 open question · 1 decision · 1 closed');
  });

  it('closes an item in its form, and with x; x opens a closed one again', async () => {
    const app = await renderWorkbench({ workbook: withItems(), size });
    await app.keys(KEYS.enter, 'l', KEYS.enter, KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, KEYS.right);
    expect(app.frame()).toMatch(/Status +\( \) open +\(•\) closed/);
    await app.keys(KEYS.ctrlS);
    expect(itemsOf(app).find((i) => i.id === 'p1')).toMatchObject({ status: 'closed', closedAt: FIXED_NOW.toISOString() });
    expect(app.frame()).toContain('✓ Open question p1 closed.');
    // Still highlighted, now among the closed items.
    expect(app.frame()).toContain('0 open questions · 1 decision · 2 closed');
    expect(app.frame()).toMatch(/❯ ✓ Ask Legal/);
    await app.keys(KEYS.up, 'x');
    expect(itemsOf(app).find((i) => i.id === 'p2')).toMatchObject({ status: 'closed', closedAt: FIXED_NOW.toISOString() });
    expect(app.frame()).toContain('p2 closed: x opens it again.');
    await app.keys('x');
    const p2 = itemsOf(app).find((i) => i.id === 'p2')!;
    expect(p2.status).toBe('open');
    expect(p2.closedAt).toBeUndefined();
    fits(app.frame(), size);
  });

  it('adds an item with a, not linked to a question, highlighted once saved', async () => {
    const app = await renderWorkbench({ workbook: withItems(), size });
    await app.keys(KEYS.enter, 'l', 'a', ...'Invite the DPO to the next session', KEYS.ctrlS);
    expect(itemsOf(app).find((i) => i.id === 'p4')).toEqual({ id: 'p4', kind: 'question', text: 'Invite the DPO to the next session', owner: '', status: 'open', by: 'Ana', at: FIXED_NOW.toISOString() });
    expect(app.frame()).toMatch(/❯ Invite the DPO/);
    expect(app.frame()).toContain('2 open questions (1 overdue)');
  });
});

describe('text from the workbook on the Parking lot screen', () => {
  it('is drawn on one line, without escape sequences or invisible characters, and an edit keeps the line breaks of an unchanged text', async () => {
    const workbook = updateAssessment(setUpWorkbook(), 'q4', (a) =>
      addParked(a, { kind: 'question', text: 'Line one\nline two \u001b[2J\u001b]0;evil\u0007done', owner: 'B\u200ben' }, 'Ana', FIXED_NOW).assessment,
    );
    const app = await renderWorkbench({ workbook });
    await app.keys(KEYS.enter, 'l');
    expect(app.frame()).toContain('Line one line two done');
    expect(app.frame()).not.toMatch(/\u001b\[2J|\u001b\]0|\u200b/);
    await app.keys(KEYS.enter, KEYS.tab, KEYS.tab, KEYS.tab, ...'2026-12-01', KEYS.ctrlS);
    expect(itemsOf(app)[0]).toMatchObject({ text: 'Line one\nline two \u001b[2J\u001b]0;evil\u0007done', owner: 'B\u200ben', due: '2026-12-01' });
  });

  it('says what to do when there is nothing yet', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook(), size: { columns: 80, rows: 24 } });
    await app.keys(KEYS.enter, 'l');
    expect(app.frame()).toContain('Nothing parked yet.');
    expect(flat(app.frame())).toContain('a adds an open question or a decision here. Ctrl-P adds one from any screen');
    fits(app.frame(), { columns: 80, rows: 24 });
  });
});
