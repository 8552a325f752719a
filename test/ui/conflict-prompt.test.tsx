/**
 * The question the app asks when a save finds the workbook changed by another program
 * (issue 15, item 11): its reducer, its lines, and the whole app on a real workbook file
 * that a second writer replaces while the app has it open, at 100x30 and 80x24.
 */
import { readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_KEY } from '../../src/ui/hooks/useKeys.js';
import { WorkbookSchema, type Workbook } from '../../src/core/workbook-schema.js';
import type { TheirFile } from '../../src/store/conflict.js';
import { openWorkbook, type WorkbookStore } from '../../src/store/workbook-store.js';
import { App } from '../../src/ui/App.js';
import { CONFLICT_CLOSED, conflictKey, conflictLines, conflictPrompt, type ConflictPromptState } from '../../src/ui/conflict-prompt.js';
import type { TerminalSize } from '../../src/ui/shell.js';
import { tempDir } from '../store/helpers/store-fixtures.js';
import { FIXED_NOW, KEYS, fixtureBank, flat, press, setUpWorkbook, tick, widestLine, withAnswers } from './app.js';

const AT = new Date(2026, 10, 20, 14, 3, 12);
const base = withAnswers(setUpWorkbook(), [
  { journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'some' },
  { journeyId: 'chat', questionId: 'ticket-notes-content', kind: 'unknown' },
]);
const theirFile = (workbook?: Workbook, problem?: string): TheirFile => ({ modifiedAt: AT, ...(workbook ? { workbook } : {}), ...(problem ? { problem } : {}) });

describe('the conflict question, as a reducer', () => {
  const theirs = theirFile(base);
  const asking: ConflictPromptState = { phase: 'asking', theirs };

  it('opens on a conflict, carries a choice out once, then tells the outcome until a key', () => {
    expect(conflictPrompt(CONFLICT_CLOSED, { type: 'conflict', theirs })).toEqual(asking);
    const working = conflictPrompt(asking, { type: 'choose', choice: 'mine' });
    expect(working).toEqual({ phase: 'working', theirs, choice: 'mine' });
    // A second key while the store works changes nothing.
    expect(conflictPrompt(working, { type: 'choose', choice: 'theirs' })).toBe(working);
    const done = conflictPrompt(working, { type: 'chosen', message: 'Saved yours.', ok: true });
    expect(done).toEqual({ phase: 'done', message: 'Saved yours.', ok: true });
    expect(conflictPrompt(done, { type: 'dismiss' })).toEqual(CONFLICT_CLOSED);
  });

  it('asks again, saying why, when the choice failed; a new conflict while working waits for the outcome', () => {
    const working = conflictPrompt(asking, { type: 'choose', choice: 'theirs' });
    const newer = theirFile(undefined, 'cxray.json:1:2: not valid JSON');
    const still = conflictPrompt(working, { type: 'conflict', theirs: newer });
    expect(still).toEqual({ phase: 'working', theirs: newer, choice: 'theirs' });
    expect(conflictPrompt(still, { type: 'failed', message: 'their version cannot be opened' })).toEqual({ phase: 'asking', theirs: newer, problem: 'their version cannot be opened' });
    // An outcome with no choice under way is ignored.
    expect(conflictPrompt(asking, { type: 'chosen', message: 'x', ok: true })).toBe(asking);
    expect(conflictPrompt(CONFLICT_CLOSED, { type: 'dismiss' })).toBe(CONFLICT_CLOSED);
  });

  it('maps r, k and q; every other key, and every key while working, does nothing', () => {
    expect(conflictKey(asking, 'r', NO_KEY)).toEqual({ type: 'choose', choice: 'theirs' });
    expect(conflictKey(asking, 'k', NO_KEY)).toEqual({ type: 'choose', choice: 'mine' });
    expect(conflictKey(asking, 'q', NO_KEY)).toBe('quit');
    expect(conflictKey(asking, 'y', NO_KEY)).toBeUndefined();
    expect(conflictKey(asking, 'r', { ...NO_KEY, ctrl: true })).toBeUndefined();
    expect(conflictKey({ phase: 'working', theirs, choice: 'mine' }, 'k', NO_KEY)).toBeUndefined();
    expect(conflictKey({ phase: 'done', message: '', ok: true }, 'z', NO_KEY)).toEqual({ type: 'dismiss' });
  });
});

