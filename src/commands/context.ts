/**
 * The step the commands share (Shopify/cli's app-context idea): from the parsed options
 * to the workbook file, the assessment, the bank and the report. A command parses its
 * own options, asks for what it works on here, then renders or writes.
 */
import { builtinBankPath } from '../bank/builtin.js';
import { warningLines, warningSentence } from '../bank/files.js';
import { openBankWarned } from '../bank/open.js';
import type { Bank } from '../core/bank-schema.js';
import { buildReport } from '../core/report.js';
import type { Report } from '../core/report-schema.js';
import { reportDate } from '../core/report-date.js';
import { selectAssessment, withBank } from '../core/select-assessment.js';
import type { Assessment, Workbook } from '../core/workbook-schema.js';
import { resolveDbPath, shownDbPath } from '../store/db-path.js';
import { checkEvidenceFiles } from '../store/evidence-files.js';
import { readWorkbook } from '../store/workbook-store.js';
import type { Invocation } from './contract.js';

/** The options the shared step reads. */
export interface ContextValues {
  db?: string;
  assessment?: string;
  bank?: string;
}

/**
 * The bank named by --bank, or the built-in one. Its warnings (src/bank/validate/warnings.ts)
 * go to `err`, located, the bank is used all the same.
 */
export async function commandBank(values: { bank?: string }, err?: Invocation['err']): Promise<Bank> {
  return (await commandBankWarned(values, err)).bank;
}

/** commandBank, with the sentence the workbook shows of the bank's warnings (src/bank/files.ts). */
export async function commandBankWarned(values: { bank?: string }, err?: Invocation['err']): Promise<{ bank: Bank; warning: string | undefined }> {
  const path = values.bank ?? builtinBankPath();
  const { bank, warnings } = await openBankWarned(path);
  for (const line of warningLines(warnings, path)) err?.(`cxray: ${line}\n`);
  return { bank, warning: warningSentence(warnings, path) };
}

/**
 * The assessment named by --assessment (or the only or newest one), checked against the
 * bank it was answered with, and read with it (answers to organisation-wide questions
 * adopted, see withBank).
 */
export function commandAssessment(workbook: Workbook, values: { assessment?: string }, bank: Bank): Assessment {
  return withBank(bank, selectAssessment(workbook, values.assessment));
}

/** What a report-reading command works on. */
export interface ReportContext {
  dbPath: string;
  workbook: Workbook;
  assessment: Assessment;
  bank: Bank;
  /** The report's date: now, or SOURCE_DATE_EPOCH. */
  now: Date;
  report: Report;
}

/**
 * Reads the workbook (without locking it: nothing is written), selects the assessment,
 * opens the bank and builds the report. Errors come in that order: a missing workbook is
 * reported before a broken bank.
 */
export async function reportContext({ values, env, cwd, err }: Pick<Invocation<ContextValues>, 'values' | 'env' | 'cwd'> & { err?: Invocation['err'] }): Promise<ReportContext> {
  const dbPath = resolveDbPath(values, env, cwd);
  const workbook = await readWorkbook(dbPath, { displayPath: shownDbPath(values, env) });
  const selected = selectAssessment(workbook, values.assessment);
  const bank = await commandBank(values, err);
  const assessment = withBank(bank, selected);
  const now = reportDate(env);
  // Evidence files are checked against the hash recorded when they were accepted.
  const fileChecks = await checkEvidenceFiles(assessment.evidence);
  return { dbPath, workbook, assessment, bank, now, report: buildReport(bank, assessment, now, undefined, { fileChecks }) };
}
