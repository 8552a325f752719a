/**
 * A save replaces the workbook by rename, which needs only the folder to be writable: a
 * read-only workbook, or another user's (directly or through a symlink), must be refused
 * when opened for writing, with nothing written (issue 15, item 10).
 */
import { chmodSync, chownSync, existsSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { WORKBOOK_SCHEMA_VERSION } from '../../src/core/workbook-schema.js';
import { openWorkbook } from '../../src/store/workbook-store.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from './helpers/store-fixtures.js';

const EMPTY = `{"schemaVersion":${WORKBOOK_SCHEMA_VERSION},"assessments":[]}\n`;
const isRoot = process.getuid?.() === 0;

describe('a workbook cxray must not replace', () => {
  it('read-only (0400): refused in one sentence, exit 2, nothing written, no lock left', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, EMPTY);
    chmodSync(file, 0o400);
    const error = (await openWorkbook(file).catch((e: unknown) => e)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(`${file} is read-only; make it writable (chmod u+w) or copy it and open the copy.`);
    expect(readFileSync(file, 'utf8')).toBe(EMPTY);
    expect(statSync(file).mode & 0o777).toBe(0o400);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('read-only, by the command line: `cxray snapshot` and `cxray import` refuse with exit 2', () => {
    const dir = tempDir();
    expect(runCli(['demo', '--db', 'wb.json'], { cwd: dir }).status).toBe(0);
    const before = readFileSync(join(dir, 'wb.json'));
    chmodSync(join(dir, 'wb.json'), 0o400);
    const r = runCli(['snapshot', '--db', 'wb.json', '--label', 'x'], { cwd: dir });
    expect(r).toMatchObject({ status: 2, stderr: 'cxray: wb.json is read-only; make it writable (chmod u+w) or copy it and open the copy.\n' });
    writeFileSync(join(dir, 'a.csv'), 'journey,question id,answer\n');
    expect(runCli(['import', 'a.csv', '--db', 'wb.json'], { cwd: dir }).status).toBe(2);
    expect(readFileSync(join(dir, 'wb.json')).equals(before)).toBe(true);
  });

  it.skipIf(!isRoot)('another user\'s file, directly or through a symlink: refused, and it stays theirs', async () => {
    const dir = tempDir();
    const theirs = join(dir, 'theirs.json');
    writeFileSync(theirs, EMPTY, { mode: 0o600 });
    chownSync(theirs, 12345, 12345);
    const link = join(dir, 'mine.json');
    symlinkSync(theirs, link);
    for (const [path, shown] of [[theirs, theirs], [link, `${link} (a link to ${theirs})`]] as const) {
      const error = (await openWorkbook(path).catch((e: unknown) => e)) as UserError;
      expect(error).toBeInstanceOf(UserError);
      expect(error.message).toBe(
        `${shown} belongs to another user (uid 12345); saving replaces the file, which would take it from its owner: copy it and open the copy, or ask its owner to open it.`,
      );
    }
    expect(statSync(theirs).uid).toBe(12345);
    expect(readFileSync(theirs, 'utf8')).toBe(EMPTY);
  });
});
