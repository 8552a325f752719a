/**
 * The built program on damaged workbooks: `cxray doctor` names the file, the line and
 * column or the field, and the way out, exits 1 (damaged) or 2 (newer cxray), and never
 * changes a byte. Needs dist/ (npm run build).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WORKBOOK_SCHEMA_VERSION } from '../../src/core/workbook-schema.js';
import { runCli } from '../helpers/run-cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const CASES: [string, Buffer, string][] = [
  ['empty', Buffer.alloc(0), 'invalid (the file is empty (0 bytes))'],
  ['truncated', Buffer.from('{\n  "schemaVersion": 1,\n  "assessments": [\n    {"id": "a"'), 'invalid (line 4, column 15: not valid JSON: the file ends where "," or "}" after a property should be; it looks truncated)'],
  ['NUL-filled', Buffer.alloc(512), 'invalid (line 1, column 1: the file holds only NUL bytes (512); a crash or a disk fault wiped it)'],
  ['null', Buffer.from('null'), 'invalid (line 1, column 1: the top level is null; a workbook is an object with "schemaVersion" and "assessments")'],
  ['of the wrong shape', Buffer.from('{"schemaVersion": 1, "assessments": [{"id": 7}]}'), 'invalid (line 1, column 38: assessments[0].name is missing, and 3 more problems)'],
  ['not UTF-8', Buffer.from([0x7b, 0xff, 0x7d]), 'invalid (line 1, column 2: the file is not UTF-8 text (byte 0xff); it was perhaps saved in another encoding)'],
];

describe.each(CASES)('cxray doctor on a workbook that is %s', (_name, bytes, verdict) => {
  it('says what is wrong and where, exits 1, and leaves the file byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxray-cli-'));
    dirs.push(dir);
    const file = join(dir, 'cxray.json');
    writeFileSync(file, bytes);
    const r = runCli(['doctor', '--db', file]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^${file}: ${verdict.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, modified `));
    expect(r.stdout).toMatch(/is damaged and no valid backup was found; fix it in a text editor \(`cxray schema workbook` describes the format\)\.\n$/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['cxray.json']);

    // And --restore, with no backup, changes nothing either.
    const restore = runCli(['doctor', '--restore'], { env: { CXRAY_DB: file } });
    expect(restore.status).toBe(1);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['cxray.json']);
  });
});

describe('cxray doctor', () => {
  it('refuses to judge a workbook from a newer cxray (exit 2) and leaves it alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxray-cli-'));
    dirs.push(dir);
    const file = join(dir, 'cxray.json');
    const newer = WORKBOOK_SCHEMA_VERSION + 1;
    const text = `{"schemaVersion": ${newer}, "assessments": []}`;
    writeFileSync(file, text);
    const r = runCli(['doctor'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(`cxray.json: written by a newer cxray (workbook format ${newer}; this one reads up to ${WORKBOOK_SCHEMA_VERSION})`);
    const restore = runCli(['doctor', '--restore'], { cwd: dir });
    expect(restore.status).toBe(2);
    expect(restore.stderr).toMatch(/^cxray: \S+cxray\.json was written by a newer cxray \(workbook format \d+\); it is not damaged, so it was left alone; upgrade cxray to open it\.\n$/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('restores from the .bak through the built program', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxray-cli-'));
    dirs.push(dir);
    const file = join(dir, 'cxray.json');
    writeFileSync(file, '{"schemaVersion": 1, "assess');
    // As cxray writes it: private to its owner (doctor distrusts a backup others can read).
    writeFileSync(`${file}.bak`, '{"schemaVersion": 1, "assessments": []}', { mode: 0o600 });
    const r = runCli(['doctor', '--db', 'cxray.json', '--restore'], { cwd: dir });
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toMatch(/^restored \S+cxray\.json from \S+cxray\.json\.bak \(modified [^)]+\); the damaged file is kept as \S+cxray\.json\.broken-\d{8}T\d{6}Z\.\n$/);
    expect(runCli(['doctor', '--db', file]).status).toBe(0);
  });
});
