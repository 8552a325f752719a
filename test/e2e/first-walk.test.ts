/**
 * The foundation, end to end in a real pseudo-terminal: create an assessment, add a
 * journey, answer three questions (one "We don't know"), quit, reopen, pass the
 * organisation-wide section to the journey, and find the walk resumed at question four
 * with the three answers in the file.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, TerminalSession } from '../helpers/terminal.js';

describe('a first walk in a real terminal', () => {
  let session: TerminalSession | undefined;
  afterEach(() => session?.kill());

  it('saves every answer at once and resumes at the first unanswered question', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxray-e2e-'));
    const db = join(dir, 'workshop.json');

    session = new TerminalSession(['--db', db]);
    await session.waitFor('+ New assessment');
    await session.press(KEYS.enter);
    await session.waitFor('New assessment');
    await session.type('Q4 workshop');
    await session.press('\u0013'); // save the form from the name field
    await session.waitFor('+ Add journey');
    await session.press(KEYS.enter);
    await session.waitFor('New journey');
    await session.type('Phone support');
    await session.press('\u0013');
    await session.waitFor(/❯ Phone support/);
    await session.press(KEYS.enter);

    const first = await session.waitFor(/1 of \d+ in the journey/);
    const total = Number(first.match(/1 of (\d+) in the journey/)![1]);
    expect(total).toBeGreaterThanOrEqual(4);
    // The built-in bank asks organisation-wide questions once, in their own section: a
    // journey's walk on a new assessment asks at most 45 questions (issue 14).
    expect(total).toBeLessThanOrEqual(45);
    expect(first).toMatch(/w shows \d+ organisation-wide/);
    expect(first).toMatch(/Journey ░+ +0 \//);

    await session.press('1'); // first option, one key
    await session.waitFor(`2 of ${total} in the journey`);
    await session.press('u'); // we don't know
    await session.waitFor(`3 of ${total} in the journey`);
    await session.press(KEYS.down); // the second option, chosen with the arrow and Enter
    await session.press(KEYS.enter);
    const fourth = await session.waitFor(`4 of ${total} in the journey`);
    expect(fourth).toContain(`3 / ${total}`);
    await session.press('q');
    expect((await session.exited).exitCode).toBe(0);

    const saved = JSON.parse(readFileSync(db, 'utf8'));
    const answers = saved.assessments[0].answers;
    expect(answers).toHaveLength(3);
    expect(answers.map((a: { kind: string }) => a.kind)).toEqual(['option', 'unknown', 'option']);
    expect(statSync(db).mode & 0o777).toBe(0o600);

    session = new TerminalSession(['--db', db]);
    await session.waitFor('Q4 workshop');
    await session.press(KEYS.enter);
    // The assessment lists the organisation-wide section first, then the journeys.
    await session.waitFor(/❯ Organisation-wide/);
    await session.press(KEYS.down);
    await session.waitFor(/❯ Phone support/);
    await session.press(KEYS.enter);
    const resumed = await session.waitFor(`4 of ${total} in the journey`);
    expect(resumed).toContain(`3 / ${total}`);
    await session.press(KEYS.ctrlC);
    expect((await session.exited).exitCode).toBe(0);
  });
});
