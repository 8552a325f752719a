/**
 * Prebuilt banks: the build (scripts/build.mjs) validates each built-in bank once and
 * writes it as JSON to dist/banks/<name>.json, with the SHA-256 of the YAML bytes it
 * validated. Reading and hashing the YAML costs about a millisecond; lexing, composing
 * and checking it with zod costs 100-250 ms at every start. A prebuilt bank is used only
 * when the hash of the file on disk matches; any other file (edited, another bank of the
 * same name, a missing or unreadable JSON) is validated in full.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bank } from '../core/bank-schema.js';

/** Bumped when the record's shape changes; a record of another format is ignored. */
export const PREBUILT_FORMAT = 1;

/** What dist/banks/<name>.json holds. */
export interface PrebuiltBank {
  format: typeof PREBUILT_FORMAT;
  /** The bank file's name, for whoever reads the JSON. */
  source: string;
  /** SHA-256 (hex) of the bytes of the bank file that was validated. */
  sha256: string;
  /** The validated bank, as the validator returned it (defaults filled in). */
  bank: Bank;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The prebuilt file's name for a bank file: cx-data-exposure.yaml -> cx-data-exposure.json. */
export function prebuiltName(bankFile: string): string {
  return `${basename(bankFile).replace(/\.ya?ml$/i, '')}.json`;
}

/** The record the build writes for a bank file's bytes and the bank validated from them. */
export function prebuiltRecord(bytes: Uint8Array, bankFile: string, bank: Bank): PrebuiltBank {
  return { format: PREBUILT_FORMAT, source: basename(bankFile), sha256: sha256Hex(bytes), bank };
}

/**
 * The folders where the build's banks/ may be: next to the bundle's entry (dist/banks
 * seen from dist/cli.js or dist/chunks/*.js). Run from the sources (tests), there is none.
 */
function defaultDirs(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  return [join(here, 'banks'), join(dirname(here), 'banks')];
}

/**
 * The prebuilt bank for these bytes of a bank file, or undefined when there is none
 * whose hash matches (then the caller validates the file).
 */
export function readPrebuiltBank(bytes: Uint8Array, bankFile: string, dirs: readonly string[] = defaultDirs()): Bank | undefined {
  const name = prebuiltName(bankFile);
  for (const dir of dirs) {
    let text: string;
    try {
      text = readFileSync(join(dir, name), 'utf8');
    } catch {
      continue;
    }
    try {
      const record = JSON.parse(text) as Partial<PrebuiltBank> | null;
      if (record?.format !== PREBUILT_FORMAT || typeof record.sha256 !== 'string') continue;
      if (typeof record.bank !== 'object' || record.bank === null) continue;
      if (record.sha256 !== sha256Hex(bytes)) continue;
      return record.bank;
    } catch {
      continue;
    }
  }
  return undefined;
}
