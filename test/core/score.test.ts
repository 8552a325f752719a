/**
 * The scoring model (SCORING.md), pinned by cases computed by hand; the arithmetic is
 * written beside each expectation. SCORING_BANK: q1 (d1, w 2: a L0, b L2, c L4),
 * q2 (d1, w 1: x L1, y L3; lifetime 30 days), q3 (d2, w 3: m L0, n L4).
 */
import { describe, expect, it } from 'vitest';
import { isStale } from '../../src/core/assessment-items.js';
import { scoreAssessment } from '../../src/core/score.js';
import { DAY, NOW, SCORING_BANK, assessment, journey, na, opt, unknown } from './model-fixtures.js';

const score = (a: ReturnType<typeof assessment>, now = NOW) => scoreAssessment(SCORING_BANK, a, now);
const cell = (s: ReturnType<typeof score>, j: number, d: 'd1' | 'd2') => s.journeys[j]!.dimensions.find((x) => x.dimensionId === d)!;

describe('scores', () => {
  it('nothing answered: every figure is null (never 0), progress 0 of 3', () => {
    const s = score(assessment([journey('j')], []));
    expect(s.journeys[0]).toMatchObject({ exposure: null, visibility: null, progress: { answered: 0, total: 3, ratio: 0 } });
    expect(s.overall).toMatchObject({ exposure: null, visibility: null, progress: { answered: 0, total: 3 } });
    expect(s.overall.dimensions.map((d) => [d.exposure, d.visibility])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it('all not applicable: no figures, but progress is complete', () => {
    const s = score(assessment([journey('j')], [na('j', 'q1'), na('j', 'q2'), na('j', 'q3')]));
    expect(s.journeys[0]).toMatchObject({ exposure: null, visibility: null, progress: { answered: 3, total: 3, ratio: 1 } });
    expect(s.overall).toMatchObject({ exposure: null, visibility: null });
  });

  it('only unknowns: fully exposed (e = 1), visibility 0', () => {
    const s = score(assessment([journey('j')], [unknown('j', 'q1'), unknown('j', 'q3')]));
    // K = {q1, q3}: exposure (2*1 + 3*1) / (2 + 3) * 100 = 100; visibility (2*0 + 3*0) / 5 = 0
    expect(s.journeys[0]).toMatchObject({ exposure: 100, visibility: 0 });
    expect(cell(s, 0, 'd1')).toMatchObject({ exposure: 100, visibility: 0, answered: 0, asked: 1 });
    expect(s.overall).toMatchObject({ exposure: 100, visibility: 0 });
  });

  it('an option turned unknown never lowers exposure', () => {
    // q1 c (L4) alone: 100. The same answer unknown: e = 1, still 100. b (L2) -> 50, unknown -> 100.
    const known = score(assessment([journey('j')], [opt('j', 'q1', 'b')]));
    const lost = score(assessment([journey('j')], [unknown('j', 'q1')]));
    expect(known.journeys[0]!.exposure).toBe(50);
    expect(lost.journeys[0]!.exposure).toBe(100);
  });

  it('one journey: per dimension and per journey', () => {
    const s = score(assessment([journey('j')], [opt('j', 'q1', 'c'), opt('j', 'q2', 'x', { confidence: 'reported' }), unknown('j', 'q3')]));
    // d1 exposure: (2*4/4 + 1*1/4) / (2+1) * 100 = 2.25/3*100 = 75
    // d1 visibility: (2*1 + 1*0.5) / (2+1) * 100 = 2.5/3*100 = 83.33
    expect(cell(s, 0, 'd1').exposure).toBe(75);
    expect(cell(s, 0, 'd1').visibility).toBeCloseTo(250 / 3, 10);
    // d2: K = {q3} unknown: exposure 3*1/3 = 100; visibility 3*0/3 = 0
    expect(cell(s, 0, 'd2')).toMatchObject({ exposure: 100, visibility: 0 });
    // journey exposure over K = {q1, q2, q3}: (2*1 + 1*1/4 + 3*1) / 6 * 100 = 5.25/6*100 = 87.5
    // journey visibility: (2*1 + 1*0.5 + 3*0) / (2+1+3) * 100 = 2.5/6*100 = 41.67
    expect(s.journeys[0]!.exposure).toBe(87.5);
    expect(s.journeys[0]!.visibility).toBeCloseTo(125 / 3, 10);
    // One journey: the overall figures are its figures.
    expect(s.overall.exposure).toBe(87.5);
    expect(s.overall.visibility).toBeCloseTo(125 / 3, 10);
  });

  it('weights journeys by sensitivity in the overall figures', () => {
    const s = score(
      assessment(
        [journey('hi', 'high'), journey('lo', 'low'), journey('empty', 'moderate')],
        [opt('hi', 'q1', 'c'), opt('lo', 'q1', 'b', { confidence: 'disputed' })],
      ),
    );
    // hi: exposure 2*4/4/2*100 = 100, visibility 100; lo: exposure 2*2/4/2*100 = 50, visibility 25
    // the moderate journey has no figure and is left out (not counted as 0):
    // exposure (3*100 + 1*50) / (3+1) = 87.5; visibility (3*100 + 1*25) / 4 = 81.25
    expect(s.overall.exposure).toBe(87.5);
    expect(s.overall.visibility).toBe(81.25);
    expect(s.overall.dimensions[0]).toMatchObject({ dimensionId: 'd1', exposure: 87.5, visibility: 81.25, answered: 2, asked: 2 });
    expect(s.overall.dimensions[1]).toMatchObject({ dimensionId: 'd2', exposure: null, visibility: null });
    // progress: 2 answered of 3 + 3 + 3
    expect(s.overall.progress).toEqual({ answered: 2, total: 9, ratio: 2 / 9 });
  });

  it.each([
    ['verified', 100],
    ['reported', 50],
    ['disputed', 25],
  ] as const)('counts a %s answer with k = %d%%', (confidence, visibility) => {
    const s = score(assessment([journey('j')], [opt('j', 'q3', 'n', { confidence })]));
    // 3*k / 3 * 100
    expect(s.journeys[0]!.visibility).toBe(visibility);
  });

  it('counts an option answer without a confidence as reported', () => {
    const answer = opt('j', 'q3', 'n');
    delete answer.confidence;
    expect(score(assessment([journey('j')], [answer])).journeys[0]!.visibility).toBe(50);
  });

  it('mixes confidences by weight', () => {
    const s = score(assessment([journey('j')], [opt('j', 'q1', 'a', { confidence: 'disputed' }), opt('j', 'q2', 'y'), opt('j', 'q3', 'm', { confidence: 'reported' })]));
    // visibility: (2*0.25 + 1*1 + 3*0.5) / (2+1+3) * 100 = 3/6*100 = 50
    // exposure: (2*0/4 + 1*3/4 + 3*0/4) / 6 * 100 = 0.75/6*100 = 12.5
    expect(s.journeys[0]).toMatchObject({ exposure: 12.5, visibility: 50 });
  });

  it('downgrades a verified answer older than its lifetime to reported: day 30 is fresh, day 31 stale', () => {
    const at = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
    const day30 = score(assessment([journey('j')], [opt('j', 'q2', 'x', { at: at(30) })]));
    const day31 = score(assessment([journey('j')], [opt('j', 'q2', 'x', { at: at(31) })]));
    // q2 lives 30 days: 30 days old counts as verified (1*1/1 = 100), 31 days old as reported (1*0.5/1 = 50)
    expect(day30.journeys[0]!.visibility).toBe(100);
    expect(day31.journeys[0]!.visibility).toBe(50);
    // one millisecond past the lifetime is already older than it
    expect(isStale({ at: at(30) }, { lifetimeDays: 30 }, new Date(NOW.getTime() + 1))).toBe(true);
    // exposure does not depend on confidence: 1*1/4 / 1 * 100 = 25 either way
    expect(day31.journeys[0]!.exposure).toBe(25);
  });

  it('never raises a disputed stale answer, and ignores lifetimes on questions without one', () => {
    const old = new Date(NOW.getTime() - 400 * DAY).toISOString();
    const s = score(assessment([journey('j')], [opt('j', 'q2', 'x', { at: old, confidence: 'disputed' }), opt('j', 'q3', 'n', { at: old })]));
    // (1*0.25 + 3*1) / 4 * 100 = 81.25
    expect(s.journeys[0]!.visibility).toBe(81.25);
  });

  it('counts only the questions that apply to the journey', () => {
    const chatOnly = { ...SCORING_BANK, questions: SCORING_BANK.questions.map((q) => (q.id === 'q3' ? { ...q, appliesTo: { channels: ['chat' as const] } } : q)) };
    const a = assessment([journey('j', 'moderate', { channels: ['voice'] })], [opt('j', 'q1', 'a'), opt('j', 'q3', 'n')]);
    const s = scoreAssessment(chatOnly, a, NOW);
    // q3 does not apply to a voice journey: its answer counts nowhere. Exposure 0 from q1 alone.
    expect(s.journeys[0]).toMatchObject({ exposure: 0, visibility: 100, progress: { answered: 1, total: 2 } });
  });

  it('keeps a journey that no question applies to, with null figures and no progress ratio', () => {
    const none = { ...SCORING_BANK, questions: SCORING_BANK.questions.map((q) => ({ ...q, appliesTo: { channels: ['chat' as const] } })) };
    const s = scoreAssessment(none, assessment([journey('j')], []), NOW);
    expect(s.journeys[0]).toMatchObject({ exposure: null, visibility: null, progress: { answered: 0, total: 0, ratio: null } });
  });
});

describe('scores with organisation answers', () => {
  // q3 (d2, w 3: m L0, n L4) is organisation-wide here.
  const ORG_BANK = { ...SCORING_BANK, questions: SCORING_BANK.questions.map((q) => (q.id === 'q3' ? { ...q, scope: 'organisation' as const } : q)) };
  const orgAnswer = { questionId: 'q3', kind: 'option' as const, optionId: 'n', confidence: 'verified' as const, note: '', by: 'CISO', at: NOW.toISOString() };

  it('count the organisation answer in every journey it holds for, and an override in its own journey only', () => {
    const a = assessment([journey('hi', 'high'), journey('mid'), journey('lo', 'low')], [opt('hi', 'q1', 'a'), opt('lo', 'q3', 'm', { confidence: 'reported' })], {
      organisationAnswers: [orgAnswer],
    });
    const s = scoreAssessment(ORG_BANK, a, NOW);
    // hi: d2 = org n (L4, verified): exposure 100, visibility 100; the journey: (2*0 + 3*1)/5 = 60, visibility 100.
    expect(cell(s, 0, 'd2')).toMatchObject({ exposure: 100, visibility: 100 });
    expect(s.journeys[0]).toMatchObject({ exposure: 60, visibility: 100, progress: { answered: 2, total: 3 } });
    // mid: only the org answer: 100 / 100; 1 of 3 answered.
    expect(s.journeys[1]).toMatchObject({ exposure: 100, visibility: 100, progress: { answered: 1, total: 3 } });
    // lo overrides with m (L0, reported): exposure 0, visibility 50.
    expect(cell(s, 2, 'd2')).toMatchObject({ exposure: 0, visibility: 50 });
    // Overall exposure: (3*60 + 2*100 + 1*0) / 6 = 380/6 = 63.33
    expect(s.overall.exposure).toBeCloseTo(380 / 6, 10);
    // The organisation section: one organisation-wide question, answered.
    expect(s.organisationProgress).toEqual({ answered: 1, total: 1, ratio: 1 });
    expect(scoreAssessment(ORG_BANK, assessment([journey('j')], []), NOW).organisationProgress).toEqual({ answered: 0, total: 1, ratio: 0 });
  });

  it('count the answers given once apart from the journeys\' progress added up', () => {
    // The same three journeys; each has q1, q2 and q3, q3 organisation-wide.
    const a = assessment([journey('hi', 'high'), journey('mid'), journey('lo', 'low')], [opt('hi', 'q1', 'a'), opt('lo', 'q3', 'm', { confidence: 'reported' })], {
      organisationAnswers: [orgAnswer],
    });
    const s = scoreAssessment(ORG_BANK, a, NOW);
    // Added up per journey: hi 2 of 3, mid 1 of 3, lo 1 of 3 (its override) = 4 of 9.
    expect(s.overall.progress).toEqual({ answered: 4, total: 9, ratio: 4 / 9 });
    // Given once: the organisation's q3 (1 of 1), then each journey's own q1 and q2 (6, of which
    // hi's q1 is answered) and lo's override of q3 (answered): 3 of 8.
    expect(s.overall.given).toEqual({ answered: 3, total: 8, ratio: 3 / 8 });
    // Without organisation-wide questions both counts are the same.
    const plain = scoreAssessment(SCORING_BANK, assessment([journey('hi'), journey('lo')], [opt('hi', 'q1', 'a')]), NOW);
    expect(plain.overall.given).toEqual(plain.overall.progress);
    expect(plain.overall.given).toEqual({ answered: 1, total: 6, ratio: 1 / 6 });
  });
});
