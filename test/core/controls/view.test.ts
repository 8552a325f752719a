/**
 * The controls view, computed by hand: figures over the answers behind a control, the
 * verdict at each threshold's boundary, an organisation answer counted once, a control
 * cited by questions of two dimensions, the order, claims and plan items.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/core/report.js';
import type { ReportAnswer } from '../../../src/core/report-schema.js';
import type { ControlClaim } from '../../../src/core/controls/claims.js';
import { EXPOSED_LEVEL, HOLDS_MIN_VISIBILITY, buildControlsView, figures, verdictOf, type ControlAnswer } from '../../../src/core/controls/view.js';
import { NOW, assessment, bank, journey, opt, unknown } from '../model-fixtures.js';

const levels = (q: string) => [0, 1, 2, 3, 4].map((level) => ({ id: `l${level}`, label: `Level ${level}`, level, actions: level >= 3 ? [`fix-${q}`] : [] }));

/** Three questions: q1 (weight 2, access) and q2 (weight 1, detection) both cite A.5.18; q3 cites A.8.15 only. */
const BANK = bank({
  id: 'test',
  title: 'Test',
  version: '1.0.0',
  description: 'Controls view cases.',
  language: 'en',
  dimensions: [
    { id: 'access', title: 'Access', description: 'Who can see what.' },
    { id: 'detection', title: 'Detection', description: 'What would be noticed.' },
  ],
  questions: [
    { id: 'q1', dimension: 'access', prompt: 'Q1?', weight: 2, options: levels('q1'), references: [{ framework: 'ISO27001', control: 'A.5.18', title: 'Access rights' }, { framework: 'SOC2', control: 'CC6.3', title: 'x' }] },
    { id: 'q2', dimension: 'detection', prompt: 'Q2?', weight: 1, options: levels('q2'), references: [{ framework: 'ISO27001', control: 'A.5.18', title: 'Access rights' }] },
    { id: 'q3', dimension: 'detection', prompt: 'Q3?', weight: 3, options: levels('q3'), references: [{ framework: 'ISO27001', control: 'A.8.15', title: 'Logging' }] },
  ],
  actions: ['q1', 'q2', 'q3'].map((q) => ({ id: `fix-${q}`, title: `Fix ${q}`, detail: 'Do it.', effort: 'M', owner: 'IT' })),
});

const view = (answers: Parameters<typeof assessment>[1], claims: ControlClaim[] = [], journeys = [journey('j1'), journey('j2')]) =>
  buildControlsView(BANK, buildReport(BANK, assessment(journeys, answers), NOW), { frameworks: ['ISO27001'], claims });

const a = (over: Partial<ControlAnswer>): Pick<ControlAnswer, 'kind' | 'level' | 'confidence' | 'weight'> => ({
  kind: 'option',
  level: 0,
  confidence: 'verified',
  weight: 1,
  ...over,
});

describe('figures of a control', () => {
  it('weigh each answer by its question: e = L/4 (unknown 1), k by confidence (unknown 0)', () => {
    // w 2, level 4, verified: e 1, k 1. w 1, unknown: e 1, k 0. w 1, level 1, disputed: e 0.25, k 0.25.
    // exposure = 100 x (2 + 1 + 0.25) / 4 = 81.25; visibility = 100 x (2 + 0 + 0.25) / 4 = 56.25
    expect(figures([a({ weight: 2, level: 4 }), a({ kind: 'unknown', level: null, confidence: null }), a({ level: 1, confidence: 'disputed' })])).toEqual({
      exposure: 81.25,
      visibility: 56.25,
    });
    expect(figures([])).toEqual({ exposure: null, visibility: null });
  });
});

describe('the verdict, at each boundary', () => {
  it('is exposed from level 3 anywhere, whatever else is known', () => {
    expect(EXPOSED_LEVEL).toBe(3);
    expect(verdictOf([a({ level: 2 })])).toBe('holds');
    expect(verdictOf([a({ level: 3 })])).toBe('exposed');
    expect(verdictOf([a({ level: 0 }), a({ level: 0 }), a({ level: 3, confidence: 'disputed' })])).toBe('exposed');
    expect(verdictOf([a({ kind: 'unknown', level: null, confidence: null }), a({ level: 4 })])).toBe('exposed');
  });

  it('is unknown with any unknown answer, or visibility below 50', () => {
    expect(HOLDS_MIN_VISIBILITY).toBe(50);
    expect(verdictOf([a({ level: 0 }), a({ kind: 'unknown', level: null, confidence: null })])).toBe('unknown');
    // All reported: visibility exactly 50 holds.
    expect(verdictOf([a({ confidence: 'reported' }), a({ confidence: 'reported', level: 2 })])).toBe('holds');
    // Reported and disputed, same weight: (0.5 + 0.25) / 2 = 37.5 -> unknown.
    expect(verdictOf([a({ confidence: 'reported' }), a({ confidence: 'disputed' })])).toBe('unknown');
    // Weight 3 reported, weight 1 disputed: (3 x 0.5 + 1 x 0.25) / 4 = 43.75 -> unknown.
    expect(verdictOf([a({ weight: 3, confidence: 'reported' }), a({ confidence: 'disputed' })])).toBe('unknown');
    // Verified and disputed, same weight: (1 + 0.25) / 2 = 62.5 -> holds.
    expect(verdictOf([a({ confidence: 'verified' }), a({ confidence: 'disputed' })])).toBe('holds');
  });

  it('is not tested when no question citing it was asked', () => {
    expect(verdictOf([])).toBe('not-tested');
  });
});

