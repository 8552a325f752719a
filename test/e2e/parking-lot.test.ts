/**
 * The parking lot, end to end in a real pseudo-terminal: in the walk, Ctrl-P parks an
 * open question on the question shown, with an owner and a due date; the walk shows it
 * as that question's note; quit, reopen, and the Parking lot screen lists it, overdue,
 * with where it was raised; `cxray export --format md` carries it in its Parking lot.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addAssessment, addJourney, updateAssessment } from '../../src/core/workbook-ops.js';
import { emptyWorkbook } from '../../src/core/workbook-schema.js';
import { fixtureBank, FIXTURES } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';
import { KEYS, TerminalSession } from '../helpers/terminal.js';

const BANK = join(FIXTURES, 'banks', 'starter.yaml');
const CTRL_S = '\u0013';
const CTRL_P = '\u0010';

/** "Q4", facilitator Ana, one journey "Phone support", nothing answered. */
function workbook() {
  const { workbook: w, id } = addAssessment(emptyWorkbook(), { name: 'Q4', facilitator: 'Ana' }, fixtureBank(), new Date());
  return updateAssessment(w, id, (a) => addJourney(a, { name: 'Phone support', sensitivity: 'high' }).assessment);
}

describe('the parking lot in a real terminal', () => {
  let session: TerminalSession | undefined;
  afterEach(() => session?.kill());

  it('parks an open question from the walk with Ctrl-P, keeps it across a quit, lists it and exports it', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxray-parking-'));
    const db = join(dir, 'workbook.json');
    writeFileSync(db, JSON.stringify(workbook()), { mode: 0o600 });
    const start = () => new TerminalSession(['--db', db, '--bank', BANK], { cols: 100, rows: 30, cwd: dir });
    const press = async (before: string | RegExp, key: string, after?: string | RegExp) => {
      await session!.waitFor(before);
      await session!.press(key);
      return after ? session!.waitFor(after) : undefined;
    };

    session = start();
    await press(/❯ Q4/, KEYS.enter, 'Parking lot: empty');
    await press(/❯ Phone support/, KEYS.enter, '1 of 4 in the journey');
    await press('1 of 4 in the journey', '1', 'What happens to files customers attach to tickets?');
    // Ctrl-P on the question shown: the form says which question the item is raised on.
    await press('2 of 4 in the journey', CTRL_P, 'Raised on Phone support: What happens to files customers attach to tickets?');
    await session.type('Ask Legal how long attachments must be kept');
    await press('must be kept', KEYS.tab, '❯ Kind');
    await press('❯ Kind', KEYS.tab, '❯ Owner');
    await session.type('Ben');
    await press('Ben', KEYS.tab, '❯ Due');
    await session.type('2020-01-15');
    const back = await press('2020-01-15', CTRL_S, 'Open question p1 parked on this question.');
    // Back on the same question, which shows the item as its parked note.
    expect(back).toContain('2 of 4 in the journey');
    expect(back).toContain('Note, parked until answered');
    expect(back).toContain('Ask Legal how long attachments must be kept');
    await press('Note, parked until answered', 'q');
    expect((await session.exited).exitCode).toBe(0);

    const q4 = JSON.parse(readFileSync(db, 'utf8')).assessments[0];
    expect(q4.parkingLot).toMatchObject([
      {
        id: 'p1',
        kind: 'question',
        text: 'Ask Legal how long attachments must be kept',
        owner: 'Ben',
        due: '2020-01-15',
        questionId: 'attachment-expiry',
        journeyId: 'phone-support',
        status: 'open',
        by: 'Ana',
      },
    ]);

    // Reopened: the assessment counts it, the Parking lot screen lists it.
    session = start();
    await press(/❯ Q4/, KEYS.enter, 'Parking lot: 1 open question (1 overdue), 0 decisions');
    const lot = await press('Parking lot: 1 open question', 'l', 'Q4 › Parking lot');
    expect(lot).toContain('1 open question (1 overdue) · 0 decisions');
    expect(lot).toMatch(/❯ Ask Legal how long attachments must b… +Ben +\d+ days overdue +Phone support: What happ…/);
    expect(lot).toMatch(/p1, open question · owner Ben · due 2020-01-15, \d+ days overdue · raised \d{4}-\d{2}-\d{2} by Ana/);
    expect(lot).toContain('on Phone support: What happens to files customers attach to tickets?');
    await press('Q4 › Parking lot', 'q');
    expect((await session.exited).exitCode).toBe(0);

    const exported = runCli(['export', '--db', db, '--bank', BANK, '--format', 'md'], { cwd: dir });
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('## Parking lot');
    expect(exported.stdout).toMatch(
      /\| p1 \| Ask Legal how long attachments must be kept \| Phone support: What happens to files customers attach to tickets\? \| Ben \| 2020-01-15 \(overdue\) \|/,
    );
  });
});
