/**
 * `cxray doctor --restore` and `--repair` when another program changes the workbook
 * while doctor works on it (issue 15, item 11): nothing is replaced, one sentence says
 * so. The other program strikes at the last moment: doctor's own check just before it
 * replaces the file (a real rename of a real file).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as doctorCommand from '../../src/commands/doctor.js';
import { armStrike, strikes } from '../helpers/other-program.js';
import { invoke } from '../commands/invoke.js';
import { bigWorkbook, tempDir } from './helpers/store-fixtures.js';

vi.mock('node:fs/promises', async (original) => (await import('../helpers/other-program.js')).fsWithStrike(await original(), 'assertAsInspected'));

const THEIRS = JSON.stringify(bigWorkbook(1, 4), null, 2) + '\n';
const GOOD = JSON.stringify(bigWorkbook(2, 3));

async function doctorFails(dir: string, values: Record<string, boolean>) {
  const error = await invoke(doctorCommand, { values: { db: 'wb.json', ...values }, cwd: dir }).then(
    () => undefined,
    (e: unknown) => e as { exitCode: number; message: string },
  );
  expect(strikes()).toBe(1);
  return error;
}

describe('doctor, when another program changes the workbook while it mends it', () => {
  it.each([
    ['--restore over a damaged workbook', { restore: true }, '{"schemaVersion": 3, "assessm'],
    ['--restore of a missing workbook', { restore: true }, undefined],
    [
      '--repair',
      { repair: true },
      (() => {
        const w = bigWorkbook(1, 2);
        w.assessments[0]!.answers.push({ ...w.assessments[0]!.answers[0]!, note: 'a second copy' });
        return JSON.stringify(w, null, 2);
      })(),
    ],
  ])('%s: exit 2, one sentence, their file left as it is', async (_name, values, before) => {
    const dir = tempDir();
    const file = join(dir, 'wb.json');
    if (before !== undefined) writeFileSync(file, before, { mode: 0o600 });
    writeFileSync(`${file}.bak`, GOOD, { mode: 0o600 });
    armStrike(file, THEIRS);
    const error = await doctorFails(dir, values);
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toMatch(/^\S*wb\.json was changed by another program while doctor was mending it; nothing was replaced( \(the file as it was a moment ago is kept as \S+wb\.json\.broken-\d{8}T\d{6}Z\))?: run doctor again\.$/);
    expect(readFileSync(file, 'utf8')).toBe(THEIRS);
  });
});
