/**
 * Customer data typed into any form (journey, system, integration, assessment and its
 * participants, plan status, sign-off, parking lot, evidence): the form names the field
 * while it holds some, Ctrl-R masks it, and saving asks first (m masks and saves, s saves
 * as typed, any other key keeps editing), as the walk's note does. At 80x24 and 100x30.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Workbook } from '../../src/core/workbook-schema.js';
import { KEYS, flat, renderWorkbench, setUpWorkbook, widestLine, withAnswers } from './app.js';

afterEach(() => cleanup());

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 100, rows: 30 },
];

// Passes Luhn: a card number, as a facilitator might paste it from a ticket.
const CARD = '4111 1111 1111 1111';

function fits(frame: string, size: { columns: number; rows: number }) {
  expect(widestLine(frame)).toBeLessThanOrEqual(size.columns);
  expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
}

const answered = () =>
  withAnswers(setUpWorkbook(), [
    { journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'some', confidence: 'reported', by: 'Ben' },
    { journeyId: 'phone-support', questionId: 'bulk-export-detection', kind: 'option', optionId: 'never' },
  ]);

interface Case {
  form: string;
  workbook: () => Workbook | undefined;
  /** Keys that open the form and put the caret in the field (which is then typed into). */
  open: string[];
  field: string;
}

const CASES: Case[] = [
  { form: 'journey description', workbook: setUpWorkbook, open: [KEYS.enter, 'a', ...'Refunds', KEYS.tab], field: 'Description' },
  { form: 'journey name', workbook: setUpWorkbook, open: [KEYS.enter, 'a'], field: 'Name' },
  { form: 'system owner', workbook: setUpWorkbook, open: [KEYS.enter, 's', 'a', ...'Genesys', KEYS.tab, KEYS.tab], field: 'Owner' },
  { form: 'integration fields', workbook: setUpWorkbook, open: [KEYS.enter, 'i', 'a', KEYS.tab, KEYS.tab, ' ', KEYS.tab], field: 'Fields' },
  { form: 'assessment participants', workbook: () => undefined, open: [KEYS.enter, ...'Q4', KEYS.tab, KEYS.tab, KEYS.tab, ...'Ana (support), '], field: 'Participants' },
  { form: 'plan status reason', workbook: answered, open: [KEYS.enter, 'p', KEYS.enter, KEYS.tab, KEYS.tab, KEYS.tab], field: 'Reason' },
  { form: 'sign-off name', workbook: setUpWorkbook, open: [KEYS.enter, 'p', 'S'], field: 'Name' },
  { form: 'parking-lot text', workbook: setUpWorkbook, open: [KEYS.enter, 'r', KEYS.ctrlP], field: 'Text' },
];

describe.each(SIZES)('customer data in the forms at $columns x $rows', (size) => {
  it.each(CASES)('the $form: named while typed, masked by Ctrl-R', async ({ workbook, open, field }) => {
    const w = workbook();
    const app = await renderWorkbench({ ...(w ? { workbook: w } : {}), size });
    await app.keys(...open);
    expect(flat(app.frame())).not.toContain('looks like customer data');
    await app.keys(...`card ${CARD}`);
    expect(flat(app.frame())).toContain(`! ${field} (a card number) looks like customer data. Ctrl-R masks it.`);
    fits(app.frame(), size);
    await app.keys(KEYS.ctrlR);
    expect(app.frame()).toContain('card [card number removed]');
    expect(app.frame()).not.toContain('4111');
    expect(flat(app.frame())).not.toContain('looks like customer data');
  });
});

describe('saving customer data from a form', () => {
  const openJourney = async (size = { columns: 80, rows: 24 }) => {
    const app = await renderWorkbench({ workbook: setUpWorkbook(), size });
    await app.keys(KEYS.enter, 'a', ...'Refunds', KEYS.tab, ...`card ${CARD}`);
    return app;
  };
  const refunds = (app: Awaited<ReturnType<typeof openJourney>>) => app.store.data.assessments[0]!.journeys.find((j) => j.name === 'Refunds');

  it('asks first; any other key keeps editing with nothing saved', async () => {
    const app = await openJourney();
    const saves = app.store.saves.length;
    await app.keys(KEYS.ctrlS);
    expect(flat(app.frame())).toContain(
      '! Description (a card number) looks like it holds customer data. Press m to mask it and save, s to save it as typed, any other key to keep editing.',
    );
    fits(app.frame(), { columns: 80, rows: 24 });
    await app.keys('k');
    expect(flat(app.frame())).not.toContain('Press m to mask');
    expect(app.frame()).toContain(`card ${CARD}`);
    expect(app.store.saves).toHaveLength(saves);
    expect(refunds(app)).toBeUndefined();
  });

  it('m masks it and saves', async () => {
    const app = await openJourney();
    await app.keys(KEYS.ctrlS, 'm');
    expect(refunds(app)?.description).toBe('card [card number removed]');
    expect(JSON.stringify(app.store.data)).not.toContain('4111');
  });

  it('s saves it as typed', async () => {
    const app = await openJourney();
    await app.keys(KEYS.ctrlS, 's');
    expect(refunds(app)?.description).toBe(`card ${CARD}`);
  });

  it('Esc, then s to save the changes: asks about the customer data too, and m masks it, saves and leaves', async () => {
    const app = await openJourney();
    await app.keys(KEYS.escape, 's');
    expect(flat(app.frame())).toContain('Press m to mask it and save, s to save it as typed');
    await app.keys('m');
    expect(refunds(app)?.description).toBe('card [card number removed]');
    expect(app.frame()).toMatch(/❯ Refunds/);
  });
});

describe('Esc on a form with changes, then s', () => {
  it('saves and goes back once, to the screen the form was opened from', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook() });
    await app.keys(KEYS.enter, 'a', ...'Returns', KEYS.escape, 's');
    expect(app.store.data.assessments[0]!.journeys.map((j) => j.name)).toContain('Returns');
    expect(app.frame()).toMatch(/❯ Returns/);
  });
});

describe('evidence keeps no customer data', () => {
  it('"what it shows" is named while typed and masked by Ctrl-R; saving offers only the mask', async () => {
    const app = await renderWorkbench({ workbook: answered(), size: { columns: 80, rows: 24 } });
    await app.keys(KEYS.enter, KEYS.enter, 'b', 'e', ...'https://wiki.example.com/retention', KEYS.tab, ...'ticket for jane@example.com');
    expect(flat(app.frame())).toContain('! What it shows (an e-mail address) looks like customer data. Ctrl-R masks it.');
    const saves = app.store.saves.length;
    await app.keys(KEYS.ctrlS);
    expect(flat(app.frame())).toContain('! What it shows (an e-mail address) looks like it holds customer data. Press m to mask it and save, any other key to keep editing.');
    await app.keys('s');
    expect(app.store.saves).toHaveLength(saves);
    await app.keys(KEYS.ctrlS, 'm');
    expect(app.store.data.assessments[0]!.evidence).toMatchObject([{ link: 'https://wiki.example.com/retention', shows: 'ticket for [email removed]' }]);
  });
});
