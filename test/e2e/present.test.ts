/**
 * `cxray present` beside the cxray that drives the walk, each in its own pseudo-terminal
 * on the same workbook (issue 16): the presenter takes no lock (the driver opens after
 * it), waits until a walk starts, follows the question in a core session, shows the end
 * of the journey, says when the driver quit (which leaves no sidecar behind); the
 * driver, quit and opened again, goes on with the session's clock. The workbook's clock
 * is read from the file, never timed.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addAssessment, addJourney, updateAssessment } from '../../src/core/workbook-ops.js';
import { emptyWorkbook, type Workbook } from '../../src/core/workbook-schema.js';
import { fixtureBank, FIXTURES } from '../helpers/fixtures.js';
import { KEYS, TerminalSession } from '../helpers/terminal.js';

const CTRL_S = '\u0013';

/** The starter bank with two core questions (ticket-notes-content, bulk-export-detection), as a file. */
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
  return updateAssessment(w, id, (a) => addJourney(a, { name: 'Phone support', sensitivity: 'high' }).assessment);
}

describe('cxray present, following the cxray that drives the walk', () => {
  const sessions: TerminalSession[] = [];
  afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

  it('waits, follows the core walk question by question, shows the end, and the session clock goes on after a reopen', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxray-present-'));
    const db = join(dir, 'workbook.json');
    const bank = coreBankFile(dir);
    writeFileSync(db, JSON.stringify(workbook()), { mode: 0o600 });
    const start = (args: string[]) => {
      const s = new TerminalSession([...args, '--db', db, '--bank', bank], { cols: 100, rows: 30, cwd: dir, env: { NO_COLOR: '1' } });
      sessions.push(s);
      return s;
    };

    // The presenter first: it takes no lock, so the driver opens after it.
    const presenter = start(['present']);
    await presenter.waitFor('Waiting for cxray to start a walk');
    await presenter.waitFor('cxray is not running on');
    let driver = start([]);
    await driver.waitFor(/❯ Q4/);
    await presenter.waitFor('cxray is open on another screen');
    await driver.press(KEYS.enter);
    await driver.waitFor('Session: all questions, no timebox');
    // A core session of 30 minutes.
    await driver.press('S');
    await driver.waitFor('(•) core (2)');
    await driver.press(KEYS.tab);
    await driver.press(KEYS.tab);
    await driver.press(KEYS.backspace);
    await driver.press(KEYS.backspace);
    await driver.type('30');
    await driver.press(CTRL_S);
    await driver.waitFor('Session s1: core questions · 0 min used of 30 min');
    await driver.press(KEYS.enter);
    await driver.waitFor('1 of 2 in the journey');

    // The presenter shows the same question, in the core walk's numbering.
    // (The sidecar may come a moment before the save that holds the session: the title follows.)
    let shown = await presenter.waitFor(/Phone support \(core\)[\s\S]*Question 1 of 2/);
    expect(shown).toContain('What do agents routinely type into ticket notes?');
    await driver.press('1');
    await driver.waitFor('2 of 2 in the journey');
    shown = await presenter.waitFor('Question 2 of 2');
    expect(shown).toContain('How soon would a bulk export by one agent be noticed?');
    await driver.press('2');
    await driver.waitFor('(core)');
    // The end of the journey, on both.
    shown = await presenter.waitFor(/End of this journey|questions of this journey are answered|All 2 questions/);
    expect(shown).not.toContain('Waiting for cxray');

    // Quit the driver: the presenter says so; the workbook keeps the session's time
    // (whole seconds: a walk shorter than one would keep 0, so a second passes first).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const sidecar = join(dir, 'workbook.json.present.json');
    expect(statSync(sidecar).mode & 0o777).toBe(0o600);
    await driver.press('q');
    expect((await driver.exited).exitCode).toBe(0);
    await presenter.waitFor('cxray is not running on');
    // Nothing is left beside the workbook once the driver has quit.
    expect(existsSync(sidecar)).toBe(false);
    const first = (JSON.parse(readFileSync(db, 'utf8')) as Workbook).assessments[0]!.sessions!;
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ id: 's1', scope: 'core', timeboxMinutes: 30 });
    const before = first[0]!.usedSeconds;
    expect(before).toBeGreaterThan(0);

    // Opened again: the same session goes on from its time, it is not a new one at 0.
    driver = start([]);
    await driver.waitFor(/❯ Q4/);
    await driver.press(KEYS.enter);
    await driver.waitFor('Session s1: core questions');
    await driver.press(KEYS.enter);
    await driver.waitFor('(core)');
    await presenter.waitFor(/questions of this journey are answered|All 2 questions/);
    await driver.press('q');
    expect((await driver.exited).exitCode).toBe(0);
    const again = (JSON.parse(readFileSync(db, 'utf8')) as Workbook).assessments[0]!.sessions!;
    expect(again.map((s) => s.id)).toEqual(['s1']);
    expect(again[0]!.usedSeconds).toBeGreaterThanOrEqual(before);

    await presenter.press('q');
    expect((await presenter.exited).exitCode).toBe(0);
    // The presenter wrote nothing: the folder holds the workbook and the bank (no lock, no sidecar, no backup of its own).
    expect(existsSync(sidecar)).toBe(false);
    expect(readdirSync(dir).filter((f) => !f.startsWith('workbook.json.bak'))).toEqual(['bank.yaml', 'workbook.json']);
  });
});
