/**
 * Evidence requests (issue 18): what the room leaves with so that "someone says so"
 * becomes "someone saw it". One request per answer that counts and rests on someone's
 * word (reported, stale included), is disputed or is unknown, on a question whose help
 * says what would show it (its **Evidence.** paragraph). Each has an owner (the team's
 * owner of the plan item, else the bank's owner of the question's Find-out action for an
 * unknown answer, or of the answer's primary fix), a due date (14 days after the answer
 * was given, unless someone set one), a status and a stable id:
 *
 *   EV-<assessment code>-<question id>            the organisation answer
 *   EV-<assessment code>-<question id>.<journey>  a journey's answer or override
 *
 * made, like plan ids (plan-ids.ts), only from what does not change between cycles. What
 * the team records (status, owner, due, note) is kept by that id; a request whose answer
 * is verified by evidence since keeps its recorded status and stays listed. Pure: no I/O.
 */
import type { Action, Bank, Question } from './bank-schema.js';
import type { AssessmentItems, RecordedAnswer } from './assessment-items.js';
import { addDays, evidenceHint, evidenceKey } from './evidence.js';
import { discoveryActionOf, primaryFix, shareDenominator, splitOf } from './plan.js';
import { assessmentCode } from './plan-ids.js';
import { dayOf, isDay } from './plan-status.js';
import { plainLine } from './terminal-text.js';
import type { Assessment, EvidenceRequestRecord, RequestStatus } from './workbook-schema.js';

/** Days from the answer to a request's default due date. */
export const REQUEST_DUE_DAYS = 14;

/** Why an answer needs evidence. */
export type RequestReason = 'unknown' | 'disputed' | 'reported' | 'stale';

export interface EvidenceRequest {
  id: string;
  scope: 'journey' | 'organisation';
  journeyId: string | null;
  journeyName: string | null;
  questionId: string;
  questionPrompt: string;
  /** The answer as it stands: the option's label, or "We don't know". */
  answer: string;
  /** Null when the answer no longer needs evidence (it is listed for its recorded status). */
  reason: RequestReason | null;
  /** What would show it, from the question's help. */
  hint: string;
  owner: string;
  /** YYYY-MM-DD. */
  due: string;
  status: RequestStatus;
  /** Not accepted (rejected evidence calls for better evidence) and past its due date. */
  overdue: boolean;
  /** True when the team has recorded anything about it. */
  recorded: boolean;
  note: string;
}

/** The stable id of the request for an answer: the organisation's when `journeyId` is null. */
export function requestId(assessmentId: string, questionId: string, journeyId: string | null): string {
  return `EV-${assessmentCode(assessmentId)}-${questionId}${journeyId === null ? '' : `.${journeyId}`}`;
}

/** What a request id names, or null for text that is no such id. */
export function parseRequestId(id: string): { code: string; questionId: string; journeyId: string | null } | null {
  const match = /^EV-([a-z2-7]{6})-([a-z0-9][a-z0-9-]*)(?:\.(\S+))?$/.exec(id.trim());
  if (!match) return null;
  return { code: match[1]!, questionId: match[2]!, journeyId: match[3] ?? null };
}

/** True while a request still waits for acceptable evidence. */
export function isOpenRequest(status: RequestStatus): boolean {
  return status !== 'accepted';
}

/** The owner the bank names for a request: the Find-out action's for unknown, else the primary fix's (or the Find-out's when the option has none). */
function bankOwner(bank: Bank, actions: ReadonlyMap<string, Action>, question: Question, answer: RecordedAnswer): { actionId: string; owner: string } {
  const option = answer.kind === 'option' ? question.options.find((o) => o.id === answer.optionId) : undefined;
  // The same for every journey's answer with this option: kept per bank, by the option (or the question, without one).
  let known = bankOwners.get(bank);
  if (!known) bankOwners.set(bank, (known = new WeakMap()));
  const key = option ?? question;
  const kept = known.get(key);
  if (kept) return kept;
  const fix = option ? primaryFix(splitOf(option, shareDenominator(bank))) : undefined;
  const action = fix ? actions.get(fix) : undefined;
  const discovery = action ? undefined : discoveryActionOf(question, actions).action;
  const owner = action ? { actionId: action.id, owner: action.owner } : { actionId: discovery!.id, owner: discovery!.owner };
  known.set(key, owner);
  return owner;
}
const bankOwners = new WeakMap<Bank, WeakMap<object, { actionId: string; owner: string }>>();

/**
 * The requests of an assessment: every answer that needs evidence, then those whose
 * answer no longer does but whose request has a recorded status, organisation answers
 * first, then journeys in order, questions in bank order.
 */
