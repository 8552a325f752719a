/**
 * The evidence of one answer, as the Evidence screen lists it (issue 18): for each item
 * where it is (a link, or a file with the start of its SHA-256), what it shows, who
 * collected it and when, where it stands today (accepted and counting, expired, for
 * another option, rejected and why), when it expires, and whether its file changed since
 * it was accepted. Also where `e` leads: the list when the answer has evidence, else
 * straight to the form. Every text from the workbook goes through plainLine. Pure.
 */
import type { Question } from '../core/bank-schema.js';
import { answerFor, evidenceKey, expiryOf, hasExpired, indexEvidence } from '../core/evidence.js';
import type { FileChecks } from '../core/evidence-report.js';
import { plainLine } from '../core/terminal-text.js';
import type { Assessment, Evidence } from '../core/workbook-schema.js';
import type { Screen } from './navigation.js';

export interface EvidenceRow {
  evidence: Evidence;
  /** The link, or the file's path. */
  reference: string;
  /** "link", or "file, SHA-256 743bf8234da6…, 27 bytes". */
  kind: string;
  shows: string;
  /** "collected 2026-11-20 by Ben". */
  collected: string;
  /** "accepted, counts", "accepted, expired 2026-10-01", "accepted for another option", "rejected: too old". */
  standing: string;
  /** Accepted, unexpired and for the option the answer holds: the answer counts as verified. */
  counts: boolean;
  /** "lasts to 2027-05-19", "does not expire", '' for rejected evidence. */
  expiry: string;
  /** "! changed since it was accepted", "! the file cannot be read here", or ''. */
  check: string;
}

/** The evidence of the answer (journeyId null: the organisation's), in the order it was added. */
export function answerEvidence(assessment: Pick<Assessment, 'evidence'>, journeyId: string | null, questionId: string): Evidence[] {
  return indexEvidence(assessment.evidence).get(evidenceKey(journeyId, questionId)) ?? [];
}

export function evidenceRows(
  list: readonly Evidence[],
  answer: { kind: string; optionId?: string } | undefined,
  question: Pick<Question, 'lifetimeDays'> | undefined,
  today: string,
  checks: FileChecks,
): EvidenceRow[] {
  return list.map((e) => {
    const expired = hasExpired(e, question, today);
    const last = expiryOf(e, question);
    const forAnswer = answer?.kind === 'option' && e.optionId === answer.optionId;
    const counts = e.status === 'accepted' && !expired && forAnswer;
    const standing =
      e.status === 'rejected'
        ? `rejected${e.reason ? `: ${plainLine(e.reason)}` : ''}`
        : expired
          ? `accepted, expired ${last}`
          : forAnswer
            ? 'accepted, counts'
            : 'accepted for another option than the answer now given';
    const check = checks.get(e.id);
    return {
      evidence: e,
      reference: plainLine(e.link ?? e.path ?? ''),
      kind: e.link !== undefined ? 'link' : `file, SHA-256 ${(e.sha256 ?? '').slice(0, 12)}…, ${e.size ?? 0} bytes`,
      shows: plainLine(e.shows),
      collected: `collected ${e.collectedOn}${e.collectedBy ? ` by ${plainLine(e.collectedBy)}` : ''}`,
      standing,
      counts,
      expiry: e.status === 'rejected' ? '' : last === null ? 'does not expire' : expired ? '' : `lasts to ${last}`,
      check: check === 'changed' ? '! changed since it was accepted' : check === 'missing' ? '! the file cannot be read here to check it' : '',
    };
  });
}

/** "2 items · 1 counts: the answer is verified"; "1 item · none counts: the answer rests on someone's word". */
export function evidenceSummary(rows: readonly EvidenceRow[]): string {
  const counting = rows.filter((r) => r.counts).length;
  const changed = rows.filter((r) => r.check.startsWith('! changed')).length;
  const items = `${rows.length} ${rows.length === 1 ? 'item' : 'items'}`;
  const verdict = counting > 0 ? `${counting} counting: the answer is verified` : 'none counting: the answer is not verified by evidence';
  return [items, verdict, changed > 0 ? `${changed} changed since accepted` : ''].filter(Boolean).join(' · ');
}

/**
 * Where `e` on an answer leads: the list of its evidence when it has some, else the form
 * that adds the first (nothing to list). `requestId`: the request it answers.
 */
export function evidenceScreenFor(
  assessment: Assessment,
  target: { journeyId: string | null; questionId: string; collectedBy?: string | undefined; requestId?: string | undefined },
): Screen {
  const base = {
    assessmentId: assessment.id,
    journeyId: target.journeyId,
    questionId: target.questionId,
    ...(target.collectedBy !== undefined ? { collectedBy: target.collectedBy } : {}),
    ...(target.requestId !== undefined ? { requestId: target.requestId } : {}),
  };
  return answerEvidence(assessment, target.journeyId, target.questionId).length > 0 ? { name: 'evidence', ...base } : { name: 'evidence-form', ...base };
}

/** True when the answer holds an option, which evidence can back. */
export function hasOptionAnswer(assessment: Assessment, journeyId: string | null, questionId: string): boolean {
  return answerFor(assessment, journeyId, questionId)?.kind === 'option';
}
