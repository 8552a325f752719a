/**
 * Loading question banks from files: the thin I/O wrapper around src/bank/validate.ts.
 * Every problem is reported with file:line:column. One bank per file; a folder given as
 * a bank (`--bank DIR`) must hold exactly one .yaml or .yml file.
 */
import type { Bank } from '../core/bank-schema.js';
import { UserError } from '../core/errors.js';
import { problemsSentence, readBankBytes, resolveBankPath } from './files.js';
import { BANK_LIMITS, validateBankBytes, validateBankSource, type BankValidation, type Problem } from './validate.js';

export { bankFilesAt, bankFilesIn, isBankFileName, resolveBankPath } from './files.js';
export { BANK_LIMITS, validateBankSource };
export type { BankValidation, Problem };

/**
 * Validates one bank file and reports every problem. Throws a UserError (exit code 2)
 * only when the file cannot be read at all.
 */
export function validateBankFile(path: string): BankValidation {
  return validateBankBytes(readBankBytes(path), path);
}

/**
 * Loads a bank from a file, or from a folder holding one bank file. Throws a UserError
 * naming the first problem (exit code 1), or that the file cannot be read (exit code 2).
 * Always validates the YAML; the commands use openBank (src/bank/open.ts), which takes
 * the build's prebuilt copy of a built-in bank when the file is unchanged.
 */
export function loadBank(path: string): Bank {
  const file = resolveBankPath(path);
  const { bank, problems } = validateBankFile(file);
  if (!bank) throw new UserError(problemsSentence(problems, path), 1);
  return bank;
}
