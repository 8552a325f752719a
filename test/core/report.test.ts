import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report.js';
import { ReportSchema } from '../../src/core/report-schema.js';
import type { Bank } from '../../src/core/bank-schema.js';
import type { Answer, Assessment } from '../../src/core/workbook-schema.js';
import { DAY, NOW, SCORING_BANK, assessment, bank, journey, na, opt, unknown } from './model-fixtures.js';

describe('buildReport', () => {
  const old = new Date(NOW.getTime() - 45 * DAY).toISOString();
  const a = assessment(
    [journey('hi', 'high'), journey('lo', 'low')],
    [
      opt('hi', 'q1', 'c', { policy: 'documented', note: 'On paper only.' }), // L4, documented: documented but exposed
      opt('hi', 'q2', 'y', { at: old }), // verified, 45 days old, lifetime 30: stale, counts as reported
      unknown('hi', 'q3', { note: 'Nobody knew.' }),
      opt('lo', 'q1', 'b', { confidence: 'disputed', policy: 'documented' }), // L2: documented, not exposed enough
      opt('lo', 'q3', 'n', { confidence: 'reported', policy: 'documented' }), // L4 documented, reported
      na('lo', 'q2'),
      opt('gone', 'q1', 'a'), // no such journey
      opt('hi', 'q9', 'a'), // no such question
    ],
  );
  const report = buildReport(SCORING_BANK, a, NOW);

  it('matches its schema and dates itself with the given now', () => {
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(report.generatedAt).toBe(NOW.toISOString());
    expect(report.schemaVersion).toBe(4);
    expect(report.scoringModel).toBe(2);
  });

  it('lists documented-but-exposed answers: policy documented and level 3 or more', () => {
    expect(report.documentedButExposed.map((d) => [d.journeyId, d.questionId, d.level, d.confidence, d.note])).toEqual([
      ['hi', 'q1', 4, 'verified', 'On paper only.'],
      ['lo', 'q3', 4, 'reported', ''],
    ]);
  });

  it('lists stale answers with their age and the confidence they count with', () => {
    expect(report.staleAnswers).toEqual([
      {
        scope: 'journey',
        journeyId: 'hi',
        journeyName: 'HI',
        questionId: 'q2',
        questionPrompt: 'Question two?',
        kind: 'option',
        at: old,
        ageDays: 45,
        lifetimeDays: 30,
        confidence: 'verified',
        effectiveConfidence: 'reported',
      },
    ]);
  });

  it('groups the unknown and disputed answers by question, largest gap first, and counts the reported ones apart', () => {
    // gap = w x s x (1 - k): hi q3 unknown 3*3*1 = 9; lo q1 disputed 2*1*0.75 = 1.5.
    // Reported answers are not gaps: lo q3 (reported) and hi q2 (stale, counts as reported): 2 on someone's word.
    expect(report.visibilityGaps.map((g) => [g.questionId, g.gap, g.findOut.actionId, g.entries.map((e) => [e.journeyId, e.reason, e.stale, e.gap])])).toEqual([
      ['q3', 9, 'find-out:q3', [['hi', 'unknown', false, 9]]],
      ['q1', 1.5, 'disc', [['lo', 'disputed', false, 1.5]]],
    ]);
    expect(report.onSomeonesWord).toBe(2);
  });

  it('keeps every counted answer in the appendix, in journey then bank order, and reports the ignored ones', () => {
    expect(report.answers.map((x) => `${x.journeyId}/${x.questionId}/${x.kind}`)).toEqual([
      'hi/q1/option',
      'hi/q2/option',
      'hi/q3/unknown',
      'lo/q1/option',
      'lo/q2/na',
      'lo/q3/option',
    ]);
    // hi q2 y: r = w 1 x s 3 x 3/4 = 2.25
    expect(report.answers[1]).toMatchObject({ confidence: 'verified', effectiveConfidence: 'reported', stale: true, risk: 2.25 });
    expect(report.ignoredAnswers).toEqual([
      { journeyId: 'gone', questionId: 'q1', kind: 'option', optionId: 'a', reason: 'unknown-journey' },
      { journeyId: 'hi', questionId: 'q9', kind: 'option', optionId: 'a', reason: 'unknown-question' },
    ]);
  });

  it('carries the journeys with their scores, and the overall figures', () => {
    expect(report.journeys.map((j) => [j.id, j.sensitivityFactor, j.progress.answered, j.progress.total])).toEqual([
      ['hi', 3, 3, 3],
      ['lo', 1, 3, 3],
    ]);
    // hi exposure, the unknown q3 counting e = 1: (2*4/4 + 1*3/4 + 3*1) / 6 * 100 = 5.75/6*100 = 95.83
    // lo: (2*2/4 + 3*4/4) / 5 * 100 = 80; overall: (3*95.83 + 1*80) / 4 = 91.875
    expect(report.journeys[0]!.exposure).toBeCloseTo(575 / 6, 10);
    expect(report.journeys[1]!.exposure).toBe(80);
    expect(report.overall.exposure).toBeCloseTo((3 * (575 / 6) + 80) / 4, 10);
  });

  it('reports an option that the bank no longer has as ignored, not as an answer', () => {
    const r = buildReport(SCORING_BANK, assessment([journey('j')], [opt('j', 'q1', 'removed')]), NOW);
    expect(r.answers).toEqual([]);
    expect(r.ignoredAnswers).toEqual([{ journeyId: 'j', questionId: 'q1', kind: 'option', optionId: 'removed', reason: 'unknown-option' }]);
    expect(r.journeys[0]!.progress.answered).toBe(0);
  });

  it('builds an empty report for an assessment with no journeys', () => {
    const r = buildReport(SCORING_BANK, assessment([], []), NOW);
    expect(ReportSchema.safeParse(r).success).toBe(true);
    expect(r).toMatchObject({ journeys: [], findOut: [], plan: [], visibilityGaps: [], overall: { exposure: null, visibility: null } });
  });
});

