/**
 * Evidence behind answers (issue 18): which evidence an answer has, whether it counts
 * today, when it expires, and adding it. An answer with at least one accepted,
 * unexpired evidence item for the option it holds counts as verified; once the last of
 * them has expired it counts as reported at most and is listed as stale, as an answer
 * past its lifetime is. Evidence is a reference (a link, or a path with the hash and
 * size the file had): hashing the file is I/O and happens in src/store, never here.
 * Pure: no I/O; the day is given.
 */
import type { Question } from './bank-schema.js';
import { isDay } from './plan-status.js';
import { plainLine } from './terminal-text.js';
import type { Answer, Assessment, Evidence, OrganisationAnswer } from './workbook-schema.js';

const DAY_MS = 86_400_000;

/** The key of the answer evidence backs: the journey (empty for the organisation answer) and the question. */
export function evidenceKey(journeyId: string | null, questionId: string): string {
  return `${journeyId ?? ''}\u0000${questionId}`;
}

/** The assessment's evidence by answer, in the order it was added. */
export function indexEvidence(evidence: readonly Evidence[] | undefined): Map<string, Evidence[]> {
  const index = new Map<string, Evidence[]>();
  for (const e of evidence ?? []) {
    const key = evidenceKey(e.journeyId, e.questionId);
    const list = index.get(key);
    if (list) list.push(e);
    else index.set(key, [e]);
  }
  return index;
}

/** `day` plus `days`, YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  // Kept: an assessment's answers fall on a few days, and each request asks for its due
  // date (a Date parsed and printed 4,300 times at 50 journeys was ~10 ms of the first
  // opening of an assessment).
  const key = `${day}+${days}`;
  let sum = addedDays.get(key);
  if (sum === undefined) {
    if (addedDays.size >= 4096) addedDays.clear();
    sum = new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
    addedDays.set(key, sum);
  }
  return sum;
}
const addedDays = new Map<string, string>();

/**
 * The last day the evidence counts: its own expiry, else the day the question's lifetime
 * after it was collected (as an answer exactly `lifetimeDays` old is still fresh), else
 * null (it does not expire). From the day after, it has expired.
 */
export function expiryOf(evidence: Pick<Evidence, 'expiresOn' | 'collectedOn'>, question: Pick<Question, 'lifetimeDays'> | undefined): string | null {
  if (evidence.expiresOn) return evidence.expiresOn;
  if (question?.lifetimeDays === undefined) return null;
  return addDays(evidence.collectedOn, question.lifetimeDays);
}

/** True when the evidence has expired on `today` (YYYY-MM-DD): today is after its last day. */
export function hasExpired(evidence: Pick<Evidence, 'expiresOn' | 'collectedOn'>, question: Pick<Question, 'lifetimeDays'> | undefined, today: string): boolean {
  const last = expiryOf(evidence, question);
  return last !== null && today > last;
}

/**
 * Where an answer stands with its evidence today:
 * - current: accepted evidence for the option it holds that has not expired (verified);
 * - lapsed: there was such evidence, and all of it has expired (reported at most, stale);
 * - none: no accepted evidence for the option it holds.
 */
export type EvidenceStanding = 'current' | 'lapsed' | 'none';

/** The accepted evidence that backs `answer` as it stands (same option). */
export function backingEvidence(list: readonly Evidence[] | undefined, answer: Pick<Answer, 'kind' | 'optionId'> | undefined): Evidence[] {
  if (!list || !answer || answer.kind !== 'option') return [];
  return list.filter((e) => e.status === 'accepted' && e.optionId === answer.optionId);
}

export function evidenceStanding(
  list: readonly Evidence[] | undefined,
  answer: Pick<Answer, 'kind' | 'optionId'> | undefined,
  question: Pick<Question, 'lifetimeDays'>,
  today: string,
): EvidenceStanding {
  const backing = backingEvidence(list, answer);
  if (backing.length === 0) return 'none';
  return backing.some((e) => !hasExpired(e, question, today)) ? 'current' : 'lapsed';
}

