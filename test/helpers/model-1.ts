/**
 * A workbook of format 2 whose snapshots were scored with model 1
 * (test/fixtures/workbooks/v2/model-1-snapshots.json), opened as cxray opens it: migrated
 * by the real store, with the bank that now marks two of its questions organisation-wide
 * (the golden bank, 1.1.0, with leaver-access and integration-logging organisation-wide).
 * Its "2026 Q3" snapshot holds the same answers as now; "2026 Q2" differs in three.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BankSchema, type Bank } from '../../src/core/bank-schema.js';
import { adoptWorkbook } from '../../src/core/organisation.js';
import type { Workbook } from '../../src/core/workbook-schema.js';
import { openWorkbook } from '../../src/store/workbook-store.js';
import { FIXTURES, GOLDEN_BANK_PATH } from '../export/golden-fixtures.js';

export const MODEL_1_WORKBOOK = join(FIXTURES, 'workbooks', 'v2', 'model-1-snapshots.json');

/** The golden bank's text, version 1.1.0, two questions organisation-wide. */
export function organisationBankText(): string {
  return readFileSync(GOLDEN_BANK_PATH, 'utf8')
    .replace(/^version: 1\.0\.0$/m, 'version: 1.1.0')
    .replace(/^( {2}- id: (leaver-access|integration-logging))$/gm, '$1\n    scope: organisation');
}

export function organisationBank(): Bank {
  return BankSchema.parse(parse(organisationBankText()));
}

/** The fixture and that bank written into `dir` (work.json, bank.yaml), for the commands. */
export function writeModel1Files(dir: string): { db: string; bank: string } {
  copyFileSync(MODEL_1_WORKBOOK, join(dir, 'work.json'));
  writeFileSync(join(dir, 'bank.yaml'), organisationBankText());
  return { db: join(dir, 'work.json'), bank: join(dir, 'bank.yaml') };
}

/** The fixture as the TUI reads it: migrated by the store (from a copy in `dir`), organisation answers adopted. */
export async function openModel1Workbook(dir: string, bank: Bank): Promise<Workbook> {
  const { db } = writeModel1Files(dir);
  const store = await openWorkbook(db);
  try {
    return adoptWorkbook(bank, store.data);
  } finally {
    await store.close();
  }
}