describe('the conflict question, its lines', () => {
  it('totals both sides, then each assessment that differs, with how many answers differ', () => {
    const theirs = withAnswers(base, [{ journeyId: 'chat', questionId: 'ticket-notes-content', kind: 'na' }]);
    const mine = withAnswers(base, [{ journeyId: 'phone-support', questionId: 'bulk-export-detection', kind: 'unknown' }]);
    expect(conflictLines(mine, theirFile(theirs))).toEqual([
      'Yours: 1 assessment, 3 answers.',
      'Theirs (changed at 14:03:12): 1 assessment, 2 answers.',
      // Mine has one answer theirs lacks, and theirs changed another: 2 differ.
      '"Q4": yours 3 answers, theirs 2; 2 differ.',
    ]);
  });

  it('says when only a name or only other details differ', () => {
    const renamed: Workbook = { ...base, assessments: [{ ...base.assessments[0]!, name: 'Q4 final' }] };
    expect(conflictLines(base, theirFile(renamed)).slice(2)).toEqual(['"Q4" (theirs: "Q4 final"): the same answers.']);
    const replanned: Workbook = { ...base, assessments: [{ ...base.assessments[0]!, planCapacity: { now: 1, next: 2 } }] };
    expect(conflictLines(base, theirFile(replanned)).slice(2)).toEqual(['"Q4": the same answers; other details differ.']);
  });

  it('names assessments only on one side, and filters every name and problem from the files', () => {
    const hostile = { ...base.assessments[0]!, id: 'x', name: 'Evil\u001b]52;c;cm0gLXJm\u0007\u202e name\u200b' };
    const theirs: Workbook = { ...base, assessments: [hostile] };
    expect(conflictLines(base, theirFile(theirs))).toEqual([
      'Yours: 1 assessment, 2 answers.',
      'Theirs (changed at 14:03:12): 1 assessment, 2 answers.',
      '"Q4": only in yours.',
      '"Evil name": only in theirs.',
    ]);
    expect(conflictLines(base, theirFile(undefined, 'cxray.json:1:9: has an unknown field "\u001b[2J\u009b31m"'))).toEqual([
      'Yours: 1 assessment, 2 answers.',
      'Theirs (changed at 14:03:12) cannot be opened: cxray.json:1:9: has an unknown field "".',
    ]);
  });
});

afterEach(() => cleanup());

/** The app on a real workbook file, as `cxray` opens it. */
async function openApp(size: TerminalSize) {
  const dir = tempDir();
  const file = join(dir, 'cxray.json');
  writeFileSync(file, JSON.stringify(base, null, 2) + '\n', { mode: 0o600 });
  const store: WorkbookStore = await openWorkbook(file, { onConflict: 'ask', retryDelaysMs: [60_000] });
  const view = render(createElement(App, { store, bank: fixtureBank(), now: () => FIXED_NOW, size }));
  await tick();
  const frame = () => view.lastFrame() ?? '';
  const until = async (text: string) => {
    for (let i = 0; i < 400 && !frame().includes(text); i++) await tick();
    expect(frame()).toContain(text);
    return frame();
  };
  // As a person types: after each key, until the app has drawn a new frame (or a quarter of a second).
  const keys = async (...k: string[]) => {
    for (const key of k) {
      const drawn = view.frames.length;
      await press(view.stdin, key);
      for (let i = 0; i < 10 && view.frames.length === drawn; i++) await tick();
    }
  };
  return { dir, file, store, view, frame, until, keys };
}

/** Another program saves its own version: a temp file renamed over the workbook. */
function otherProgramSaves(file: string, change: (w: Workbook) => Workbook): string {
  const text = JSON.stringify(change(WorkbookSchema.parse(JSON.parse(readFileSync(file, 'utf8')))), null, 2) + '\n';
  writeFileSync(`${file}.other`, text);
  renameSync(`${file}.other`, file);
  return text;
}

const renamedByThem = (w: Workbook): Workbook => ({ ...w, assessments: w.assessments.map((a) => ({ ...a, name: 'Q4 (their copy)' })) });
const copies = (dir: string) => readdirSync(dir).filter((n) => /^cxray\.json\.conflict-\d{8}T\d{6}Z\.json$/.test(n));

