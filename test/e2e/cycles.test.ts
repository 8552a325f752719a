/**
 * A quarterly re-assessment, end to end in a real pseudo-terminal: open a workbook with
 * answers, take a snapshot with its key, change an answer in the walk, see the change on
 * the compare screen, mark a plan item done while the answers still show the gap, and
 * see the flag. Then check the workbook file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addAssessment, addJourney, recordAnswer, updateAssessment } from '../../src/core/workbook-ops.js';
import { emptyWorkbook } from '../../src/core/workbook-schema.js';
import { fixtureBank, FIXTURES } from '../helpers/fixtures.js';
import { KEYS, TerminalSession } from '../helpers/terminal.js';

const BANK = join(FIXTURES, 'banks', 'starter.yaml');
const CTRL_S = '\u0013';

/** "Q4", facilitator Ana, journey "Phone support" with notes full of card digits and exports never noticed. */
function workbook() {
  const bank = fixtureBank();
  const at = new Date(Date.now() - 20 * 86_400_000);
  const { workbook: w, id } = addAssessment(emptyWorkbook(), { name: 'Q4', facilitator: 'Ana' }, bank, at);
  let next = updateAssessment(w, id, (a) => addJourney(a, { name: 'Phone support', sensitivity: 'high' }).assessment);
  for (const [questionId, optionId] of [
    ['ticket-notes-content', 'everything'],
    ['bulk-export-detection', 'never'],
  ] as const) {
    next = recordAnswer(next, id, { journeyId: 'phone-support', questionId, kind: 'option', optionId, confidence: 'reported', note: '', by: 'Ben', at: at.toISOString() });
  }
  return next;
}

describe('a new cycle in a real terminal', () => {
  let session: TerminalSession | undefined;
  afterEach(() => session?.kill());

  it('takes a snapshot, changes an answer, compares, and flags a plan item marked done', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxray-cycles-'));
    const db = join(dir, 'workbook.json');
    writeFileSync(db, JSON.stringify(workbook()), { mode: 0o600 });
    session = new TerminalSession(['--db', db, '--bank', BANK], { cols: 100, rows: 30, cwd: dir });
    const press = async (before: string | RegExp, key: string, after?: string | RegExp) => {
      await session!.waitFor(before);
      await session!.press(key);
      return after ? session!.waitFor(after) : undefined;
    };

    await press(/❯ Q4/, KEYS.enter, 'Compare: nothing yet');
    // The snapshot: t, a label instead of the day, Enter.
    const asked = await press('Compare: nothing yet', 't', 'Enter takes the snapshot');
    expect(asked).toMatch(/Label \d{4}-\d{2}-\d{2}/);
    for (let i = 0; i < 10; i++) await session.press(KEYS.backspace, 20);
    await session.type('2026 Q3');
    const taken = await press('Label 2026 Q3', KEYS.enter, 'Snapshot "2026 Q3" taken');
    expect(taken).toContain('1 snapshot, latest "2026 Q3"');

    // Change the notes answer: card digits everywhere -> only case facts.
    await press(/❯ Phone support/, KEYS.enter, '2 of 4 in the journey');
    await press('2 of 4 in the journey', 'b', '1 of 4 in the journey');
    await press('1 of 4 in the journey', '1', '2 of 4 in the journey');
    await press('2 of 4 in the journey', KEYS.escape, /❯ Phone support/);

    // Compare with the snapshot.
    const compare = await press(/❯ Phone support/, 'c', 'Compare with "2026 Q3"');
    expect(compare).toMatch(/Exposure +\d+ → \d+, better by \d+/);
    expect(compare).toMatch(/Free text: exposure 100 → 0, better by 100/);
    await session.press('\u001b[F'); // End
    const changes = await session.waitFor('Answers that changed (1)');
    expect(changes).toContain('Phone support · What do agents routinely type into ticket notes?');
    expect(changes).toMatch(/Full addresses, card digits or ID numbers are common/);
    expect(changes).toMatch(/→ “Only case/);
    await press('Answers that changed', KEYS.escape, /❯ Compare: what changed since a snapshot \(1 snapshot\)/);

    // The plan: the export alert is still needed; mark it done anyway.
    const plan = await press(/❯ Compare/, 'p', 'to fix · ');
    expect(plan).toMatch(/❯ #1 +now +Log and alert on bulk exports +○ open/);
    await press('to fix · ', KEYS.enter, 'Status of #1: Log and alert on bulk exports');
    await press('(•) open', KEYS.right, '(•) in progress');
    await press('(•) in progress', KEYS.right, '(•) done');
    const flagged = await press('(•) done', CTRL_S, '⚑ marked done, but the answers still show the gap');
    expect(flagged).toMatch(/❯ #1 +now +Log and alert on bulk exports +● done/);
    expect(flagged).toContain('0 to find out · 1 to fix · 1 marked done · ⚑ 1 flagged');
    await press('⚑ marked done', 'q');
    expect((await session.exited).exitCode).toBe(0);

    const q4 = JSON.parse(readFileSync(db, 'utf8')).assessments[0];
    expect(q4.snapshots).toHaveLength(1);
    expect(q4.snapshots[0]).toMatchObject({ label: '2026 Q3', by: 'Ana' });
    expect(q4.snapshots[0].answers.find((a: { questionId: string }) => a.questionId === 'ticket-notes-content').optionId).toBe('everything');
    expect(q4.answers.find((a: { questionId: string }) => a.questionId === 'ticket-notes-content').optionId).toBe('minimal');
    expect(q4.planStatus).toMatchObject([{ actionId: 'export-alert', status: 'done', by: 'Ana' }]);
  });
});
