/**
 * Another program rewrites the workbook while cxray has it open (issue 15, item 11), in a
 * real pseudo-terminal: the user answers a question, a second program saves its own
 * version, the user answers another, sees the question, chooses; then the files on disk
 * hold both versions.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, TerminalSession } from '../helpers/terminal.js';

/** The second program: a node process that renames the assessment and saves with a temp file and a rename, as editors do. */
function secondProgramRewrites(db: string): string {
  const script = `
    const fs = require('node:fs');
    const [db] = process.argv.slice(1);
    const w = JSON.parse(fs.readFileSync(db, 'utf8'));
    w.assessments[0].name = 'Q4 workshop (edited by a script)';
    fs.writeFileSync(db + '.tmp-script', JSON.stringify(w, null, 2) + '\\n');
    fs.renameSync(db + '.tmp-script', db);`;
  const run = spawnSync(process.execPath, ['-e', script, db], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  return readFileSync(db, 'utf8');
}

const conflictCopies = (dir: string) => readdirSync(dir).filter((n) => /^workshop\.json\.conflict-\d{8}T\d{6}Z(-\d+)?\.json$/.test(n));

describe('the workbook changed by another program while open in a real terminal', () => {
  let session: TerminalSession | undefined;
  afterEach(() => session?.kill());

  /** A new workbook with one journey, open at its first question, one answer given and saved. */
  async function openWithOneAnswer() {
    const dir = mkdtempSync(join(tmpdir(), 'cxray-e2e-conflict-'));
    const db = join(dir, 'workshop.json');
    session = new TerminalSession(['--db', db]);
    await session.waitFor('+ New assessment');
    await session.press(KEYS.enter);
    await session.waitFor('New assessment');
    await session.type('Q4 workshop');
    await session.press('\u0013');
    await session.waitFor('+ Add journey');
    await session.press(KEYS.enter);
    await session.waitFor('New journey');
    await session.type('Phone support');
    await session.press('\u0013');
    await session.waitFor(/❯ Phone support/);
    await session.press(KEYS.enter);
    await session.waitFor(/1 of \d+ in the journey/);
    await session.press('1');
    await session.waitFor(/2 of \d+ in the journey/);
    // Saved (within a second) before the other program reads the file.
    for (let i = 0; i < 80 && !readFileSync(db, 'utf8').includes('"optionId"'); i++) await new Promise((r) => setTimeout(r, 25));
    return { dir, db, session };
  }

  it('k keeps theirs in a conflict copy and saves mine over it', async () => {
    const { dir, db, session: s } = await openWithOneAnswer();
    const theirs = secondProgramRewrites(db);
    await s.press('u'); // An answer: its save meets their file.
    const asked = await s.waitFor('k  keep yours');
    expect(asked).toContain('was changed by another program while open here');
    expect(asked).toContain('Theirs (changed at');
    expect(readFileSync(db, 'utf8')).toBe(theirs);

    await s.press('k');
    const done = await s.waitFor('Press any key to go on');
    expect(done).toContain('Saved yours in');
    const [copy] = conflictCopies(dir);
    expect(readFileSync(join(dir, copy!), 'utf8')).toBe(theirs);
    expect(statSync(join(dir, copy!)).mode & 0o777).toBe(0o600);
    await s.press(' ');
    await s.waitFor(/3 of \d+ in the journey/);
    await s.press('q');
    expect((await s.exited).exitCode).toBe(0);
    const mine = JSON.parse(readFileSync(db, 'utf8'));
    expect(mine.assessments[0].name).toBe('Q4 workshop');
    expect(mine.assessments[0].answers.map((a: { kind: string }) => a.kind)).toEqual(['option', 'unknown']);
  });

  it('r reloads theirs with my answer they did not touch, keeps mine whole in a conflict copy, and the next answer is saved into theirs', async () => {
    const { dir, db, session: s } = await openWithOneAnswer();
    secondProgramRewrites(db);
    await s.press('u');
    await s.waitFor('r  reload theirs');
    await s.press('r');
    const done = await s.waitFor('Press any key to go on');
    // The answer, and (when a second has passed) the session clock the walk writes with it.
    expect(done.replace(/[│\s]+/g, ' ')).toMatch(/with [12] of your changes that they had not touched/);
    const [copy] = conflictCopies(dir);
    const mine = JSON.parse(readFileSync(join(dir, copy!), 'utf8'));
    expect(mine.assessments[0].name).toBe('Q4 workshop');
    expect(mine.assessments[0].answers).toHaveLength(2);
    await s.press(' ');
    // Their file, with my second answer (they had not touched it): the walk goes on at the third.
    // Their name in the header (shortened there where the clock needs the room; the file has it whole, below).
    await s.waitFor('Q4 workshop (edited by a');
    await s.waitFor(/3 of \d+ in the journey/);
    await s.press('x');
    await s.waitFor(/4 of \d+ in the journey/);
    await s.press('q');
    expect((await s.exited).exitCode).toBe(0);
    const saved = JSON.parse(readFileSync(db, 'utf8'));
    expect(saved.assessments[0].name).toBe('Q4 workshop (edited by a script)');
    expect(saved.assessments[0].answers.map((a: { kind: string }) => a.kind)).toEqual(['option', 'unknown', 'na']);
  });

  it('Ctrl-C while asked: theirs stays the workbook, mine goes whole to a conflict copy, and cxray says where (exit 2)', async () => {
    const { dir, db, session: s } = await openWithOneAnswer();
    const theirs = secondProgramRewrites(db);
    await s.press('u');
    await s.waitFor('q  quit');
    await s.press(KEYS.ctrlC);
    expect((await s.exited).exitCode).toBe(2);
    expect(s.output.replace(/\s+/g, ' ')).toMatch(/workshop\.json was changed by another program while open here and is left as they wrote it; your changes since \d\d:\d\d are NOT in it but in \S+workshop\.json\.conflict-\d{8}T\d{6}Z\.json/);
    expect(readFileSync(db, 'utf8')).toBe(theirs);
    const [copy] = conflictCopies(dir);
    const mine = JSON.parse(readFileSync(join(dir, copy!), 'utf8'));
    expect(mine.assessments[0].answers.map((a: { kind: string }) => a.kind)).toEqual(['option', 'unknown']);
  });
});
