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

/** The answer of `answered()` with two items: a link, and the screenshot file as it was when accepted. */
function withTwoItems(file: string): Workbook {
  const w = answered();
  const base = { journeyId: 'phone-support', questionId: 'ticket-notes-content', optionId: 'some', collectedBy: 'Ben', collectedOn: '2026-11-19', reason: '', by: 'Ana', addedAt: FIXED_NOW.toISOString() };
  return {
    ...w,
    assessments: w.assessments.map((a) => ({
      ...a,
      evidence: [
        { ...base, id: 'ev1', link: 'https://wiki.example.com/notes-audit', shows: 'sample of 50 notes', status: 'accepted' as const },
        { ...base, id: 'ev2', path: file, sha256: SHOT_SHA256, size: 27, shows: 'ID check screen', status: 'accepted' as const },
      ],
    })),
  };
}

describe.each([...SIZES, { columns: 200, rows: 50 }])('the evidence of an answer at $columns x $rows', (size) => {
  it('e lists the items once there are some; x rejects one (asking why) and accepts it again; the answer stays verified while one counts', async () => {
    const file = join(dir, `shot-${size.columns}.txt`);
    writeFileSync(file, 'screenshot of the ID check\n');
    const app = await renderWorkbench({ workbook: withTwoItems(file), size });
    await app.keys(KEYS.enter, KEYS.enter, 'b', 'e');
    const frame = app.frame();
    expect(frame).toContain('Phone support · the answer: Contact details now and then');
    expect(frame).toContain('2 items · 2 counting: the answer is verified');
    expect(frame).toContain('ev1 ✓ accepted, counts · https://wiki.example.com/notes-audit');
    expect(flat(frame)).toContain('Link: https://wiki.example.com/notes-audit');
    expect(flat(frame)).toContain('collected 2026-11-19 by Ben');
    expect(frame.trimEnd().split('\n').at(-1)).toMatch(/^a add · x accept\/reject · d remove · Esc back/);
    fits(frame, size);
    await app.keys('x');
    expect(flat(app.frame())).toContain('Reject evidence ev1: say what it fails to show. The answer keeps its confidence.');
    fits(app.frame(), size);
    await app.keys(KEYS.enter);
    expect(flat(app.frame())).toContain('Why Say why the evidence is rejected: what does it fail to show?');
    expect(evidenceOf(app)[0]!.status).toBe('accepted');
    await app.keys(...'only 5 notes, not 50', KEYS.enter);
    expect(evidenceOf(app)[0]).toMatchObject({ id: 'ev1', status: 'rejected', reason: 'only 5 notes, not 50' });
    expect(app.frame()).toContain('ev1 · rejected: only 5 notes, not 50');
    expect(app.frame()).toContain('2 items · 1 counting: the answer is verified');
    await app.keys('x');
    expect(evidenceOf(app)[0]).toMatchObject({ id: 'ev1', status: 'accepted', reason: '' });
    // Esc while asking why changes nothing.
    await app.keys(KEYS.down, 'x', ...'blurry', KEYS.escape);
    expect(evidenceOf(app)[1]!.status).toBe('accepted');
    await app.keys(KEYS.escape);
    expect(app.frame()).toContain('What do agents routinely type into ticket notes?');
    expect(app.frame()).toContain('Evidence 2, verified');
  });

  it('d removes the highlighted item after asking; any other key keeps it; removing the last counting one leaves the answer unverified', async () => {
    const file = join(dir, `shot-d-${size.columns}.txt`);
    writeFileSync(file, 'screenshot of the ID check\n');
    const app = await renderWorkbench({ workbook: withTwoItems(file), size });
    await app.keys(KEYS.enter, KEYS.enter, 'b', 'e', 'd');
    expect(flat(app.frame())).toContain('Remove evidence ev1 (https://wiki.example.com/notes-audit) from the workbook? Press y to remove it, any other key to keep it.');
    fits(app.frame(), size);
    await app.keys('n');
    expect(evidenceOf(app)).toHaveLength(2);
    await app.keys('d', 'y');
    expect(evidenceOf(app).map((e) => e.id)).toEqual(['ev2']);
    expect(flat(app.frame())).toContain('Evidence ev1 removed from the workbook (the file or page itself is untouched).');
    expect(app.frame()).toContain('1 item · 1 counting: the answer is verified');
    await app.keys('d');
    expect(flat(app.frame())).toContain('The answer then no longer counts as verified.');
    await app.keys('y');
    expect(evidenceOf(app)).toEqual([]);
    expect(app.frame()).toContain('No evidence yet: a adds a link or a file.');
    await app.keys('a');
    expect(flat(app.frame())).toContain('Add evidence · the answer: Contact details now and then');
    await app.keys(KEYS.escape, KEYS.escape);
    expect(app.frame()).toContain('Confidence reported');
  });

  it('a file changed on disk since it was accepted is flagged in the walk and in the list, with its path', async () => {
    const file = join(dir, `shot-c-${size.columns}.txt`);
    writeFileSync(file, 'screenshot of the ID check\n');
    const changed = await renderWorkbench({ workbook: withTwoItems(file), size });
    await changed.keys(KEYS.enter, KEYS.enter, 'b');
    expect(changed.frame()).not.toContain('changed since');
    changed.unmount();
    // Same size, another content: only the hash tells.
    writeFileSync(file, 'screenshot of the ID chock\n');
    const app = await renderWorkbench({ workbook: withTwoItems(file), size });
    await app.keys(KEYS.enter, KEYS.enter, 'b');
    expect(flat(app.frame())).toContain(`! an evidence file has changed since accepted${size.columns < 80 ? ' (e)' : ': e lists the evidence to look again'}`);
    fits(app.frame(), size);
    await app.keys('e', KEYS.down);
    expect(app.frame()).toContain('2 items · 2 counting: the answer is verified · 1 changed since accepted');
    expect(app.frame()).toMatch(/ev2 ✓ accepted, counts ! changed since it was accepted/);
    expect(flat(app.frame())).toContain(`File: ${file} (SHA-256 743bf8234da6…`);
    fits(app.frame(), size);
  });
});
