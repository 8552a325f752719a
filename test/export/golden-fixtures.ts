/** The golden-file fixtures: a fixed bank, a fixed date, the demo workbook and its report. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BankSchema, type Bank } from '../../src/core/bank-schema.js';
import { buildDemoWorkbook } from '../../src/core/demo.js';
import { buildReport, type Report } from '../../src/core/report.js';
import type { Workbook } from '../../src/core/workbook-schema.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const GOLDEN_DIR = join(FIXTURES, 'golden');
export const DEMO_DIR = join(FIXTURES, 'demo');
export const GOLDEN_BANK_PATH = join(GOLDEN_DIR, 'bank.yaml');

/** The report date of every golden file. */
export const GOLDEN_NOW = new Date('2026-11-20T10:00:00.000Z');

export function goldenBank(): Bank {
  return BankSchema.parse(parse(readFileSync(GOLDEN_BANK_PATH, 'utf8')));
}

export function goldenWorkbook(bank = goldenBank()): Workbook {
  return buildDemoWorkbook(bank, GOLDEN_NOW);
}

export function goldenReport(bank = goldenBank()): Report {
  return buildReport(bank, goldenWorkbook(bank).assessments[0]!, GOLDEN_NOW);
}
