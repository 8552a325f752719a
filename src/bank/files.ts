/**
 * Finding and reading bank files: which files a path names, and their bytes, bounded.
 * No YAML or zod here, so that the fast path of src/bank/open.ts (a prebuilt bank)
 * loads neither.
 */
import { closeSync, fstatSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { BANK_LIMITS } from './limits.js';
import type { Problem } from './validate/problems.js';

/** Whether a file name is a bank file's: *.yaml or *.yml. */
export function isBankFileName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** The bank files directly inside a folder (not its subfolders), sorted by name. */
export function bankFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && isBankFileName(entry.name))
      .map((entry) => entry.name);
  } catch (error) {
    throw cannotRead(dir, error);
  }
  return names.sort().map((name) => join(dir, name));
}

/** The bank files a path names: the file itself, or every bank file in a folder. */
export function bankFilesAt(path: string): string[] {
  if (!isDirectory(path)) return [path];
  const files = bankFilesIn(path);
  if (files.length === 0) {
    throw new UserError(`the folder ${path} holds no .yaml or .yml file; give a bank file or a folder of bank files.`);
  }
  return files;
}

/** The one bank file a `--bank` path names: the file, or the only bank file in a folder. */
export function resolveBankPath(path: string): string {
  const files = bankFilesAt(path);
  if (files.length > 1) {
    throw new UserError(`the folder ${path} holds ${files.length} bank files (one bank per file); name the one to use, e.g. --bank ${files[0]}.`);
  }
  return files[0]!;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch (error) {
    throw cannotRead(path, error);
  }
}

/** A file that cannot be read, as a sentence naming the fix (exit code 2). */
function cannotRead(path: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return new UserError(`cannot read ${path}: there is no such file or folder; check the path.`);
    case 'EACCES':
    case 'EPERM':
      return new UserError(`cannot read ${path}: permission denied; check the file's permissions.`);
    case 'EISDIR':
      return new UserError(`cannot read ${path}: it is a folder; give a bank file.`);
    default:
      return new UserError(`cannot read ${path}: ${String((error as Error)?.message ?? error).replace(/\.$/, '')}; check the path.`);
  }
}

/**
 * Reads at most one byte more than a bank may hold, so that a huge file (or a device
 * such as /dev/zero) is refused without being read whole.
 */
export function readBankBytes(path: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw cannotRead(path, error);
  }
  try {
    if (fstatSync(fd).isDirectory()) throw cannotRead(path, Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
    const limit = BANK_LIMITS.maxBytes + 1;
    const buffer = Buffer.alloc(limit);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, limit - length, null);
      if (read === 0) break;
      length += read;
      if (length >= limit) break;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    throw error instanceof UserError ? error : cannotRead(path, error);
  } finally {
    closeSync(fd);
  }
}

/** The first problem and a pointer to the rest, as one sentence. */
/**
 * What a command says of a bank's warnings when it opens it (`cxray validate` lists them
 * all): the first three located, then how many more. None for a bank without warnings.
 */
export function warningLines(warnings: readonly Problem[], path: string): string[] {
  const shown = warnings.slice(0, 3).map((w) => `warning: ${w.path}:${w.line}:${w.column}: ${w.message}`);
  if (warnings.length > shown.length) shown.push(`warning: ${warnings.length - shown.length} more in ${path}; \`cxray validate ${path}\` lists every warning`);
  return shown;
}

/** What the workbook's first screen says of a bank's warnings: how many, the first located; undefined when none. */
export function warningSentence(warnings: readonly Problem[], path: string): string | undefined {
  const first = warnings[0];
  if (!first) return undefined;
  const count = warnings.length === 1 ? 'a warning' : `${warnings.length} warnings`;
  return `The question bank has ${count} (it works all the same): ${first.path}:${first.line}:${first.column}: ${first.message}. \`cxray validate ${path}\` lists ${warnings.length === 1 ? 'it' : 'every one'}.`;
}

export function problemsSentence(problems: Problem[], path: string): string {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (${problems.length} problems in all)` : '';
  return `${first.path}:${first.line}:${first.column}: ${first.message}; run \`cxray validate ${path}\` for every problem${more}.`;
}
