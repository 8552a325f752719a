/** Progress figures the screens show, from core's journey questions. */
import type { Bank } from '../core/bank-schema.js';
import { indexAnswers, journeyProgress, questionsFor, type JourneyProgress } from '../core/journey-questions.js';
import type { Assessment } from '../core/workbook-schema.js';

/** Answered and total questions over every journey of an assessment. */
export function assessmentProgress(bank: Bank, assessment: Assessment): JourneyProgress {
  const answers = indexAnswers(assessment.answers);
  let answered = 0;
  let total = 0;
  for (const journey of assessment.journeys) {
    const p = journeyProgress(questionsFor(bank, journey, assessment), journey.id, answers);
    answered += p.answered;
    total += p.total;
  }
  return { answered, total };
}
