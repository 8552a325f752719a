/**
 * Cycles: snapshots, carry-over, the diff of two states, plan tracking and the trend,
 * with hand-computed figures on the scoring bank (see model-fixtures.ts).
 */
import { describe, expect, it } from 'vitest';
import { diffStates, stateOfCurrent, stateOfSnapshot } from '../../src/core/diff.js';
import { buildReport } from '../../src/core/report.js';
import { carriedOverCount, confirmAnswer, findSnapshot, snapshotLabelProblem, startNewCycle, takeSnapshot } from '../../src/core/snapshot.js';
import { putAnswer } from '../../src/core/journey-questions.js';
import type { Assessment } from '../../src/core/workbook-schema.js';
import { AssessmentSchema } from '../../src/core/workbook-schema.js';
import { DAY, NOW, SCORING_BANK, assessment, bank, journey, opt, unknown } from './model-fixtures.js';

const Q3 = new Date(NOW.getTime() - 90 * DAY);

/**
 * Last cycle (taken 90 days before NOW):
 *   J1 (moderate, s 2): q1 c (L4, verified), q2 unknown, q3 n (L4, reported)
 *   J3 (low, s 1): q3 m (L0, verified)
 */
function lastCycle(): Assessment {
  const at = Q3.toISOString();
  return assessment(
    [journey('j1', 'moderate'), journey('j3', 'low')],
    [
      opt('j1', 'q1', 'c', { at }),
      unknown('j1', 'q2', { at }),
      opt('j1', 'q3', 'n', { confidence: 'reported', at }),
      opt('j3', 'q3', 'm', { at }),
    ],
  );
}

/**
 * This cycle: J3 is gone, J2 (low, s 1) is new.
 *   J1: q1 b (L2, verified: better), q2 x (L1, reported: the unknown resolved), q3 n (verified: confidence only)
 *   J2: q1 unknown (a new unknown)
 */
function thisCycle(from: Assessment): Assessment {
  let a: Assessment = { ...from, journeys: [journey('j1', 'moderate'), journey('j2', 'low')], answers: from.answers.filter((x) => x.journeyId === 'j1') };
  a = putAnswer(a, { ...opt('j1', 'q1', 'b'), by: 'Ana' });
  a = putAnswer(a, opt('j1', 'q2', 'x', { confidence: 'reported' }));
  a = putAnswer(a, opt('j1', 'q3', 'n'));
  a = putAnswer(a, unknown('j2', 'q1'));
  return a;
}

function withSnapshot(): Assessment {
  const before = lastCycle();
  return takeSnapshot(before, buildReport(SCORING_BANK, before, Q3), { label: '2026 Q3', by: 'Sam' }, Q3).assessment;
}

