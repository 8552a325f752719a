/** `cxray doctor`: what it reports about a workbook and its backups, and --restore. */
import { WORKBOOK_SCHEMA_VERSION } from '../../src/core/workbook-schema.js';
import { chmodSync, chownSync, existsSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/doctor.js';
import { UserError } from '../../src/core/errors.js';
import { resolveDbPath } from '../../src/store/db-path.js';
import { openWorkbook } from '../../src/store/workbook-store.js';
import { bigWorkbook, tempDir } from './helpers/store-fixtures.js';

async function doctor(args: { db?: string; restore?: boolean }, cwd = '/', env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  try {
    const code = await run({
      positionals: [],
      values: args,
      env,
      cwd,
      out: (t) => (stdout += t),
      err: (t) => (stderr += t),
    });
    return { code, stdout, stderr };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { code: error.exitCode, stdout, stderr: `cxray: ${error.message}\n` };
  }
}

const GOOD = JSON.stringify(bigWorkbook(2, 3));
const OLDER = new Date('2026-11-19T10:00:00Z');
const OLDEST = new Date('2026-11-18T10:00:00Z');

describe('cxray doctor', () => {
  it('says a valid workbook is usable, with its counts, and exits 0', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, GOOD);
    const r = await doctor({ db: file });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${file}: valid, 2 assessments, 6 answers, modified \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\n${file} is usable\\.\\n$`));
  });

  it('lists a damaged workbook and every backup, one line each, and names the one --restore would use', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, '{"schemaVersion": 1, "assessments": [');
    writeFileSync(`${file}.bak`, GOOD, { mode: 0o600 });
    writeFileSync(`${file}.v0.bak`, '{"schemaVersion": 0}');
    utimesSync(`${file}.v0.bak`, OLDEST, OLDEST);
    const r = await doctor({ db: file });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(new RegExp(`^${file}: invalid \\(line 1, column 38: not valid JSON: the file ends where a value should be; it looks truncated\\), modified `));
    expect(lines[1]).toMatch(new RegExp(`^${file}\\.bak: valid, 2 assessments, 6 answers, modified `));
    expect(lines[2]).toMatch(new RegExp(`^${file}\\.v0\\.bak: invalid \\(line 1, column 19: schemaVersion is 0, a workbook format this cxray cannot convert`));
    expect(lines[3]).toBe(`${file} is damaged; \`cxray doctor --db ${file} --restore\` puts ${file}.bak in its place and keeps the damaged file aside.`);
  });

  it('lists every schema problem of a file under it', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, '{"schemaVersion":1,"assessments":[{"id":"","name":"","createdAt":"x","bank":{"id":"b","version":"1"}}]}');
    const r = await doctor({ db: file });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}: invalid (line 1, column 41: assessments[0].id must not be empty, and 2 more problems)`);
    expect(r.stdout).toContain(`\n  ${file}:1:51: assessments[0].name must not be empty\n`);
    expect(r.stdout).toContain(`\n  ${file}:1:66: assessments[0].createdAt must be a date and time`);
    expect(r.stdout).toMatch(/is damaged and no valid backup was found; fix it in a text editor/);
  });

  it('reports the lock: held by a running cxray, or left by one that is gone', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, GOOD);
    const store = await openWorkbook(file, { command: 'cxray --db cxray.json' });
    expect((await doctor({ db: file })).stdout).toMatch(
      new RegExp(`${file}\\.lock: held by pid ${process.pid} \\(cxray --db cxray\\.json\\) since \\d\\d:\\d\\d; that cxray is still running`),
    );
    await store.close();
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: 999_999_999, hostname: hostname(), since: new Date().toISOString(), command: 'cxray' }));
    expect((await doctor({ db: file })).stdout).toMatch(/left by pid 999999999 \(cxray\) since \d\d:\d\d, which no longer runs; the next cxray takes it over/);
  });

  it('reports a workbook from a newer cxray without calling it damaged (exit 2)', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, `{"schemaVersion": ${WORKBOOK_SCHEMA_VERSION + 1}, "assessments": []}`);
    const r = await doctor({ db: file });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`written by a newer cxray (workbook format ${WORKBOOK_SCHEMA_VERSION + 1}; this one reads up to ${WORKBOOK_SCHEMA_VERSION})`);
    expect(r.stdout).toMatch(/it is not damaged: upgrade cxray to open it/);
  });

  it('fails with exit 2 when there is neither a workbook nor a backup', async () => {
    const dir = tempDir();
    const r = await doctor({}, dir);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `cxray: ${join(dir, 'cxray.json')} does not exist, and there are no backups of it; check --db (or $CXRAY_DB).\n` });
  });
});

describe('cxray doctor --restore', () => {
  it('puts the newest valid backup in place, keeps the damaged file aside (0600), and exits 0', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const damaged = Buffer.from('{"schemaVersion": 1, "assessments": [');
    writeFileSync(file, damaged, { mode: 0o644 });
    writeFileSync(`${file}.bak`, GOOD, { mode: 0o600 });
    writeFileSync(`${file}.unsaved-20261101T000000Z.json`, JSON.stringify(bigWorkbook(1, 1)), { mode: 0o600 });
    utimesSync(`${file}.unsaved-20261101T000000Z.json`, OLDER, OLDER);
    const r = await doctor({ db: file, restore: true });
    expect(r.code).toBe(0);
    const match = new RegExp(`^restored ${file} from ${file}\\.bak \\(modified [^)]+\\); the damaged file is kept as (${file}\\.broken-\\d{8}T\\d{6}Z)\\.\\n$`).exec(r.stdout);
    expect(match).not.toBeNull();
    expect(readFileSync(file, 'utf8')).toBe(GOOD);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(match![1]!).equals(damaged)).toBe(true);
    expect(statSync(match![1]!).mode & 0o777).toBe(0o600);
    expect(existsSync(`${file}.lock`)).toBe(false);
    // And now the workbook opens.
    expect((await doctor({ db: file })).code).toBe(0);
  });

  it('restores a missing workbook from its backup', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(`${file}.bak`, GOOD, { mode: 0o600 });
    const r = await doctor({ db: file, restore: true });
    expect(r).toMatchObject({ code: 0, stdout: expect.stringMatching(/^restored \S+ from \S+\.bak \(modified [^)]+\)\.\n$/) });
    expect(readFileSync(file, 'utf8')).toBe(GOOD);
  });

  it('never damages anything when no backup is valid: exit 1, nothing changed', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, 'null');
    writeFileSync(`${file}.bak`, '', { mode: 0o600 });
    const r = await doctor({ db: file, restore: true });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/is damaged and no valid backup was found; nothing was changed\.\n$/);
    expect(readdirSync(dir).sort()).toEqual(['cxray.json', 'cxray.json.bak']);
    expect(readFileSync(file, 'utf8')).toBe('null');
  });

  it('leaves a valid workbook alone', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, GOOD);
    writeFileSync(`${file}.bak`, JSON.stringify(bigWorkbook(1, 0)), { mode: 0o600 });
    const r = await doctor({ db: file, restore: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/is valid; nothing to restore\.\n$/);
    expect(readFileSync(file, 'utf8')).toBe(GOOD);
  });

  it('leaves a newer workbook alone (exit 2)', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const newer = `{"schemaVersion": ${WORKBOOK_SCHEMA_VERSION + 1}}`;
    writeFileSync(file, newer);
    writeFileSync(`${file}.bak`, GOOD, { mode: 0o600 });
    const r = await doctor({ db: file, restore: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/was written by a newer cxray \(workbook format \d+\); it is not damaged, so it was left alone; upgrade cxray to open it\./);
    expect(r.stderr).toContain(`(workbook format ${WORKBOOK_SCHEMA_VERSION + 1})`);
    expect(readFileSync(file, 'utf8')).toBe(newer);
  });

  it('takes the lock: refused while the workbook is open in a writer', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.ppid, hostname: hostname(), since: new Date().toISOString(), command: 'cxray' }));
    writeFileSync(file, '{');
    writeFileSync(`${file}.bak`, GOOD, { mode: 0o600 });
    const r = await doctor({ db: file, restore: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^cxray: ${file} is open in another cxray \\(pid ${process.ppid}, since \\d\\d:\\d\\d\\); close it there, or wait\\.\\n$`));
    expect(readFileSync(file, 'utf8')).toBe('{');
  });
});

