/**
 * The evidence loop end to end (issue 18), in a real pseudo-terminal and the built CLI, as
 * a team runs it on the demo workbook (built-in bank): evidence added in the walk (e),
 * the requests exported as CSV, two rows filled as owners would (accepted, a link, the
 * day collected), imported back, and on reopening those requests accepted in the
 * Requests screen (R); the report verifies exactly those three answers, and the
 * visibility figure rises only through them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/export/csv.js';
import { REQUEST_COLUMNS } from '../../src/export/requests.js';
import { runCli } from '../helpers/run-cli.js';
import { KEYS, TerminalSession } from '../helpers/terminal.js';

const CTRL_S = '\u0013';
const col = (name: (typeof REQUEST_COLUMNS)[number]) => REQUEST_COLUMNS.indexOf(name);

interface Json {
  overall: { visibility: number };
  evidence: { verified: number; requests: { id: string; journeyId: string | null; questionId: string; questionPrompt: string; reason: string | null; status: string }[] };
  answers: { journeyId: string | null; questionId: string; effectiveConfidence: string | null }[];
}

const csvCell = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

describe('the evidence loop in a real terminal', () => {
  let session: TerminalSession | undefined;
  afterEach(() => session?.kill());

  it('walk evidence, requests out as CSV, filled and imported: exactly those answers verified, visibility up', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxray-evidence-loop-'));
    const db = join(dir, 'demo.json');
    expect(runCli(['demo', '--db', db]).status).toBe(0);
    const report = (): Json => {
      const r = runCli(['export', '--db', db, '--format', 'json']);
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as Json;
    };
    const verifiedKeys = (j: Json) => new Set(j.answers.filter((a) => a.effectiveConfidence === 'verified').map((a) => `${a.journeyId ?? ''}/${a.questionId}`));
    const before = report();
    expect(before.evidence.verified).toBe(0);
    // The walk's evidence goes on Phone support's first request resting on someone's word.
    const walked = before.evidence.requests.find((r) => r.journeyId === 'phone-support' && r.reason === 'reported')!;

    session = new TerminalSession(['--db', db], { cols: 100, rows: 30, cwd: dir });
    await session.waitFor('Northwind');
    await session.press(KEYS.enter);
    await session.waitFor(/Evidence requests: \d+ open/);
    await session.press(KEYS.down);
    await session.waitFor('❯ Phone support');
    await session.press(KEYS.enter);
    // Every question is answered: the walk opens on its end; / goes to the question by words of its prompt.
    await session.waitFor('All 20 questions of this journey are answered.');
    await session.press('/');
    await session.waitFor('Go to');
    await session.type(walked.questionPrompt.split(' ').slice(0, 6).join(' '));
    await session.press(KEYS.enter);
    await session.waitFor(walked.questionPrompt.slice(0, 40));
    await session.press('e');
    await session.waitFor('Add evidence · the answer:');
    await session.type('https://wiki.example.com/phone-evidence');
    await session.press(KEYS.tab);
    await session.type('twenty transcripts read');
    await session.press(CTRL_S);
    await session.waitFor('Evidence ev1 added: the answer counts as verified');
    await session.waitFor('Evidence 1, verified');
    await session.press('q');
    await session.exited;

    // The requests out as CSV: the walked answer needs none now.
    const out = runCli(['requests', '--db', db, '--format', 'csv', '--output', 'requests.csv'], { cwd: dir });
    expect(out.status, out.stderr).toBe(0);
    const rows = parseCsv(readFileSync(join(dir, 'requests.csv'), 'utf8')).map((r) => r.cells);
    expect(rows[0]).toEqual([...REQUEST_COLUMNS]);
    expect(rows.some((r) => r[0] === walked.id)).toBe(false);
    // Two owners answer: evidence accepted, with a link and the day it was collected.
    const reasons = new Map(before.evidence.requests.map((r) => [r.id, r]));
    const filled = rows.slice(1).filter((r) => reasons.get(r[0]!)?.reason === 'reported').slice(0, 2);
    expect(filled).toHaveLength(2);
    const today = new Date().toISOString().slice(0, 10);
    for (const [i, row] of filled.entries()) {
      row[col('status')] = 'accepted';
      row[col('link or path')] = `https://wiki.example.com/owner-${i}`;
      row[col('what it shows')] = 'the settings, read by the owner';
      row[col('collected on')] = today;
    }
    writeFileSync(join(dir, 'requests.csv'), rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n');
    const imported = runCli(['requests', 'import', 'requests.csv', '--db', db], { cwd: dir });
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/updated 2 requests \(2 with evidence accepted, 0 rejected\)/);

    // Exactly the three answers are verified now, and the visibility rose through them.
    const after = report();
    const newlyVerified = [...verifiedKeys(after)].filter((k) => !verifiedKeys(before).has(k)).sort();
    const expected = [walked, ...filled.map((r) => reasons.get(r[0]!)!)].map((r) => `${r.journeyId ?? ''}/${r.questionId}`).sort();
    expect(newlyVerified).toEqual(expected);
    expect([...verifiedKeys(before)].every((k) => verifiedKeys(after).has(k))).toBe(true);
    expect(after.evidence.verified).toBe(3);
    expect(after.overall.visibility).toBeGreaterThan(before.overall.visibility);

    // Reopened: the Requests screen shows the two accepted.
    session = new TerminalSession(['--db', db], { cols: 100, rows: 30, cwd: dir });
    await session.waitFor('Northwind');
    await session.press(KEYS.enter);
    await session.waitFor(/Evidence requests: \d+ open/);
    await session.press('R');
    const screen = await session.waitFor(/· 2 accepted/);
    expect(screen).toContain(`${before.evidence.requests.length - 1} evidence requests`);
    await session.press('q');
    await session.exited;
  });
});