describe('snapshots', () => {
  it('freeze the answers, plan status and the scores and plan as computed then', () => {
    const a = withSnapshot();
    const [snapshot] = a.snapshots;
    expect(snapshot).toMatchObject({ id: '2026-q3', label: '2026 Q3', by: 'Sam', takenAt: Q3.toISOString(), bank: { id: 'test', version: '1.0.0' } });
    // J1: exposure (2x4/4 + 3x4/4) / (2+3) = 100; visibility (2x1 + 1x0 + 3x0.5) / 6 = 58.33
    // J3: exposure 0, visibility 100. Overall: (2x100 + 1x0)/3 = 66.67; (2x58.33 + 1x100)/3 = 72.22
    expect(snapshot!.scores.exposure).toBeCloseTo(200 / 3, 10);
    expect(snapshot!.scores.visibility).toBeCloseTo((2 * (3.5 / 6) * 100 + 100) / 3, 10);
    expect(snapshot!.scores.journeys.map((j) => [j.journeyId, j.exposure])).toEqual([
      ['j1', 100],
      ['j3', 0],
    ]);
    // Plan then. Fix: J1 q1 c (r = 2 x 2 x 1 = 4) split between fix-a and fix-b, 2 each;
    // J1 q3 n: r = 3 x 2 x 1 = 6 to fix-c. fix-b (S) P 2; fix-c (L) P 0.75; fix-a (M) P 0.67.
    // Points before: 0, 1, 9: all Now. Find out: J1 q2 unknown, r = 1 x 2 x 1 = 2.
    expect(snapshot!.scoringModel).toBe(2);
    expect(snapshot!.plan.map((p) => [p.actionId, p.rank, p.horizon, p.riskRemoved, p.effortPoints])).toEqual([
      ['fix-b', 1, 'now', 2, 1],
      ['fix-c', 2, 'now', 6, 8],
      ['fix-a', 3, 'now', 2, 3],
    ]);
    expect(snapshot!.findOut).toEqual([{ actionId: 'find-out:q2', title: 'Find out: Question two?', rank: 1, riskRemoved: 2 }]);
    expect(AssessmentSchema.safeParse(a).success).toBe(true);
  });

  it('are not reached by later changes to the assessment, and cannot be changed in place', () => {
    const a = withSnapshot();
    const frozen = structuredClone(a.snapshots[0]);
    const later = thisCycle(a);
    later.journeys[0]!.name = 'Renamed';
    later.answers[0]!.note = 'edited';
    expect(later.snapshots[0]).toEqual(frozen);
    expect(() => {
      (a.snapshots[0]!.answers[0] as { note: string }).note = 'rewritten';
    }).toThrow(TypeError);
    expect(() => a.snapshots[0]!.plan.push(a.snapshots[0]!.plan[0]!)).toThrow(TypeError);
  });

  it('get ids unique in the assessment and a default label of the day', () => {
    let a = withSnapshot();
    a = takeSnapshot(a, buildReport(SCORING_BANK, a, NOW), { label: '2026 Q3' }, NOW).assessment;
    a = takeSnapshot(a, buildReport(SCORING_BANK, a, NOW), {}, NOW).assessment;
    expect(a.snapshots.map((s) => [s.id, s.label])).toEqual([
      ['2026-q3', '2026 Q3'],
      ['2026-q3-2', '2026 Q3'],
      ['2026-11-20', '2026-11-20'],
    ]);
  });

  it('take a label only when it is plain, short, not a word diff reads, and not taken in any case', () => {
    const a = withSnapshot();
    expect(snapshotLabelProblem(a, 'Q4')).toBeNull();
    expect(snapshotLabelProblem(a, 'x'.repeat(200))).toBeNull();
    expect(snapshotLabelProblem(a, '')).toEqual({ kind: 'empty' });
    expect(snapshotLabelProblem(a, 'x'.repeat(201))).toEqual({ kind: 'too-long', length: 201 });
    expect(snapshotLabelProblem(a, 'Q4\u001b[31m')).toEqual({ kind: 'not-plain' });
    expect(snapshotLabelProblem(a, 'Now')).toEqual({ kind: 'reserved' });
    expect(snapshotLabelProblem(a, '2026 q3')).toEqual({ kind: 'taken', snapshot: a.snapshots[0] });
  });

  it('are found by id, label, number or "latest", and a miss names those there are', () => {
    let a = withSnapshot();
    a = takeSnapshot(a, buildReport(SCORING_BANK, a, NOW), { label: 'Q4' }, NOW).assessment;
    expect(findSnapshot(a, '2026-q3').label).toBe('2026 Q3');
    expect(findSnapshot(a, 'q4').id).toBe('q4');
    expect(findSnapshot(a, '1').id).toBe('2026-q3');
    expect(findSnapshot(a, 'latest').id).toBe('q4');
    expect(() => findSnapshot(a, 'Q1')).toThrow(/no snapshot of "A" is called "Q1"; it has 1\. "2026 Q3" \(id 2026-q3, 2026-08-22\), 2\. "Q4"/);
    expect(() => findSnapshot(lastCycle(), 'latest')).toThrow(/has no snapshot yet; take one with `cxray snapshot`/);
  });
});

