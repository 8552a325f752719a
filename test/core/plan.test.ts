/**
 * The plan (SCORING.md): r = w x s x L / 4 (unknown: w x s x 0.75), R = sum of r over the
 * items that trigger an action, P = R / effort (S 1, M 3, L 8), horizons against Pmax.
 */
import { describe, expect, it } from 'vitest';
import { buildPlan, findOutActionId } from '../../src/core/plan.js';
import type { Effort } from '../../src/core/bank-schema.js';
import { NOW, SCORING_BANK, assessment, bank, journey, na, opt, unknown } from './model-fixtures.js';

/** A question of weight 1 whose options l1..l4 (levels 1-4) trigger `action`; l0 triggers nothing. */
function question(id: string, action: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    dimension: 'd',
    prompt: `Prompt ${id}?`,
    weight: 1,
    options: [0, 1, 2, 3, 4].map((level) => ({ id: `l${level}`, label: `Level ${level}`, level, actions: level === 0 ? [] : [action] })),
    ...extra,
  };
}
const action = (id: string, effort: Effort = 'S') => ({ id, title: `Title ${id}`, detail: `Detail ${id}.`, effort, owner: 'Owner' });

// Journeys of sensitivity 3, 2 and 1; every question weight 1, so r = s x L / 4.
const journeys = [journey('hi', 'high'), journey('mid', 'moderate'), journey('lo', 'low')];

