/**
 * The walk's comforts in a real pseudo-terminal, as a facilitator uses them: answer two
 * questions, take the second back with z, jump to a question by words of its prompt with
 * /, change an answer and read what changed, quit, and find in the file exactly the
 * answers that stand. The starter bank: 4 questions, in walking order ticket notes,
 * attachments, bulk export, access log.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, TerminalSession } from '../helpers/terminal.js';

const BANK = join(import.meta.dirname, '..', 'fixtures', 'banks', 'starter.yaml');

describe('undo and jump in a real terminal', () => {
  let session: TerminalSession | undefined;
  afterEach(() => session?.kill());

  it('z takes an answer back, / goes to a question, a change says what it changed', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxray-comforts-'));
    const db = join(dir, 'workshop.json');
    session = new TerminalSession(['--db', db, '--bank', BANK], { cols: 100, rows: 30, cwd: dir });
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

    await session.waitFor('1 of 4 in the journey');
    await session.press('2');
    await session.waitFor('2 of 4 in the journey');
    await session.press('3');
    await session.waitFor('3 of 4 in the journey');
    // Undo: back on question 2, unanswered, and the walk says so.
    await session.press('z');
    const undone = await session.waitFor('Undone: question 2 is back to no answer.');
    expect(undone).toContain('2 of 4 in the journey');
    expect(undone).toMatch(/Journey ░*█*░* 1 \/ 4/);

    // Jump by words of a prompt.
    await session.press('/');
    await session.waitFor('Go to question');
    await session.type('bulk export');
    await session.press(KEYS.enter);
    await session.waitFor('How soon would a bulk export by one agent be noticed?');
    await session.press('1');
    await session.waitFor('4 of 4 in the journey');
    // Jump by number, then change the answer there.
    await session.press('/');
    await session.waitFor('Go to question');
    await session.type('3');
    await session.press(KEYS.enter);
    await session.waitFor('3 of 4 in the journey');
    await session.press('3');
    // The message wraps at 100 columns: the words in order, across lines.
    // (A label longer than 40 characters is cut.)
    await session.waitFor(new RegExp('Changed from "Within minutes, by an alert someone act…" to "Never; exports are not logged" \\(z undoes\\)\\.'.replace(/ /g, '\\s+')));
    await session.press('q');
    expect((await session.exited).exitCode).toBe(0);

    const answers = JSON.parse(readFileSync(db, 'utf8')).assessments[0].answers as { questionId: string; optionId?: string }[];
    expect(answers.map((a) => [a.questionId, a.optionId]).sort()).toEqual([
      ['bulk-export-detection', 'never'],
      ['ticket-notes-content', 'some'],
    ]);
  });
});