export function buildRequests(bank: Bank, assessment: Assessment, items: AssessmentItems, now: Date): EvidenceRequest[] {
  const today = dayOf(now);
  const actions = new Map(bank.actions.map((a) => [a.id, a]));
  const records = new Map((assessment.evidenceRequests ?? []).map((r) => [r.id, r]));
  const planOwners = new Map(assessment.planStatus.filter((s) => s.owner.trim() !== '').map((s) => [s.actionId, s.owner]));
  const requests: EvidenceRequest[] = [];

  const consider = (
    journey: { id: string; name: string } | null,
    question: Question,
    answer: RecordedAnswer | undefined,
    kind: string,
    confidence: string | undefined,
    stale: boolean,
    label: string | undefined,
    counts: boolean,
  ) => {
    if (!answer || !counts || (kind !== 'option' && kind !== 'unknown')) return;
    const hint = evidenceHint(question);
    if (hint === null) return;
    const id = requestId(assessment.id, question.id, journey?.id ?? null);
    const record = records.get(id);
    const reason: RequestReason | null =
      kind === 'unknown' ? 'unknown' : confidence === 'disputed' ? 'disputed' : confidence === 'reported' ? (stale ? 'stale' : 'reported') : null;
    if (reason === null && !record) return;
    const { actionId, owner: fromBank } = bankOwner(bank, actions, question, answer);
    const owner = record?.owner.trim() ? record.owner : (planOwners.get(actionId) ?? fromBank);
    const due = record?.due ?? addDays(answer.at.slice(0, 10), REQUEST_DUE_DAYS);
    // Accepted evidence that no longer holds (expired, or the answer changed) reopens the request.
    const status: RequestStatus = record ? (record.status === 'accepted' && reason !== null ? 'requested' : record.status) : 'requested';
    requests.push({
      id,
      scope: journey ? 'journey' : 'organisation',
      journeyId: journey?.id ?? null,
      journeyName: journey?.name ?? null,
      questionId: question.id,
      questionPrompt: question.prompt,
      answer: kind === 'unknown' ? "We don't know" : (label ?? ''),
      reason,
      hint,
      owner,
      due,
      status,
      overdue: isOpenRequest(status) && today > due,
      recorded: record !== undefined,
      note: record?.note ?? '',
    });
  };

  for (const o of items.organisation) {
    consider(null, o.question, o.answer, o.kind, o.confidence, o.stale, o.option?.label, o.journeys.length > 0);
  }
  for (const j of items.journeys) {
    for (const item of j.items) {
      if (item.source === 'organisation') continue;
      consider(item.journey, item.question, item.answer, item.kind, item.confidence, item.stale, item.option?.label, true);
    }
  }
  return requests;
}

/**
 * Owners' order: by name ignoring case, then as written. Plain code-unit comparison of
 * lower-cased names, not Intl: the first collator a process builds loads ICU's data
 * (~20 ms of a 300 ms export), for a list of a few owners.
 */
function ownerOrder(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Requests grouped by owner: owners by name (case-insensitive), each owner's requests in list order. */
export function requestsByOwner(requests: readonly EvidenceRequest[]): { owner: string; requests: EvidenceRequest[] }[] {
  const groups = new Map<string, EvidenceRequest[]>();
  for (const r of requests) {
    const owner = r.owner.trim() || 'No owner named';
    const list = groups.get(owner);
    if (list) list.push(r);
    else groups.set(owner, [r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => ownerOrder(a, b))
    .map(([owner, list]) => ({ owner, requests: list }));
}

/** What someone changes on a request (status, owner, due date, note); absent fields keep what is recorded. */
export interface RequestInput {
  id: string;
  journeyId: string | null;
  questionId: string;
  status?: RequestStatus;
  owner?: string;
  due?: string;
  note?: string;
}

/** What is wrong with a request input, in one sentence, or null. */
export function requestInputProblem(input: Pick<RequestInput, 'owner' | 'due' | 'note'>): string | null {
  if (input.owner !== undefined && (input.owner.length > 200 || plainLine(input.owner) !== input.owner)) return 'The owner must be one line of at most 200 characters.';
  if (input.due !== undefined && input.due !== '' && !isDay(input.due)) return 'The due date is not a day; write it as YYYY-MM-DD, e.g. 2027-01-31.';
  if (input.note !== undefined && input.note.length > 2000) return 'The note must be at most 2000 characters.';
  return null;
}

/** The assessment with the request's record set (created from `current`, the request as listed, when there is none). */
export function setRequest(assessment: Assessment, input: RequestInput, current: Pick<EvidenceRequest, 'status' | 'owner' | 'due' | 'note'>, by: string, now: Date): Assessment {
  const records = assessment.evidenceRequests ?? [];
  const before = records.find((r) => r.id === input.id);
  const due = input.due ?? before?.due ?? current.due;
  const record: EvidenceRequestRecord = {
    id: input.id,
    journeyId: input.journeyId,
    questionId: input.questionId,
    status: input.status ?? before?.status ?? current.status,
    owner: input.owner ?? before?.owner ?? current.owner,
    ...(due ? { due } : {}),
    note: input.note ?? before?.note ?? current.note,
    by,
    updatedAt: now.toISOString(),
  };
  const next = before ? records.map((r) => (r.id === input.id ? record : r)) : [...records, record];
  return { ...assessment, evidenceRequests: next };
}

/** The key of a request's answer, as evidence.ts keys evidence. */
export function requestAnswerKey(request: Pick<EvidenceRequest, 'journeyId' | 'questionId'>): string {
  return evidenceKey(request.journeyId, request.questionId);
}
