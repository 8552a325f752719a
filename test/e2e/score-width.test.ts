/**
 * `cxray score` in a real terminal fits its width: the built program, run in a
 * pseudo-terminal of 80 and 200 columns on the demo workbook (bank 2.0, nine dimensions),
 * and piped. Every line the program writes is at most the terminal's width.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { sleep, TerminalSession } from '../helpers/terminal.js';

const dir = mkdtempSync(join(tmpdir(), 'cxray-score-width-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the program wrote, as lines without colours. */
async function scoreAt(cols: number): Promise<string[]> {
  const session = new TerminalSession(['score', '--db', 'demo.json'], { cols, rows: 50, cwd: dir });
  try {
    expect((await session.exited).exitCode).toBe(0);
    // The last bytes may arrive just after the exit.
    await sleep(200);
  } finally {
    session.kill();
  }
  return session.output.replace(/\u001b\[[\d;]*m/g, '').split(/\r?\n/);
}

describe('cxray score in a terminal', () => {
  it('fits 80 columns with one block per journey, 200 with the whole table, and is full width piped', async () => {
    expect(runCli(['demo', '--db', 'demo.json'], { cwd: dir }).status).toBe(0);
    const narrow = await scoreAt(80);
    for (const line of narrow) expect([...line].length).toBeLessThanOrEqual(80);
    expect(narrow).toContain('Phone support with call recording');
    expect(narrow.some((line) => /^ {2}Data footprint +\d+ \/ \d+ {3}Access +\d+ \/ \d+$/.test(line))).toBe(true);

    const wide = await scoreAt(200);
    for (const line of wide) expect([...line].length).toBeLessThanOrEqual(200);
    expect(wide.some((line) => /^Journey +Data footprint +Access +Free text and files .* Identity +Overall +Answered$/.test(line))).toBe(true);

    const piped = runCli(['score', '--db', 'demo.json'], { cwd: dir });
    expect(piped.stdout).toMatch(/^Journey +Data footprint .* Answered$/m);
    expect(piped.stdout).toContain('fully exposed;\nvisibility 100');
    expect(piped.stdout).not.toContain('\u001b');
  });
});
