/**
 * The parts of a report that the end of a walk shows (src/ui/section-summary.ts): the
 * journeys' figures and progress, the plan's two lanes, the answers and the open
 * parking-lot questions, each field as the report has it. Built from the same functions
 * as the report (scoreItems, planFor, recordedAnswers, parkingLotEntry) but without the
 * rest of it (evidence and requests, controls, visibility gaps, cycles), which the
 * summary does not show: at 50 journeys the whole report takes several times as long.
 * A report is itself a SummaryParts; test/core/summary-parts.test.ts checks that the two
 * agree field for field. Pure.
 */
import type { AssessmentItems } from './assessment-items.js';
import type { Bank } from './bank-schema.js';
import { openQuestions } from './parking-lot.js';
import type { Plan } from './plan.js';
import { dayOf } from './plan-status.js';
import { parkingLotEntry, planFor, recordedAnswers } from './report.js';
import type { Report } from './report-schema.js';
import type { Scores } from './score.js';
import type { Assessment } from './workbook-schema.js';

type Row<K extends keyof Report> = Report[K] extends readonly (infer T)[] ? T : never;

export interface SummaryParts {
  journeys: readonly Pick<Row<'journeys'>, 'id' | 'exposure' | 'visibility' | 'progress'>[];
  organisation: Report['organisation'];
  plan: readonly Pick<Row<'plan'>, 'id' | 'rank' | 'title' | 'horizon' | 'reasons' | 'riskRemoved'>[];
  findOut: readonly Pick<Row<'findOut'>, 'id' | 'rank' | 'title' | 'owner' | 'reasons'>[];
  answers: readonly Pick<Row<'answers'>, 'scope' | 'journeyId' | 'questionId' | 'questionPrompt' | 'kind' | 'confidence' | 'optionLabel' | 'by'>[];
  parkingLot: Report['parkingLot'];
}

/** The summary's parts of `assessment`, from its items and scores (and its plan, when already worked out). */
export function summaryParts(bank: Bank, assessment: Assessment, now: Date, items: AssessmentItems, scores: Scores, plan: Plan = planFor(bank, assessment, now, items)): SummaryParts {
  const today = dayOf(now);
  return {
    journeys: scores.journeys.map(({ journey, exposure, visibility, progress }) => ({ id: journey.id, exposure, visibility, progress })),
    organisation: { progress: scores.organisationProgress },
    plan: plan.fix,
    findOut: plan.findOut,
    answers: recordedAnswers(items).map(({ scope, journeyId, question, answer, option }) => ({
      scope,
      journeyId,
      questionId: question.id,
      questionPrompt: question.prompt,
      kind: answer.kind,
      confidence: answer.kind === 'option' ? (answer.confidence ?? null) : null,
      optionLabel: option?.label ?? null,
      by: answer.by,
    })),
    parkingLot: openQuestions(assessment).map((i) => parkingLotEntry(bank, assessment, i, today)),
  };
}
