/**
 * Opening a bank for the commands and the workbook: the prebuilt copy of a built-in bank
 * when the file is byte for byte the one the build validated (src/bank/prebuilt.ts),
 * else full validation. YAML, zod and the validator are imported only on that path, so
 * opening the unchanged built-in bank loads none of them.
 */
import type { Bank } from '../core/bank-schema.js';
import { UserError } from '../core/errors.js';
import { problemsSentence, readBankBytes, resolveBankPath } from './files.js';
import { readPrebuiltBank } from './prebuilt.js';
import type { BankValidation } from './validate.js';

export interface OpenBankOptions {
  /** Where to look for prebuilt banks (tests); default: dist/banks next to the bundle. */
  prebuiltDirs?: readonly string[];
}

/**
 * Checks one bank file: what validateBankFile (src/bank/load.ts) returns, taken from the
 * prebuilt bank when the file's hash matches. Throws a UserError (exit code 2) only when
 * the file cannot be read.
 */
export async function checkBankFile(path: string, options: OpenBankOptions = {}): Promise<BankValidation> {
  const bytes = readBankBytes(path);
  const prebuilt = readPrebuiltBank(bytes, path, options.prebuiltDirs);
  if (prebuilt) return { bank: prebuilt, problems: [] };
  const { validateBankBytes } = await import('./validate.js');
  return validateBankBytes(bytes, path);
}

/**
 * Opens a bank from a file, or from a folder holding one bank file: loadBank's result and
 * errors (the first problem as file:line:column, exit code 1; an unreadable file, exit
 * code 2), without parsing the YAML when a prebuilt bank matches it.
 */
export async function openBank(path: string, options: OpenBankOptions = {}): Promise<Bank> {
  const file = resolveBankPath(path);
  const { bank, problems } = await checkBankFile(file, options);
  if (!bank) throw new UserError(problemsSentence(problems, path), 1);
  return bank;
}