describe('a new cycle', () => {
  it('snapshots the cycle that ends and marks every answer carried over, keeping its date', () => {
    const before = lastCycle();
    const { assessment: a, snapshot, carried } = startNewCycle(before, buildReport(SCORING_BANK, before, NOW), { label: 'Q3' }, NOW);
    expect(carried).toBe(4);
    expect(carriedOverCount(a)).toBe(4);
    expect(a.answers.every((x) => x.carriedOver === true && x.at === Q3.toISOString())).toBe(true);
    expect(snapshot.answers.some((x) => x.carriedOver)).toBe(false);
    expect(a.snapshots).toEqual([snapshot]);
  });

  it('clears the mark when an answer is confirmed (dated now) or changed', () => {
    const before = lastCycle();
    let a = startNewCycle(before, buildReport(SCORING_BANK, before, NOW), {}, NOW).assessment;
    a = confirmAnswer(a, 'j1', 'q1', 'Ana', NOW);
    expect(a.answers.find((x) => x.questionId === 'q1')).toEqual({ ...opt('j1', 'q1', 'c'), by: 'Ana', at: NOW.toISOString() });
    a = putAnswer(a, opt('j1', 'q3', 'm'));
    expect(carriedOverCount(a)).toBe(2);
    expect(confirmAnswer(a, 'j1', 'q1', 'Ana', NOW)).toBe(a); // nothing left to confirm there
    const report = buildReport(SCORING_BANK, a, NOW);
    expect(report.cycles.carriedOver).toBe(2);
    expect(report.answers.filter((x) => x.carriedOver).map((x) => [x.journeyId, x.questionId])).toEqual([
      ['j1', 'q2'],
      ['j3', 'q3'],
    ]);
  });

  it('carries the organisation answers over too, each confirmed on its own', () => {
    const org = { questionId: 'q9', kind: 'option' as const, optionId: 'c', confidence: 'verified' as const, note: '', by: 'Dana', at: Q3.toISOString() };
    const before: Assessment = { ...lastCycle(), organisationAnswers: [org] };
    const { assessment: a, carried } = startNewCycle(before, buildReport(SCORING_BANK, before, NOW), {}, NOW);
    // 4 journey answers and 1 organisation answer.
    expect(carried).toBe(5);
    expect(carriedOverCount(a)).toBe(5);
    expect(a.organisationAnswers).toEqual([{ ...org, carriedOver: true }]);
    const confirmed = confirmAnswer(a, null, 'q9', 'Ana', NOW);
    expect(confirmed.organisationAnswers).toEqual([{ ...org, by: 'Ana', at: NOW.toISOString() }]);
    expect(carriedOverCount(confirmed)).toBe(4);
    // A journey answer to the same question id is not the organisation's.
    expect(confirmAnswer(a, 'j1', 'q9', 'Ana', NOW)).toBe(a);
    expect(confirmAnswer(confirmed, null, 'q9', 'Ana', NOW)).toBe(confirmed);
  });
});

