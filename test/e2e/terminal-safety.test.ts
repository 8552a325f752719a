/**
 * The terminal stays the workbook's, in a real pseudo-terminal: resizing during the walk
 * (120x40 -> 60x20 -> 100x30, and below the minimum and back) never crashes, never draws
 * a line wider than the terminal (no row of the screen is a wrapped continuation), and
 * loses nothing being typed; and escape sequences hidden in a bank and a workbook (OSC
 * title and clipboard writes, hyperlinks, CSI cursor moves and screen clears, bidi
 * overrides, zero-width and other invisible characters) never reach the terminal.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBank } from '../../src/bank/open.js';
import { setPlanStatus } from '../../src/core/plan-status.js';
import { buildReport } from '../../src/core/report.js';
import { addIntegration, addSystem } from '../../src/core/setup-ops.js';
import { startNewCycle } from '../../src/core/snapshot.js';
import { addAssessment, addJourney, recordAnswer, updateAssessment } from '../../src/core/workbook-ops.js';
import { emptyWorkbook } from '../../src/core/workbook-schema.js';
import { KEYS, TerminalSession, sleep } from '../helpers/terminal.js';

const FIXTURE_BANK = join(import.meta.dirname, '..', 'fixtures', 'banks', 'workshop.yaml');

interface XtermLike {
  cols: number;
  rows: number;
  buffer: { active: { viewportY: number; getLine(y: number): { isWrapped: boolean; translateToString(trim?: boolean): string } | undefined } };
}

/** The session's headless xterm (private in the helper; read here for its line flags). */
const xtermOf = (session: TerminalSession) => (session as unknown as { terminal: XtermLike }).terminal;

/** Rows of the visible screen that continue the row above: a line the program drew too wide. */
async function wrappedRows(session: TerminalSession): Promise<string[]> {
  await session.screen(); // lets the terminal take in everything written so far
  const term = xtermOf(session);
  const buffer = term.buffer.active;
  const rows: string[] = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    if (line?.isWrapped) rows.push(`${y}: ${line.translateToString(true)}`);
  }
  return rows;
}

