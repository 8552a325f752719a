/**
 * Prebuilt banks (src/bank/prebuilt.ts, src/bank/open.ts): the build's validated JSON is
 * used only when the bank file's bytes hash to the one the build validated; an edited
 * file, valid or not, is validated in full, with the same problems and errors as the
 * validator itself gives.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { builtinBankPath } from '../../src/bank/builtin.js';
import { checkBankFile, openBank } from '../../src/bank/open.js';
import { PREBUILT_FORMAT, prebuiltName, prebuiltRecord, readPrebuiltBank, sha256Hex } from '../../src/bank/prebuilt.js';
import { validateBankBytes } from '../../src/bank/validate/index.js';
import type { Bank } from '../../src/core/bank-schema.js';
import { UserError } from '../../src/core/errors.js';
import { FIXTURES } from '../helpers/fixtures.js';

const VALID = join(FIXTURES, 'banks', 'valid-full.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'cxray-prebuilt-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The validator itself on a file's bytes, without the prebuilt path. */
function validateBankFile(path: string) {
  return validateBankBytes(readFileSync(path), path);
}

let n = 0;
/** A fresh folder with a copy of the valid bank and a prebuilt folder for it. */
function setUp(): { bankFile: string; prebuiltDir: string; bytes: Buffer; validated: Bank } {
  const dir = join(tmp, `case-${n++}`);
  const prebuiltDir = join(dir, 'banks');
  mkdirSync(prebuiltDir, { recursive: true });
  const bankFile = join(dir, 'valid-full.yaml');
  copyFileSync(VALID, bankFile);
  const bytes = readFileSync(bankFile);
  const validated = validateBankFile(bankFile).bank!;
  expect(validated).toBeDefined();
  return { bankFile, prebuiltDir, bytes, validated };
}

/** Writes a prebuilt record whose bank is recognisable, to tell it from a validated one. */
function writeMarkedPrebuilt(prebuiltDir: string, bytes: Buffer, bank: Bank): void {
  const record = prebuiltRecord(bytes, 'valid-full.yaml', { ...bank, title: 'FROM THE PREBUILT JSON' });
  writeFileSync(join(prebuiltDir, prebuiltName('valid-full.yaml')), JSON.stringify(record));
}

async function rejection(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError');
}

