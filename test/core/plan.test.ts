/**
 * The plan (SCORING.md, model 2), rule by rule, with every figure worked out by hand in
 * the comments: r = w x s x e (e = L/4, unknown 1); an organisation answer counted once
 * with s* = the highest sensitivity among the journeys it holds for; Find out and Fix
 * lanes; shares; P = R / effort (S 1, M 3, L 8); prerequisites (P*, order); horizons by
 * capacity, then contain, long lead and prerequisite raised.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Effort } from '../../src/core/bank-schema.js';
import { buildPlan, findOutActionId } from '../../src/core/plan.js';
import type { Answer, Assessment, OrganisationAnswer } from '../../src/core/workbook-schema.js';
import { NOW, SCORING_BANK, assessment, bank, journey, na, opt, unknown } from './model-fixtures.js';

type ActionRef = string | { id: string; share: number };

/** A question whose options l0..l4 (levels 0-4) name `actions` (l0 names none). */
function question(id: string, actions: ActionRef[], extra: Record<string, unknown> = {}) {
  return {
    id,
    dimension: 'd',
    prompt: `Prompt ${id}?`,
    weight: 1,
    options: [0, 1, 2, 3, 4].map((level) => ({ id: `l${level}`, label: `Level ${level}`, level, actions: level === 0 ? [] : actions })),
    ...extra,
  };
}
const action = (id: string, effort: Effort = 'S', requires?: string[]) => ({
  id,
  title: `Title ${id}`,
  detail: `Detail ${id}.`,
  effort,
  owner: `Owner ${id}`,
  ...(requires ? { requires } : {}),
});
function testBank(questions: unknown[], actions: unknown[]) {
  return bank({ id: 'test', title: 'T', version: '1.0.0', description: 'Plan.', language: 'en', dimensions: [{ id: 'd', title: 'D', description: 'D.' }], questions, actions });
}
function org(questionId: string, optionId: string | null, confidence: Answer['confidence'] = 'reported'): OrganisationAnswer {
  return optionId === null
    ? { questionId, kind: 'unknown', note: '', by: '', at: NOW.toISOString() }
    : { questionId, kind: 'option', optionId, confidence, note: '', by: '', at: NOW.toISOString() };
}

// Sensitivity 3, 2 and 1.
const hi = journey('hi', 'high');
const mid = journey('mid', 'moderate');
const lo = journey('lo', 'low');
const withCapacity = (a: Assessment, now: number, next: number): Assessment => ({ ...a, planCapacity: { now, next } });