describe('resolveDbPath', () => {
  it.each([
    [{ db: 'w.json' }, { CXRAY_DB: '/env/x.json' }, '/work/w.json'],
    [{ db: '/abs/w.json' }, {}, '/abs/w.json'],
    [{}, { CXRAY_DB: '/env/x.json' }, '/env/x.json'],
    [{}, { CXRAY_DB: 'rel.json' }, '/work/rel.json'],
    [{}, { CXRAY_DB: '' }, '/work/cxray.json'],
    [{}, {}, '/work/cxray.json'],
  ])('%j with %j in /work is %s', (values, env, expected) => {
    expect(resolveDbPath(values, env, '/work')).toBe(expected);
  });

  it('refuses an empty --db', () => {
    expect(() => resolveDbPath({ db: '' }, {}, '/work')).toThrow('--db needs a file name, e.g. --db workshop.json.');
  });
});

describe('cxray doctor --restore and planted files (issue 15, item 9)', () => {
  const FUTURE = new Date('2099-01-01T12:00:00Z');
  const planted = (file: string) => `${file}.unsaved-29990101T000000Z.json`;

  it('does not install a planted copy dated in the future over the real .bak; says why it was skipped', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, '{');
    writeFileSync(`${file}.bak`, GOOD, { mode: 0o600 });
    writeFileSync(planted(file), JSON.stringify(bigWorkbook(1, 1)), { mode: 0o600 });
    utimesSync(planted(file), FUTURE, FUTURE);
    const check = await doctor({ db: file });
    expect(check.stdout).toContain(`${planted(file)}: valid, 1 assessment, 1 answer, modified 2099-`);
    expect(check.stdout).toContain('; --restore skips it: it is dated in the future');
    const r = await doctor({ db: file, restore: true });
    expect(r.stdout).toMatch(new RegExp(`^restored ${file} from ${file}\\.bak `));
    expect(readFileSync(file, 'utf8')).toBe(GOOD);
  });

  it('prefers the .bak to a newer rescue copy', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, '{');
    writeFileSync(`${file}.bak`, GOOD, { mode: 0o600 });
    utimesSync(`${file}.bak`, OLDER, OLDER);
    writeFileSync(`${file}.unsaved-20261101T000000Z.json`, JSON.stringify(bigWorkbook(1, 1)), { mode: 0o600 });
    expect((await doctor({ db: file, restore: true })).stdout).toMatch(new RegExp(`^restored ${file} from ${file}\\.bak `));
  });

  it('skips a candidate others can read or write, and one that is not the current user\'s', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, '{');
    writeFileSync(`${file}.bak`, GOOD, { mode: 0o644 });
    chmodSync(`${file}.bak`, 0o644);
    const other = `${file}.unsaved-20261101T000000Z.json`;
    writeFileSync(other, JSON.stringify(bigWorkbook(1, 1)), { mode: 0o600 });
    if (process.getuid?.() === 0) chownSync(other, 12345, 12345);
    const r = await doctor({ db: file, restore: true });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('--restore skips it: others can read or write it (mode 644; cxray writes 600)');
    if (process.getuid?.() === 0) expect(r.stdout).toContain('--restore skips it: it belongs to another user (uid 12345)');
    expect(r.stdout).toMatch(/no valid backup was found; nothing was changed/);
    expect(readFileSync(file, 'utf8')).toBe('{');
  });
});

