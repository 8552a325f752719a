/**
 * Opening banks for the rest of the app (src/bank/open.ts): openBank throws one sentence
 * naming the first problem; a --bank folder must hold exactly one bank file.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinBankPath } from '../../src/bank/builtin.js';
import { resolveBankPath } from '../../src/bank/files.js';
import { checkBankFile, openBank } from '../../src/bank/open.js';
import { UserError } from '../../src/core/errors.js';
import { FIXTURES } from '../helpers/fixtures.js';

const VALID = join(FIXTURES, 'banks', 'valid-full.yaml');
const BROKEN = join(FIXTURES, 'banks', 'broken');
const tmp = mkdtempSync(join(tmpdir(), 'cxray-load-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function thrown(f: () => Promise<unknown>): Promise<UserError> {
  try {
    await f();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError');
}

describe('openBank', () => {
  it('loads a valid bank', async () => {
    const bank = await openBank(VALID);
    expect(bank.id).toBe('valid-full');
    expect(bank.questions[2]!.options).toEqual(bank.questions[1]!.options); // through the alias
  });

  // How fast is measured by the bench (start-up), never asserted here.
  it('loads the built-in bank', async () => {
    const bank = await openBank(builtinBankPath());
    expect(bank.questions.length).toBeGreaterThan(0);
  });

  it('throws one sentence with the first problem as path:line:column and how to see every problem (exit 1)', async () => {
    const path = join(BROKEN, 'level-out-of-range.yaml');
    const error = await thrown(() => openBank(path));
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe(
      `${path}:21:16: option "never" of question "export-alert" has level 7, outside 0-4; use 0 (well controlled) to 4 (fully exposed); run \`cxray validate ${path}\` for every problem.`,
    );
  });

  it('counts the problems when there are several', async () => {
    const path = join(tmp, 'two.yaml');
    writeFileSync(path, 'id: x\n');
    expect((await thrown(() => openBank(path))).message).toMatch(/^.*two\.yaml:1:1: the bank is missing "title"; add it; run `cxray validate .*two\.yaml` for every problem \(6 problems in all\)\.$/);
  });

  it('throws exit 2 for a file that cannot be read', async () => {
    const error = await thrown(() => openBank(join(tmp, 'missing.yaml')));
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/^cannot read .*missing\.yaml: there is no such file or folder; check the path\.$/);
  });

  it('takes a folder holding one bank file', async () => {
    const dir = join(tmp, 'one');
    mkdirSync(dir);
    copyFileSync(VALID, join(dir, 'bank.yml'));
    expect(resolveBankPath(dir)).toBe(join(dir, 'bank.yml'));
    expect((await openBank(dir)).id).toBe('valid-full');
  });

  it('refuses a folder holding several bank files, or none', async () => {
    const several = join(tmp, 'several');
    mkdirSync(several);
    copyFileSync(VALID, join(several, 'a.yaml'));
    copyFileSync(VALID, join(several, 'b.yaml'));
    expect((await thrown(() => openBank(several))).message).toBe(
      `the folder ${several} holds 2 bank files (one bank per file); name the one to use, e.g. --bank ${join(several, 'a.yaml')}.`,
    );
    const none = join(tmp, 'none');
    mkdirSync(none);
    expect((await thrown(() => openBank(none))).exitCode).toBe(2);
  });
});

describe('checkBankFile', () => {
  it('refuses a huge file before reading it all', async () => {
    const path = join(tmp, 'huge.yaml');
    writeFileSync(path, Buffer.alloc(3 * 1024 * 1024, 0x61));
    expect((await checkBankFile(path)).problems).toEqual([
      { path, line: 1, column: 1, message: 'the file is 3145728 bytes (3.0 MB), more than the 2 MB (2097152 bytes) a bank file may hold; shorten it (help texts and action details are most of a bank)' },
    ]);
  });

  it('reads a bank from a device that never ends without hanging', async () => {
    const { problems } = await checkBankFile('/dev/zero');
    expect(problems[0]!.message).toBe('the file holds more than the 2 MB (2097152 bytes) a bank file may hold; shorten it (help texts and action details are most of a bank)');
  });
});
