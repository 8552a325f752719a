/**
 * Plan tracking: the status the team gives a plan item (open, in progress, done,
 * accepted risk), its owner and due date, kept by action id across cycles, and what
 * that status means today. An accepted risk past its review date counts as open again;
 * an item marked done that the answers still put in the plan is flagged, because the
 * answers say the gap is still there. Dates are calendar days in UTC. Pure: no I/O.
 */
import type { PlanTracking } from './report-schema.js';
import type { Assessment, PlanStatus, PlanStatusKind } from './workbook-schema.js';

export const PLAN_STATUS_LABEL: Record<PlanStatusKind, string> = {
  open: 'open',
  'in-progress': 'in progress',
  done: 'done',
  'accepted-risk': 'accepted risk',
};

/** What a person sets: everything but who and when. */
export interface PlanStatusInput {
  actionId: string;
  status: PlanStatusKind;
  owner?: string;
  /** YYYY-MM-DD, or empty for none. */
  due?: string;
  reason?: string;
  /** YYYY-MM-DD, or empty for none; required for an accepted risk. */
  reviewBy?: string;
  /** The tracker ticket (a URL or a key); left out to keep the one recorded. */
  ticket?: string;
}

/** The calendar day of `now` in UTC, YYYY-MM-DD. */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** True for a real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** What is wrong with an input, in one sentence, or null when it can be saved. */
export function planStatusProblem(input: PlanStatusInput): string | null {
  const due = input.due?.trim() ?? '';
  const reviewBy = input.reviewBy?.trim() ?? '';
  if (due !== '' && !isDay(due)) return `the due date "${due}" is not a day; write it as YYYY-MM-DD, e.g. 2027-01-31.`;
  if (reviewBy !== '' && !isDay(reviewBy)) return `the review date "${reviewBy}" is not a day; write it as YYYY-MM-DD, e.g. 2027-03-31.`;
  if (input.status === 'accepted-risk') {
    if ((input.reason ?? '').trim() === '') return 'an accepted risk needs a reason: say why the risk is accepted.';
    if (reviewBy === '') return 'an accepted risk needs a review date, when it will be looked at again (YYYY-MM-DD).';
  }
  return null;
}

/**
 * The assessment with the status of one plan item set (replacing any earlier one).
 * Throws on an input `planStatusProblem` refuses: callers check it first.
 */
export function setPlanStatus(assessment: Assessment, input: PlanStatusInput, by: string, now: Date): Assessment {
  const problem = planStatusProblem(input);
  if (problem) throw new Error(problem);
  const due = input.due?.trim() ?? '';
  const reviewBy = input.reviewBy?.trim() ?? '';
  // The ticket link stays unless the input names another: the status form does not show it.
  const ticket = input.ticket?.trim() ?? statusOf(assessment, input.actionId)?.ticket ?? '';
  const status: PlanStatus = {
    actionId: input.actionId,
    status: input.status,
    owner: input.owner?.trim() ?? '',
    ...(due ? { due } : {}),
    reason: input.reason?.trim() ?? '',
    ...(reviewBy ? { reviewBy } : {}),
    by: by.trim(),
    updatedAt: now.toISOString(),
    ...(ticket ? { ticket } : {}),
  };
  const planStatus = assessment.planStatus.filter((s) => s.actionId !== input.actionId);
  planStatus.push(status);
  return { ...assessment, planStatus };
}

/** The status an item has, if anyone set one. */
export function statusOf(assessment: Pick<Assessment, 'planStatus'>, actionId: string): PlanStatus | undefined {
  return assessment.planStatus.find((s) => s.actionId === actionId);
}

/**
 * What a recorded status means on `today` for an item that is in the plan (its answers
 * still trigger it): the status that counts, whether the due date has passed, and a flag
 * for a done item the answers contradict or an accepted risk past its review date.
 */
export function trackingOf(recorded: PlanStatus | undefined, today: string): PlanTracking {
  if (!recorded) {
    return { status: 'open', recorded: null, owner: '', due: null, overdue: false, reason: '', reviewBy: null, by: '', updatedAt: null, flag: null, ticket: null };
  }
  // Past the review date: the day after it, the risk is open again.
  const reviewPassed = recorded.status === 'accepted-risk' && recorded.reviewBy !== undefined && today > recorded.reviewBy;
  const status: PlanStatusKind = reviewPassed ? 'open' : recorded.status;
  return {
    status,
    recorded: recorded.status,
    owner: recorded.owner,
    due: recorded.due ?? null,
    overdue: recorded.due !== undefined && status !== 'done' && status !== 'accepted-risk' && today > recorded.due,
    reason: recorded.reason,
    reviewBy: recorded.reviewBy ?? null,
    by: recorded.by,
    updatedAt: recorded.updatedAt,
    flag: reviewPassed ? 'risk-review-passed' : recorded.status === 'done' ? 'done-but-gap' : null,
    ticket: recorded.ticket ?? null,
  };
}

/** The flag in words, for the TUI and the exports. */
export const TRACKING_FLAG_TEXT: Record<NonNullable<PlanTracking['flag']>, string> = {
  'done-but-gap': 'marked done, but the answers still show the gap',
  'risk-review-passed': 'accepted risk past its review date: open again',
};
