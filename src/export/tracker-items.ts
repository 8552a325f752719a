/**
 * What every tracker export says about a plan item, gathered once: its stable id, title,
 * lane and horizon, a priority in the trackers' words, the team's due date and ticket,
 * the answers behind it (why it is in the plan), what to do, and the framework controls
 * its questions cite. The Jira, GitLab and GitHub renderers only write this in their own
 * markup. Pure.
 */
import type { Bank, Reference } from '../core/bank-schema.js';
import { controlsServed } from '../core/controls/plan-controls.js';
import type { FindOutItem, Horizon, PlanItem, Report } from '../core/report-schema.js';
import { formatNumber, reasonPlace } from './plan-words.js';

/** One answer that puts the item in the plan. */
export interface TrackerAnswer {
  /** The journey's name. */
  where: string;
  question: string;
  /** The option chosen, or "we don't know". */
  answer: string;
  risk: number;
  /** Its part of the item's risk removed, 0-1. */
  portion: number;
}

export interface TrackerItem {
  id: string;
  rank: number;
  title: string;
  /** find-out: learn the answer first; fix: a remediation. */
  lane: 'find-out' | 'fix';
  /** The Fix lane's horizon; null in the Find out lane, which has none. */
  horizon: Horizon | null;
  /** Highest, High, Medium or Low: Jira's default priority names. */
  priority: 'High' | 'Medium' | 'Low';
  effort: PlanItem['effort'];
  /** The team the bank suggests. */
  team: string;
  riskRemoved: number;
  priorityScore: number;
  /** YYYY-MM-DD or null. */
  due: string | null;
  assignee: string;
  ticket: string | null;
  detail: string;
  answers: TrackerAnswer[];
  controls: Reference[];
  /** Labels without spaces: `cxray`, the lane or horizon, and the id. */
  labels: string[];
}

/** The plan items a tracker receives, first to do first: the Find out lane, then the Fix lane. */
export function handoffPlan(report: Report): (PlanItem | FindOutItem)[] {
  return [...report.findOut, ...report.plan];
}

const PRIORITY: Record<Horizon, TrackerItem['priority']> = { now: 'High', next: 'Medium', later: 'Low' };

/**
 * The framework controls the item's fix serves (the report's, src/core/controls/plan-controls.ts),
 * or, for a report built without them, those the bank's questions behind it cite.
 */
function controlsOf(bank: Bank | undefined, item: PlanItem | FindOutItem): Reference[] {
  const served = item.controls ?? (bank ? controlsServed(bank, item.reasons.map((r) => r.questionId)) : []);
  return served.map((c) => ({ framework: c.framework, control: c.controlId, title: c.title }));
}

/** The tracker view of every item of the plan. */
export function trackerItems(report: Report, bank?: Bank): TrackerItem[] {
  return handoffPlan(report).map((item) => {
    const lane = item.kind === 'discovery' ? 'find-out' : 'fix';
    const horizon = item.kind === 'discovery' ? null : item.horizon;
    return {
      id: item.id,
      rank: item.rank,
      title: item.title,
      lane,
      horizon,
      priority: horizon === null ? 'High' : PRIORITY[horizon],
      effort: item.effort,
      team: item.owner,
      riskRemoved: item.riskRemoved,
      priorityScore: item.priority,
      due: item.tracking.due,
      assignee: item.tracking.owner,
      ticket: item.tracking.ticket,
      detail: item.detail,
      answers: item.reasons.map((r) => ({
        where: reasonPlace(r),
        question: r.questionPrompt,
        answer: r.kind === 'unknown' ? "we don't know" : (r.optionLabel ?? ''),
        risk: r.risk,
        portion: r.portion,
      })),
      controls: controlsOf(bank, item),
      labels: ['cxray', horizon === null ? 'cxray-find-out' : `cxray-${horizon}`, item.id],
    };
  });
}

/** "Removes risk 18 · priority 6 · effort M · horizon now (rank 1)": the figures in one line. */
export function figuresLine(item: TrackerItem): string {
  const where = item.lane === 'find-out' ? 'find out first' : `horizon ${item.horizon}`;
  return `Removes risk ${formatNumber(item.riskRemoved)} · priority ${formatNumber(item.priorityScore, 1)} · effort ${item.effort} · ${where} (rank ${item.rank})`;
}

/** "50%". */
export function percent(portion: number): string {
  return `${Math.round(portion * 100)}%`;
}

/** The line that carries the id in a ticket's body, found again by the GitHub script and by import-status. */
export function idLine(id: string): string {
  return `cxray id: ${id}`;
}
