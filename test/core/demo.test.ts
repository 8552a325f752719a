import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BankSchema, type Bank } from '../../src/core/bank-schema.js';
import { buildDemoWorkbook } from '../../src/core/demo.js';
import { questionsFor } from '../../src/core/journey-questions.js';
import { buildReport } from '../../src/core/report.js';
import { WorkbookSchema } from '../../src/core/workbook-schema.js';
import { NOW } from './model-fixtures.js';

const load = (path: string): Bank => BankSchema.parse(parse(readFileSync(path, 'utf8')));
const root = join(import.meta.dirname, '..', '..');
const banks: Array<[string, () => Bank]> = [
  ['the golden fixture bank', () => load(join(root, 'test', 'fixtures', 'golden', 'bank.yaml'))],
  ['the starter fixture bank', () => load(join(root, 'test', 'fixtures', 'banks', 'starter.yaml'))],
  ['the built-in bank', () => load(join(root, 'questions', 'cx-data-exposure.yaml'))],
];

describe.each(banks)('the demo workbook on %s', (_, bankOf) => {
  const bank = bankOf();
  const workbook = buildDemoWorkbook(bank, NOW);
  const assessment = workbook.assessments[0]!;

  it('is a valid workbook, against the bank given', () => {
    expect(WorkbookSchema.safeParse(workbook).success).toBe(true);
    expect(assessment.bank).toMatchObject({ id: bank.id, version: bank.version });
    expect(assessment.organisation).toBe('Northwind Home Energy');
    expect(assessment.journeys).toHaveLength(3);
  });

  it('answers every question that applies to each journey, with options the bank has', () => {
    for (const journey of assessment.journeys) {
      const ids = questionsFor(bank, journey, assessment).map((q) => q.id);
      expect(assessment.answers.filter((a) => a.journeyId === journey.id).map((a) => a.questionId)).toEqual(ids);
    }
    const report = buildReport(bank, assessment, NOW);
    expect(report.ignoredAnswers).toEqual([]);
    expect(report.overall.progress.ratio).toBe(1);
  });

  it('is the same for the same bank and date, and dates nothing after now', () => {
    expect(buildDemoWorkbook(bank, NOW)).toEqual(workbook);
    for (const a of assessment.answers) expect(Date.parse(a.at)).toBeLessThanOrEqual(NOW.getTime());
  });

  it('has findings of every kind: unknowns, a disputed answer, documented but exposed', () => {
    const report = buildReport(bank, assessment, NOW);
    const kinds = new Set(assessment.answers.map((a) => a.kind));
    expect(kinds.has('unknown')).toBe(true);
    expect(assessment.answers.some((a) => a.confidence === 'disputed')).toBe(true);
    expect(report.documentedButExposed.length).toBeGreaterThan(0);
    expect(report.plan.length).toBeGreaterThan(0);
  });
});

describe('the demo workbook on a bank with lifetimes', () => {
  it('has a couple of stale answers, and not-applicable ones', () => {
    const bank = banks[0]![1]();
    const report = buildReport(bank, buildDemoWorkbook(bank, NOW).assessments[0]!, NOW);
    expect(report.staleAnswers).toHaveLength(2);
    expect(report.answers.some((a) => a.kind === 'na')).toBe(true);
  });
});