describe('the diff of two cycles', () => {
  const then = withSnapshot();
  const now = thisCycle(then);
  const report = buildReport(SCORING_BANK, now, NOW);
  const diff = diffStates(SCORING_BANK, stateOfSnapshot(then.snapshots[0]!), stateOfCurrent(now, report));

  it('names both sides', () => {
    expect(diff.from).toEqual({ label: '2026 Q3', snapshotId: '2026-q3', at: Q3.toISOString(), scoringModel: 2, recomputed: false });
    expect(diff.to).toEqual({ label: 'now', snapshotId: null, at: NOW.toISOString(), scoringModel: 2, recomputed: false });
  });

  it('moves the overall figures by hand-computed amounts', () => {
    // Now: J1 exposure (2x2/4 + 1x1/4 + 3x4/4)/6 = 70.83, visibility (2 + 0.5 + 3)/6 = 91.67;
    // J2: q1 unknown, exposure 100 (e = 1), visibility 0.
    // Overall exposure (2x70.83 + 1x100)/3 = 80.56; visibility (2x91.67 + 0)/3 = 61.11.
    expect(diff.overall.exposure.from).toBeCloseTo(200 / 3, 10);
    expect(diff.overall.exposure.to).toBeCloseTo((2 * (425 / 6) + 100) / 3, 10);
    expect(diff.overall.exposure.change).toBeCloseTo((2 * (425 / 6) + 100) / 3 - 200 / 3, 10);
    expect(diff.overall.visibility.to).toBeCloseTo((2 * (5.5 / 6) * 100) / 3, 10);
  });

  it('compares journeys cell by cell, and says which were added or removed', () => {
    expect(diff.journeys.map((j) => [j.journeyId, j.presence])).toEqual([
      ['j1', 'both'],
      ['j2', 'added'],
      ['j3', 'removed'],
    ]);
    const j1 = diff.journeys[0]!;
    const d1 = j1.dimensions.find((d) => d.dimensionId === 'd1')!;
    // d1 then: exposure 2x4/4 / 2 = 100, visibility 2/3; now (1 + 0.25)/3 = 41.67, (2 + 0.5)/3 = 83.33
    expect(d1.dimensionTitle).toBe('One');
    expect(d1.exposure.from).toBe(100);
    expect(d1.exposure.to).toBeCloseTo(125 / 3, 10);
    expect(d1.visibility.change).toBeCloseTo(250 / 3 - 200 / 3, 10);
    const d2 = j1.dimensions.find((d) => d.dimensionId === 'd2')!;
    expect(d2.exposure).toEqual({ from: 100, to: 100, change: 0 });
    expect(d2.visibility).toEqual({ from: 50, to: 100, change: 50 });
    expect(diff.journeys[1]!.exposure).toEqual({ from: null, to: 100, change: null });
    expect(diff.journeys[1]!.visibility).toEqual({ from: null, to: 0, change: null });
  });

  it('lists answers that changed, once each, with who and when; a removed journey is not listed answer by answer', () => {
    expect(diff.answers.map((x) => [x.journeyId, x.questionId, x.from?.optionLabel, x.to?.optionLabel, x.from?.confidence, x.to?.confidence, x.direction])).toEqual([
      ['j1', 'q1', 'C', 'B', 'verified', 'verified', 'better'],
      ['j1', 'q3', 'N', 'N', 'reported', 'verified', 'same'],
    ]);
    expect(diff.answers[0]).toMatchObject({ questionPrompt: 'Question one?', dimensionId: 'd1', by: 'Ana', at: NOW.toISOString() });
  });

  it('lists new unknowns and resolved unknowns', () => {
    expect(diff.newUnknowns.map((x) => [x.journeyId, x.questionId, x.from, x.to?.kind])).toEqual([['j2', 'q1', null, 'unknown']]);
    expect(diff.resolvedUnknowns.map((x) => [x.journeyId, x.questionId, x.from?.kind, x.to?.optionLabel, x.direction])).toEqual([
      ['j1', 'q2', 'unknown', 'X', 'better'],
    ]);
  });

  it('lists plan items that appeared, disappeared or moved horizon', () => {
    // Now. Find out: disc (J2 q1 unknown, r = 2 x 1 x 1 = 2). Fix: fix-c R 6 (L) P 0.75;
    // fix-a R 2 (M) P 0.67; fix-b R 0.5 (S) P 0.5; points before 0, 8, 11: all Now, as before.
    expect(diff.plan.appeared).toEqual([{ actionId: 'disc', title: 'Discover one', lane: 'find-out', horizon: null, rank: 1 }]);
    expect(diff.plan.disappeared).toEqual([{ actionId: 'find-out:q2', title: 'Find out: Question two?', lane: 'find-out', horizon: null, rank: 1 }]);
    expect(diff.plan.moved).toEqual([]);
  });

  it('is what the report shows since the last cycle', () => {
    expect(report.cycles.sinceLastCycle).toEqual(diff);
    expect(report.cycles.snapshots).toEqual([
      { id: '2026-q3', label: '2026 Q3', takenAt: Q3.toISOString(), by: 'Sam', exposure: diff.overall.exposure.from, visibility: diff.overall.visibility.from },
    ]);
    expect(buildReport(SCORING_BANK, lastCycle(), NOW).cycles.sinceLastCycle).toBeNull();
  });

  it('finds nothing between a snapshot and the same answers', () => {
    const same = diffStates(SCORING_BANK, stateOfSnapshot(then.snapshots[0]!), stateOfCurrent(then, buildReport(SCORING_BANK, then, Q3)));
    expect([same.answers, same.newUnknowns, same.resolvedUnknowns, same.plan.appeared, same.plan.disappeared, same.plan.moved]).toEqual([[], [], [], [], [], []]);
    expect(same.overall.exposure.change).toBe(0);
  });

  it('names what the bank no longer has by its id', () => {
    const gone = { ...now, answers: [...now.answers, opt('j1', 'retired', 'old')] };
    const d = diffStates(SCORING_BANK, stateOfSnapshot(then.snapshots[0]!), stateOfCurrent(gone, buildReport(SCORING_BANK, gone, NOW)));
    expect(d.answers.find((x) => x.questionId === 'retired')).toMatchObject({ questionPrompt: 'retired', dimensionId: null, to: { optionLabel: 'old', level: null } });
  });
});