describe('organisation answers in the plan', () => {
  const B = testBank([question('mfa', ['enforce-mfa'], { scope: 'organisation', weight: 2 })], [action('enforce-mfa', 'M')]);

  it('count once, with the highest sensitivity among the journeys they hold for', () => {
    // Org answer l4 (e = 1) for hi, mid, lo: one item, r = w 2 x s* 3 x 1 = 6; P = 6 / 3 = 2.
    const { fix } = buildPlan(B, assessment([hi, mid, lo], [], { organisationAnswers: [org('mfa', 'l4')] }), NOW);
    expect(fix.map((i) => [i.actionId, i.riskRemoved, i.priority])).toEqual([['enforce-mfa', 6, 2]]);
    expect(fix[0]!.reasons).toEqual([
      expect.objectContaining({ scope: 'organisation', journeyId: null, journeysHeld: 3, sensitivityFactor: 3, risk: 6, share: 1, contribution: 6, portion: 1 }),
    ]);
    // Another journey with the same fact adds no risk; only a more sensitive one would raise it.
    const more = buildPlan(B, assessment([hi, mid, lo, journey('lo2', 'low')], [], { organisationAnswers: [org('mfa', 'l4')] }), NOW);
    expect(more.fix[0]!.riskRemoved).toBe(6);
    const lowOnly = buildPlan(B, assessment([mid, lo], [], { organisationAnswers: [org('mfa', 'l4')] }), NOW);
    expect(lowOnly.fix[0]!.riskRemoved).toBe(4); // s* = 2: 2 x 2 x 1
  });

  it('take s* from the journeys that do not override them, and an override is its own item', () => {
    // hi overrides with l2: its own item r = 2 x 3 x 2/4 = 3. The org answer holds for mid
    // and lo: s* = 2, r = 2 x 2 x 1 = 4. R = 3 + 4 = 7, P = 7/3.
    const a = assessment([hi, mid, lo], [opt('hi', 'mfa', 'l2')], { organisationAnswers: [org('mfa', 'l4')] });
    const { fix } = buildPlan(B, a, NOW);
    expect(fix.map((i) => [i.riskRemoved, i.priority])).toEqual([[7, 7 / 3]]);
    expect(fix[0]!.reasons.map((r) => [r.scope, r.journeyId, r.override, r.sensitivityFactor, r.risk])).toEqual([
      ['organisation', null, false, 2, 4],
      ['journey', 'hi', true, 3, 3],
    ]);
    // Every journey overrides with l0: the org answer holds for none and carries no risk.
    const all = assessment([hi, mid], [opt('hi', 'mfa', 'l0'), opt('mid', 'mfa', 'l0')], { organisationAnswers: [org('mfa', 'l4')] });
    expect(buildPlan(B, all, NOW).fix).toEqual([]);
  });

  it('an organisation unknown is one Find out entry with r = w x s* x 1', () => {
    // r = 2 x 3 x 1 = 6 in the Find out lane, generated action, effort S.
    const { findOut, fix } = buildPlan(B, assessment([hi, lo], [], { organisationAnswers: [org('mfa', null)] }), NOW);
    expect(fix).toEqual([]);
    expect(findOut.map((i) => [i.actionId, i.riskRemoved, i.effort, i.generated])).toEqual([[findOutActionId('mfa'), 6, 'S', true]]);
  });
});

describe('the Find out lane', () => {
  it('makes one entry per discovery action, R the sum of full r, ordered by R then id, effort S', () => {
    // q1 unknown in hi: 2 x 3 x 1 = 6, and in lo: 2 x 1 x 1 = 2 -> "disc" (effort M in the bank, S here): R = 8.
    // q3 unknown in hi: 3 x 3 x 1 = 9 -> generated find-out:q3.
    const { findOut, fix } = buildPlan(SCORING_BANK, assessment([hi, lo], [unknown('hi', 'q1'), unknown('lo', 'q1'), unknown('hi', 'q3')]), NOW);
    expect(fix).toEqual([]);
    expect(findOut.map((i) => [i.rank, i.actionId, i.effort, i.riskRemoved, i.priority, i.generated])).toEqual([
      [1, findOutActionId('q3'), 'S', 9, 9, true],
      [2, 'disc', 'S', 8, 8, false],
    ]);
    expect(findOut[1]!.reasons.map((r) => [r.journeyId, r.risk, r.share, r.portion])).toEqual([
      ['hi', 6, 1, 0.75],
      ['lo', 2, 1, 0.25],
    ]);
    // Ties of R go by id.
    const tie = testBank([question('a', [], { discovery: 'zz' }), question('b', [], { discovery: 'aa' })], [action('zz'), action('aa')]);
    expect(buildPlan(tie, assessment([lo], [unknown('lo', 'a'), unknown('lo', 'b')]), NOW).findOut.map((i) => i.actionId)).toEqual(['aa', 'zz']);
  });
});

