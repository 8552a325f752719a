/**
 * Which questions of a bank apply to a journey, and where a journey's walk stands.
 * Pure: no I/O.
 */
import type { Bank, Conditions, Question } from './bank-schema.js';
import type { Answer, Assessment, Journey } from './workbook-schema.js';

/** True when every condition given matches the journey (a missing condition matches). */
export function appliesTo(conditions: Conditions | undefined, journey: Journey, assessment: Pick<Assessment, 'systems'>): boolean {
  if (!conditions) return true;
  if (conditions.channels && !conditions.channels.some((c) => journey.channels.includes(c))) return false;
  if (conditions.dataCategories && !conditions.dataCategories.some((c) => journey.dataCategories.includes(c))) return false;
  if (conditions.systemKinds) {
    const kinds = new Set(
      assessment.systems.filter((s) => journey.systemIds.includes(s.id)).map((s) => s.kind),
    );
    if (!conditions.systemKinds.some((k) => kinds.has(k))) return false;
  }
  return true;
}

/** Q(j): the bank's questions that apply to the journey, in bank order. */
export function questionsFor(bank: Bank, journey: Journey, assessment: Pick<Assessment, 'systems'>): Question[] {
  return bank.questions.filter((q) => appliesTo(q.appliesTo, journey, assessment));
}

/** The key of an answer in an index: one answer per journey and question. */
export function answerKey(journeyId: string, questionId: string): string {
  return `${journeyId}\u0000${questionId}`;
}

/** The answers of an assessment indexed by journey and question. */
export function indexAnswers(answers: readonly Answer[]): Map<string, Answer> {
  const index = new Map<string, Answer>();
  for (const a of answers) index.set(answerKey(a.journeyId, a.questionId), a);
  return index;
}

/** Where a journey's walk stands: how many of its questions have an answer of any kind. */
export interface JourneyProgress {
  answered: number;
  total: number;
}

export function journeyProgress(questions: readonly Question[], journeyId: string, answers: Map<string, Answer>): JourneyProgress {
  let answered = 0;
  for (const q of questions) if (answers.has(answerKey(journeyId, q.id))) answered++;
  return { answered, total: questions.length };
}

/** Index of the first question without an answer, or the last question when all are answered. */
export function firstUnanswered(questions: readonly Question[], journeyId: string, answers: Map<string, Answer>): number {
  const i = questions.findIndex((q) => !answers.has(answerKey(journeyId, q.id)));
  return i === -1 ? Math.max(0, questions.length - 1) : i;
}

/** The assessment without the journey's answer to a question (unchanged when it has none). */
export function removeAnswer(assessment: Assessment, journeyId: string, questionId: string): Assessment {
  if (!assessment.answers.some((a) => a.journeyId === journeyId && a.questionId === questionId)) return assessment;
  return { ...assessment, answers: assessment.answers.filter((a) => !(a.journeyId === journeyId && a.questionId === questionId)) };
}

/** The assessment with the answer put in place of any earlier answer to the same question. */
export function putAnswer(assessment: Assessment, answer: Answer): Assessment {
  const answers = assessment.answers.filter(
    (a) => !(a.journeyId === answer.journeyId && a.questionId === answer.questionId),
  );
  answers.push(answer);
  return { ...assessment, answers };
}
