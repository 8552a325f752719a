/** A workbook that cannot be read is refused with exit 2, one clear sentence, and never touched. */
import { WORKBOOK_SCHEMA_VERSION } from '../../src/core/workbook-schema.js';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { openWorkbook, readWorkbook } from '../../src/store/workbook-store.js';
import { tempDir } from './helpers/store-fixtures.js';

const VALID_ANSWER = '{"journeyId":"j","questionId":"q","kind":"option","optionId":"o","at":"2026-11-20T10:00:00Z"}';
const assessment = (answers: string) =>
  `{"id":"a","name":"A","createdAt":"2026-11-20T10:00:00Z","bank":{"id":"b","version":"1"},"answers":[${answers}]}`;

const CASES: [string, Buffer, RegExp][] = [
  ['empty', Buffer.alloc(0), /^FILE: the file is empty \(0 bytes\); the file was left untouched: /],
  ['truncated', Buffer.from('{\n  "schemaVersion": 1,\n  "assessments": [\n    {"id": "a", "na'), /^FILE:4:17: not valid JSON: a string that is never closed; the file looks truncated; /],
  ['cut after a comma', Buffer.from('{"schemaVersion": 1,'), /^FILE:1:21: not valid JSON: the file ends where a property name in double quotes should be; it looks truncated; /],
  ['NUL-filled', Buffer.alloc(4096), /^FILE:1:1: the file holds only NUL bytes \(4096\); a crash or a disk fault wiped it; /],
  ['NUL bytes after valid JSON', Buffer.concat([Buffer.from('{"schemaVersion":1,"assessments":[]}'), Buffer.alloc(8)]), /^FILE:1:37: not valid JSON: unexpected a NUL byte after the end of the JSON document; /],
  ['null', Buffer.from('null\n'), /^FILE:1:1: the top level is null; a workbook is an object with "schemaVersion" and "assessments"; /],
  ['an array', Buffer.from('[]'), /^FILE:1:1: the top level is an array; /],
  ['no schemaVersion', Buffer.from('{"assessments": []}'), /^FILE:1:1: schemaVersion is missing; /],
  ['wrong shape', Buffer.from(`{"schemaVersion":1,"assessments":{}}`), /^FILE:1:34: assessments must be an array; /],
  [
    'a wrong answer kind',
    Buffer.from(`{"schemaVersion":1,"assessments":[\n${assessment(`${VALID_ANSWER},${VALID_ANSWER},${VALID_ANSWER},\n{"journeyId":"j","questionId":"q","kind":"maybe","at":"2026-11-20T10:00:00Z"}`)}]}`),
    /^FILE:3:42: assessments\[0\]\.answers\[3\]\.kind must be one of "option", "unknown", "na"; the file was left untouched: /,
  ],
  [
    'several problems',
    Buffer.from(`{"schemaVersion":1,"assessments":[{"id":"","name":"","createdAt":"yesterday","bank":{"id":"b","version":"1"},"extra":1}]}`),
    /^FILE:1:35: assessments\[0\] has an unknown field "extra" \(and 3 more problems\); /,
  ],
  ['not UTF-8', Buffer.concat([Buffer.from('{"schemaVersion":1,\n"assessments":[], "x": "caf'), Buffer.from([0xe9]), Buffer.from('"}')]), /^FILE:2:28: the file is not UTF-8 text \(byte 0xe9\); /],
];

function expectUserError(error: unknown, file: string, message: RegExp): UserError {
  expect(error).toBeInstanceOf(UserError);
  const e = error as UserError;
  expect(e.exitCode).toBe(2);
  expect(e.message.replaceAll(file, 'FILE')).toMatch(message);
  expect(e.message).not.toContain('\n');
  return e;
}

describe.each(CASES)('a workbook that is %s', (_name, bytes, message) => {
  it('is refused by openWorkbook (exit 2), named with line and column or field, and left byte for byte', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, bytes, { mode: 0o644 });
    const before = statSync(file);
    const error = await openWorkbook(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    const e = expectUserError(error, file, message);
    expect(e.message).toMatch(/`cxray doctor --db \S+`/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(file).mode & 0o777).toBe(0o644);
    // Nothing else was left behind: no lock, no temp file, no backup.
    expect(readdirSync(dir)).toEqual(['cxray.json']);
  });

  it('is refused by readWorkbook the same way', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, bytes);
    expectUserError(await readWorkbook(file).catch((e: unknown) => e), file, message);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe('the way out', () => {
  it('names the .bak beside the file and the restore command when there is one', async () => {
    const dir = tempDir();
    const file = join(dir, 'my workbook.json');
    writeFileSync(file, '{');
    writeFileSync(`${file}.bak`, '{"schemaVersion":1,"assessments":[]}');
    const error = (await openWorkbook(file).catch((e: unknown) => e)) as UserError;
    expect(error.message).toBe(
      `${file}:1:2: not valid JSON: the file ends where a property name in double quotes should be; it looks truncated; ` +
        `the file was left untouched: the previous version is in ${file}.bak, and \`cxray doctor --db '${file}' --restore\` checks it and puts it back.`,
    );
  });

  it('suggests doctor and an editor when there is no backup', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, 'null');
    const error = (await openWorkbook(file).catch((e: unknown) => e)) as UserError;
    expect(error.message).toMatch(/; the file was left untouched: run `cxray doctor --db \S+cxray\.json` to look for backups, or fix it in a text editor \(`cxray schema workbook` describes the format\)\.$/);
  });
});

describe('a workbook written by a newer cxray', () => {
  it('is refused with the version it has and the one this cxray reads, and left alone', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const newer = WORKBOOK_SCHEMA_VERSION + 1;
    const bytes = Buffer.from(`{"schemaVersion": ${newer}, "assessments": [], "snapshots": []}`);
    writeFileSync(file, bytes);
    for (const attempt of [() => openWorkbook(file), () => readWorkbook(file)]) {
      const error = (await attempt().then(() => undefined, (e: unknown) => e)) as UserError;
      expect(error).toBeInstanceOf(UserError);
      expect(error.exitCode).toBe(2);
      expect(error.message).toBe(`${file} was written by a newer cxray (workbook format ${newer}; this one reads up to ${WORKBOOK_SCHEMA_VERSION}); upgrade cxray to open it.`);
    }
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('files that are not workbooks at all', () => {
  it('refuses a folder', async () => {
    const dir = tempDir();
    await expect(openWorkbook(dir, { lock: false })).rejects.toThrow(/is not a regular file/);
  });

  it('refuses a path in a folder that does not exist', async () => {
    const dir = tempDir();
    await expect(openWorkbook(join(dir, 'nope', 'cxray.json'))).rejects.toThrow(/the folder \S+nope does not exist; create it, or choose another --db/);
  });

  it('readWorkbook refuses a missing file', async () => {
    const dir = tempDir();
    const error = (await readWorkbook(join(dir, 'cxray.json')).catch((e: unknown) => e)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/cxray\.json does not exist; check --db \(or \$CXRAY_DB\)/);
  });
});