describe('the prebuilt record', () => {
  it('names the JSON after the bank file and holds the SHA-256 of its bytes', () => {
    expect(prebuiltName('/a/b/cx-data-exposure.yaml')).toBe('cx-data-exposure.json');
    expect(prebuiltName('Other.YML')).toBe('Other.json');
    const bytes = Buffer.from('abc');
    expect(sha256Hex(bytes)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const { validated } = setUp();
    expect(prebuiltRecord(bytes, '/x/valid-full.yaml', validated)).toEqual({ format: PREBUILT_FORMAT, source: 'valid-full.yaml', sha256: sha256Hex(bytes), bank: validated });
  });

  it('survives JSON as the very bank the validator returns (the built-in bank and a fixture)', () => {
    for (const path of [builtinBankPath(), VALID]) {
      const bytes = readFileSync(path);
      const bank = validateBankFile(path).bank!;
      const record = prebuiltRecord(bytes, path, bank);
      const dir = join(tmp, `roundtrip-${n++}`);
      mkdirSync(dir);
      writeFileSync(join(dir, prebuiltName(path)), JSON.stringify(record));
      expect(readPrebuiltBank(bytes, path, [dir])).toStrictEqual(bank);
    }
  });
});

describe('readPrebuiltBank', () => {
  it('returns the prebuilt bank when the hash matches, in the first folder that has it', () => {
    const { prebuiltDir, bytes, validated } = setUp();
    writeMarkedPrebuilt(prebuiltDir, bytes, validated);
    expect(readPrebuiltBank(bytes, 'valid-full.yaml', [join(tmp, 'nowhere'), prebuiltDir])?.title).toBe('FROM THE PREBUILT JSON');
  });

  it('returns nothing when a single byte differs, or when the JSON is missing, damaged or of another format', () => {
    const { prebuiltDir, bytes, validated } = setUp();
    const file = join(prebuiltDir, 'valid-full.json');
    expect(readPrebuiltBank(bytes, 'valid-full.yaml', [prebuiltDir])).toBeUndefined();
    writeMarkedPrebuilt(prebuiltDir, bytes, validated);
    const changed = Buffer.from(bytes);
    changed[changed.length - 1]! ^= 1;
    expect(readPrebuiltBank(changed, 'valid-full.yaml', [prebuiltDir])).toBeUndefined();
    expect(readPrebuiltBank(bytes, 'other-name.yaml', [prebuiltDir])).toBeUndefined();
    writeFileSync(file, '{"format":1,"sha256":');
    expect(readPrebuiltBank(bytes, 'valid-full.yaml', [prebuiltDir])).toBeUndefined();
    writeFileSync(file, JSON.stringify({ ...prebuiltRecord(bytes, 'valid-full.yaml', validated), format: PREBUILT_FORMAT + 1 }));
    expect(readPrebuiltBank(bytes, 'valid-full.yaml', [prebuiltDir])).toBeUndefined();
    writeFileSync(file, JSON.stringify({ ...prebuiltRecord(bytes, 'valid-full.yaml', validated), bank: null }));
    expect(readPrebuiltBank(bytes, 'valid-full.yaml', [prebuiltDir])).toBeUndefined();
  });
});

describe('openBank and checkBankFile', () => {
  let c: ReturnType<typeof setUp>;
  beforeEach(() => {
    c = setUp();
    writeMarkedPrebuilt(c.prebuiltDir, c.bytes, c.validated);
  });

  it('use the prebuilt bank for an unchanged file (and for a folder holding it)', async () => {
    const options = { prebuiltDirs: [c.prebuiltDir] };
    expect((await openBank(c.bankFile, options)).title).toBe('FROM THE PREBUILT JSON');
    expect((await openBank(join(c.bankFile, '..'), options)).title).toBe('FROM THE PREBUILT JSON');
    const check = await checkBankFile(c.bankFile, options);
    expect(check.problems).toEqual([]);
    expect(check.bank?.title).toBe('FROM THE PREBUILT JSON');
  });

  it('validate an edited file that is still valid, and return what the validator returns', async () => {
    writeFileSync(c.bankFile, Buffer.concat([c.bytes, Buffer.from('\n# an edit\n')]));
    const bank = await openBank(c.bankFile, { prebuiltDirs: [c.prebuiltDir] });
    expect(bank.title).not.toBe('FROM THE PREBUILT JSON');
    expect(bank).toStrictEqual(validateBankFile(c.bankFile).bank);
  });

  it('report an edited, broken file with the same file:line:column problems and error as the validator', async () => {
    const text = c.bytes.toString('utf8').replace(/level: 4/, 'level: 7');
    expect(text).not.toBe(c.bytes.toString('utf8'));
    writeFileSync(c.bankFile, text);
    const options = { prebuiltDirs: [c.prebuiltDir] };
    const check = await checkBankFile(c.bankFile, options);
    expect(check.bank).toBeUndefined();
    expect(check.problems.length).toBeGreaterThan(0);
    expect(check.problems[0]!.message).toMatch(/has level 7, outside 0-4/);
    expect(check).toEqual(validateBankFile(c.bankFile));
    const error = await rejection(openBank(c.bankFile, options));
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(new RegExp(`^${c.bankFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: .*has level 7`));
    expect(error.message).toBe((await rejection(openBank(c.bankFile, { prebuiltDirs: [] }))).message);
  });

  it('validate in full when there is no prebuilt folder', async () => {
    expect(await openBank(c.bankFile, { prebuiltDirs: [] })).toStrictEqual(c.validated);
  });

  it('throw exit 2 for a file that cannot be read, as without a prebuilt folder', async () => {
    const missing = join(c.prebuiltDir, '..', 'missing.yaml');
    const error = await rejection(openBank(missing, { prebuiltDirs: [c.prebuiltDir] }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe((await rejection(openBank(missing, { prebuiltDirs: [] }))).message);
  });
});
