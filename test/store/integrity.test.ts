/**
 * Issue 15, item 13: a workbook with two answers to one question of a journey, repeated
 * journey ids, or answers naming a journey that does not exist is refused with
 * file:line:column (it was accepted, and an import touching a duplicated key dropped
 * the other copies silently); `cxray doctor` reports it, and `doctor --repair` keeps the
 * newest of duplicates, lists what it set aside and keeps the file as it was.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as doctorCommand from '../../src/commands/doctor.js';
import { UserError } from '../../src/core/errors.js';
import { integrityProblems, repairIntegrity } from '../../src/core/workbook-integrity.js';
import type { Workbook } from '../../src/core/workbook-schema.js';
import { openWorkbook, readWorkbook } from '../../src/store/workbook-store.js';
import { invoke } from '../commands/invoke.js';
import { bigWorkbook, tempDir } from './helpers/store-fixtures.js';

/** A workbook of one assessment, two journeys, answers; then broken as `breakIt` says. */
function broken(breakIt: (w: Workbook) => void): Workbook {
  const w = bigWorkbook(2, 2) as Workbook;
  breakIt(w);
  return w;
}
const a0 = (w: Workbook) => w.assessments[0]!;

const duplicateAnswer = (w: Workbook) => {
  const first = a0(w).answers[0]!;
  a0(w).answers.push({ ...first, note: 'the newer copy', at: '2030-01-01T00:00:00.000Z' });
};
const repeatedJourney = (w: Workbook) => void a0(w).journeys.push({ ...a0(w).journeys[0]!, name: 'A second journey with the same id' });
const orphanAnswer = (w: Workbook) => void a0(w).answers.push({ ...a0(w).answers[0]!, journeyId: 'no-such-journey' });

describe('integrity of a workbook', () => {
  it.each([
    ['two answers to one question of a journey', duplicateAnswer, /^assessments\[0\]\.answers\[\d+\]$/, /is a second answer to question "[^"]+" for journey "[^"]+" \(the first is answers\[0\]\); keep one/],
    ['a repeated journey id', repeatedJourney, /^assessments\[0\]\.journeys\[\d+\]\.id$/, /repeats the journey id "[^"]+" of journeys\[0\]/],
    ['an answer naming no journey', orphanAnswer, /^assessments\[0\]\.answers\[\d+\]\.journeyId$/, /is "no-such-journey", which names no journey of this assessment/],
  ])('%s: refused when read, with file:line:column, nothing written', async (_, breakIt, field, message) => {
    const dir = tempDir();
    const file = join(dir, 'wb.json');
    const text = JSON.stringify(broken(breakIt), null, 2);
    writeFileSync(file, text, { mode: 0o600 });
    const error = (await readWorkbook(file).catch((e: unknown) => e)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    const m = new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+): (\\S+) `).exec(error.message);
    expect(m, error.message).not.toBeNull();
    expect(m![3]).toMatch(field);
    expect(error.message).toMatch(message);
    expect(Number(m![1])).toBeGreaterThan(1);
    await expect(openWorkbook(file)).rejects.toThrow(UserError);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('doctor reports it and names --repair; --repair keeps the newest, lists the rest, keeps the file aside', async () => {
    const dir = tempDir();
    const file = join(dir, 'wb.json');
    const text = JSON.stringify(broken((w) => [duplicateAnswer, repeatedJourney, orphanAnswer].forEach((f) => f(w))), null, 2);
    writeFileSync(file, text, { mode: 0o600 });
    const check = await invoke(doctorCommand, { values: { db: 'wb.json' }, cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/wb\.json: invalid \(line \d+, column \d+: .*, and 2 more problems\)/);
    expect(check.stdout).toContain('`cxray doctor --db ');
    expect(check.stdout).toContain('--repair` keeps the newest of each');

    const r = await invoke(doctorCommand, { values: { db: 'wb.json', repair: true }, cwd: dir });
    expect(r.code, r.stdout).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^repaired \S+wb\.json; the file as it was is kept as \S+wb\.json\.broken-\d{8}T\d{6}Z\. Set aside:$/);
    expect(lines.slice(1)).toHaveLength(3);
    expect(r.stdout).toContain('a second journey with the id');
    expect(r.stdout).toContain('a journey the assessment does not have');
    expect(r.stdout).toMatch(/an answer to "[^"]+" for "[^"]+" of \S+ \(a newer one, of 2030-01-01T00:00:00\.000Z, is kept\)/);
    const repaired = await readWorkbook(file);
    expect(integrityProblems(repaired)).toEqual([]);
    expect(repaired.assessments[0]!.answers.some((a) => a.note === 'the newer copy')).toBe(true);
    const aside = readdirSync(dir).find((n) => n.includes('.broken-'))!;
    expect(readFileSync(join(dir, aside), 'utf8')).toBe(text);
    // Mended: doctor finds it usable, and --repair has nothing more to do.
    expect((await invoke(doctorCommand, { values: { db: 'wb.json' }, cwd: dir })).code).toBe(0);
  });

  it('repairIntegrity leaves a sound workbook as it is (the same object)', () => {
    const w = bigWorkbook(2, 3) as Workbook;
    expect(integrityProblems(w)).toEqual([]);
    expect(repairIntegrity(w)).toEqual({ workbook: w, setAside: [] });
    expect(repairIntegrity(w).workbook).toBe(w);
  });
});