describe('shares', () => {
  it('split an option item among its actions, and the parts sum to r', () => {
    // l4 in mid (s 2), weight 1: r = 2. enforce takes 0.75 x 2 = 1.5, vendors 0.25 x 2 = 0.5.
    const B = testBank([question('q', [{ id: 'enforce', share: 0.75 }, { id: 'vendors', share: 0.25 }])], [action('enforce'), action('vendors')]);
    const { fix } = buildPlan(B, assessment([mid], [opt('mid', 'q', 'l4')]), NOW);
    expect(fix.map((i) => [i.actionId, i.riskRemoved])).toEqual([
      ['enforce', 1.5],
      ['vendors', 0.5],
    ]);
    expect(fix[0]!.reasons[0]).toMatchObject({ risk: 2, share: 0.75, contribution: 1.5, portion: 1 });
  });

  it('are equal for plain ids, and 0.333 three times reads as thirds, exactly', () => {
    // l4 in hi (s 3): r = 3, a third each = 1 exactly.
    const plain = testBank([question('q', ['x', 'y', 'z'])], [action('x'), action('y'), action('z')]);
    expect(buildPlan(plain, assessment([hi], [opt('hi', 'q', 'l4')]), NOW).fix.map((i) => i.riskRemoved)).toEqual([1, 1, 1]);
    const written = testBank(
      [question('q', [{ id: 'x', share: 0.333 }, { id: 'y', share: 0.333 }, { id: 'z', share: 0.333 }])],
      [action('x'), action('y'), action('z')],
    );
    expect(buildPlan(written, assessment([hi], [opt('hi', 'q', 'l4')]), NOW).fix.map((i) => i.riskRemoved)).toEqual([1, 1, 1]);
  });

  it('go to the action with the largest share first when the rest is equal, and an action listed twice counts once', () => {
    // q1 c (L4) lists fix-a, fix-b, fix-a: two actions, half each. mid: r = 2 x 2 x 1 = 4; 2 each.
    // fix-b S: P = 2; fix-a M: P = 2/3.
    const twice = {
      ...SCORING_BANK,
      questions: SCORING_BANK.questions.map((q) => (q.id === 'q1' ? { ...q, options: q.options.map((o) => (o.id === 'c' ? { ...o, actions: ['fix-a', 'fix-b', 'fix-a'] } : o)) } : q)),
    };
    const { fix } = buildPlan(twice, assessment([mid], [opt('mid', 'q1', 'c')]), NOW);
    expect(fix.map((i) => [i.actionId, i.riskRemoved, i.priority])).toEqual([
      ['fix-b', 2, 2],
      ['fix-a', 2, 2 / 3],
    ]);
  });
});

describe('priority and order', () => {
  it('ranks by P, then R, then id; leaves out R = 0, not applicable and unanswered', () => {
    // top: l4 hi = 3 (S: P 3). big: l4 hi + l4 mid = 5 (M: P 5/3). tie-a / tie-b: l4 lo = 1 (S: P 1).
    const B = testBank(
      [question('q1', ['top']), question('q2', ['big']), question('q3', ['tie-b']), question('q4', ['tie-a']), question('q5', ['none'])],
      [action('top'), action('big', 'M'), action('tie-b'), action('tie-a'), action('none')],
    );
    const a = assessment([hi, mid, lo], [opt('hi', 'q1', 'l4'), opt('hi', 'q2', 'l4'), opt('mid', 'q2', 'l4'), opt('lo', 'q3', 'l4'), opt('lo', 'q4', 'l4'), opt('lo', 'q5', 'l0'), na('hi', 'q5')]);
    expect(buildPlan(B, a, NOW).fix.map((i) => [i.rank, i.actionId, i.riskRemoved, i.priority])).toEqual([
      [1, 'top', 3, 3],
      [2, 'big', 5, 5 / 3],
      [3, 'tie-a', 1, 1],
      [4, 'tie-b', 1, 1],
    ]);
    expect(buildPlan(SCORING_BANK, assessment([hi, mid], []), NOW)).toEqual({ findOut: [], fix: [] });
  });

  it('gives a prerequisite the highest P* of what requires it, transitively, and puts it first', () => {
    // alert (S) requires logging (L), which requires inventory (M).
    // alert: q-alert l4 in hi, weight 3: r = 9, P = 9.
    // logging: q-log l4 in lo: r = 1, P = 1/8; P* = 9 (from alert).
    // inventory: q-inv l2 in lo: r = 0.5, P = 0.5/3; P* = 9 (from logging, from alert).
    // other (S): q-other l4 in hi, weight 3: r = 9, P = 9, id "zzz" so no tie goes its way by id.
    // Order at P* = 9: prerequisites before what requires them; else R descending:
    // zzz (R 9) is available first and beats inventory (R 0.5); then inventory, logging, alert.
    // solo (M): q-solo l4 in hi: r = 3, P = 1, requires "unused", which nothing triggers:
    // taken to be in place.
    const B = testBank(
      [
        question('q-alert', ['alert'], { weight: 3 }),
        question('q-log', ['logging']),
        question('q-inv', ['inventory']),
        question('q-other', ['zzz'], { weight: 3 }),
        question('q-solo', ['solo']),
      ],
      [action('alert', 'S', ['logging']), action('logging', 'L', ['inventory']), action('inventory', 'M'), action('zzz'), action('solo', 'M', ['unused']), action('unused')],
    );
    const a = assessment(
      [hi, lo],
      [opt('hi', 'q-alert', 'l4', { confidence: 'disputed' }), opt('lo', 'q-log', 'l4'), opt('lo', 'q-inv', 'l2'), opt('hi', 'q-other', 'l4', { confidence: 'disputed' }), opt('hi', 'q-solo', 'l4')],
    );
    const { fix } = buildPlan(B, a, NOW);
    expect(fix.map((i) => [i.actionId, i.priority, i.effectivePriority, i.requires, i.requiredBy])).toEqual([
      ['zzz', 9, 9, [], []],
      ['inventory', 0.5 / 3, 9, [], ['logging']],
      ['logging', 1 / 8, 9, ['inventory'], ['alert']],
      ['alert', 9, 9, ['logging'], []],
      ['solo', 1, 1, [], []],
    ]);
  });
});

