/**
 * The walk's comforts in the app, at 100x30 and 80x24: z undoes and says so, a changed
 * answer says what it changed, `/` goes to a question by number or words, a long note
 * shows its first lines and N the rest, and a question about integrations lists the
 * journey's systems and integrations. The starter bank: question 1 of the journey is
 * "What do agents routinely type into ticket notes?", 2 "What happens to files
 * customers attach…", 3 "How soon would a bulk export…", 4 "How long does it take to
 * answer 'who opened this customer's record…'".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Bank } from '../../src/core/bank-schema.js';
import type { Workbook } from '../../src/core/workbook-schema.js';
import { KEYS, fixtureBank, flat, renderWorkbench, setUpWorkbook, widestLine, withAnswers } from './app.js';

afterEach(() => cleanup());

const SIZES = [
  { columns: 100, rows: 30 },
  { columns: 80, rows: 24 },
];

async function openWalk(size: { columns: number; rows: number }, workbook: Workbook = setUpWorkbook(), bank: Bank = fixtureBank()) {
  const app = await renderWorkbench({ workbook, bank, size });
  await app.keys(KEYS.enter, KEYS.enter);
  return app;
}

const answersOf = (app: Awaited<ReturnType<typeof openWalk>>) => app.store.data.assessments[0]!.answers;

describe.each(SIZES)('the walk at $columns x $rows', (size) => {
  it('z undoes the last answer: the question comes back unanswered, and the walk says so', async () => {
    const app = await openWalk(size);
    await app.keys('2', '3');
    expect(answersOf(app)).toHaveLength(2);
    await app.keys('z');
    expect(app.frame()).toContain('2 of 4 in the journey');
    expect(flat(app.frame())).toContain('Undone: question 2 is back to no answer.');
    expect(answersOf(app).map((a) => a.questionId)).toEqual(['ticket-notes-content']);
    await app.keys('z');
    expect(app.frame()).toContain('1 of 4 in the journey');
    expect(answersOf(app)).toEqual([]);
    await app.keys('z');
    expect(flat(app.frame())).toContain('Nothing to undo');
    expect(widestLine(app.frame())).toBeLessThanOrEqual(size.columns);
  });

  it('a changed answer says from what to what, with z to undo it; a verified answer is reported again', async () => {
    const workbook = withAnswers(setUpWorkbook(), [{ journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'some', confidence: 'verified' }]);
    const app = await openWalk(size, workbook);
    await app.keys('b', '3');
    expect(answersOf(app)[0]).toMatchObject({ optionId: 'everything', confidence: 'reported' });
    expect(flat(app.frame())).toContain('Changed from "Contact details now and then" to "Full addresses, card digits or ID numbe…", confidence back to reported (z undoes).');
    await app.keys('z');
    expect(answersOf(app)[0]).toMatchObject({ optionId: 'some', confidence: 'verified' });
    expect(app.frame()).toMatch(/❯ 2 +Contact details now and then +✓ answer/);
    expect(app.frame()).toContain('Confidence verified');
  });

  it('/ opens a line to go to a question: a number, words of a prompt, no match, Esc', async () => {
    const app = await openWalk(size);
    await app.keys('/');
    expect(app.frame()).toMatch(/Go to (question \(its number, or words of its prompt\)|\(number or words\)):/);
    expect(app.frame()).toContain('Enter go · Esc cancel');
    await app.keys('4', KEYS.enter);
    expect(app.frame()).toContain('4 of 4 in the journey');
    await app.keys('/', ...'bulk export', KEYS.enter);
    expect(app.frame()).toContain('3 of 4 in the journey');
    await app.keys('/', ...'payroll', KEYS.enter);
    expect(app.frame()).toContain('No question matches "payroll".');
    expect(app.frame()).toContain('payroll');
    await app.keys(KEYS.escape);
    expect(app.frame()).toContain('3 of 4 in the journey');
    expect(app.frame()).not.toContain('Go to');
    expect(answersOf(app)).toEqual([]);
  });
});

describe('the note in the walk', () => {
  const NOTE = ['Timed in the room:', 'the CRM answered in minutes,', 'the help desk in an hour,', 'the call recordings never,', 'and the BPO could not say.'].join('\n');
  const noted = () => withAnswers(setUpWorkbook(), [{ journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'some', confidence: 'reported', note: NOTE }]);

  it('at 100x30: the first three lines and how many more, N shows them all, N again hides them', async () => {
    const app = await openWalk({ columns: 100, rows: 30 }, noted());
    await app.keys('b');
    expect(app.frame()).toMatch(/Note Timed in the room:\n +the CRM answered in minutes,\n +the help desk in an hour, +\+2 lines \(N shows all\)/);
    await app.keys('N');
    expect(app.frame()).toMatch(/ +the call recordings never,\n +and the BPO could not say\./);
    expect(app.frame()).not.toContain('N shows all');
    // Every option is still shown.
    expect(app.frame()).toContain("x  Not applicable");
    await app.keys('N');
    expect(app.frame()).toContain('+2 lines (N shows all)');
  });

  it('at 80x24: the lines that fit beside every option, how many more, and N shows the rest', async () => {
    const app = await openWalk({ columns: 80, rows: 24 }, noted());
    await app.keys('b');
    expect(app.frame()).toMatch(/Note Timed in the room:\n +the CRM answered in minutes,\n +the help desk in an hour, +\+2 lines \(N shows all\)/);
    await app.keys('N');
    // The whole note fits at the minimum size, beside every option.
    expect(app.frame()).toContain('and the BPO could not say.');
    expect(app.frame()).not.toContain('more line');
    expect(app.frame()).toContain('1  Only case facts');
    expect(app.frame()).toContain('x  Not applicable');
    expect(widestLine(app.frame())).toBeLessThanOrEqual(80);
  });
});

describe('a question about integrations', () => {
  /** The starter bank with its detection dimension about integrations. */
  const bank = (): Bank => {
    const b = fixtureBank();
    return { ...b, dimensions: b.dimensions.map((d) => (d.id === 'detection' ? { ...d, title: 'Integrations and detection' } : d)) };
  };

  it('lists the journey\'s systems and integrations under the prompt, at 100x30', async () => {
    const app = await openWalk({ columns: 100, rows: 30 }, setUpWorkbook(bank()), bank());
    expect(app.frame()).not.toContain('Systems in this journey');
    await app.keys('/', '3', KEYS.enter);
    expect(app.frame()).toContain('Systems in this journey: Zendesk, Salesforce');
    expect(app.frame()).toContain('Integrations: Salesforce → Zendesk (write)');
  });

  it('at 80x24, beside every option', async () => {
    const app = await openWalk({ columns: 80, rows: 24 }, setUpWorkbook(bank()), bank());
    await app.keys('/', '3', KEYS.enter);
    expect(app.frame()).toContain('3 of 4 in the journey');
    expect(app.frame()).toMatch(/Systems in this journey: Zendesk, Salesforce\nIntegrations: Salesforce → Zendesk \(write\)/);
    expect(app.frame()).toContain('1  Within minutes');
    expect(app.frame()).toContain('x  Not applicable');
  });
});