/** The day the last backing evidence expired (for a lapsed answer), else null. */
export function lapsedOn(list: readonly Evidence[] | undefined, answer: Pick<Answer, 'kind' | 'optionId'> | undefined, question: Pick<Question, 'lifetimeDays'>): string | null {
  let last: string | null = null;
  for (const e of backingEvidence(list, answer)) {
    const day = expiryOf(e, question);
    if (day === null) return null;
    if (last === null || day > last) last = day;
  }
  return last;
}

/** What someone gives to add evidence (the hash and size already computed by the store for a path). */
export interface EvidenceInput {
  journeyId: string | null;
  questionId: string;
  link?: string;
  path?: string;
  sha256?: string;
  size?: number;
  shows: string;
  collectedBy?: string;
  /** YYYY-MM-DD. */
  collectedOn: string;
  /** YYYY-MM-DD, or empty/absent for the question's lifetime. */
  expiresOn?: string;
  status?: Evidence['status'];
  reason?: string;
  requestId?: string;
}

/** True for an http or https address with no space or control character. */
export function isEvidenceLink(text: string): boolean {
  return /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(text) && plainLine(text) === text;
}

/**
 * What is wrong with evidence input, in one sentence naming the fix, or null. `today`
 * bounds the collected date (evidence cannot be collected tomorrow).
 */
export function evidenceProblem(input: Omit<EvidenceInput, 'journeyId' | 'questionId'>, today: string): string | null {
  const link = input.link?.trim() ?? '';
  const path = input.path?.trim() ?? '';
  if (link === '' && path === '') return 'Give a link (http or https) or a file path for the evidence.';
  if (link !== '' && path !== '') return 'Give a link or a file path, not both.';
  if (link !== '' && !isEvidenceLink(link)) return 'The link is not an http or https address; give one such as https://wiki.example.com/page.';
  if (link.length > 2000) return 'The link is longer than 2000 characters; give a shorter address.';
  if (path !== '' && (plainLine(path) !== path || path.length > 4000)) return 'The path holds control characters or is too long; give the file\'s path as plain text.';
  const shows = input.shows.trim();
  if (shows === '') return 'Say in one line what the evidence shows.';
  if (shows.length > 300 || /[\r\n]/.test(shows)) return 'What it shows must be one line of at most 300 characters.';
  if ((input.collectedBy ?? '').length > 200) return 'Who collected it must be at most 200 characters.';
  if (!isDay(input.collectedOn)) return 'The collected date is not a day; write it as YYYY-MM-DD, e.g. 2026-11-30.';
  if (input.collectedOn > today) return `The collected date ${input.collectedOn} is after today (${today}); give the day it was collected.`;
  const expires = input.expiresOn?.trim() ?? '';
  if (expires !== '' && !isDay(expires)) return 'The expiry date is not a day; write it as YYYY-MM-DD, or leave it empty for the question\'s lifetime.';
  if (expires !== '' && expires < input.collectedOn) return `The expiry date ${expires} is before the day it was collected (${input.collectedOn}).`;
  if (input.status === 'rejected' && (input.reason ?? '').trim() === '') return 'Say why the evidence was rejected.';
  return null;
}

/** The next free evidence id: ev1, ev2 ... (never reusing one). */
export function nextEvidenceId(evidence: readonly Evidence[] | undefined): string {
  let max = 0;
  for (const e of evidence ?? []) {
    const n = /^ev(\d+)$/.exec(e.id);
    if (n) max = Math.max(max, Number(n[1]));
  }
  return `ev${max + 1}`;
}

/** The recorded answer evidence would back: the journey's own, or the organisation answer (journeyId null). */
export function answerFor(assessment: Assessment, journeyId: string | null, questionId: string): Answer | OrganisationAnswer | undefined {
  return journeyId === null
    ? assessment.organisationAnswers.find((a) => a.questionId === questionId)
    : assessment.answers.find((a) => a.journeyId === journeyId && a.questionId === questionId);
}

/**
 * The assessment with the evidence added to the answer it names, for the option that
 * answer holds (`optionId` overrides it: evidence that resolves an unknown answer names
 * the option it shows). Throws when the input is invalid or the answer is not an option
 * answer (callers check with evidenceProblem first).
 */
