/**
 * Evidence in the app: `e` in the walk opens the form on the answer shown; a link or a
 * file (hashed when saved) makes the answer verified, which the walk then shows; a file
 * that cannot be read, a date in the future or customer data gets one sentence and
 * saves nothing; the answers behind a score take `e` too.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Workbook } from '../../src/core/workbook-schema.js';
import { FIXED_NOW, KEYS, flat, renderWorkbench, setUpWorkbook, widestLine, withAnswers } from './app.js';

afterEach(() => cleanup());

const SIZES = [
  { columns: 100, rows: 30 },
  { columns: 80, rows: 24 },
];

const dir = mkdtempSync(join(tmpdir(), 'cxray-evidence-ui-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SHOT = join(dir, 'id-check.txt');
// printf 'screenshot of the ID check\n' | sha256sum
writeFileSync(SHOT, 'screenshot of the ID check\n');
const SHOT_SHA256 = '743bf8234da66f928c9ddb503f359ff6dfa932c2fd9cbeca1512b5144fa917cf';

const evidenceOf = (app: { store: { data: Workbook } }) => app.store.data.assessments[0]!.evidence ?? [];

function fits(frame: string, size: { columns: number; rows: number }) {
  expect(widestLine(frame)).toBeLessThanOrEqual(size.columns);
  expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
}

/** Phone support's first question answered "Contact details now and then" (reported), by Ben. */
const answered = () =>
  withAnswers(setUpWorkbook(), [{ journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'some', confidence: 'reported', by: 'Ben' }]);

describe.each(SIZES)('evidence at $columns x $rows', (size) => {
  it('e in the walk adds a link; the answer then shows as verified by its evidence', async () => {
    const app = await renderWorkbench({ workbook: answered(), size });
    // The walk opens on the first question without an answer: b goes back to the one answered.
    await app.keys(KEYS.enter, KEYS.enter, 'b');
    expect(app.frame()).toContain('What do agents routinely type into ticket notes?');
    expect(app.frame()).toMatch(/Confidence reported/);
    await app.keys('e');
    expect(flat(app.frame())).toContain('Add evidence · the answer: Contact details now and then');
    expect(app.frame()).toContain('Collected by');
    fits(app.frame(), size);
    await app.keys(...'https://wiki.example.com/notes-audit', KEYS.tab, ...'sample of 50 notes reviewed', KEYS.ctrlS);
    expect(evidenceOf(app)).toEqual([
      {
        id: 'ev1',
        journeyId: 'phone-support',
        questionId: 'ticket-notes-content',
        optionId: 'some',
        link: 'https://wiki.example.com/notes-audit',
        shows: 'sample of 50 notes reviewed',
        collectedBy: 'Ana',
        collectedOn: '2026-11-20',
        status: 'accepted',
        reason: '',
        by: 'Ana',
        addedAt: FIXED_NOW.toISOString(),
      },
    ]);
    // Back in the walk on the same question, which now counts as verified.
    const back = app.frame();
    expect(back).toContain('What do agents routinely type into ticket notes?');
    expect(back).toContain('Confidence verified');
    expect(back).toContain('Evidence 1, verified');
    expect(back).toContain('✓ Evidence ev1 added: the answer counts as verified.');
    fits(back, size);
  });

  it('a file is hashed when saved: its SHA-256 and size are kept, not its content', async () => {
    const app = await renderWorkbench({ workbook: answered(), size });
    await app.keys(KEYS.enter, KEYS.enter, 'b', 'e', ...SHOT, KEYS.tab, ...'ID check screen', KEYS.tab, KEYS.backspace, KEYS.backspace, KEYS.backspace, ...'Ben', KEYS.ctrlS);
    expect(evidenceOf(app)).toMatchObject([{ id: 'ev1', path: SHOT, sha256: SHOT_SHA256, size: 27, collectedBy: 'Ben', status: 'accepted' }]);
    expect(JSON.stringify(app.store.data)).not.toContain('screenshot of the ID check');
  });

  it('a file that cannot be read, a day after today or customer data: one sentence, nothing saved', async () => {
    const app = await renderWorkbench({ workbook: answered(), size });
    await app.keys(KEYS.enter, KEYS.enter, 'b', 'e');
    const saves = app.store.saves.length;
    await app.keys(...join(dir, 'gone.png'), KEYS.tab, ...'ID check screen', KEYS.ctrlS);
    expect(flat(app.frame())).toContain(`! The file ${join(dir, 'gone.png')} cannot be read (no such file); give the path of a file that exists.`);
    fits(app.frame(), size);
    await app.keys(KEYS.tab, KEYS.tab, ...Array<string>(10).fill(KEYS.backspace), ...'2026-11-21', KEYS.ctrlS);
    expect(flat(app.frame())).toContain('! The collected date 2026-11-21 is after today (2026-11-20); give the day it was collected.');
    // Customer data: named under the form, and saving offers only to mask it (s does not save it).
    await app.keys(KEYS.shiftTab, KEYS.shiftTab, ...' for jane@example.com', KEYS.ctrlS);
    expect(flat(app.frame())).toContain('! What it shows (an e-mail address) looks like it holds customer data. Press m to mask it and save, any other key');
    await app.keys('s');
    expect(app.store.saves).toHaveLength(saves);
    expect(evidenceOf(app)).toEqual([]);
  });

  it('e on a question without an answer says so and opens nothing', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook(), size });
    await app.keys(KEYS.enter, KEYS.enter, 'e');
    expect(flat(app.frame())).toContain('Answer the question first: evidence backs the option chosen.');
    expect(app.frame()).not.toContain('Collected by');
  });

  it('e on the answers behind a score adds evidence to the highlighted answer, and Esc goes back to them', async () => {
    const app = await renderWorkbench({ workbook: answered(), size });
    await app.keys(KEYS.enter, 'r', KEYS.enter);
    expect(app.frame()).toContain('behind it');
    await app.keys('e');
    expect(flat(app.frame())).toContain('Add evidence · the answer: Contact details now and then');
    await app.keys(...'https://wiki.example.com/a', KEYS.tab, ...'note audit', KEYS.ctrlS);
    expect(evidenceOf(app)).toMatchObject([{ journeyId: 'phone-support', questionId: 'ticket-notes-content', optionId: 'some' }]);
    expect(app.frame()).toContain('behind it');
    // Cut at 60 columns: "verified by evid…".
    expect(flat(app.frame())).toMatch(size.columns >= 100 ? /verified by evidence \(1\)/ : /verified by evid/);
    fits(app.frame(), size);
  });
});
