/**
 * The figures screens need about an assessment while it is walked, computed once per
 * change and not once per key press: each journey's questions (grouped by dimension),
 * the answers indexed by journey and question, and progress. Nothing here scores:
 * scores are computed on the results screen only.
 */
import { useMemo } from 'react';
import type { Bank, Question } from '../core/bank-schema.js';
import { indexAnswers, journeyProgress, questionsFor, type JourneyProgress } from '../core/journey-questions.js';
import type { Answer, Assessment, Journey } from '../core/workbook-schema.js';

/** Q(j) in walking order: grouped by dimension in bank order, bank order within a dimension. */
export function walkOrder(bank: Bank, journey: Journey, assessment: Pick<Assessment, 'systems'>): Question[] {
  const rank = new Map(bank.dimensions.map((d, i) => [d.id, i]));
  return questionsFor(bank, journey, assessment)
    .map((q, i) => ({ q, i, d: rank.get(q.dimension) ?? bank.dimensions.length }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map(({ q }) => q);
}

export interface AssessmentModel {
  questions: ReadonlyMap<string, Question[]>;
  answers: Map<string, Answer>;
  progress: ReadonlyMap<string, JourneyProgress>;
  total: JourneyProgress;
}

// Caches that outlive a screen, so going back and forth between the journeys and the
// walk of a 50-journey assessment does not recompute what did not change. Keyed on the
// objects themselves: a change makes a new object, and the old entry is collected.
const questionCache = new WeakMap<Journey, { bank: Bank; systems: Assessment['systems']; questions: Question[] }>();
const answerCache = new WeakMap<readonly Answer[], Map<string, Answer>>();

/** `walkOrder`, remembered per journey while the bank and the systems stay the same. */
export function journeyQuestions(bank: Bank, journey: Journey, systems: Assessment['systems']): Question[] {
  const hit = questionCache.get(journey);
  if (hit && hit.bank === bank && hit.systems === systems) return hit.questions;
  const questions = walkOrder(bank, journey, { systems });
  questionCache.set(journey, { bank, systems, questions });
  return questions;
}

/** `indexAnswers`, remembered per answer list. */
export function answerIndex(answers: readonly Answer[]): Map<string, Answer> {
  let index = answerCache.get(answers);
  if (!index) {
    index = indexAnswers(answers);
    answerCache.set(answers, index);
  }
  return index;
}

const NO_SYSTEMS: Assessment['systems'] = [];
const NO_ANSWERS: Answer[] = [];

/** The model of an assessment, memoised on the parts of it each figure depends on. */
export function useAssessmentModel(bank: Bank, assessment: Assessment | undefined): AssessmentModel {
  const journeys = assessment?.journeys;
  const systems = assessment?.systems ?? NO_SYSTEMS;
  const answerList = assessment?.answers ?? NO_ANSWERS;
  const questions = useMemo(() => {
    const map = new Map<string, Question[]>();
    for (const j of journeys ?? []) map.set(j.id, journeyQuestions(bank, j, systems));
    return map;
  }, [bank, journeys, systems]);
  const answers = useMemo(() => answerIndex(answerList), [answerList]);
  return useMemo(() => {
    const progress = new Map<string, JourneyProgress>();
    let answered = 0;
    let total = 0;
    for (const [id, qs] of questions) {
      const p = journeyProgress(qs, id, answers);
      progress.set(id, p);
      answered += p.answered;
      total += p.total;
    }
    return { questions, answers, progress, total: { answered, total } };
  }, [questions, answers]);
}
