/**
 * Adopting a bank's organisation-wide questions (SCORING.md, "Migration"): the answer
 * most journeys share becomes the organisation answer (a tie: the more exposed), each
 * journey whose answer differs keeps it as an override, and no answer is lost: every
 * journey's effective answer is what it was.
 */
import { describe, expect, it } from 'vitest';
import { adoptOrganisationScope, organisationQuestions } from '../../src/core/organisation.js';
import { buildReport } from '../../src/core/report.js';
import { takeSnapshot } from '../../src/core/snapshot.js';
import type { Assessment } from '../../src/core/workbook-schema.js';
import { NOW, SCORING_BANK, assessment, journey, na, opt, unknown } from './model-fixtures.js';

// q3 (w 3: m L0, n L4) and q1 (w 2: a L0, b L2, c L4) organisation-wide; q2 stays per journey.
const ORG_BANK = {
  ...SCORING_BANK,
  questions: SCORING_BANK.questions.map((q) => (q.id === 'q3' || q.id === 'q1' ? { ...q, scope: 'organisation' as const } : q)),
};
const js = [journey('j1', 'high'), journey('j2'), journey('j3', 'low'), journey('j4')];

/** Each journey's effective answer to each question, as "kind:option". */
function effective(a: Assessment): string[] {
  const report = buildReport(ORG_BANK, a, NOW);
  const org = new Map(report.answers.filter((x) => x.journeyId === null).map((x) => [x.questionId, x]));
  const own = new Map(report.answers.filter((x) => x.journeyId !== null).map((x) => [`${x.journeyId}/${x.questionId}`, x]));
  return a.journeys.flatMap((j) =>
    ORG_BANK.questions.map((q) => {
      const x = own.get(`${j.id}/${q.id}`) ?? org.get(q.id);
      return `${j.id}/${q.id}=${x ? `${x.kind}:${x.optionId ?? ''}:${x.effectiveConfidence ?? ''}` : '-'}`;
    }),
  );
}

const count = (a: Assessment) => a.answers.length + a.organisationAnswers.length;