describe.each([
  { columns: 100, rows: 30 },
  { columns: 80, rows: 24 },
])('the app at $columns x $rows when another program changed the workbook', (size) => {
  it('asks, in place of the screen, once a save meets the change; k keeps theirs in a copy and saves mine', async () => {
    const app = await openApp(size);
    await app.keys(KEYS.enter, KEYS.enter);
    await app.until('in the journey');
    // Opening the walk starts the session clock, which is saved: let that save land first.
    await app.store.flush();
    const theirs = otherProgramSaves(app.file, renamedByThem);
    await app.keys('2'); // An answer: its save meets their file.
    const frame = await app.until('k  keep yours');
    expect(flat(frame)).toContain('cxray.json was changed by another program while open here; cxray stopped saving so as not to overwrite it, and keeps your answers in memory.');
    expect(frame).toContain('r  reload theirs');
    expect(frame).toContain('q  quit');
    expect(flat(frame)).toContain('"Q4" (theirs: "Q4 (their copy)"): yours 3 answers, theirs 2; 1 differs.');
    expect(widestLine(frame)).toBeLessThanOrEqual(size.columns);
    expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows);
    expect(frame).toContain('└'); // The whole box, its last border too.
    // The screen is hidden and deaf: a walk key does nothing.
    await app.keys('3');
    expect(app.store.data.assessments[0]!.answers).toHaveLength(3);
    expect(readFileSync(app.file, 'utf8')).toBe(theirs);

    await app.keys('k');
    const done = await app.until('Press any key to go on');
    const [copy] = copies(app.dir);
    expect(done.replace(/[│\s]+/g, '')).toContain(`Theirversioniskeptin${join(app.dir, copy!)}`.replace(/\s/g, ''));
    expect(readFileSync(join(app.dir, copy!), 'utf8')).toBe(theirs);
    expect(statSync(join(app.dir, copy!)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(app.file, 'utf8')).assessments[0].answers).toHaveLength(3);
    await app.keys(' ');
    await app.until('3 of 4 in the journey');
    await app.store.close();
  });

  it('lists as many differing assessments as fit, then how many more, the whole box on screen', async () => {
    const app = await openApp(size);
    await app.keys(KEYS.enter, KEYS.enter);
    await app.until('in the journey');
    // Opening the walk starts the session clock, which is saved: let that save land first.
    await app.store.flush();
    otherProgramSaves(app.file, (w) => ({
      ...w,
      assessments: [...w.assessments, ...Array.from({ length: 30 }, (_, i) => ({ ...w.assessments[0]!, id: `copy-${i}`, name: `A copy of the assessment with a long name, number ${i + 1}` }))],
    }));
    await app.keys('2');
    const frame = await app.until('q  quit');
    expect(frame).toMatch(/… and \d+ more/);
    expect(frame).toContain('└');
    expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows);
    expect(widestLine(frame)).toBeLessThanOrEqual(size.columns);
    await app.store.close().catch(() => undefined);
  });

  it('r reloads theirs with my answer they did not touch: the screens show their file, mine is kept whole in a copy', async () => {
    const app = await openApp(size);
    await app.keys(KEYS.enter, KEYS.enter);
    await app.until('in the journey');
    // Opening the walk starts the session clock, which is saved: let that save land first.
    await app.store.flush();
    // The walk started the session its clock counts in: saved before they save.
    await app.store.flush();
    otherProgramSaves(app.file, renamedByThem);
    await app.keys('2');
    await app.until('r  reload theirs');
    const mine = app.store.data;
    await app.keys('r');
    const done = await app.until('Press any key to go on');
    expect(flat(done)).toContain('Reloaded their version of');
    expect(flat(done)).toContain('with 1 of your changes that they had not touched. Yours is kept whole in');
    const [copy] = copies(app.dir);
    expect(JSON.parse(readFileSync(join(app.dir, copy!), 'utf8'))).toEqual(mine);
    await app.store.flush();
    const saved = JSON.parse(readFileSync(app.file, 'utf8')) as Workbook;
    expect(saved.assessments[0]!.name).toBe('Q4 (their copy)');
    expect(saved.assessments[0]!.answers).toHaveLength(3);
    await app.keys(KEYS.escape);
    await app.keys(KEYS.escape);
    await app.until('Q4 (their copy)');
    await app.store.close();
  });
});
