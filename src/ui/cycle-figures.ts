/**
 * Small figures about cycles that the journey list and the walk show without building
 * the whole report: answers still carried over per journey, the latest snapshot, and
 * how old a stale answer is.
 */
import type { Question } from '../core/bank-schema.js';
import { ageInDays, isStale } from '../core/assessment-items.js';
import type { Answer, Assessment, Snapshot } from '../core/workbook-schema.js';

/** How many answers of each journey still carry the "carried over" mark. */
export function carriedByJourney(answers: readonly Answer[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of answers) if (a.carriedOver) counts.set(a.journeyId, (counts.get(a.journeyId) ?? 0) + 1);
  return counts;
}

/** The latest snapshot of an assessment, if it has one. */
export function latestSnapshot(assessment: Pick<Assessment, 'snapshots'> | undefined): Snapshot | undefined {
  return assessment?.snapshots[assessment.snapshots.length - 1];
}

/** How old an answer is against its question's lifetime, when it is past it. */
export function staleness(answer: Pick<Answer, 'at'> | undefined, question: Pick<Question, 'lifetimeDays'>, now: Date): { ageDays: number; lifetimeDays: number } | undefined {
  if (!answer || question.lifetimeDays === undefined || !isStale(answer, question, now)) return undefined;
  return { ageDays: ageInDays(answer.at, now), lifetimeDays: question.lifetimeDays };
}

/** "answered 120 days ago; this question's answers last 90 days". */
export function staleText(s: { ageDays: number; lifetimeDays: number }): string {
  return `answered ${s.ageDays} days ago; this question's answers last ${s.lifetimeDays} days`;
}
