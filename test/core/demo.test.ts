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
    // Given once: every answer of the workbook, the organisation's and the journeys' own and overrides.
    const once = assessment.organisationAnswers.length + assessment.answers.length;
    expect(report.overall.given).toEqual({ answered: once, total: once, ratio: 1 });
    expect(report.overall.progress.total).toBeGreaterThanOrEqual(once);
  });

  it('lets a journey override an organisation answer where the bank has organisation-wide questions', () => {
    const wide = new Set(organisationQuestions(bank, assessment).map((q) => q.id));
    const overrides = assessment.answers.filter((a) => wide.has(a.questionId));
    expect(overrides.length > 0).toBe(wide.size > 0);
    for (const o of overrides) {
      const held = assessment.organisationAnswers.find((a) => a.questionId === o.questionId)!;
      expect([o.kind, o.optionId]).not.toEqual([held.kind, held.optionId]);
      // An override says why this journey differs.
      expect(o.note.trim(), o.questionId).not.toBe('');
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
  const assessment = buildDemoWorkbook(bank, NOW).assessments[0]!;
  const report = buildReport(bank, assessment, NOW);
  const item = (actionId: string) => report.plan.find((p) => p.actionId === actionId);
  const POINTS = { S: 1, M: 3, L: 8 } as const;
  /** Effort points of the Fix items ranked before `actionId`, summed from the plan as listed. */
  const pointsBefore = (actionId: string) => {
    const at = report.plan.findIndex((p) => p.actionId === actionId);
    return report.plan.slice(0, at).reduce((sum, p) => sum + POINTS[p.effort], 0);
  };
  const capacity = assessment.planCapacity.now;

  it('answers the organisation-wide questions once, in the organisation section: half the bank or more', () => {
    const wide = bank.questions.filter(isOrganisationWide).map((q) => q.id);
    expect(wide.length).toBeGreaterThanOrEqual(25);
    const held = new Map(assessment.organisationAnswers.map((a) => [a.questionId, a]));
    // Every organisation-wide question that holds for a journey has its one organisation answer.
    expect([...held.keys()]).toEqual(organisationQuestions(bank, assessment).map((q) => q.id));
    expect(held.get('mfa-coverage')).toMatchObject({ kind: 'option', optionId: 'optional', confidence: 'verified' });
    expect(held.get('mailbox-auto-forwarding')).toMatchObject({ kind: 'option', optionId: 'forwarding-now', confidence: 'verified' });
    // The report counts each once, for every journey it holds for.
    const mfa = item('enforce-mfa')!.reasons;
    expect(mfa).toEqual([expect.objectContaining({ scope: 'organisation', journeyId: null, journeysHeld: 3, questionId: 'mfa-coverage' })]);
  });

  it('has two overrides, both on the returns journey, each with a note that says why it differs', () => {
    const wide = new Set(bank.questions.filter(isOrganisationWide).map((q) => q.id));
    const overrides = assessment.answers.filter((a) => wide.has(a.questionId));
    expect(overrides.map((a) => [a.journeyId, a.questionId, a.optionId])).toEqual([
      ['returns', 'agent-devices', 'own-browser'],
      ['returns', 'sso-coverage', 'half'],
    ]);
    const organisation = (id: string) => assessment.organisationAnswers.find((a) => a.questionId === id)!.optionId;
    expect(organisation('agent-devices')).toBe('managed-open');
    expect(organisation('sso-coverage')).toBe('main');
    expect(overrides[0]!.note).toMatch(/own laptops/);
    expect(overrides[1]!.note).toMatch(/local passwords/);
    // In the plan: the organisation answer holds for the other two journeys, the override for returns.
    const sso = item('sso-for-all-cx-tools')!.reasons.filter((r) => r.questionId === 'sso-coverage');
    expect(sso.map((r) => [r.scope, r.journeyId, r.override, r.journeysHeld])).toEqual(
      expect.arrayContaining([
        ['organisation', null, false, 2],
        ['journey', 'returns', true, 1],
      ]),
    );
    expect(sso).toHaveLength(2);
  });

  it('keeps every prerequisite in the Fix lane ahead of what requires it, never in a later horizon', () => {
    const order = ['now', 'next', 'later'];
    const pairs = report.plan.flatMap((p) => p.requires.map((r) => [item(r)!, p] as const));
    // Logging before alerts, the app inventory before the scope cuts, the data inventory
    // before access requests and erasure, the scanner before masking what it finds.
    expect(pairs.map(([b, a]) => `${b.actionId} -> ${a.actionId}`).sort()).toEqual([
      'build-connected-app-inventory -> reduce-integration-scopes',
      'build-cx-data-inventory -> access-requests-from-inventory',
      'build-cx-data-inventory -> erasure-across-copies',
      'central-access-logging -> export-and-view-alerts',
      'free-text-pii-scanner -> mask-free-text-hits',
    ]);
    for (const [before, after] of pairs) {
      expect(before, before.actionId).toBeDefined();
      expect(report.plan.indexOf(before)).toBeLessThan(report.plan.indexOf(after));
      expect(order.indexOf(before.horizon)).toBeLessThanOrEqual(order.indexOf(after.horizon));
      expect(before.effectivePriority).toBeGreaterThanOrEqual(after.effectivePriority);
    }
    // The app inventory ranks on what the scope cuts it enables remove, not on its own risk.
    const inventory = item('build-connected-app-inventory')!;
    expect(inventory.priority).toBeLessThan(inventory.effectivePriority);
    expect(inventory.effectivePriority).toBe(item('reduce-integration-scopes')!.effectivePriority);
  });

  it('puts the contained and the long-lead items in Now, though capacity alone would not (SCORING.md)', () => {
    const contained = report.plan.filter((p) => p.horizonReason === 'contain');
    const longLead = report.plan.filter((p) => p.horizonReason === 'long-lead');
    expect(contained.map((p) => p.actionId).sort()).toEqual(['bpo-named-accounts', 'enforce-mfa', 'remove-shared-accounts']);
    expect(longLead.map((p) => p.actionId)).toEqual(['least-privilege-agent-roles']);
    for (const p of [...contained, ...longLead]) {
      expect(p.horizon, p.actionId).toBe('now');
      // Past Now's capacity by the effort points ranked before it: the rule put it there.
      expect(pointsBefore(p.actionId), p.actionId).toBeGreaterThanOrEqual(capacity);
      expect(p.capacityHorizon, p.actionId).not.toBe('now');
    }
    // Contain: the primary fix of a level-4 answer, verified or reported, on a weight-3
    // question or with sensitivity 3.
    const weight = new Map(bank.questions.map((q) => [q.id, q.weight]));
    for (const p of contained) {
      const why = p.reasons.filter((r) => r.contains);
      expect(why.length, p.actionId).toBeGreaterThan(0);
      for (const r of why) {
        expect(r.level).toBe(4);
        expect(['verified', 'reported']).toContain(r.confidence);
        expect(weight.get(r.questionId) === 3 || r.sensitivityFactor === 3).toBe(true);
      }
    }
    // Long lead: effort L removing risk 9 or more; here the role redesign (6.75 + 3).
    expect(longLead[0]).toMatchObject({ effort: 'L', riskRemoved: 9.75 });
    // They move nothing else: the items after them keep the horizon their capacity gives.
    for (const p of report.plan.filter((q) => q.horizonReason === 'capacity')) expect(p.horizon).toBe(p.capacityHorizon);
  });

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
    expect(item('export-and-view-alerts')?.requires).toEqual(['central-access-logging']);
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