describe('the diff of two cycles under model 2', () => {
  // qa (w 1) -> a (S); qb (w 2) -> b (S); qc (w 1) -> c (M); qd (w 3) -> d (L).
  const q = (id: string, action: string, weight: number) => ({
    id,
    dimension: 'd1',
    prompt: `Prompt ${id}?`,
    weight,
    options: [0, 1, 2, 3, 4].map((level) => ({ id: `l${level}`, label: `Level ${level}`, level, actions: level === 0 ? [] : [action] })),
  });
  const B = bank({
    ...SCORING_BANK,
    dimensions: [{ id: 'd1', title: 'One', description: 'One.' }],
    questions: [q('qa', 'a', 1), q('qb', 'b', 2), q('qc', 'c', 1), q('qd', 'd', 3)],
    actions: [
      { id: 'a', title: 'Fix A', detail: 'A.', effort: 'S', owner: 'O' },
      { id: 'b', title: 'Fix B', detail: 'B.', effort: 'S', owner: 'O' },
      { id: 'c', title: 'Fix C', detail: 'C.', effort: 'M', owner: 'O' },
      { id: 'd', title: 'Fix D', detail: 'D.', effort: 'L', owner: 'O' },
    ],
  });
  const js = [journey('hi', 'high'), journey('lo', 'low')];
  const disputed = { confidence: 'disputed' as const, at: Q3.toISOString() };
  const diffOf = (then: Assessment, now: Assessment) => {
    const snapped = takeSnapshot(then, buildReport(B, then, Q3), { label: 'Then' }, Q3).assessment;
    const current = { ...now, snapshots: snapped.snapshots };
    return buildReport(B, current, NOW).cycles.sinceLastCycle!;
  };
  // Then: a: hi qa l4 -> r 3, P 3; b: lo qb l4 -> r 2, P 2. Capacity Now 1, Next 5:
  // a (0 points before) Now; b (1 before) Next.
  const then = assessment(js, [opt('hi', 'qa', 'l4', disputed), opt('lo', 'qb', 'l4', disputed)], { planCapacity: { now: 1, next: 5 } });

  it('says an item moved because its own risk removed changed, and another because the items ahead of it did', () => {
    // b: hi qb l4 -> r 2 x 3 x 1 = 6, P 6 > 3: first, 0 points before it: Now (own R 2 -> 6).
    // a: unchanged (R 3), now second with 1 point before it: Next, because b joined the items ahead.
    const now = { ...then, answers: [opt('hi', 'qa', 'l4', disputed), opt('hi', 'qb', 'l4', disputed)] };
    expect(diffOf(then, now).plan.moved).toEqual([
      { actionId: 'b', title: 'Fix B', from: 'next', to: 'now', rank: 1, why: { kind: 'own', riskFrom: 2, riskTo: 6, effortFrom: 1, effortTo: 1 } },
      { actionId: 'a', title: 'Fix A', from: 'now', to: 'next', rank: 2, why: { kind: 'items-ahead', effortBeforeFrom: 0, effortBeforeTo: 1, largest: 'b', largestTitle: 'Fix B' } },
    ]);
  });

  it('says an item moved because the capacity changed', () => {
    const now = { ...then, planCapacity: { now: 2, next: 5 } };
    expect(diffOf(then, now).plan.moved).toEqual([
      { actionId: 'b', title: 'Fix B', from: 'next', to: 'now', rank: 2, why: { kind: 'capacity', from: { now: 1, next: 5 }, to: { now: 2, next: 5 } } },
    ]);
  });

  it('says an item moved by a rule: containment of a verified worst case', () => {
    // d: lo qd l4 -> r 3, L: P 0.375; 2 points before it: Next when disputed; verified, weight 3: contained, Now.
    const with_d = { ...then, answers: [...then.answers, opt('lo', 'qd', 'l4', disputed)] };
    const verified = { ...then, answers: [...then.answers, opt('lo', 'qd', 'l4', { confidence: 'verified' })] };
    expect(diffOf(with_d, verified).plan.moved).toEqual([
      { actionId: 'd', title: 'Fix D', from: 'next', to: 'now', rank: 3, why: { kind: 'rule', rule: 'contain', side: 'to' } },
    ]);
  });

  it('calls an option turned unknown worse: lost sight, whatever its level', () => {
    // hi qa l0 (level 0, no risk) -> unknown: worse, lost sight.
    const a0 = assessment(js, [opt('hi', 'qa', 'l0')]);
    const lost = assessment(js, [unknown('hi', 'qa')]);
    const d = diffOf(a0, lost);
    expect(d.newUnknowns.map((x) => [x.journeyId, x.direction, x.lostSight])).toEqual([['hi', 'worse', true]]);
    // A level-4 answer turned unknown is worse too (never "better by ..." nor "same").
    const d4 = diffOf(assessment(js, [opt('hi', 'qa', 'l4')]), lost);
    expect(d4.newUnknowns.map((x) => [x.direction, x.lostSight])).toEqual([['worse', true]]);
    // Back from unknown to an option: better.
    expect(diffOf(lost, a0).resolvedUnknowns.map((x) => [x.direction, x.lostSight])).toEqual([['better', false]]);
    // Exposure: l4 -> unknown does not read better (both e = 1: 100 -> 100).
    expect(d4.overall.exposure).toEqual({ from: 100, to: 100, change: 0 });
  });

  it('recomputes a model-1 snapshot from its answers with the current model, and says so', () => {
    const snapped = takeSnapshot(then, buildReport(B, then, Q3), { label: 'Old' }, Q3).assessment;
    const old = snapped.snapshots[0]!;
    // As a model-1 snapshot stored it: other figures, a plan with horizons of its own.
    const v1 = { ...old, scoringModel: 1, scores: { ...old.scores, exposure: 12, visibility: 34 }, plan: [{ actionId: 'a', title: 'Fix A', rank: 1, horizon: 'later' as const, riskRemoved: 99 }], findOut: [] };
    const current = { ...then, snapshots: [v1] };
    const d = buildReport(B, current, NOW).cycles.sinceLastCycle!;
    expect(d.from).toMatchObject({ label: 'Old', scoringModel: 2, recomputed: true });
    // Recomputed: hi qa l4 (w 1, e 1) and lo qb l4 (w 2, e 1): hi exposure 100, lo 100 -> 100.
    expect(d.overall.exposure).toEqual({ from: 100, to: 100, change: 0 });
    expect(d.plan.moved).toEqual([]);
  });
});