describe('horizons', () => {
  // Six S items, one per question, P = R: a 3 (l4 hi), b 2.25 (l3 hi), c 2 (l4 mid),
  // d 1.5 (l2 hi), e 1 (l4 lo), f 0.75 (l3 lo). Confidence disputed: no contain.
  const six = testBank(
    ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => question(`q${id}`, [id])),
    ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => action(id)),
  );
  const d = { confidence: 'disputed' as const };
  const sixAnswers = [opt('hi', 'qa', 'l4', d), opt('hi', 'qb', 'l3', d), opt('mid', 'qc', 'l4', d), opt('hi', 'qd', 'l2', d), opt('lo', 'qe', 'l4', d), opt('lo', 'qf', 'l3', d)];

  it('go by the effort points before an item, a sum exactly on a boundary landing after it', () => {
    // Capacity Now 2, Next 3. Points before: a 0, b 1 -> Now; c 2 (= Now) -> Next; d 3, e 4 -> Next;
    // f 5 (= Now + Next) -> Later.
    const { fix } = buildPlan(six, withCapacity(assessment([hi, mid, lo], sixAnswers), 2, 3), NOW);
    expect(fix.map((i) => [i.actionId, i.effortBefore, i.horizon, i.horizonReason])).toEqual([
      ['a', 0, 'now', 'capacity'],
      ['b', 1, 'now', 'capacity'],
      ['c', 2, 'next', 'capacity'],
      ['d', 3, 'next', 'capacity'],
      ['e', 4, 'next', 'capacity'],
      ['f', 5, 'later', 'capacity'],
    ]);
  });

  it('default to Now 12 and Next 24 effort points', () => {
    // Thirteen S items then: the 13th has 12 points before it -> Next; an M item 36 points in -> Later.
    const ids = Array.from({ length: 13 }, (_, i) => `s${String(i).padStart(2, '0')}`);
    const B = testBank(
      [...ids.map((id) => question(`q-${id}`, [id])), question('q-m', ['m'])],
      [...ids.map((id) => action(id)), action('m', 'M')],
    );
    // Every S item r = 1 (l4 lo), P = 1; ordered by id. "m": r = 2 (l4 mid), P = 2/3, last.
    const answers = [...ids.map((id) => opt('lo', `q-${id}`, 'l4', d)), opt('mid', 'q-m', 'l4', d)];
    const fix = buildPlan(B, assessment([mid, lo], answers), NOW).fix;
    expect(fix.map((i) => i.horizon)).toEqual([...Array(12).fill('now'), 'next', 'next']);
    const many = buildPlan(B, withCapacity(assessment([mid, lo], answers), 12, 1), NOW).fix;
    expect(many.at(-1)).toMatchObject({ actionId: 'm', effortBefore: 13, horizon: 'later' });
  });

  it('contain: the primary fix of a verified or reported level-4 answer on a weight-3 question or a high journey is in Now', () => {
    // Capacity Now 1, Next 1. top (S): l4 hi = 3, P 3, fills Now.
    // q-leak (weight 3) l4 in lo (s 1), verified: r = 3; big (L) takes 0.6 -> 1.8, P 0.225;
    // guide (S) 0.4 -> 1.2, P 1.2. Order: top, guide, big. By capacity guide Next, big Later;
    // big is the primary fix (largest share): contained, Now. guide stays Next.
    const B = testBank(
      [question('q-top', ['top']), question('q-leak', [{ id: 'guide', share: 0.4 }, { id: 'big', share: 0.6 }], { weight: 3 })],
      [action('top'), action('guide'), action('big', 'L')],
    );
    const run = (confidence: Answer['confidence']) =>
      buildPlan(B, withCapacity(assessment([hi, lo], [opt('hi', 'q-top', 'l4', d), opt('lo', 'q-leak', 'l4', { confidence })]), 1, 1), NOW).fix.map((i) => [
        i.actionId,
        i.riskRemoved,
        i.capacityHorizon,
        i.horizon,
        i.horizonReason,
      ]);
    expect(run('verified')).toEqual([
      ['top', 3, 'now', 'now', 'capacity'],
      ['guide', 1.2, 'next', 'next', 'capacity'],
      ['big', 1.8, 'later', 'now', 'contain'],
    ]);
    expect(run('reported')[2]).toEqual(['big', 1.8, 'later', 'now', 'contain']);
    // Disputed: no containment.
    expect(run('disputed')[2]).toEqual(['big', 1.8, 'later', 'later', 'capacity']);
  });

  it('contain: on a weight-1 question, a high journey, or an organisation answer with s* = 3, calls for it', () => {
    // q (weight 1) l4 reported: plain ids x, y share equally: x is primary (first listed).
    // In hi: r = 3, 1.5 each. Capacity 0/0: everything Later by capacity.
    const B = testBank([question('q', ['x', 'y']), question('o', ['z'], { scope: 'organisation' })], [action('x'), action('y'), action('z', 'M')]);
    const highJourney = buildPlan(B, withCapacity(assessment([hi], [opt('hi', 'q', 'l4', { confidence: 'reported' })]), 0, 0), NOW).fix;
    expect(highJourney.map((i) => [i.actionId, i.horizon, i.horizonReason])).toEqual([
      ['x', 'now', 'contain'],
      ['y', 'later', 'capacity'],
    ]);
    const lowJourney = buildPlan(B, withCapacity(assessment([mid], [opt('mid', 'q', 'l4', { confidence: 'reported' })]), 0, 0), NOW).fix;
    expect(lowJourney.map((i) => i.horizon)).toEqual(['later', 'later']);
    // The org answer holds for hi and lo: s* = 3 -> contained. For mid and lo only: s* = 2 -> not.
    const orgHigh = buildPlan(B, withCapacity(assessment([hi, lo], [], { organisationAnswers: [org('o', 'l4', 'verified')] }), 0, 0), NOW).fix;
    expect(orgHigh.map((i) => [i.actionId, i.horizon, i.horizonReason])).toEqual([['z', 'now', 'contain']]);
    const orgModerate = buildPlan(B, withCapacity(assessment([mid, lo], [], { organisationAnswers: [org('o', 'l4', 'verified')] }), 0, 0), NOW).fix;
    expect(orgModerate.map((i) => i.horizon)).toEqual(['later']);
  });

  it('long lead: an effort-L item with R >= 9 not in Now starts now; R = 8.75 does not', () => {
    // Capacity Now 1, Next 100. top (S): q-top l4 hi, weight 3: r = 9, P = 9, fills Now.
    // prog-a (L): q-a1 l3 hi, weight 3: 3 x 3 x 3/4 = 6.75, plus q-a2 l3 lo, weight 3: 2.25 -> R = 9 exactly.
    // prog-b (L): q-b1 l3 hi, weight 3: 6.75, plus q-b2 l4 lo, weight 2: 2 -> R = 8.75.
    // Level 3 and disputed: no containment anywhere.
    const B = testBank(
      [
        question('q-top', ['top'], { weight: 3 }),
        question('q-a1', ['prog-a'], { weight: 3 }),
        question('q-a2', ['prog-a'], { weight: 3 }),
        question('q-b1', ['prog-b'], { weight: 3 }),
        question('q-b2', ['prog-b'], { weight: 2 }),
      ],
      [action('top'), action('prog-a', 'L'), action('prog-b', 'L')],
    );
    const a = assessment(
      [hi, lo],
      [opt('hi', 'q-top', 'l4', d), opt('hi', 'q-a1', 'l3', d), opt('lo', 'q-a2', 'l3', d), opt('hi', 'q-b1', 'l3', d), opt('lo', 'q-b2', 'l4', d)],
    );
    expect(buildPlan(B, withCapacity(a, 1, 100), NOW).fix.map((i) => [i.actionId, i.riskRemoved, i.capacityHorizon, i.horizon, i.horizonReason])).toEqual([
      ['top', 9, 'now', 'now', 'capacity'],
      ['prog-a', 9, 'next', 'now', 'long-lead'],
      ['prog-b', 8.75, 'next', 'next', 'capacity'],
    ]);
  });

  it('prerequisite: raised to the horizon of what requires it, naming it, without moving anything else', () => {
    // Capacity Now 1, Next 3. top (S): l4 hi = 3, P 3. scanner (L): q-scan weight 3 l3 in hi:
    // 6.75 and in lo: 2.25 -> R = 9, P = 9/8, requires inventory (M): q-inv l2 lo: r = 0.5, P* = 9/8.
    // tail (S): l3 lo = 0.75, P 0.75.
    // Order: top, inventory, scanner, tail. Points before: 0, 1, 4, 12.
    // Capacity: top Now; inventory Next; scanner Later; tail Later.
    // Long lead puts scanner in Now; inventory is raised to Now as its prerequisite; tail stays.
    const B = testBank(
      [question('q-top', ['top']), question('q-scan', ['scanner'], { weight: 3 }), question('q-inv', ['inventory']), question('q-tail', ['tail'])],
      [action('top'), action('scanner', 'L', ['inventory']), action('inventory', 'M'), action('tail')],
    );
    const a = assessment([hi, lo], [opt('hi', 'q-top', 'l4', d), opt('hi', 'q-scan', 'l3', d), opt('lo', 'q-scan', 'l3', d), opt('lo', 'q-inv', 'l2', d), opt('lo', 'q-tail', 'l3', d)]);
    expect(
      buildPlan(B, withCapacity(a, 1, 3), NOW).fix.map((i) => [i.actionId, i.effortBefore, i.capacityHorizon, i.horizon, i.horizonReason, i.prerequisiteOf]),
    ).toEqual([
      ['top', 0, 'now', 'now', 'capacity', null],
      ['inventory', 1, 'next', 'now', 'prerequisite', 'scanner'],
      ['scanner', 4, 'later', 'now', 'long-lead', null],
      ['tail', 12, 'later', 'later', 'capacity', null],
    ]);
  });
});

