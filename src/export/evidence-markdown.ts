/**
 * The report's evidence in markdown (issue 18): the Evidence section (answers verified by
 * evidence and how much of the visibility figure rests on it, requests open and overdue by
 * owner, evidence expiring within 30 days, files changed since they were accepted) and the
 * evidence lines under each answer table of the appendix. Pure.
 */
import type { Report, ReportAnswer, ReportEvidence } from '../core/report-schema.js';
import { requestsByOwner } from '../core/evidence-requests.js';
import { ORGANISATION_LABEL } from '../core/organisation.js';
import { httpUrl } from './links.js';
import { mdInline, mdTable } from './markdown-text.js';

/** A link as an autolink (only a plain http or https address), a path as escaped text. */
function referenceText(reference: string): string {
  const url = httpUrl(reference);
  return url ? `<${url}>` : mdInline(reference);
}

const whole = (n: number) => String(Math.round(n));

/** Points of a figure with one decimal (16.7), whole when it is one (0, 25). */
function points(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** One evidence item in a line: where it is, what it shows, who and when, and where it stands. */
export function evidenceLine(e: ReportEvidence): string {
  const when = `collected ${e.collectedOn}${e.collectedBy ? ` by ${mdInline(e.collectedBy)}` : ''}`;
  const standing =
    e.status === 'rejected'
      ? `rejected: ${mdInline(e.reason)}`
      : e.expired
        ? `expired ${e.expiresOn}`
        : e.counts
          ? `accepted${e.expiresOn ? `, lasts to ${e.expiresOn}` : ''}`
          : 'accepted for another answer than the one now given';
  const file = e.kind === 'file' ? ` (SHA-256 ${e.sha256!.slice(0, 12)}…, ${e.size} bytes)` : '';
  const check = e.fileCheck === 'changed' ? ' **Evidence changed since it was accepted.**' : e.fileCheck === 'missing' ? ' (the file cannot be read here to check it)' : '';
  return `${referenceText(e.reference)}${file}: ${mdInline(e.shows)}; ${when}; ${standing}.${check}`;
}

/** The Evidence section; nothing when there is neither evidence nor a request. */
export function evidenceSectionLines(report: Report): string[] {
  const section = report.evidence;
  if (!section || (section.items.length === 0 && section.requests.length === 0)) return [];
  const lines = ['## Evidence', ''];
  const v = report.overall.visibility;
  const on = section.visibilityOnEvidence;
  lines.push(
    `${section.verified} ${section.verified === 1 ? 'answer is' : 'answers are'} verified by evidence.${v !== null && on !== null ? ` Of the visibility figure's ${whole(v)} points, ${points(on)} rest on evidence and the rest on answers alone.` : ''}`,
    '',
  );
  const open = section.owners.reduce((n, o) => n + o.open, 0);
  const overdue = section.owners.reduce((n, o) => n + o.overdue, 0);
  if (section.requests.length > 0) {
    lines.push(`### Requests by owner`, '', `${open} of ${section.requests.length} evidence requests open, ${overdue} overdue. \`cxray requests\` lists each with what would show it.`, '');
    lines.push(...mdTable(['Owner', 'Open', 'Overdue'], ['l', 'r', 'r'], section.owners.map((o) => [mdInline(o.owner), String(o.open), String(o.overdue)])), '');
    // Each request by its stable id, as `cxray requests` and the JSON report name it.
    const rows = requestsByOwner(section.requests).flatMap(({ owner, requests }) =>
      requests.map((r) => [
        `\`${r.id}\``,
        mdInline(owner),
        mdInline(r.questionPrompt),
        mdInline(r.journeyId === null ? ORGANISATION_LABEL : (r.journeyName ?? r.journeyId)),
        r.overdue ? `${r.due}, **overdue**` : r.due,
        r.status,
      ]),
    );
    lines.push(...mdTable(['Request', 'Owner', 'Question', 'Where', 'Due', 'Status'], ['l', 'l', 'l', 'l', 'l', 'l'], rows), '');
  }
  const byId = new Map(section.items.map((e) => [e.id, e]));
  if (section.expiringSoon.length > 0) {
    lines.push('### Expiring in the next 30 days', '');
    for (const id of section.expiringSoon) {
      const e = byId.get(id)!;
      lines.push(`- ${e.expiresOn}: ${mdInline(e.journeyName ?? ORGANISATION_LABEL)}, “${mdInline(e.questionPrompt)}”: ${referenceText(e.reference)}`);
    }
    lines.push('');
  }
  const changed = section.items.filter((e) => e.fileCheck === 'changed');
  if (changed.length > 0) {
    lines.push('### Changed since it was accepted', '', 'These files no longer have the SHA-256 recorded when they were accepted: look at them again.', '');
    for (const e of changed) lines.push(`- ${mdInline(e.journeyName ?? ORGANISATION_LABEL)}, “${mdInline(e.questionPrompt)}”: ${referenceText(e.reference)}`);
    lines.push('');
  }
  return lines;
}

/** Under an answer table: the evidence of its answers, one line each. */
export function answerEvidenceLines(answers: readonly ReportAnswer[]): string[] {
  const withEvidence = answers.filter((a) => a.evidence && a.evidence.length > 0);
  if (withEvidence.length === 0) return [];
  const lines = ['Evidence:', ''];
  for (const a of withEvidence) {
    lines.push(`- ${mdInline(a.questionPrompt)}`);
    for (const e of a.evidence!) lines.push(`  - ${evidenceLine(e)}`);
  }
  lines.push('');
  return lines;
}