export function addEvidence(assessment: Assessment, input: EvidenceInput & { optionId?: string }, by: string, now: Date): { assessment: Assessment; evidence: Evidence } {
  const problem = evidenceProblem(input, now.toISOString().slice(0, 10));
  if (problem) throw new Error(problem);
  const status = input.status ?? 'accepted';
  const answer = answerFor(assessment, input.journeyId, input.questionId);
  const optionId = input.optionId ?? (answer?.kind === 'option' ? answer.optionId : undefined);
  if (status === 'accepted' && optionId === undefined) throw new Error('Accepted evidence needs an answer with an option to back.');
  const link = input.link?.trim() ?? '';
  const path = input.path?.trim() ?? '';
  const evidence: Evidence = {
    id: nextEvidenceId(assessment.evidence),
    journeyId: input.journeyId,
    questionId: input.questionId,
    ...(optionId !== undefined ? { optionId } : {}),
    ...(link !== '' ? { link } : { path, sha256: input.sha256!, size: input.size! }),
    shows: input.shows.trim(),
    collectedBy: (input.collectedBy ?? '').trim(),
    collectedOn: input.collectedOn,
    ...(input.expiresOn?.trim() ? { expiresOn: input.expiresOn.trim() } : {}),
    status,
    reason: (input.reason ?? '').trim(),
    ...(input.requestId ? { requestId: input.requestId } : {}),
    by,
    addedAt: now.toISOString(),
  };
  return { assessment: { ...assessment, evidence: [...(assessment.evidence ?? []), evidence] }, evidence };
}

/** The assessment without the evidence item `id`. */
export function removeEvidence(assessment: Assessment, id: string): Assessment {
  const evidence = (assessment.evidence ?? []).filter((e) => e.id !== id);
  return { ...assessment, evidence };
}

/**
 * The assessment with evidence `id` accepted, or rejected for `reason`. Accepting evidence
 * that names no option (it was rejected for an unknown answer) backs the option the
 * answer holds now. Returns one sentence instead when it cannot be done: no such item,
 * rejected without a reason, or accepted while the answer has no option to back.
 */
export function judgeEvidence(assessment: Assessment, id: string, status: Evidence['status'], reason: string): { assessment: Assessment } | { problem: string } {
  const item = (assessment.evidence ?? []).find((e) => e.id === id);
  if (!item) return { problem: `Evidence ${id} is no longer in the workbook.` };
  const why = plainLine(reason).trim();
  if (status === 'rejected' && why === '') return { problem: 'Say why the evidence is rejected: what does it fail to show?' };
  if (why.length > 2000) return { problem: 'The reason must be at most 2000 characters.' };
  let optionId = item.optionId;
  if (status === 'accepted' && optionId === undefined) {
    const answer = answerFor(assessment, item.journeyId, item.questionId);
    if (answer?.kind !== 'option') return { problem: 'The answer has no option for the evidence to back; answer the question first.' };
    optionId = answer.optionId;
  }
  const next: Evidence = { ...item, ...(optionId !== undefined ? { optionId } : {}), status, reason: status === 'rejected' ? why : '' };
  return { assessment: { ...assessment, evidence: (assessment.evidence ?? []).map((e) => (e.id === id ? next : e)) } };
}

/** Where the evidence is: its link, or its path. */
export function evidenceReference(evidence: Pick<Evidence, 'link' | 'path'>): string {
  return evidence.link ?? evidence.path ?? '';
}

/**
 * The "what would show it" hint of a question: the paragraph of its help that starts
 * with **Evidence.** (the built-in bank gives one for every question), without that
 * label, or null when the help has none.
 */
export function evidenceHint(question: Pick<Question, 'help'>): string | null {
  if (!question.help) return null;
  // A report asks once per answer, so once per question and journey: read each help once.
  const known = hints.get(question.help);
  if (known !== undefined) return known;
  let hint: string | null = null;
  for (const paragraph of question.help.split(/\n\s*\n/)) {
    const match = /^\s*\*\*Evidence\.?\*\*\s*([\s\S]*)$/.exec(paragraph);
    if (match && match[1]!.trim() !== '') {
      hint = match[1]!.replace(/\s+/g, ' ').trim();
      break;
    }
  }
  if (hints.size >= 1000) hints.clear();
  hints.set(question.help, hint);
  return hint;
}

/** Hints by help text, bounded (a bank has a few hundred questions at most). */
const hints = new Map<string, string | null>();
