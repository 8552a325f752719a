/**
 * Who answers and a vote, in a real pseudo-terminal, as a facilitator runs them: set up
 * an assessment with three participants, pick the speaker with s, run a hidden vote with
 * V (a typo taken back with Backspace), reveal at once, settle, and see the answer
 * disputed with the positions; quit, reopen, and find it all kept, Ben still speaking. The starter bank's
 * first question has options at levels 0, 2 and 4.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, TerminalSession } from '../helpers/terminal.js';

const BANK = join(import.meta.dirname, '..', 'fixtures', 'banks', 'starter.yaml');
const CTRL_S = '\u0013';

describe('who answered and votes in a real terminal', () => {
  let session: TerminalSession | undefined;
  afterEach(() => session?.kill());

  it('s picks the speaker, V runs a hidden vote, the spread makes it disputed, and it is kept', { timeout: 150_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxray-votes-'));
    const db = join(dir, 'workshop.json');
    session = new TerminalSession(['--db', db, '--bank', BANK], { cols: 100, rows: 30, cwd: dir });
    await session.waitFor('+ New assessment');
    await session.press(KEYS.enter);
    await session.waitFor('New assessment');
    await session.type('Q4 workshop');
    await session.press(KEYS.tab);
    await session.waitFor('❯ Organisation');
    await session.press(KEYS.tab);
    await session.waitFor('❯ Facilitator');
    await session.type('Ana');
    await session.press(KEYS.tab);
    await session.waitFor('❯ Participants');
    await session.type('Ben (security), Chloé (support), Dev');
    await session.press(CTRL_S);
    await session.waitFor('+ Add journey');
    await session.press(KEYS.enter);
    await session.waitFor('New journey');
    await session.type('Phone support');
    await session.press(CTRL_S);
    await session.waitFor(/❯ Phone support/);
    await session.press(KEYS.enter);
    await session.waitFor('1 of 4 in the journey');
    expect(await session.screen()).toContain('Answering: Ana (facilitator)');

    // Ben speaks.
    await session.press('s');
    await session.waitFor('Who is speaking?');
    expect(await session.screen()).toMatch(/2 {2}Ben \(security\)/);
    await session.press('2');
    await session.waitFor('Ben (security) speaks: the next answers are theirs');

    // A hidden vote: Ben 1, Chloé 3, Dev 2 typed by mistake and taken back, then 1.
    await session.press('V');
    await session.waitFor('Hidden vote · 0 of 3 voted · next, Ben (security)');
    await session.press('1');
    await session.waitFor('1 of 3 voted · next, Chloé (support)');
    await session.press('3');
    await session.waitFor('2 of 3 voted · next, Dev');
    await session.press('2');
    await session.waitFor('all 3 have voted');
    await session.press(KEYS.backspace);
    await session.waitFor("Dev's vote taken back");
    // Nothing is shown before everyone has voted, and Enter does not reveal yet.
    expect(await session.screen()).not.toContain('← Ben');
    await session.press(KEYS.enter);
    await session.waitFor('2 of 3 have voted: waiting for Dev.');
    await session.press('1');
    await session.waitFor('Enter reveals every position at once');
    expect(await session.screen()).not.toContain('← Ben');
    await session.press(KEYS.enter);
    const revealed = await session.waitFor('disputed once settled');
    expect(revealed).toMatch(/1 {2}Only case facts.*← Ben, Dev/);
    expect(revealed).toMatch(/3 {2}Full addresses.*← Chloé/);
    expect(revealed).toContain('positions at levels 0 to 4 (4 apart)');

    // The room settles on 2; the answer is disputed, by Ben, with the positions.
    await session.press('2');
    await session.waitFor('2 of 4 in the journey');
    await session.press('b');
    const back = await session.waitFor('Voted (hidden)');
    expect(back).toContain('Voted (hidden): 1 ← Ben, Dev · 3 ← Chloé · levels 0 to 4 (4 apart)');
    expect(back).toContain('Confidence disputed');
    expect(back).toContain('By Ben (security)');
    await session.press('q');
    expect((await session.exited).exitCode).toBe(0);

    const saved = JSON.parse(readFileSync(db, 'utf8'));
    const q4 = saved.assessments[0];
    // Ben was speaking when the walk closed: the workbook remembers him.
    expect(q4.speaker).toBe('Ben');
    expect(q4.participants).toEqual([
      { name: 'Ben', role: 'security' },
      { name: 'Chloé', role: 'support' },
      { name: 'Dev', role: '' },
    ]);
    expect(q4.answers).toEqual([
      expect.objectContaining({
        questionId: 'ticket-notes-content',
        optionId: 'some',
        confidence: 'disputed',
        by: 'Ben',
        vote: {
          hidden: true,
          positions: [
            { name: 'Ben', kind: 'option', optionId: 'minimal' },
            { name: 'Chloé', kind: 'option', optionId: 'everything' },
            { name: 'Dev', kind: 'option', optionId: 'minimal' },
          ],
        },
      }),
    ]);

    // Reopened: the answer, its vote and who gave it are there, and Ben still speaks.
    session = new TerminalSession(['--db', db, '--bank', BANK], { cols: 100, rows: 30, cwd: dir });
    await session.waitFor('Q4 workshop');
    await session.press(KEYS.enter);
    await session.waitFor(/❯ Phone support/);
    await session.press(KEYS.enter);
    const again = await session.waitFor('2 of 4 in the journey');
    expect(again).toContain('Answering: Ben (security)');
    await session.press('b');
    const reopened = await session.waitFor('Voted (hidden)');
    expect(reopened).toContain('1 ← Ben, Dev · 3 ← Chloé');
    expect(reopened).toContain('Confidence disputed');
    expect(reopened).toContain('By Ben (security)');
    await session.press('q');
    expect((await session.exited).exitCode).toBe(0);
  });
});