/** A bank of `n` questions over 6 dimensions, each option triggering one of 40 actions. */
function largeBank(n: number): Bank {
  return bank({
    id: 'test',
    title: 'Large',
    version: '1.0.0',
    description: 'Many questions.',
    language: 'en',
    dimensions: Array.from({ length: 6 }, (_, d) => ({ id: `d${d}`, title: `D${d}`, description: 'D.' })),
    questions: Array.from({ length: n }, (_, q) => ({
      id: `q${q}`,
      dimension: `d${q % 6}`,
      prompt: `Question ${q}?`,
      weight: ((q % 3) + 1) as 1 | 2 | 3,
      lifetimeDays: q % 5 === 0 ? 90 : undefined,
      discovery: q % 4 === 0 ? `a${q % 40}` : undefined,
      appliesTo: q % 11 === 0 ? { channels: ['voice'] } : q % 13 === 0 ? { systemKinds: ['ai-assistant'] } : undefined,
      options: [0, 1, 2, 3, 4].map((level) => ({ id: `o${level}`, label: `Option ${level}`, level, actions: level > 1 ? [`a${(q + level) % 40}`] : [] })),
    })),
    actions: Array.from({ length: 40 }, (_, i) => ({ id: `a${i}`, title: `Action ${i}`, detail: 'Do it.', effort: (['S', 'M', 'L'] as const)[i % 3], owner: 'Owner' })),
  });
}

/** `journeys` journeys, every applicable question answered (a mix of kinds), 30 systems. */
function largeAssessment(b: Bank, journeys: number): Assessment {
  const systems = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, name: `System ${i}`, kind: (['crm', 'ai-assistant', 'help-desk'] as const)[i % 3]!, owner: '', vendor: '' }));
  const js = Array.from({ length: journeys }, (_, j) =>
    journey(`j${j}`, (['low', 'moderate', 'high'] as const)[j % 3], { channels: j % 2 ? ['voice'] : ['chat'], systemIds: [`s${j % 30}`, `s${(j + 1) % 30}`] }),
  );
  const answers: Answer[] = [];
  for (const j of js) {
    for (const q of b.questions) {
      const h = (Number(j.id.slice(1)) * 31 + Number(q.id.slice(1)) * 17) % 20;
      if (h === 0) answers.push(unknown(j.id, q.id));
      else if (h === 1) answers.push(na(j.id, q.id));
      else answers.push(opt(j.id, q.id, `o${h % 5}`, { confidence: (['verified', 'reported', 'disputed'] as const)[h % 3], policy: h % 4 ? 'documented' : undefined }));
    }
  }
  return assessment(js, answers, { systems });
}


describe('a large assessment', () => {
  // Its speed is measured in bench/ (the scale rows), never asserted here.
  it('builds the report of 200 journeys x 55 questions, valid against its schema, every journey in it', () => {
    const b = largeBank(55);
    const a = largeAssessment(b, 200);
    const r = buildReport(b, a, NOW);
    expect(ReportSchema.safeParse(r).success).toBe(true);
    expect(r.journeys).toHaveLength(200);
    expect(r.plan.length + r.findOut.length).toBeGreaterThan(0);
  });
});
