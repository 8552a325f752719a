/**
 * `cxray validate`: mostly through the command's run() with a fake invocation; the built
 * program is spawned only to check exit codes and that no stack trace ever shows.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/commands/validate.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { CLI } from '../helpers/terminal.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BANKS = relative(ROOT, join(FIXTURES, 'banks'));
const BROKEN = join(BANKS, 'broken');

async function validate(args: string[], cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const code = await run({
    positionals: args,
    values: {},
    env: {},
    cwd,
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
  });
  return { code, stdout, stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'cxray-validate-'));
const noBanks = join(tmp, 'no-banks');
mkdirSync(noBanks);
writeFileSync(join(noBanks, 'notes.txt'), 'not a bank');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('cxray validate (run)', () => {
  it('checks the built-in banks when given no path: exit 0, one line per bank, and no warning', async () => {
    const r = await validate([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^questions\/cx-data-exposure\.yaml: valid \(\d+ questions, \d+ actions\)\n$/);
    expect(r.stderr).toBe('');
  });

  it('lists each thing a bank may get wrong unawares as a located warning, and exits 0', async () => {
    const file = join(BANKS, 'warnings', 'every-warning.yaml');
    const r = await validate([file]);
    expect(r).toEqual({
      code: 0,
      stdout: [
        `${file}: valid (1 question, 2 actions)`,
        `${file}:13:53: warning: the prompt of question "export-alert" ends before " #", which YAML reads as the start of a comment, so "#2 be noticed?" is left out of it; put the whole text in quotes if the # belongs to it, or leave two spaces before a comment`,
        `${file}:17:16: warning: option "minutes" of question "export-alert" has a label of 75 characters, which the walk cuts at 80 columns; shorten it to 72 or fewer and put the rest in the question's help`,
        `${file}:20:16: warning: option "unsure" of question "export-alert" is labelled "Not sure", but cxray offers "We don't know" on every question itself (key u, counted as a visibility gap); remove this option`,
        `${file}:25:16: warning: option "never" of question "export-alert" is at level 4 (fully exposed) but lists no action, so the plan has no fix to offer for it; name the action that would fix it under "actions"`,
        `${file}:36:13: warning: action "ask-admins" is a discovery action (question "export-alert" names it) with effort M, but the plan counts every discovery action as effort S (finding out is small work); write effort: S, or make the work a remediation action`,
        '',
      ].join('\n'),
      stderr: '5 warnings in 1 file\n',
    });
  });

  it('lists a cited control whose title differs from the catalogue\'s as a located warning, and exits 0', async () => {
    const file = join(BANKS, 'warnings', 'title-differs.yaml');
    const r = await validate([file]);
    expect(r).toEqual({
      code: 0,
      stdout:
        `${file}: valid (1 question, 2 actions)\n` +
        `${file}:26:55: warning: question "export-alert" titles ISO27001 A.5.9 "Asset inventory"; the catalogue calls it "Inventory of information and other associated assets": use that title\n`,
      stderr: '1 warning in 1 file\n',
    });
  });

  it('refuses an outdated ISO 27001:2013 id at its line and column, naming the 2022 control', async () => {
    const file = join(BROKEN, 'control-iso-2013.yaml');
    const r = await validate([file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `${file}:26:41: question "export-alert" cites ISO27001 "A.9.2.5": this is a 2013 id (Review of user access rights); 2022 maps it to A.5.18 (Access rights), so cite A.5.18\n`,
    );
  });

  it('says valid, with counts, for a valid bank', async () => {
    const r = await validate([join(BANKS, 'valid-full.yaml')]);
    expect(r).toEqual({ code: 0, stdout: `${join(BANKS, 'valid-full.yaml')}: valid (3 questions, 3 actions)\n`, stderr: '' });
  });

  it('prints each problem as path:line:column: message on stdout, and a count on stderr: exit 1', async () => {
    const file = join(BROKEN, 'unknown-key-typo.yaml');
    const r = await validate([file]);
    expect(r).toEqual({
      code: 1,
      stdout: `${file}:13:5: unknown key "promt"; did you mean "prompt"?\n`,
      stderr: '1 problem in 1 file\n',
    });
  });

  it('takes every bank file in a folder, one bank per file', async () => {
    const r = await validate([BROKEN]);
    const files = readdirSync(join(ROOT, BROKEN)).filter((f) => f.endsWith('.yaml'));
    expect(r.code).toBe(1);
    // One problem per file; two of them also carry a warning (a level-4 option with no action, a discovery action of effort M).
    const lines = r.stdout.trimEnd().split('\n').filter((line) => !/:\d+:\d+: warning: /.test(line));
    expect(lines).toHaveLength(files.length);
    for (const line of lines) expect(line).toMatch(new RegExp(`^${BROKEN}/[a-z0-9-]+\\.yaml:\\d+:\\d+: \\S`));
    expect(r.stderr).toBe(`${files.length} problems in ${files.length} files\n2 warnings in 2 files\n`);
  });

  it('reports valid and broken banks together', async () => {
    const r = await validate([join(BANKS, 'valid-full.yaml'), join(BROKEN, 'bad-weight.yaml'), join(BROKEN, 'all-level-0.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(`${join(BANKS, 'valid-full.yaml')}: valid (3 questions, 3 actions)`);
    expect(r.stderr).toBe('2 problems in 2 files\n');
  });

  it('exits 2 for a file that does not exist, naming it, and still checks the others', async () => {
    const r = await validate(['no/such/bank.yaml', join(BANKS, 'valid-full.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cxray: validate: cannot read no/such/bank.yaml: there is no such file or folder; check the path.\n');
    expect(r.stdout).toContain('valid-full.yaml: valid');
  });

  it('exits 2 for a folder without bank files', async () => {
    const r = await validate([noBanks]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cxray: validate: the folder ${noBanks} holds no .yaml or .yml file; give a bank file or a folder of bank files.\n`);
  });

  it.skipIf(process.getuid?.() === 0)('exits 2 for a file it may not read', async () => {
    const locked = join(tmp, 'locked.yaml');
    writeFileSync(locked, 'id: x\n');
    chmodSync(locked, 0o000);
    const r = await validate([locked]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('permission denied');
  });

  it('resolves relative paths against the invocation folder', async () => {
    const r = await validate(['valid-full.yaml'], join(ROOT, BANKS));
    expect(r).toEqual({ code: 0, stdout: 'valid-full.yaml: valid (3 questions, 3 actions)\n', stderr: '' });
  });

  it('accepts .yml files in a folder', async () => {
    const dir = join(tmp, 'yml');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.yml'), 'id: a\n');
    const r = await validate([dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${join(dir, 'a.yml')}:1:1: the bank is missing "title"`);
  });
});

/** Builds dist/cli.js when it is missing or older than the code these tests are about. */
function ensureBuilt(): void {
  const validator = readdirSync(join(ROOT, 'src/bank/validate')).map((f) => `src/bank/validate/${f}`);
  const sources = [...validator, 'src/bank/open.ts', 'src/commands/validate.ts', 'src/core/bank-schema.ts', 'src/cli.ts'];
  const newest = Math.max(...sources.map((s) => statSync(join(ROOT, s)).mtimeMs));
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= newest) return;
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
}

describe('cxray validate (the built program)', () => {
  beforeAll(ensureBuilt, 120_000);

  function cxray(args: string[]) {
    const r = spawnSync(process.execPath, [CLI, 'validate', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it.each([
    [0, [join(BANKS, 'valid-full.yaml')]],
    [1, [join(BROKEN, 'tag-js-function.yaml')]],
    [1, [join(BROKEN, 'deep-nesting.yaml'), join(BROKEN, 'invalid-utf8.yaml'), join(BROKEN, 'syntax-error.yaml')]],
    [2, ['no-such-file.yaml']],
    [2, [noBanks]],
  ])('exits %i for %j, without a stack trace', (status, args) => {
    const r = cxray(args);
    expect(r.status).toBe(status);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at |internal error|Error:/);
  });

  it('prints problems on stdout and the count on stderr', () => {
    const r = cxray([join(BROKEN, 'bad-enum-effort.yaml')]);
    expect(r.stdout).toBe(`${join(BROKEN, 'bad-enum-effort.yaml')}:28:13: "effort" of action "log-exports" is text "XL"; use one of S, M, L\n`);
    expect(r.stderr).toBe('1 problem in 1 file\n');
  });
});