describe('adoptOrganisationScope', () => {
  it('turns agreeing journeys into one organisation answer', () => {
    const a = assessment(js, [opt('j1', 'q3', 'n'), opt('j2', 'q3', 'n'), opt('j3', 'q3', 'n'), opt('j4', 'q3', 'n'), opt('j1', 'q2', 'x')]);
    const adopted = adoptOrganisationScope(ORG_BANK, a);
    expect(adopted).toMatchObject({ questions: 1, merged: 4, overrides: 0 });
    expect(adopted.assessment.organisationAnswers.map((o) => [o.questionId, o.kind, o.optionId])).toEqual([['q3', 'option', 'n']]);
    // q2 is per journey: untouched.
    expect(adopted.assessment.answers.map((x) => `${x.journeyId}/${x.questionId}`)).toEqual(['j1/q2']);
    expect(effective(adopted.assessment)).toEqual(effective(a));
    // Four journey answers became one: 5 answers before, 2 after, none lost (each journey reads the same).
    expect([count(a), count(adopted.assessment)]).toEqual([5, 2]);
  });

  it('keeps a differing journey as an override, and picks the answer most share', () => {
    // q1: b, b, c, a -> b (2 journeys) is the organisation answer; j3 (c) and j4 (a) override.
    const a = assessment(js, [opt('j1', 'q1', 'b'), opt('j2', 'q1', 'b'), opt('j3', 'q1', 'c'), opt('j4', 'q1', 'a')]);
    const adopted = adoptOrganisationScope(ORG_BANK, a);
    expect(adopted).toMatchObject({ questions: 1, merged: 2, overrides: 2 });
    expect(adopted.assessment.organisationAnswers.map((o) => o.optionId)).toEqual(['b']);
    expect(adopted.assessment.answers.map((x) => `${x.journeyId}:${x.optionId}`)).toEqual(['j3:c', 'j4:a']);
    expect(effective(adopted.assessment)).toEqual(effective(a));
    expect([count(a), count(adopted.assessment)]).toEqual([4, 3]);
  });

  it('breaks a tie by the more exposed answer, unknown counting as the most exposed', () => {
    // q3: n (L4), n, m (L0), m -> tie 2-2: n, the more exposed.
    const tie = assessment(js, [opt('j1', 'q3', 'm'), opt('j2', 'q3', 'n'), opt('j3', 'q3', 'm'), opt('j4', 'q3', 'n')]);
    expect(adoptOrganisationScope(ORG_BANK, tie).assessment.organisationAnswers.map((o) => o.optionId)).toEqual(['n']);
    // q1: c (L4), c, unknown, unknown -> tie: unknown (e = 1, and nobody can see it).
    const unknowns = assessment(js, [opt('j1', 'q1', 'c'), unknown('j2', 'q1'), opt('j3', 'q1', 'c'), unknown('j4', 'q1')]);
    const adopted = adoptOrganisationScope(ORG_BANK, unknowns);
    expect(adopted.assessment.organisationAnswers.map((o) => o.kind)).toEqual(['unknown']);
    expect(adopted.assessment.answers.map((x) => `${x.journeyId}:${x.kind}`)).toEqual(['j1:option', 'j3:option']);
    expect(effective(adopted.assessment)).toEqual(effective(unknowns));
    // Not applicable loses a tie to anything asked.
    const naTie = assessment([journey('j1'), journey('j2')], [na('j1', 'q3'), opt('j2', 'q3', 'm')]);
    expect(adoptOrganisationScope(ORG_BANK, naTie).assessment.organisationAnswers.map((o) => o.kind)).toEqual(['option']);
  });

  it('treats a different confidence as a different answer, so none is lost', () => {
    const a = assessment(js, [opt('j1', 'q3', 'n'), opt('j2', 'q3', 'n', { confidence: 'disputed' }), opt('j3', 'q3', 'n'), opt('j4', 'q3', 'n')]);
    const adopted = adoptOrganisationScope(ORG_BANK, a);
    expect(adopted.assessment.organisationAnswers.map((o) => o.confidence)).toEqual(['verified']);
    expect(adopted.assessment.answers.map((x) => `${x.journeyId}:${x.confidence}`)).toEqual(['j2:disputed']);
    expect(effective(adopted.assessment)).toEqual(effective(a));
  });

  it('leaves a question with an organisation answer alone, so running it twice changes nothing', () => {
    const a = assessment(js, [opt('j1', 'q3', 'n'), opt('j2', 'q3', 'n'), opt('j3', 'q3', 'm')]);
    const once = adoptOrganisationScope(ORG_BANK, a).assessment;
    const twice = adoptOrganisationScope(ORG_BANK, once);
    expect(twice).toMatchObject({ questions: 0, merged: 0, overrides: 0 });
    expect(twice.assessment).toBe(once);
  });

  it('keeps snapshots as they are (they are recomputed, not rewritten)', () => {
    const before = assessment(js, [opt('j1', 'q3', 'n'), opt('j2', 'q3', 'n')]);
    const snapped = takeSnapshot(before, buildReport(SCORING_BANK, before, NOW), { label: 'Q3' }, NOW).assessment;
    const adopted = adoptOrganisationScope(ORG_BANK, snapped).assessment;
    expect(adopted.snapshots).toBe(snapped.snapshots);
    expect(adopted.snapshots[0]!.answers).toHaveLength(2);
  });

  it('changes nothing for a bank without organisation-wide questions', () => {
    const a = assessment(js, [opt('j1', 'q3', 'n')]);
    expect(adoptOrganisationScope(SCORING_BANK, a).assessment).toBe(a);
  });
});

describe('organisationQuestions', () => {
  it('are the organisation-wide questions that apply to a journey, or have no conditions', () => {
    const bank = { ...ORG_BANK, questions: ORG_BANK.questions.map((q) => (q.id === 'q1' ? { ...q, appliesTo: { channels: ['voice' as const] } } : q)) };
    expect(organisationQuestions(bank, { journeys: js, systems: [] }).map((q) => q.id)).toEqual(['q3']);
    expect(organisationQuestions(bank, { journeys: [journey('call', 'low', { channels: ['voice'] })], systems: [] }).map((q) => q.id)).toEqual(['q1', 'q3']);
  });
});

