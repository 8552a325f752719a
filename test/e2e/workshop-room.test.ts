/**
 * The workshop room of issue 16 in one sitting, two real terminals on one workbook: the
 * projector (`cxray present`, at the minimum 80x24) and the facilitator's cxray. S
 * sets a session of the core set in 1h30; Ben speaks; a hidden
 * vote is revealed on both screens, two levels or more apart, and settled (disputed, the
 * positions kept); an answer is taken back with z and the question gets a parking-lot
 * note instead; quit. Reopened, the same session goes on without asking, Ben still
 * speaks, and the end of the journey shows the disagreement and the parked question on
 * both screens. Everything is read back from the workbook file, never timed.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addAssessment, addJourney, updateAssessment } from '../../src/core/workbook-ops.js';
import { emptyWorkbook, type Workbook } from '../../src/core/workbook-schema.js';
import { fixtureBank, FIXTURES } from '../helpers/fixtures.js';
import { KEYS, TerminalSession } from '../helpers/terminal.js';

const CTRL_S = '\u0013';

/** The starter bank with two core questions (ticket-notes-content at levels 0, 2, 4; bulk-export-detection), as a file. */
function coreBankFile(dir: string): string {
  const text = readFileSync(join(FIXTURES, 'banks', 'starter.yaml'), 'utf8')
    .replace(/( {2}- id: ticket-notes-content\n)/, '$1    core: true\n')
    .replace(/( {2}- id: bulk-export-detection\n)/, '$1    core: true\n');
  const path = join(dir, 'bank.yaml');
  writeFileSync(path, text);
  return path;
}

function workbook(): Workbook {
  const { workbook: w, id } = addAssessment(emptyWorkbook(), { name: 'Q4', facilitator: 'Ana' }, fixtureBank(), new Date());
  return updateAssessment(w, id, (a) => ({
    ...addJourney(a, { name: 'Phone support', sensitivity: 'high' }).assessment,
    participants: [
      { name: 'Ben', role: 'security' },
      { name: 'Chloé', role: 'support' },
      { name: 'Dev', role: '' },
    ],
  }));
}

const flat = (screen: string) => screen.replace(/[│\s]+/g, ' ');

