/** The exports run from the built single-file program, as a user runs them. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOLDEN_BANK_PATH, GOLDEN_DIR, goldenWorkbook } from '../export/golden-fixtures.js';
import { GOLDEN_EPOCH, tempFolder, writeWorkbook } from './invoke.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

function cli(args: string[], cwd: string) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: GOLDEN_EPOCH, NO_COLOR: '1' }, timeout: 30_000 });
}

let folder: ReturnType<typeof tempFolder>;
beforeAll(() => {
  folder = tempFolder();
  writeWorkbook(folder.path('work.json'), goldenWorkbook());
  // Build only when the bundle is missing or older than the diff command.
  const probe = cli(['diff', '--help'], folder.dir);
  if (probe.status !== 0 || !probe.stdout.includes('--from')) {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stderr}`);
  }
}, 120_000);
afterAll(() => folder.cleanup());

describe('the built cxray', () => {
  it('exports the answers as CSV, byte for byte as the golden file', () => {
    const r = cli(['export', '--db', 'work.json', '--bank', GOLDEN_BANK_PATH, '--format', 'csv', '--answers'], folder.dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(GOLDEN_DIR, 'demo-answers.csv'), 'utf8'));
  });

  it('takes a snapshot, then compares it with now', () => {
    const bank = ['--db', 'work.json', '--bank', GOLDEN_BANK_PATH];
    const taken = cli(['snapshot', ...bank, '--label', 'Q4'], folder.dir);
    expect(taken).toMatchObject({ status: 0, stderr: '' });
    expect(taken.stdout).toMatch(/^Took snapshot "Q4" \(id q4\) of "Northwind Home Energy — customer data review": exposure \d+, visibility \d+; \d+ answers and \d+ plan items frozen\.\n/);
    const json = cli(['diff', ...bank, '--format', 'json'], folder.dir);
    expect(json).toMatchObject({ status: 0, stderr: '' });
    const diff = JSON.parse(json.stdout);
    expect(diff.from.label).toBe('Q4');
    expect([diff.answers, diff.newUnknowns, diff.resolvedUnknowns]).toEqual([[], [], []]);
    const text = cli(['diff', ...bank, '--from', 'August 2026 review'], folder.dir);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^Northwind Home Energy — customer data review: from "August 2026 review" \(2026-08-21\) to now \(2026-11-20\)\n/);
    expect(text.stdout).not.toContain('\u001b');
  });

  it('refuses to overwrite an export in one line, exit 2', () => {
    const args = ['export', '--db', 'work.json', '--bank', GOLDEN_BANK_PATH, '--format', 'md', '--output', 'plan.md'];
    expect(cli(args, folder.dir).status).toBe(0);
    const again = cli(args, folder.dir);
    expect(again).toMatchObject({ status: 2, stdout: '', stderr: 'cxray: plan.md already exists; pass --force to overwrite it, or choose another --output file.\n' });
  });
});
