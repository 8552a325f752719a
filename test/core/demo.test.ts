import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BankSchema, type Bank } from '../../src/core/bank-schema.js';
import { buildDemoWorkbook } from '../../src/core/demo.js';
import { questionsFor } from '../../src/core/journey-questions.js';
import { isOrganisationWide, organisationQuestions } from '../../src/core/organisation.js';
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

  it('answers every question that applies: the organisation section once, each journey its own questions', () => {
    const wide = organisationQuestions(bank, assessment).map((q) => q.id);
    expect(assessment.organisationAnswers.map((a) => a.questionId)).toEqual(wide);
    for (const journey of assessment.journeys) {
      const own = questionsFor(bank, journey, assessment).filter((q) => !isOrganisationWide(q)).map((q) => q.id);
      const given = assessment.answers.filter((a) => a.journeyId === journey.id).map((a) => a.questionId);
      expect(given.filter((id) => !wide.includes(id))).toEqual(own);
    }
    const report = buildReport(bank, assessment, NOW);
    expect(report.ignoredAnswers).toEqual([]);
    expect(report.overall.progress.ratio).toBe(1);
  });

  it('lets a journey override an organisation answer where the bank has organisation-wide questions', () => {
    const wide = new Set(organisationQuestions(bank, assessment).map((q) => q.id));
    const overrides = assessment.answers.filter((a) => wide.has(a.questionId));
    expect(overrides.length > 0).toBe(wide.size > 0);
    for (const o of overrides) {
      const held = assessment.organisationAnswers.find((a) => a.questionId === o.questionId)!;
      expect([o.kind, o.optionId]).not.toEqual([held.kind, held.optionId]);
    }
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

describe('the demo on the built-in bank, read as a CX security lead would', () => {
  const bank = banks[2]![1]();
  const report = buildReport(bank, buildDemoWorkbook(bank, NOW).assessments[0]!, NOW);
  const item = (actionId: string) => report.plan.find((p) => p.actionId === actionId);

  it('contains the verified worst cases now: logins passed between BPO hires, the shared returns mailbox, optional MFA', () => {
    for (const actionId of ['bpo-named-accounts', 'remove-shared-accounts', 'enforce-mfa']) {
      expect(item(actionId), actionId).toMatchObject({ horizon: 'now', horizonReason: 'contain' });
    }
  });

  it('does the quick fixes of the other verified level-4 facts now: forwarding, pasting into consumer AI, the ID-number script', () => {
    for (const actionId of ['block-external-auto-forwarding', 'block-unapproved-ai-sites', 'fix-verification-macros']) {
      expect(item(actionId)?.horizon, actionId).toBe('now');
    }
    // The quick containment of the AI pasting outranks offering the approved assistant.
    expect(report.plan.indexOf(item('block-unapproved-ai-sites')!)).toBeLessThan(report.plan.indexOf(item('approved-ai-assistant')!));
  });

  it('revokes the tokens nobody can find now, and starts central logging now, ahead of the alerts that need it', () => {
    expect(item('revoke-unowned-integrations')?.horizon).toBe('now');
    expect(item('central-access-logging')?.horizon).toBe('now');
    expect(item('export-and-view-alerts')?.requires).toContain('central-access-logging');
    expect(report.plan.indexOf(item('central-access-logging')!)).toBeLessThan(report.plan.indexOf(item('export-and-view-alerts')!));
  });

  it('keeps Now to a dozen items, and sends the unknowns to a short evidence sprint', () => {
    const now = report.plan.filter((p) => p.horizon === 'now');
    expect(now.length).toBeGreaterThanOrEqual(8);
    expect(now.length).toBeLessThanOrEqual(12);
    expect(report.findOut.length).toBeGreaterThanOrEqual(3);
    expect(report.findOut.length).toBeLessThanOrEqual(8);
    expect(report.findOut.every((f) => f.actionId !== undefined)).toBe(true);
  });
});