describe('the terminal in a real pseudo-terminal', () => {
  let session: TerminalSession | undefined;
  afterEach(() => session?.kill());

  it('survives resizing during the walk: no crash, no line wider than the terminal, nothing typed lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxray-resize-'));
    const db = join(dir, 'workshop.json');
    const bank = await openBank(FIXTURE_BANK);
    const { workbook, id } = addAssessment(emptyWorkbook(), { name: 'Resize workshop' }, bank, new Date());
    const ready = updateAssessment(workbook, id, (a) => {
      const withSystem = addSystem(a, { name: 'Salesforce', kind: 'crm', owner: '', vendor: '' }).assessment;
      return addJourney(withSystem, {
        name: 'Phone support with a rather long journey name that will not fit a narrow terminal',
        channels: ['voice'],
        systemIds: ['salesforce'],
      }).assessment;
    });
    writeFileSync(db, JSON.stringify(ready, null, 2), { mode: 0o600 });

    session = new TerminalSession(['--db', db, '--bank', FIXTURE_BANK], { cols: 120, rows: 40, cwd: dir });
    await session.waitFor('Resize workshop');
    await session.press(KEYS.enter);
    await session.waitFor(/❯ Phone support/);
    await session.press(KEYS.enter);
    await session.waitFor('1 of 7 in the journey');
    await session.press('h'); // the help text, drawn by marked-terminal, resizes too
    await session.waitFor('fifty');
    expect(await wrappedRows(session)).toEqual([]);

    for (const [cols, rows] of [
      [80, 24],
      [100, 30],
      [81, 25],
      [120, 40],
    ] as const) {
      session.resize(cols, rows);
      await sleep(300);
      const screen = await session.waitFor('1 of 7 in the journey');
      expect(await wrappedRows(session), `${cols}x${rows}:\n${screen}`).toEqual([]);
      // The header keeps the place (the journey) before the assessment's name, which may shorten.
      expect(screen).toMatch(/cxray › Resize work(shop|…) › Phone support/);
    }

    // A note being typed survives a terminal too small to draw it.
    await session.press('n');
    await session.waitFor('Note · Enter new line');
    await session.type('typed before the shrink');
    // Shrink once the note shows all of it: keys still on their way when the terminal
    // becomes too small are ignored there, as the 'x' below is.
    await session.waitFor('typed before the shrink');
    session.resize(50, 14);
    await session.waitFor(/The terminal is too small \(50x14\); make it at\s+least 80x24/);
    expect(await wrappedRows(session)).toEqual([]);
    await session.press('x'); // ignored while too small
    session.resize(100, 30);
    await session.waitFor('typed before the shrink');
    expect(await session.screen()).not.toContain('shrinkx');
    await session.press('\u0013'); // Ctrl-S: parked until the answer
    await session.waitFor('Note parked');
    await session.press('2');
    await session.waitFor('2 of 7 in the journey');
    expect(await wrappedRows(session)).toEqual([]);
    await session.press('q');
    expect((await session.exited).exitCode).toBe(0);
    const answers = JSON.parse(readFileSync(db, 'utf8')).assessments[0].answers;
    expect(answers).toMatchObject([{ questionId: 'notes-content', optionId: 'some', note: 'typed before the shrink' }]);
  });

  it('never lets escape sequences from a bank or a workbook reach the terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxray-escapes-'));
    const db = join(dir, 'evil.json');
    const bankPath = join(dir, 'evil.yaml');
    // YAML double-quoted strings: \e is ESC, \a is BEL.
    const evil = readFileSync(FIXTURE_BANK, 'utf8')
      .replace('title: Workshop fixture bank', 'title: "Evil \\e]0;PWNED-TITLE\\a bank"')
      .replace('    title: Free text', '    title: "Free \\e[5;5Htext"')
      .replace(
        '    prompt: What do agents routinely type into ticket notes?',
        '    prompt: "What do agents \\e[13;37Htype \\u202einto notes? \\e]52;c;UFdORUQ=\\a"',
      )
      .replace('      Read **fifty** recent notes before answering.', '      Read **fifty** notes \u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\ and \u001b[2J more.')
      .replace('{ id: minimal, label: "Only case facts", level: 0 }', '{ id: minimal, label: "Only \\e[31mcase\\e[0m facts \\u2066\\u200b\\ufeff", level: 0 }')
      .replace('    title: Give agents a note template and redact what slips through', '    title: "Give agents \\e]0;PWNED\\aa note \\e[2Jtemplate"');
    writeFileSync(bankPath, evil);
    const bank = await openBank(bankPath);
    expect(bank.questions[0]!.prompt).toContain('\u001b[13;37H');

    const { workbook, id } = addAssessment(emptyWorkbook(), { name: 'Q4 \u001b]0;PWNED\u0007workshop', facilitator: 'Ana\u001b[2J\u200b\ufeff' }, bank, new Date());
    let evilWorkbook = updateAssessment(workbook, id, (a) => {
      let next = addSystem(a, { name: 'Zen\u001b]52;c;UFdORUQ=\u0007desk', kind: 'help-desk', owner: 'ops\u202e\u2060\u2028', vendor: '' }).assessment;
      next = addSystem(next, { name: 'CRM', kind: 'crm', owner: '', vendor: '' }).assessment;
      next = addIntegration(next, { from: 'crm', to: next.systems[0]!.id, access: 'write', fields: ['e\u001b[2Jmail'], logged: 'no' }).assessment;
      return addJourney(next, { name: 'Phone \u001b[2J\u001b[Hsupport', systemIds: next.systems.map((s) => s.id) }).assessment;
    });
    evilWorkbook = recordAnswer(evilWorkbook, id, {
      journeyId: 'phone-2j-hsupport',
      questionId: 'notes-content',
      kind: 'option',
      optionId: 'everything',
      confidence: 'verified',
      policy: 'documented',
      note: 'note \u001b]0;PWNED\u0007 with \u001b[13;37H moves',
      by: 'Ana',
      at: new Date().toISOString(),
    });
    const journeyId = evilWorkbook.assessments[0]!.journeys[0]!.id;
    evilWorkbook.assessments[0]!.answers[0]!.journeyId = journeyId;
    // A cycle under a hostile label (the answer carried over), and a plan item whose owner and reason carry escapes.
    evilWorkbook = updateAssessment(evilWorkbook, id, (a) => {
      const now = new Date();
      const cycled = startNewCycle(a, buildReport(bank, a, now), { label: 'Q3 \u001b]0;PWNED\u0007\u001b[2J\u200b', by: 'Ana\u001b[5;5H' }, now).assessment;
      const input = { actionId: 'note-guidance', status: 'accepted-risk' as const, owner: 'Lee \u001b]52;c;UFdORUQ=\u0007', reason: 'why \u001b[13;37H\u202e\u200c\u2029', reviewBy: '2000-01-01' };
      return setPlanStatus(cycled, input, 'Ana', now);
    });
    writeFileSync(db, JSON.stringify(evilWorkbook, null, 2), { mode: 0o600 });

    session = new TerminalSession(['--db', db, '--bank', bankPath], { cols: 100, rows: 30, cwd: dir });
    await session.waitFor('Q4 workshop');
    await session.press(KEYS.enter);
    await session.waitFor(/❯ Phone support/);
    await session.press('s');
    await session.waitFor('Zendesk');
    await session.press(KEYS.escape);
    await session.waitFor(/❯ Phone support|Systems \(2\)/);
    await session.press('i');
    await session.waitFor('email');
    await session.press(KEYS.escape);
    await session.waitFor('Integrations (1)');
    await session.press('\u001b[H'); // Home
    await session.waitFor(/❯ Phone support/);
    await session.press(KEYS.enter);
    await session.waitFor('in the journey');
    await session.press('b');
    const walk = await session.waitFor('What do agents type into notes?');
    expect(walk).toContain('Only case facts');
    expect(walk).toContain('note  with  moves');
    await session.press('h');
    const help = await session.waitFor('fifty');
    expect(help).toContain('Read fifty notes link and more.');
    await session.press('n');
    await session.waitFor('Note · Enter new line');
    await session.press(KEYS.escape);
    await session.waitFor('Note note  with  moves');
    await session.press(KEYS.escape);
    await session.waitFor(/❯ Phone support/);
    await session.press('r');
    await session.waitFor('by journey and dimension');
    await session.press(KEYS.enter);
    await session.waitFor('questions behind it');
    await session.press(KEYS.escape);
    await session.waitFor('by journey and dimension');
    await session.press('p');
    await session.waitFor('Give agents a note template');
    await session.waitFor('accepted risk past its review date');
    await session.waitFor('owner Lee');
    await session.press(KEYS.enter);
    await session.waitFor('Status of #');
    await session.press(KEYS.escape);
    await session.waitFor('Give agents a note template');
    // The plan was opened from the results: Esc goes back there, then to the assessment.
    await session.press(KEYS.escape);
    await session.waitFor('by journey and dimension');
    await session.press(KEYS.escape);
    await session.waitFor(/❯ Results/);
    await session.press('c');
    await session.waitFor('Compare with "Q3');
    await session.press(KEYS.escape);
    await session.waitFor(/❯ Compare/);
    await session.press(KEYS.enter);
    await session.waitFor('Compare with "Q3');
    await session.press(KEYS.escape);
    await session.waitFor(/❯ Compare/);
    await session.press('\u001b[H'); // Home
    await session.waitFor(/❯ Phone support/);
    await session.press(KEYS.enter);
    await session.waitFor('carried over from "Q3');
    await session.press('q');
    expect((await session.exited).exitCode).toBe(0);

    const raw = session.output;
    expect(raw).not.toContain('PWNED');
    expect(raw).not.toContain('\u001b]'); // no OSC at all: title, clipboard, hyperlink
    expect(raw).not.toContain('\u0007');
    expect(raw).not.toContain('\u001b[2J');
    expect(raw).not.toContain('\u001b[13;37H');
    expect(raw).not.toContain('\u001b[5;5H');
    expect(raw).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    // Nor anything invisible: zero-width characters, separators, the byte-order mark.
    expect(raw).not.toMatch(/[\u200b\u200c\u2060\u2028\u2029\ufeff]/);
  });
});
