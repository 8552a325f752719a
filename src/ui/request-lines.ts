/**
 * What the Requests screen shows, as data (issue 18): the evidence requests grouped by
 * owner, each with its stable id, its question, its journey (or the organisation-wide
 * section), its due date in words (overdue marked, also without colour) and its status;
 * the summary line; and what a status key does to a request. Every text from the
 * workbook or the bank goes through plainLine here. Pure: no React, no I/O.
 */
import { isOpenRequest, requestsByOwner } from '../core/evidence-requests.js';
import { ORGANISATION_LABEL } from '../core/organisation.js';
import type { EvidenceSection, ReportRequest } from '../core/report-schema.js';
import { plainLine } from '../core/terminal-text.js';
import { REQUEST_STATUSES, type RequestStatus } from '../core/workbook-schema.js';
import { daysBetween } from './parking-lines.js';
import { plural } from './words.js';

/** The status each digit key sets: 1 requested ... 5 rejected. */
export const STATUS_BY_DIGIT: Readonly<Record<string, RequestStatus>> = Object.fromEntries(REQUEST_STATUSES.map((s, i) => [String(i + 1), s]));

/** "1 requested · 2 sent · 3 submitted · 4 accepted · 5 rejected", for the screen's hint. */
export const STATUS_KEYS_TEXT = REQUEST_STATUSES.map((s, i) => `${i + 1} ${s}`).join(' · ');

export interface RequestRow {
  request: ReportRequest;
  owner: string;
  /** The question's prompt, one line. */
  question: string;
  /** The journey's name, or "Organisation-wide". */
  where: string;
  /** "due 2026-12-14", "due today", "due tomorrow", "! 3 days overdue" (the mark shows without colour). */
  due: string;
  overdue: boolean;
}

export interface RequestGroup {
  owner: string;
  open: number;
  overdue: number;
  /** Indexes into the rows. */
  first: number;
  count: number;
}

/** A request's due date in words on `today`; only an open request is overdue. */
export function requestDueWords(request: Pick<ReportRequest, 'due' | 'overdue'>, today: string): string {
  const days = daysBetween(today, request.due);
  if (request.overdue) return `! ${plural(-days, 'day')} overdue`;
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  return `due ${request.due}`;
}

/** The rows in the screen's order (owners by name, each owner's requests in the report's order), and the groups over them. */
export function requestRows(requests: readonly ReportRequest[], today: string): { rows: RequestRow[]; groups: RequestGroup[] } {
  const rows: RequestRow[] = [];
  const groups: RequestGroup[] = [];
  for (const { owner, requests: mine } of requestsByOwner(requests)) {
    groups.push({
      owner: plainLine(owner),
      open: mine.filter((r) => isOpenRequest(r.status)).length,
      overdue: mine.filter((r) => r.overdue).length,
      first: rows.length,
      count: mine.length,
    });
    for (const request of mine as ReportRequest[]) {
      rows.push({
        request,
        owner: plainLine(owner),
        question: plainLine(request.questionPrompt),
        where: plainLine(request.journeyId === null ? ORGANISATION_LABEL : (request.journeyName ?? request.journeyId)),
        due: requestDueWords(request, today),
        overdue: request.overdue,
      });
    }
  }
  return { rows, groups };
}

/** "100 evidence requests · 96 open, 5 overdue · 4 accepted"; the empty list says why it is empty. */
export function requestsSummary(requests: readonly Pick<ReportRequest, 'status' | 'overdue'>[]): string {
  if (requests.length === 0) return 'No evidence requests.';
  const open = requests.filter((r) => isOpenRequest(r.status)).length;
  const overdue = requests.filter((r) => r.overdue).length;
  return `${plural(requests.length, 'evidence request')} · ${open} open, ${overdue} overdue · ${requests.length - open} accepted`;
}

const REASON_WORDS: Record<NonNullable<ReportRequest['reason']>, string> = {
  unknown: 'nobody knew',
  disputed: 'disputed in the room',
  reported: "on someone's word",
  stale: 'out of date',
};

/** The highlighted request in full: the answer and why it needs evidence, what would show it, its evidence and note. */
export function requestDetail(section: Pick<EvidenceSection, 'items'>, request: ReportRequest): { label: string; text: string }[] {
  const lines = [
    {
      label: 'Answer',
      text: `${plainLine(request.answer)}${request.reason ? ` (${REASON_WORDS[request.reason]})` : ' (verified by evidence since)'}`,
    },
    { label: 'Would show it', text: plainLine(request.hint) },
  ];
  const mine = section.items.filter((e) => e.requestId === request.id);
  const last = mine[mine.length - 1];
  if (last) {
    lines.push({
      label: 'Evidence',
      text: `${last.status}: ${plainLine(last.reference)} (${plainLine(last.shows)}, collected ${last.collectedOn})${last.status === 'rejected' && last.reason ? `: ${plainLine(last.reason)}` : ''}`,
    });
  }
  if (request.note.trim() !== '') lines.push({ label: 'Note', text: plainLine(request.note) });
  return lines;
}

/**
 * What setting `status` on a request does:
 * - set: record the status (the request's answer needs nothing else);
 * - evidence: accepted needs evidence that counts: open the evidence form for the answer
 *   (saving accepted evidence there marks the request accepted);
 * - answer-first: the answer is "We don't know", which evidence cannot back until the
 *   question is answered with the option it shows;
 * - same: the request already has that status.
 */
export type StatusAction = { kind: 'set' } | { kind: 'evidence' } | { kind: 'answer-first' } | { kind: 'same' };

export function statusAction(request: Pick<ReportRequest, 'status' | 'reason'>, status: RequestStatus): StatusAction {
  if (request.status === status) return { kind: 'same' };
  // reason null: accepted evidence already counts for the answer as it stands.
  if (status === 'accepted' && request.reason !== null) return request.reason === 'unknown' ? { kind: 'answer-first' } : { kind: 'evidence' };
  return { kind: 'set' };
}

/** The widths of a request's first line on a terminal `width` wide: the due date, the status, then the question in what is left. */
export function requestColumns(width: number): { question: number; due: number; status: number } {
  const due = 18;
  const status = 10;
  // The marker (2) and one space after each cell.
  return { question: Math.max(10, width - 2 - due - status - 3), due, status };
}
