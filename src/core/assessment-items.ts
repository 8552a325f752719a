/**
 * The items of an assessment: one per journey and applicable question, with its answer
 * resolved against the bank (option, effective confidence, staleness, risk). Scores,
 * the plan and the report are all folds over this list, built once in O(journeys x
 * questions). Pure: no I/O, and `now` is given, never read from the clock.
 */
import type { Bank, Option, Question } from './bank-schema.js';
import { answerKey, indexAnswers, questionsFor } from './journey-questions.js';
import { SENSITIVITY_FACTOR } from './vocabulary.js';
import type { Answer, Assessment, Confidence, Journey, System } from './workbook-schema.js';
import type { IgnoredAnswer } from './report-schema.js';

const DAY_MS = 86_400_000;

/** k(a) in the scoring model: how much an answer of this confidence counts toward visibility. */
export const CONFIDENCE_FACTOR: Record<Confidence, number> = { verified: 1, reported: 0.5, disputed: 0.25 };

/** What an unknown answer's risk assumes: L/4 = 0.75 ("exposed until shown otherwise"). */
export const UNKNOWN_EXPOSURE = 0.75;

/** One journey and one question that applies to it. */
export interface AssessmentItem {
  journey: Journey;
  /** Position of the journey in the assessment. */
  journeyIndex: number;
  /** s(j). */
  sensitivity: 1 | 2 | 3;
  question: Question;
  /** Position of the question in the bank. */
  questionIndex: number;
  /** The answer as recorded, if any (an option answer whose option is gone counts as none). */
  answer: Answer | undefined;
  kind: 'unanswered' | Answer['kind'];
  option: Option | undefined;
  /** The confidence an option answer counts with: recorded (default reported), capped at reported when stale. */
  confidence: Confidence | undefined;
  /** Older than the question's lifetime. */
  stale: boolean;
  /**
   * r, in quarters: w x s x L for options, w x s x 3 for unknowns, 0 otherwise. Kept as
   * an integer so sums and comparisons are exact; r = riskQuarters / 4.
   */
  riskQuarters: number;
}

/** A journey and its items, questions in bank order. */
export interface JourneyItems {
  journey: Journey;
  sensitivity: 1 | 2 | 3;
  items: AssessmentItem[];
}

export interface AssessmentItems {
  /** Every journey, in assessment order. */
  journeys: JourneyItems[];
  /** Answers that count nowhere, and why. */
  ignored: IgnoredAnswer[];
}

/**
 * True when the answer is older than the question's lifetime: more than `lifetimeDays`
 * whole days before `now` (an answer exactly `lifetimeDays` old is still fresh).
 */
export function isStale(answer: Pick<Answer, 'at'>, question: Pick<Question, 'lifetimeDays'>, now: Date): boolean {
  if (question.lifetimeDays === undefined) return false;
  return now.getTime() - Date.parse(answer.at) > question.lifetimeDays * DAY_MS;
}

/** Whole days from `at` to `now` (0 for a date in the future). */
export function ageInDays(at: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(at)) / DAY_MS));
}

/** The confidence an option answer counts with. */
export function effectiveConfidence(recorded: Confidence | undefined, stale: boolean): Confidence {
  const confidence = recorded ?? 'reported';
  return stale && confidence === 'verified' ? 'reported' : confidence;
}

/** Builds the items of every journey of the assessment. */
export function assessmentItems(bank: Bank, assessment: Assessment, now: Date): AssessmentItems {
  const answers = indexAnswers(assessment.answers);
  const used = new Set<Answer>();
  const questionIndex = new Map(bank.questions.map((q, i) => [q, i]));
  const systemsById = new Map(assessment.systems.map((s) => [s.id, s]));
  const journeys = assessment.journeys.map((journey, journeyIndex): JourneyItems => {
    // Only this journey's systems, so that applying conditions costs O(its systems).
    const systems = journey.systemIds.map((id) => systemsById.get(id)).filter((s): s is System => s !== undefined);
    const sensitivity = SENSITIVITY_FACTOR[journey.sensitivity];
    const items = questionsFor(bank, journey, { systems }).map((question): AssessmentItem => {
      const recorded = answers.get(answerKey(journey.id, question.id));
      const option = recorded?.kind === 'option' ? question.options.find((o) => o.id === recorded.optionId) : undefined;
      const answer = recorded && (recorded.kind !== 'option' || option) ? recorded : undefined;
      if (answer) used.add(answer);
      const kind = answer?.kind ?? 'unanswered';
      const stale = answer ? isStale(answer, question, now) : false;
      const riskQuarters =
        kind === 'option' ? question.weight * sensitivity * option!.level : kind === 'unknown' ? question.weight * sensitivity * 3 : 0;
      return {
        journey,
        journeyIndex,
        sensitivity,
        question,
        questionIndex: questionIndex.get(question)!,
        answer,
        kind,
        option,
        confidence: kind === 'option' ? effectiveConfidence(answer!.confidence, stale) : undefined,
        stale,
        riskQuarters,
      };
    });
    return { journey, sensitivity, items };
  });

  const ignored: IgnoredAnswer[] = [];
  if (used.size < assessment.answers.length) {
    const journeyIds = new Set(assessment.journeys.map((j) => j.id));
    const questions = new Map(bank.questions.map((q) => [q.id, q]));
    for (const a of answers.values()) {
      if (used.has(a)) continue;
      const question = questions.get(a.questionId);
      const reason: IgnoredAnswer['reason'] = !journeyIds.has(a.journeyId)
        ? 'unknown-journey'
        : !question
          ? 'unknown-question'
          : a.kind === 'option' && !question.options.some((o) => o.id === a.optionId)
            ? 'unknown-option'
            : 'question-does-not-apply';
      ignored.push({ journeyId: a.journeyId, questionId: a.questionId, reason });
    }
  }
  return { journeys, ignored };
}