describe('the Fix lane (property)', () => {
  it("adds up to the risk of the option items that name an action: nothing lost, nothing counted twice", () => {
    const ACTIONS = ['a1', 'a2', 'a3', 'a4', 'a5'];
    const actionList = fc.uniqueArray(fc.constantFrom(...ACTIONS), { minLength: 0, maxLength: 4 });
    /** Plain ids, or shares in thousandths summing to exactly 1000. */
    const actionsOf = actionList.chain((ids) =>
      ids.length === 0
        ? fc.constant([] as ActionRef[])
        : fc.oneof(
            fc.constant(ids as ActionRef[]),
            fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: ids.length, maxLength: ids.length }).map((raw) => {
              // Cut 1000 into ids.length positive parts.
              const cuts = [...new Set(raw.map((r) => r % 1000).filter((r) => r > 0))].sort((x, y) => x - y).slice(0, ids.length - 1);
              const parts = [...cuts, 1000].map((c, i, all) => c - (i === 0 ? 0 : all[i - 1]!));
              const used = ids.slice(0, parts.length);
              return used.map((id, i) => ({ id, share: parts[i]! / 1000 })) as ActionRef[];
            }),
          ),
    );
    const questionArb = (i: number) =>
      fc.record({
        weight: fc.constantFrom(1, 2, 3),
        scope: fc.constantFrom('journey', 'organisation'),
        levels: fc.array(fc.record({ level: fc.integer({ min: 0, max: 4 }), actions: actionsOf }), { minLength: 2, maxLength: 4 }),
      }).map((q) => ({
        id: `q${i}`,
        dimension: 'd',
        prompt: `Q${i}?`,
        weight: q.weight,
        scope: q.scope,
        options: q.levels.map((o, k) => ({ id: `o${k}`, label: `O${k}`, level: o.level, actions: o.actions })),
      }));
    const answerArb = fc.oneof(fc.constant('none'), fc.constant('unknown'), fc.integer({ min: 0, max: 3 }));
    fc.assert(
      fc.property(
        fc.tuple(questionArb(0), questionArb(1), questionArb(2), questionArb(3)),
        fc.array(fc.constantFrom('low', 'moderate', 'high'), { minLength: 1, maxLength: 4 }),
        fc.array(answerArb, { minLength: 20, maxLength: 20 }),
        fc.array(answerArb, { minLength: 4, maxLength: 4 }),
        (questions, sensitivities, journeyPicks, orgPicks) => {
          const B = testBank(questions, ACTIONS.map((id, i) => action(id, (['S', 'M', 'L'] as const)[i % 3])));
          const journeys = sensitivities.map((s, i) => journey(`j${i}`, s));
          const answers: Answer[] = [];
          journeys.forEach((j, ji) =>
            B.questions.forEach((q, qi) => {
              const pick = journeyPicks[ji * 4 + qi]!;
              if (pick === 'unknown') answers.push(unknown(j.id, q.id));
              else if (pick !== 'none' && q.options[pick]) answers.push(opt(j.id, q.id, q.options[pick].id, { confidence: 'reported' }));
            }),
          );
          const organisationAnswers: OrganisationAnswer[] = [];
          B.questions.forEach((q, qi) => {
            const pick = orgPicks[qi]!;
            if (q.scope !== 'organisation') return;
            if (pick === 'unknown') organisationAnswers.push(org(q.id, null));
            else if (pick !== 'none' && q.options[pick]) organisationAnswers.push(org(q.id, q.options[pick].id));
          });
          const a = assessment(journeys, answers, { organisationAnswers });
          const { fix, findOut } = buildPlan(B, a, NOW);
          // The risk of the option items naming an action, computed here from first principles.
          let expected = 0;
          let unknowns = 0;
          const top = (holders: typeof journeys) => Math.max(0, ...holders.map((j) => ({ low: 1, moderate: 2, high: 3 })[j.sensitivity]));
          for (const q of B.questions) {
            const own = (j: (typeof journeys)[number]) => answers.find((x) => x.journeyId === j.id && x.questionId === q.id);
            const riskOf = (x: { kind: string; optionId?: string } | undefined, s: number) => {
              if (!x || s === 0) return;
              if (x.kind === 'unknown') unknowns += q.weight * s;
              const o = q.options.find((y) => y.id === x.optionId);
              if (x.kind === 'option' && o && o.actions.length > 0) expected += (q.weight * s * o.level) / 4;
            };
            if (q.scope === 'organisation') {
              riskOf(organisationAnswers.find((x) => x.questionId === q.id), top(journeys.filter((j) => !own(j))));
            }
            for (const j of journeys) riskOf(own(j), { low: 1, moderate: 2, high: 3 }[j.sensitivity]);
          }
          const fixTotal = fix.reduce((sum, i) => sum + i.riskRemoved, 0);
          expect(fixTotal).toBeCloseTo(expected, 9);
          expect(findOut.reduce((sum, i) => sum + i.riskRemoved, 0)).toBeCloseTo(unknowns, 9);
          for (const item of fix) expect(item.reasons.reduce((sum, r) => sum + r.contribution, 0)).toBeCloseTo(item.riskRemoved, 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});
