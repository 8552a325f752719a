/**
 * The one way into a question bank, for the commands, the workbook, the tests and the
 * benchmarks. One bank per file; a folder given as a bank (`--bank DIR`) must hold
 * exactly one .yaml or .yml file. Every problem is reported with file:line:column.
 *
 * The prebuilt copy of a built-in bank is taken when the file is byte for byte the one
 * the build validated (src/bank/prebuilt.ts); any other file is validated in full
 * (src/bank/validate/). YAML, zod and the validator are imported only on that second
 * path, so opening the unchanged built-in bank loads none of them.
 */
import type { Bank } from '../core/bank-schema.js';
import { UserError } from '../core/errors.js';
import { statSync } from 'node:fs';
import { problemsSentence, readBankBytes, resolveBankPath } from './files.js';
import { BANK_LIMITS } from './limits.js';
import { readPrebuiltBank } from './prebuilt.js';
import type { BankValidation, Problem } from './validate/index.js';

export type { BankValidation, Problem } from './validate/index.js';

export interface OpenBankOptions {
  /**
   * Where to look for prebuilt banks; default: dist/banks next to the bundle (none when
   * run from the sources). `[]` validates the YAML whatever the file.
   */
  prebuiltDirs?: readonly string[];
}

/** A regular file's size, for the message about a file too large (none for a device). */
function fileSize(path: string): number | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks one bank file and reports every problem (`cxray validate`): the bank, or the
 * list of problems. Throws a UserError (exit code 2) only when the file cannot be read.
 */
export async function checkBankFile(path: string, options: OpenBankOptions = {}): Promise<BankValidation> {
  const bytes = readBankBytes(path);
  const prebuilt = readPrebuiltBank(bytes, path, options.prebuiltDirs);
  if (prebuilt) return { bank: prebuilt, problems: [] };
  const { validateBankBytes } = await import('./validate/index.js');
  return validateBankBytes(bytes, path, bytes.length > BANK_LIMITS.maxBytes ? fileSize(path) : undefined);
}

/**
 * Opens a bank from a file, or from a folder holding one bank file. Throws a UserError
 * naming the first problem as file:line:column (exit code 1), or that the file cannot be
 * read (exit code 2).
 */
export async function openBank(path: string, options: OpenBankOptions = {}): Promise<Bank> {
  return (await openBankWarned(path, options)).bank;
}

/** openBank, with the bank's warnings (none for a prebuilt built-in bank, which has none). */
export async function openBankWarned(path: string, options: OpenBankOptions = {}): Promise<{ bank: Bank; warnings: Problem[] }> {
  const file = resolveBankPath(path);
  const { bank, problems, warnings = [] } = await checkBankFile(file, options);
  if (!bank) throw new UserError(problemsSentence(problems, path), 1);
  return { bank, warnings };
}