describe('the controls view of a report', () => {
  it('gathers a control cited by questions of two dimensions, across journeys, and its plan items', () => {
    const v = view([opt('j1', 'q1', 'l3'), opt('j2', 'q1', 'l0'), opt('j1', 'q2', 'l1', { confidence: 'reported' }), { ...opt('j2', 'q2', 'l0'), kind: 'na', optionId: undefined }]);
    const access = v.controls.find((c) => c.controlId === 'A.5.18')!;
    expect(access.dimensions).toEqual(['access', 'detection']);
    expect(access.questions.map((q) => q.id)).toEqual(['q1', 'q2']);
    // Asked: q1/j1 l3 (w2), q1/j2 l0 (w2), q2/j1 l1 reported (w1); the n/a counts nowhere.
    // exposure = 100 x (2 x 0.75 + 0 + 0.25) / 5 = 35; visibility = 100 x (2 + 2 + 0.5) / 5 = 90
    expect(access.answers).toHaveLength(3);
    expect(access.exposure).toBeCloseTo(35, 10);
    expect(access.visibility).toBeCloseTo(90, 10);
    expect(access.worstLevel).toBe(3);
    expect(access.verdict).toBe('exposed');
    // The riskiest answer first: q1 in j1 (r = 2 x 2 x 3 = 12 quarters -> 3).
    expect(access.answers[0]).toMatchObject({ questionId: 'q1', journeyId: 'j1', level: 3 });
    expect(access.planItems.map((p) => [p.actionId, p.lane])).toEqual([['fix-q1', 'fix']]);
    expect(access.title).toBe('Access rights');
  });

  it('counts an organisation answer once, however many journeys it holds for', () => {
    // A report answer of the organisation (model 2): one row for three journeys.
    const org = { scope: 'organisation', journeysHeld: 3, journeyId: null, journeyName: null } as unknown as Partial<ReportAnswer>;
    const row = (over: Partial<ReportAnswer>): ReportAnswer =>
      ({ questionId: 'q1', questionPrompt: 'Q1?', dimensionId: 'access', kind: 'option', optionId: 'l4', optionLabel: 'Level 4', level: 4, confidence: 'verified', effectiveConfidence: 'verified', policy: null, stale: false, carriedOver: false, risk: 6, note: '', by: '', at: NOW.toISOString(), journeyId: 'j1', journeyName: 'J1', ...over }) as ReportAnswer;
    const v = buildControlsView(BANK, { answers: [row(org), row({ questionId: 'q2', weight: 1, level: 0, optionId: 'l0', risk: 0 } as Partial<ReportAnswer>)], plan: [], findOut: [] }, { frameworks: ['ISO27001'] });
    const access = v.controls.find((c) => c.controlId === 'A.5.18')!;
    // Organisation answer (w 2, e 1) once, q2 in j1 (w 1, e 0): exposure = 100 x 2 / 3.
    expect(access.answers.map((x) => x.scope)).toEqual(['organisation', 'journey']);
    expect(access.exposure).toBeCloseTo(200 / 3, 10);
    // An organisation answer that holds for no journey counts nowhere.
    const none = buildControlsView(BANK, { answers: [row({ ...org, journeysHeld: 0 } as Partial<ReportAnswer>)], plan: [], findOut: [] }, { frameworks: ['ISO27001'] });
    expect(none.controls.find((c) => c.controlId === 'A.5.18')!.verdict).toBe('not-tested');
  });

  it('sorts by exposure, untested last; counts verdicts', () => {
    const v = view([opt('j1', 'q1', 'l2'), opt('j1', 'q3', 'l4')]);
    expect(v.controls.map((c) => [c.controlId, c.exposure, c.verdict])).toEqual([
      ['A.8.15', 100, 'exposed'],
      ['A.5.18', 50, 'holds'],
    ]);
    expect(view([]).controls.map((c) => c.verdict)).toEqual(['not-tested', 'not-tested']);
    expect(v.counts).toEqual({ exposed: 1, unknown: 0, holds: 1, 'not-tested': 0 });
  });

  it('leads with the controls claimed implemented that the answers show exposed, and keeps claimed controls no question cites', () => {
    const claim = (controlId: string, status: ControlClaim['status']): ControlClaim => ({ framework: 'ISO27001', controlId, status, auditedOn: '2026-06-30', reference: 'ISO audit 2026' });
    const v = view([opt('j1', 'q1', 'l4'), opt('j1', 'q3', 'l4'), unknown('j2', 'q2')], [claim('A.5.18', 'implemented'), claim('A.8.15', 'partially'), claim('A.5.1', 'implemented'), { ...claim('CC6.3', 'implemented'), framework: 'SOC2' }]);
    expect(v.claimedButExposed.map((c) => c.controlId)).toEqual(['A.5.18']);
    expect(v.claims).toBe(3); // the SOC 2 claim is outside the frameworks shown
    const policies = v.controls.find((c) => c.controlId === 'A.5.1')!;
    expect(policies).toMatchObject({ verdict: 'not-tested', questions: [], title: 'Policies for information security' });
    const access = v.controls.find((c) => c.controlId === 'A.5.18')!;
    expect(access.unknowns).toBe(1);
    expect(access.planItems.map((p) => p.lane)).toEqual(['fix', 'find-out']);
  });
});
