/**
 * The walk's figures, derived from the last ones after an answer (src/ui/assessment-model.ts):
 * whatever the changes, the index is indexAnswers' (entries in the same order) and the
 * progress is the one counted from scratch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/core/bank-schema.js';
import { indexAnswers, journeyProgress, putAnswer } from '../../src/core/journey-questions.js';
import type { Answer, Assessment } from '../../src/core/workbook-schema.js';
import { AssessmentModels } from '../../src/ui/assessment-model.js';

const JOURNEYS = ['j1', 'j2', 'j3'];
const QUESTIONS = ['q1', 'q2', 'q3', 'q4', 'q5'];

function answer(journeyId: string, questionId: string, n: number): Answer {
  return { journeyId, questionId, kind: 'option', optionId: `o${n}`, note: '', by: '', at: '2026-11-20T10:00:00.000Z' };
}

/** Each journey's questions: all but one per journey, so that some answers count for nothing. */
const questions = new Map<string, Question[]>(
  JOURNEYS.map((j, i) => [j, QUESTIONS.filter((_, k) => k !== i).map((id) => ({ id }) as Question)]),
);

type Step =
  | { kind: 'put'; journey: number; question: number; n: number }
  | { kind: 'remove'; at: number }
  | { kind: 'append-duplicate'; at: number }
  | { kind: 'reverse' }
  | { kind: 'same' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('put' as const), journey: fc.nat(3), question: fc.nat(5), n: fc.nat(9) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), at: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('append-duplicate' as const), at: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reverse' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'same' as const }) },
);

function apply(list: readonly Answer[], s: Step): readonly Answer[] {
  switch (s.kind) {
    case 'put': {
      // What the walk does: putAnswer on the assessment.
      const journeyId = JOURNEYS[s.journey % JOURNEYS.length]!;
      const a = answer(s.journey === 3 ? 'gone' : journeyId, QUESTIONS[s.question % QUESTIONS.length]!, s.n);
      return putAnswer({ answers: list } as Assessment, a).answers;
    }
    case 'remove':
      return list.length === 0 ? list : list.filter((_, i) => i !== s.at % list.length);
    case 'append-duplicate':
      return list.length === 0 ? list : [...list, { ...list[s.at % list.length]!, note: 'again' }];
    case 'reverse':
      return [...list].reverse();
    case 'same':
      return list;
  }
}

describe('answerIndex and progressOf', () => {
  it('give what indexing and counting from scratch give, after any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const models = new AssessmentModels();
        let list: readonly Answer[] = [];
        for (const s of steps) {
          list = apply(list, s);
          const index = models.answerIndex(list);
          expect([...index.entries()]).toEqual([...indexAnswers(list).entries()]);
          const { progress, journeysTotal: total } = models.progressOf(questions, index);
          const expected = new Map([...questions].map(([id, qs]) => [id, journeyProgress(qs, id, index)]));
          expect(progress).toEqual(expected);
          expect(total).toEqual({
            answered: [...expected.values()].reduce((sum, p) => sum + p.answered, 0),
            total: [...expected.values()].reduce((sum, p) => sum + p.total, 0),
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('questionMap', () => {
  it('is the same map for the same journeys, bank and systems, and a new one when any changes', () => {
    const models = new AssessmentModels();
    const questionMap = models.questionMap.bind(models);
    const bank = { dimensions: [], questions: [{ id: 'q1', dimension: 'd' }] } as unknown as Parameters<typeof questionMap>[0];
    const journeys = [{ id: 'j1', channels: [], dataCategories: [], systemIds: [] }] as unknown as Assessment['journeys'];
    const systems: Assessment['systems'] = [];
    const first = questionMap(bank, journeys, systems);
    expect(questionMap(bank, journeys, systems)).toBe(first);
    expect([...first.keys()]).toEqual(['j1']);
    expect(questionMap(bank, [...journeys], systems)).not.toBe(first);
    expect(questionMap(bank, journeys, [])).not.toBe(first);
    expect(questionMap({ ...bank }, journeys, systems)).not.toBe(first);
    expect(questionMap(bank, undefined, systems).size).toBe(0);
  });

  it('belongs to one instance: another starts empty', () => {
    const bank = { dimensions: [], questions: [{ id: 'q1', dimension: 'd' }] } as unknown as Parameters<AssessmentModels['questionMap']>[0];
    const journeys = [{ id: 'j1', channels: [], dataCategories: [], systemIds: [] }] as unknown as Assessment['journeys'];
    const systems: Assessment['systems'] = [];
    const one = new AssessmentModels().questionMap(bank, journeys, systems);
    expect(new AssessmentModels().questionMap(bank, journeys, systems)).not.toBe(one);
  });
});