describe('the workshop room, driven and projected', () => {
  const sessions: TerminalSession[] = [];
  afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

  it('a core session with a vote, an undo, a parked note, a quit and reopen, and the end of the journey, followed by cxray present', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxray-room-'));
    const db = join(dir, 'workbook.json');
    const bank = coreBankFile(dir);
    writeFileSync(db, JSON.stringify(workbook()), { mode: 0o600 });
    const start = (args: string[], size = { cols: 100, rows: 30 }) => {
      const s = new TerminalSession([...args, '--db', db, '--bank', bank], { ...size, cwd: dir, env: { NO_COLOR: '1' } });
      sessions.push(s);
      return s;
    };
    const saved = () => (JSON.parse(readFileSync(db, 'utf8')) as Workbook).assessments[0]!;

    const presenter = start(['present'], { cols: 80, rows: 24 });
    await presenter.waitFor('Waiting for cxray to start a walk');
    let driver = start([]);
    await driver.waitFor(/❯ Q4/);
    await driver.press(KEYS.enter);
    await driver.waitFor(/❯ Phone support/);

    // S sets the session: the core set in 1h30 (what it offers for a first session), saved with Ctrl-S.
    await driver.press('S');
    await driver.waitFor('(•) core (2)');
    await driver.press(CTRL_S);
    await driver.waitFor('Session s1: core questions · 0 min used of 1h30');
    await driver.press(KEYS.enter);
    await driver.waitFor('1 of 2 in the journey');
    await presenter.waitFor(/Phone support \(core\)[\s\S]*Question 1 of 2/);

    // Ben speaks; a hidden vote: Ben 1, Chloé 3, Dev 1. The projector shows only the count until the reveal.
    await driver.press('s');
    await driver.waitFor('Who is speaking?');
    await driver.press('2');
    await driver.waitFor('Ben (security) speaks');
    await driver.press('V');
    await driver.waitFor('Hidden vote · 0 of 3 voted');
    await presenter.waitFor('Voting: 0 of 3 voted');
    await driver.press('1');
    await driver.waitFor('1 of 3 voted');
    await driver.press('3');
    await driver.waitFor('2 of 3 voted');
    await driver.press('1');
    await driver.waitFor('Enter reveals every position at once');
    const counted = await presenter.waitFor('Voting: 3 of 3 voted');
    expect(counted).not.toContain('Chloé');
    await driver.press(KEYS.enter);
    await driver.waitFor('disputed once settled');
    const revealed = flat(await presenter.waitFor('Votes: 3 of 3'));
    expect(revealed).toContain('levels 0 to 4 (4 apart) · ! disputed');
    expect(revealed).toMatch(/2 × Only case facts[^:]*: Ben, Dev/);
    expect(revealed).toMatch(/1 × Full addresses[^:]*: Chloé/);
    // The room settles on 2.
    await driver.press('2');
    await driver.waitFor('2 of 2 in the journey');
    await presenter.waitFor('Question 2 of 2');

    // An answer given, then taken back with z; the question gets a note instead, parked at once.
    await driver.press('2');
    await driver.waitFor('(core)');
    await driver.press('z');
    await driver.waitFor('Undone: question 2 is back to no answer.');
    await driver.press('n');
    await driver.waitFor('Note · Enter new line');
    await driver.type('Ask the SOC whether exports are logged');
    await driver.press(CTRL_S);
    await driver.waitFor('Note parked');
    const unanswered = await presenter.waitFor('Question 2 of 2');
    expect(unanswered).not.toContain('✓ the answer');
    await driver.press('q');
    expect((await driver.exited).exitCode).toBe(0);
    await presenter.waitFor('cxray is not running on');
    expect(existsSync(`${db}.present.json`)).toBe(false);

    const first = saved();
    expect(first.sessions).toMatchObject([{ id: 's1', scope: 'core', timeboxMinutes: 90 }]);
    expect(first.speaker).toBe('Ben');
    expect(first.answers).toEqual([
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
    expect(first.parkingLot).toMatchObject([{ kind: 'question', text: 'Ask the SOC whether exports are logged', questionId: 'bulk-export-detection', status: 'open', by: 'Ben' }]);

    // Reopened: the session goes on, on the question left, Ben speaking.
    driver = start([]);
    await driver.waitFor(/❯ Q4/);
    await driver.press(KEYS.enter);
    await driver.waitFor('Session s1: core questions');
    await driver.waitFor(/❯ Phone support/);
    await driver.press(KEYS.enter);
    const resumed = await driver.waitFor('2 of 2 in the journey');
    expect(resumed).toContain('Answering: Ben (security)');
    expect(resumed).toContain('Ask the SOC whether exports are logged');
    await presenter.waitFor('Question 2 of 2');

    // On past the last question: the end of the journey, on both screens.
    await driver.press(KEYS.right);
    const end = flat(await driver.waitFor('Parking lot · 1 open question raised in this journey'));
    expect(end).toContain('1 of 2 questions are still unanswered');
    expect(end).toContain('Disagreements · 1 disputed answer');
    const projected = flat(await presenter.waitFor('Parking lot · 1 open question raised'));
    expect(projected).toContain('Disagreements · 1 disputed answer');
    expect(projected).not.toMatch(/Enter|Esc/);

    await driver.press('q');
    expect((await driver.exited).exitCode).toBe(0);
    await presenter.waitFor('cxray is not running on');
    const again = saved();
    expect(again.sessions!.map((s) => s.id)).toEqual(['s1']);
    expect(again.sessions![0]!.usedSeconds).toBeGreaterThanOrEqual(first.sessions![0]!.usedSeconds);
    await presenter.press('q');
    expect((await presenter.exited).exitCode).toBe(0);
  });
});
