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

describe.each(banks)('the history of the demo on %s', (_, bankOf) => {
  const bank = bankOf();
  const assessment = buildDemoWorkbook(bank, NOW).assessments[0]!;
  const report = buildReport(bank, assessment, NOW);

  it('has two earlier cycles, a quarter apart, the returns journey joining in the second', () => {
    expect(assessment.snapshots.map((s) => s.takenAt)).toEqual([
      new Date(NOW.getTime() - 182 * 86_400_000).toISOString(),
      new Date(NOW.getTime() - 91 * 86_400_000).toISOString(),
    ]);
    expect(assessment.snapshots.map((s) => s.journeys.length)).toEqual([2, 3]);
    expect(Date.parse(assessment.createdAt)).toBeLessThan(Date.parse(assessment.snapshots[0]!.takenAt));
    for (const snapshot of assessment.snapshots) {
      for (const a of snapshot.answers) expect(Date.parse(a.at)).toBeLessThanOrEqual(Date.parse(snapshot.takenAt));
    }
  });

  it('got better overall, with something that got worse, an unknown found and some resolved', () => {
    const trend = report.cycles.trend!;
    const [first, , now] = trend.overall.exposure;
    expect(now!).toBeLessThan(first!);
    expect(trend.overall.visibility[2]!).toBeGreaterThan(trend.overall.visibility[0]!);
    const since = report.cycles.sinceLastCycle!;
    expect(since.answers.some((a) => a.direction === 'better')).toBe(true);
    expect([...since.answers, ...since.newUnknowns].some((a) => a.direction === 'worse')).toBe(true);
    expect(since.resolvedUnknowns.length).toBeGreaterThan(0);
  });

  it('tracks the plan: in progress, overdue, done but still showing the gap, an accepted risk; and carries a few answers over', () => {
    const tracking = [...report.plan, ...report.findOut].map((p) => p.tracking);
    expect(tracking.filter((t) => t.status === 'in-progress' && !t.overdue && t.owner && t.due)).toHaveLength(1);
    expect(tracking.filter((t) => t.overdue)).toHaveLength(1);
    expect(tracking.filter((t) => t.flag === 'done-but-gap')).toHaveLength(1);
    expect(tracking.filter((t) => t.status === 'accepted-risk' && t.reason && t.reviewBy! > NOW.toISOString().slice(0, 10))).toHaveLength(1);
    // Up to three: answers of the returns journey unchanged since the last cycle (fewer on a small bank).
    expect(report.cycles.carriedOver).toBeGreaterThan(0);
    expect(report.cycles.carriedOver).toBeLessThanOrEqual(3);
    expect(report.answers.filter((a) => a.carriedOver).every((a) => a.journeyId === 'returns' && !a.stale)).toBe(true);
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