describe('the plan', () => {
  const HORIZON_BANK = bank({
    id: 'test',
    title: 'T',
    version: '1.0.0',
    description: 'Horizons.',
    language: 'en',
    dimensions: [{ id: 'd', title: 'D', description: 'D.' }],
    questions: [
      question('qa', 'top'),
      question('qb', 'half'),
      question('qc', 'below-half'),
      question('qd', 'fifth'),
      question('qe', 'below-fifth'),
      question('qf', 'fifth-m'),
    ],
    actions: [action('top'), action('half'), action('below-half'), action('fifth'), action('below-fifth'), action('fifth-m', 'M')],
  });
  const plan = buildPlan(
    HORIZON_BANK,
    assessment(journeys, [
      opt('hi', 'qa', 'l4'), // 3*4/4 = 3
      opt('mid', 'qa', 'l4'), // 2*4/4 = 2   -> top: R = 5, P = 5/1 = 5 = Pmax
      opt('lo', 'qa', 'l0'), // level 0: triggers nothing
      opt('hi', 'qb', 'l2'), // 3*2/4 = 1.5
      opt('lo', 'qb', 'l4'), // 1*4/4 = 1   -> half: R = 2.5, P = 2.5 = 0.5 x 5: Now (boundary)
      opt('hi', 'qc', 'l3'), // 3*3/4 = 2.25 -> below-half: P = 2.25 < 2.5: Next
      opt('lo', 'qd', 'l4'), // 1 -> fifth: P = 1 = 0.2 x 5: Next (boundary)
      opt('lo', 'qe', 'l3'), // 0.75 -> below-fifth: P = 0.75 < 1: Later
      opt('hi', 'qf', 'l4'), // 3 -> fifth-m: R = 3, P = 3/3 = 1: Next, before "fifth" (same P, larger R)
    ]),
    NOW,
  );

  it('ranks by P, then R, then action id, and numbers the ranks', () => {
    expect(plan.map((i) => [i.actionId, i.riskRemoved, i.priority])).toEqual([
      ['top', 5, 5],
      ['half', 2.5, 2.5],
      ['below-half', 2.25, 2.25],
      ['fifth-m', 3, 1],
      ['fifth', 1, 1],
      ['below-fifth', 0.75, 0.75],
    ]);
    expect(plan.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('places items exactly on 0.5 Pmax in Now and exactly on 0.2 Pmax in Next', () => {
    expect(Object.fromEntries(plan.map((i) => [i.actionId, i.horizon]))).toEqual({
      top: 'now',
      half: 'now',
      'below-half': 'next',
      'fifth-m': 'next',
      fifth: 'next',
      'below-fifth': 'later',
    });
  });

  it('breaks a tie of P and R by action id', () => {
    const tie = bank({
      ...HORIZON_BANK,
      questions: [question('q1', 'zeta'), question('q2', 'alpha'), question('q3', 'mu')],
      actions: [action('zeta'), action('alpha'), action('mu')],
    });
    const p = buildPlan(tie, assessment(journeys, [opt('lo', 'q1', 'l4'), opt('lo', 'q2', 'l4'), opt('lo', 'q3', 'l4')]), NOW);
    expect(p.map((i) => i.actionId)).toEqual(['alpha', 'mu', 'zeta']);
    expect(p.every((i) => i.horizon === 'now')).toBe(true);
  });

  it('makes one item of an action triggered in several journeys, with reasons whose shares sum to 1 and risks to R', () => {
    const top = plan[0]!;
    expect(top.reasons.map((r) => [r.journeyId, r.questionId, r.optionId, r.risk, r.share])).toEqual([
      ['hi', 'qa', 'l4', 3, 0.6], // 3/5
      ['mid', 'qa', 'l4', 2, 0.4], // 2/5
    ]);
    const half = plan[1]!;
    expect(half.reasons.reduce((sum, r) => sum + r.risk, 0)).toBe(half.riskRemoved);
    expect(half.reasons.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(1, 12);
  });

  it('counts an item fully for each action it triggers, and an action an option lists twice once', () => {
    // q1 = c (L4, actions fix-a and fix-b) in a moderate journey: r = 2*2*4/4 = 4 for each action.
    const twice = { ...SCORING_BANK, questions: SCORING_BANK.questions.map((q) => (q.id === 'q1' ? { ...q, options: q.options.map((o) => (o.id === 'c' ? { ...o, actions: ['fix-a', 'fix-b', 'fix-a'] } : o)) } : q)) };
    const p = buildPlan(twice, assessment([journey('j')], [opt('j', 'q1', 'c')]), NOW);
    // fix-b: P = 4/1 = 4; fix-a: P = 4/3 = 1.33
    expect(p.map((i) => [i.actionId, i.riskRemoved, i.priority])).toEqual([
      ['fix-b', 4, 4],
      ['fix-a', 4, 4 / 3],
    ]);
    expect(p[1]!.reasons).toHaveLength(1);
  });

  it('turns unknowns into discovery actions of effort S: the bank one, or a generated "Find out"', () => {
    const p = buildPlan(SCORING_BANK, assessment([journey('hi', 'high')], [unknown('hi', 'q1'), unknown('hi', 'q3')]), NOW);
    // q1 unknown: 2*3*0.75 = 4.5 -> "disc" (effort M in the bank, S as a discovery action): P = 4.5
    // q3 unknown: 3*3*0.75 = 6.75 -> generated find-out:q3, effort S: P = 6.75
    expect(p.map((i) => [i.actionId, i.title, i.effort, i.riskRemoved, i.priority, i.kind, i.generated])).toEqual([
      [findOutActionId('q3'), 'Find out: Question three?', 'S', 6.75, 6.75, 'discovery', true],
      ['disc', 'Discover one', 'S', 4.5, 4.5, 'discovery', false],
    ]);
    expect(p[0]!.actionId).toBe('find-out:q3');
    expect(p[0]!.reasons[0]).toMatchObject({ kind: 'unknown', optionId: null, confidence: null, risk: 6.75, share: 1 });
  });

  it('leaves out actions that remove no risk, and not-applicable and unanswered items', () => {
    const zero = bank({
      ...HORIZON_BANK,
      questions: [{ ...question('q1', 'never-zero'), options: [{ id: 'l0', label: 'Zero', level: 0, actions: ['zero'] }, { id: 'l4', label: 'Four', level: 4, actions: ['never-zero'] }] }, question('q2', 'na-action')],
      actions: [action('zero'), action('never-zero'), action('na-action')],
    });
    const p = buildPlan(zero, assessment(journeys, [opt('hi', 'q1', 'l0'), na('mid', 'q2')]), NOW);
    expect(p).toEqual([]);
  });

  it('is empty when nothing is answered', () => {
    expect(buildPlan(SCORING_BANK, assessment(journeys, []), NOW)).toEqual([]);
  });

  it('places boundaries exactly where floating point would not: P = R/3 against 0.2 Pmax', () => {
    // top: hi q1 c -> r = 2*3*4/4 = 6 for fix-a (M: P = 2) and fix-b (S: P = 6). Pmax = 6.
    // fix-a P = 2 -> 2 >= 0.2*6 = 1.2 -> Next. fix-c: q3 n in lo: r = 3*1*4/4 = 3, L: P = 3/8 = 0.375 < 1.2 -> Later.
    const p = buildPlan(SCORING_BANK, assessment(journeys, [opt('hi', 'q1', 'c'), opt('lo', 'q3', 'n')]), NOW);
    expect(p.map((i) => [i.actionId, i.horizon])).toEqual([
      ['fix-b', 'now'],
      ['fix-a', 'next'],
      ['fix-c', 'later'],
    ]);
    // Both of effort M: max R = 3 + 2 = 5, P = 5/3; edge R = 1, P = 1/3 = exactly 0.2 x 5/3.
    // In floating point 1/3 >= 0.2 * (5/3) is false (0.333... < 0.33...35), so a naive
    // comparison would put it in Later.
    const edge = bank({
      ...HORIZON_BANK,
      questions: [question('q1', 'max'), question('q2', 'edge')],
      actions: [action('max', 'M'), action('edge', 'M')],
    });
    const p2 = buildPlan(edge, assessment(journeys, [opt('hi', 'q1', 'l4'), opt('mid', 'q1', 'l4'), opt('lo', 'q2', 'l4')]), NOW);
    expect(p2.map((i) => [i.actionId, i.riskRemoved, i.horizon])).toEqual([
      ['max', 5, 'now'],
      ['edge', 1, 'next'],
    ]);
  });
});
