/**
 * What the Parking lot screen shows, as data: the open questions (oldest first), then
 * the decisions, then the closed items (the latest closed first), each with its owner,
 * its due date said in words ("3 days overdue", "due tomorrow") and where it was raised
 * (the journey, or the organisation-wide section, and the question's prompt). Every text
 * from the workbook or the bank goes through plainLine here. Pure: no React.
 */
import { scopeNamesOf, withArticle } from '../core/bank-words.js';
import type { Bank } from '../core/bank-schema.js';
import { ORGANISATION_LABEL } from '../core/organisation.js';
import { plainLine } from '../core/terminal-text.js';
import type { Assessment, ParkedItem } from '../core/workbook-schema.js';
import { plural } from './words.js';

export type ParkedGroup = 'question' | 'decision' | 'closed';

export const GROUP_TITLES: Record<ParkedGroup, string> = { question: 'Open questions', decision: 'Decisions', closed: 'Closed' };

export interface DueWords {
  /** For a narrow column: "3 days overdue", "due today", "due 2027-01-31"; '' when none. */
  short: string;
  /** "due 2027-01-31, 3 days overdue"; '' when none. */
  long: string;
  overdue: boolean;
}

export interface ParkedRow {
  item: ParkedItem;
  group: ParkedGroup;
  text: string;
  owner: string;
  due: DueWords;
  /** "Chat: How soon would ...?", "Organisation-wide: ...", or '' when not raised on a question. */
  where: string;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to`, both YYYY-MM-DD (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The due date of an item in words, on `today`. Only an open question is ever overdue
 * (as in the report); a decision says its date, a closed item the day it was closed.
 */
export function dueWords(item: Pick<ParkedItem, 'kind' | 'status' | 'due' | 'closedAt'>, today: string): DueWords {
  if (item.status === 'closed') {
    const closed = item.closedAt ? `closed ${item.closedAt.slice(0, 10)}` : 'closed';
    return { short: closed, long: item.due ? `due ${item.due}, ${closed}` : closed, overdue: false };
  }
  const due = item.due;
  if (!due) return { short: '', long: '', overdue: false };
  const days = daysBetween(today, due);
  if (item.kind === 'decision' || days > 1) {
    const ahead = days > 1 ? `, in ${days} days` : days === 1 ? ', tomorrow' : days === 0 ? ', today' : '';
    return { short: `due ${due}`, long: `due ${due}${ahead}`, overdue: false };
  }
  if (days === 1) return { short: 'due tomorrow', long: `due ${due}, tomorrow`, overdue: false };
  if (days === 0) return { short: 'due today', long: `due ${due}, today`, overdue: false };
  const late = `${plural(-days, 'day')} overdue`;
  return { short: late, long: `due ${due}, ${late}`, overdue: true };
}

/** Where an item was raised, in words: '' when it was not raised on a question. */
export function raisedOn(bank: Bank, assessment: Pick<Assessment, 'journeys'>, item: Pick<ParkedItem, 'questionId' | 'journeyId'>): string {
  if (!item.questionId) return '';
  const prompt = bank.questions.find((q) => q.id === item.questionId)?.prompt ?? item.questionId;
  const journeyId = item.journeyId ?? null;
  const section = journeyId === null ? ORGANISATION_LABEL : (assessment.journeys.find((j) => j.id === journeyId)?.name ?? `${withArticle(scopeNamesOf(bank).singular)} since removed`);
  return plainLine(`${section}: ${prompt}`);
}

const groupOf = (item: ParkedItem): ParkedGroup => (item.status === 'closed' ? 'closed' : item.kind);

/** The items in the order the screen lists them: open questions and decisions oldest first, then the closed ones, the latest closed first. */
export function parkedRows(bank: Bank, assessment: Pick<Assessment, 'journeys' | 'parkingLot'>, today: string): ParkedRow[] {
  const items = assessment.parkingLot ?? [];
  const byAt = (a: ParkedItem, b: ParkedItem) => a.at.localeCompare(b.at);
  const inGroup = (group: ParkedGroup) => items.filter((i) => groupOf(i) === group);
  const closed = inGroup('closed').sort((a, b) => (b.closedAt ?? b.at).localeCompare(a.closedAt ?? a.at));
  return [...inGroup('question').sort(byAt), ...inGroup('decision').sort(byAt), ...closed].map((item) => ({
    item,
    group: groupOf(item),
    text: plainLine(item.text),
    owner: plainLine(item.owner),
    due: dueWords(item, today),
    where: raisedOn(bank, assessment, item),
  }));
}

/** "2 open questions (1 overdue) · 1 decision · 3 closed"; "Nothing parked yet." when empty. */
export function parkingSummary(rows: readonly ParkedRow[]): string {
  if (rows.length === 0) return 'Nothing parked yet.';
  const count = (g: ParkedGroup) => rows.filter((r) => r.group === g).length;
  const overdue = rows.filter((r) => r.due.overdue).length;
  return [
    `${plural(count('question'), 'open question')}${overdue > 0 ? ` (${overdue} overdue)` : ''}`,
    plural(count('decision'), 'decision'),
    count('closed') > 0 ? `${count('closed')} closed` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The widths of a row's columns on a terminal `width` wide: the text, the owner, the due date, where it was raised (0: not shown). */
export function parkingColumns(width: number): { text: number; owner: number; due: number; where: number; long: boolean } {
  const owner = width >= 80 ? 14 : 10;
  const long = width >= 140;
  const due = long ? 34 : 17;
  // The marker (2), and one space after each cell.
  const rest = Math.max(10, width - 2 - owner - due - 3 - (width >= 100 ? 1 : 0));
  const where = width >= 100 ? Math.floor(rest * 0.4) : 0;
  return { text: rest - where, owner, due, where, long };
}
