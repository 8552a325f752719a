/**
 * Evidence requests as files (issue 18): a markdown checklist per owner, the CSV that
 * goes out to owners (or into a tracker) and comes back filled (`cxray requests import`),
 * and JSON. The CSV has cxray's tracker columns first (id, status, assignee, due), then
 * what the owner needs to know, then what the owner fills in. Pure: data in, string out.
 */
import { isOpenRequest, requestsByOwner } from '../core/evidence-requests.js';
import type { EvidenceSection, ReportEvidence, ReportRequest } from '../core/report-schema.js';
import { plainText } from '../core/terminal-text.js';
import { formatCsv } from './csv.js';
import { mdInline } from './markdown-text.js';

/** The CSV's columns, in order; `cxray requests import` reads them back by name. */
export const REQUEST_COLUMNS = [
  'id',
  'status',
  'assignee',
  'due',
  'journey',
  'question',
  'answer',
  'what would show it',
  'link or path',
  'what it shows',
  'collected by',
  'collected on',
  'expires on',
  'option shown',
  'note',
] as const;

export interface RequestsAbout {
  assessment: string;
  date: string;
}

const STATUS_WORD: Record<ReportRequest['status'], string> = {
  requested: 'requested',
  sent: 'sent',
  submitted: 'submitted, to review',
  accepted: 'accepted',
  rejected: 'rejected, send better evidence',
};

/** The evidence a request's row shows: the last evidence that answered it. */
export function evidenceOfRequest(section: Pick<EvidenceSection, 'items'>, request: ReportRequest): ReportEvidence | undefined {
  const mine = section.items.filter((e) => e.requestId === request.id);
  return mine[mine.length - 1];
}

function where(r: Pick<ReportRequest, 'journeyName' | 'journeyId'>): string {
  return r.journeyId === null ? 'Organisation-wide' : (r.journeyName ?? r.journeyId);
}

/** The requests as a checklist per owner, for an e-mail or a wiki page. */
export function renderRequestsMarkdown(section: EvidenceSection, about: RequestsAbout): string {
  const lines = [`# Evidence requests: ${mdInline(about.assessment)}`, '', `Listed ${about.date}. Each item is an answer the workshop gave on someone's word, disputed or could not give; the evidence asked for turns it into an answer someone has seen.`, ''];
  const open = section.requests.filter((r) => isOpenRequest(r.status));
  lines.push(`${open.length} open of ${section.requests.length}; ${section.requests.filter((r) => r.overdue).length} overdue.`, '');
  if (section.requests.length === 0) lines.push('Nothing to request: every answer that counts is verified, or its question says nothing about evidence.', '');
  for (const { owner, requests } of requestsByOwner(section.requests)) {
    lines.push(`## ${mdInline(owner)}`, '');
    for (const r of requests) {
      const done = r.status === 'accepted' ? 'x' : ' ';
      const due = r.overdue ? `due ${r.due}, **overdue**` : `due ${r.due}`;
      lines.push(`- [${done}] **${mdInline(r.questionPrompt)}** (${mdInline(where(r))}; ${due}; ${STATUS_WORD[r.status]})`);
      lines.push(`  - Answer given: ${mdInline(r.answer)}${r.reason ? ` (${r.reason === 'unknown' ? 'nobody knew' : r.reason === 'stale' ? 'out of date' : r.reason === 'disputed' ? 'disputed in the room' : "on someone's word"})` : ''}`);
      lines.push(`  - What would show it: ${mdInline(r.hint)}`);
      const e = evidenceOfRequest(section, r);
      if (e) lines.push(`  - Evidence ${e.status}: ${mdInline(e.reference)} (${mdInline(e.shows)}, collected ${e.collectedOn})${e.status === 'rejected' ? `: ${mdInline(e.reason)}` : ''}`);
      if (r.note.trim()) lines.push(`  - Note: ${mdInline(r.note)}`);
      lines.push(`  - Id: \`${r.id}\``);
    }
    lines.push('');
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}

/** The requests as CSV, one row per request, for a spreadsheet or a tracker; filled in and read back by `requests import`. */
export function renderRequestsCsv(section: EvidenceSection): string {
  const rows = section.requests.map((r) => {
    const e = evidenceOfRequest(section, r);
    return [
      r.id,
      r.status,
      r.owner,
      r.due,
      where(r),
      r.questionPrompt,
      r.answer,
      r.hint,
      e?.reference ?? '',
      e?.shows ?? '',
      e?.collectedBy ?? '',
      e?.collectedOn ?? '',
      e && e.status === 'accepted' ? (e.expiresOn ?? '') : '',
      e?.optionId ?? '',
      r.note || (e?.status === 'rejected' ? e.reason : ''),
    ].map(plainText);
  });
  return formatCsv([[...REQUEST_COLUMNS], ...rows]);
}

/** The requests and the evidence as JSON (the report's Evidence section). */
export function renderRequestsJson(section: EvidenceSection, about: RequestsAbout): string {
  return `${JSON.stringify({ assessment: about.assessment, date: about.date, ...section }, null, 2)}\n`;
}
