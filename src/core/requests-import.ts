/**
 * `cxray requests import FILE.csv` (issue 18): the request CSV back, filled in by owners
 * in a spreadsheet or exported from a tracker. Every row is checked first and every
 * problem names its line; nothing is applied unless all rows are valid. A row is matched
 * with its request by id; its status, owner, due date and note are recorded; an accepted
 * row attaches its evidence (the answer counts as verified), a rejected row records why
 * and leaves the answer's confidence as it was. A file path is resolved and hashed by the
 * caller (this module is pure) between `planRequestsImport` and `applyRequestsImport`.
 */
import type { Bank } from './bank-schema.js';
import { evidenceProblem, isEvidenceLink, type EvidenceInput } from './evidence.js';
import { parseRequestId, requestInputProblem, setRequest, type EvidenceRequest } from './evidence-requests.js';
import { assessmentCode } from './plan-ids.js';
import { dayOf, isDay } from './plan-status.js';
import { plainLine } from './terminal-text.js';
import { REQUEST_STATUSES, type Answer, type Assessment, type RequestStatus } from './workbook-schema.js';
import { addEvidence } from './evidence.js';

export interface RequestRow {
  line: number;
  cells: string[];
}

/** One valid row and what it does. */
export interface RequestChange {
  line: number;
  request: EvidenceRequest;
  status: RequestStatus;
  owner: string;
  due: string;
  note: string;
  /** The evidence it attaches (accepted, or rejected with a reference), if any; a path still to hash. */
  evidence: (EvidenceInput & { optionId?: string }) | null;
  /** True when the row changes nothing (the same status, owner, due, note; its evidence already attached). */
  unchanged: boolean;
}

export type RequestsImportResult = { ok: true; changes: RequestChange[] } | { ok: false; problems: string[] };

const COLUMNS = {
  id: ['id'],
  status: ['status'],
  owner: ['assignee', 'owner'],
  due: ['due', 'due date'],
  reference: ['link or path', 'link', 'path', 'evidence'],
  shows: ['what it shows', 'shows'],
  collectedBy: ['collected by'],
  collectedOn: ['collected on', 'collected', 'collected date'],
  expiresOn: ['expires on', 'expires'],
  option: ['option shown', 'option'],
  note: ['note', 'notes', 'comment'],
} as const;

function quoted(cell: string): string {
  const line = plainLine(cell);
  return `"${line.length > 60 ? `${line.slice(0, 59)}…` : line}"`;
}

/**
 * Checks every row against the requests as they stand (`requests`, from the report);
 * `file` prefixes each problem (`owners.csv:7: …`).
 */
export function planRequestsImport(
  bank: Bank,
  assessment: Assessment,
  requests: readonly EvidenceRequest[],
  header: RequestRow,
  rows: readonly RequestRow[],
  options: { file: string; now: Date; resolvePath?: (path: string) => string },
): RequestsImportResult {
  const { file } = options;
  const today = dayOf(options.now);
  const lower = header.cells.map((h) => h.trim().toLowerCase());
  const column = (names: readonly string[]) => {
    for (const name of names) {
      const i = lower.indexOf(name);
      if (i >= 0) return i;
    }
    return -1;
  };
  const at = Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, column(names)])) as Record<keyof typeof COLUMNS, number>;
  if (at.id < 0 || at.status < 0) {
    return {
      ok: false,
      problems: [`${file}:${header.line}: a requests file needs the columns "id" and "status"; start from \`cxray requests --format csv\`, which writes every column this reads.`],
    };
  }
  const byId = new Map(requests.map((r) => [r.id, r]));
  const questions = new Map(bank.questions.map((q) => [q.id, q]));
  const code = assessmentCode(assessment.id);
  const problems: string[] = [];
  const changes: RequestChange[] = [];
  const seen = new Map<string, number>();

  for (const row of rows) {
    const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? '').trim() : '');
    const where = `${file}:${row.line}`;
    const problem = (text: string) => problems.push(`${where}: ${text}`);
    const idText = cell(at.id);
    if (idText === '') {
      problem('the id is empty; keep the id `cxray requests` wrote (EV-…) in every row.');
      continue;
    }
    const parsed = parseRequestId(idText);
    if (!parsed) {
      problem(`${quoted(idText)} is not a request id; ids look like EV-abc234-export-destinations.phone-support.`);
      continue;
    }
    if (parsed.code !== code) {
      problem(`${quoted(idText)} belongs to another assessment (its code is ${parsed.code}, this one's is ${code}); choose the assessment with --assessment.`);
      continue;
    }
    const request = byId.get(idText);
    if (!request) {
      problem(`${quoted(idText)} is no open request of this assessment (its answer changed or is verified since); list the requests again with \`cxray requests\`.`);
      continue;
    }
    const earlier = seen.get(idText);
    if (earlier !== undefined) {
      problem(`${idText} is already on line ${earlier}; keep one row per request.`);
      continue;
    }
    seen.set(idText, row.line);

    const statusText = cell(at.status).toLowerCase();
    if (!(REQUEST_STATUSES as readonly string[]).includes(statusText)) {
      problem(`the status ${quoted(cell(at.status))} is not one cxray knows; use requested, sent, submitted, accepted or rejected.`);
      continue;
    }
    const status = statusText as RequestStatus;
    const owner = at.owner >= 0 ? cell(at.owner) : request.owner;
    const due = at.due >= 0 && cell(at.due) !== '' ? cell(at.due) : request.due;
    const note = at.note >= 0 ? cell(at.note) : request.note;
    const inputProblem = requestInputProblem({ owner, due, note });
    if (inputProblem) {
      problem(inputProblem);
      continue;
    }
    const reference = cell(at.reference);
    let evidence: RequestChange['evidence'] = null;
    if (status === 'accepted' || (status === 'rejected' && reference !== '')) {
      if (reference === '') {
        problem('accepted evidence needs its link or path in "link or path"; give where the evidence is.');
        continue;
      }
      const isLink = /^[a-z][a-z0-9+.-]*:\/\//i.test(reference);
      if (isLink && !isEvidenceLink(reference)) {
        problem(`the link ${quoted(reference)} is not an http or https address; give one, or the path of a file.`);
        continue;
      }
      const shows = cell(at.shows) || (status === 'rejected' ? 'evidence that was rejected' : '');
      const collectedOn = cell(at.collectedOn);
      const expiresOn = status === 'accepted' ? cell(at.expiresOn) : '';
      if (status === 'rejected' && note === '') {
        problem('rejected evidence needs the reason in "note"; say why it does not show the answer.');
        continue;
      }
      const input: EvidenceInput = {
        journeyId: request.journeyId,
        questionId: request.questionId,
        ...(isLink ? { link: reference } : { path: reference }),
        shows,
        collectedBy: cell(at.collectedBy),
        collectedOn: collectedOn === '' && status === 'rejected' ? today : collectedOn,
        expiresOn,
        status,
        reason: status === 'rejected' ? note : '',
        requestId: request.id,
      };
      const inputError = evidenceProblem(input, today);
      if (inputError) {
        problem(inputError.replace(/^./, (c) => c.toLowerCase()).replace(/\.$/, '') + (collectedOn === '' ? ' (in "collected on")' : '') + '.');
        continue;
      }
      // The option it shows: the answer's, or for an unknown answer the one the owner names.
      const question = questions.get(request.questionId);
      const answer = answerOf(assessment, request);
      const optionText = cell(at.option);
      let optionId: string | undefined;
      if (optionText !== '') {
        const option = question?.options.find((o) => o.id === optionText || o.label.toLowerCase() === optionText.toLowerCase());
        if (!option) {
          problem(`the option ${quoted(optionText)} is not one of this question's; give an option id (${question?.options.map((o) => o.id).join(', ')}).`);
          continue;
        }
        optionId = option.id;
      }
      if (status === 'accepted') {
        if (answer?.kind === 'option' && optionId !== undefined && optionId !== answer.optionId) {
          problem(`the evidence shows the option "${optionId}" but the answer is "${answer.optionId}"; change the answer in cxray first, or leave "option shown" empty.`);
          continue;
        }
        if (answer?.kind !== 'option' && optionId === undefined) {
          problem('the answer was "we don\'t know": name the option the evidence shows in "option shown" (an option id of the question).');
          continue;
        }
      }
      evidence = { ...input, ...(optionId !== undefined ? { optionId } : {}) };
    }
    const already =
      evidence !== null &&
      (assessment.evidence ?? []).some((e) => e.requestId === request.id && (e.link ?? e.path) === (e.path !== undefined && options.resolvePath ? options.resolvePath(reference) : reference) && e.collectedOn === evidence!.collectedOn && e.status === status);
    const recorded = (assessment.evidenceRequests ?? []).find((r) => r.id === request.id);
    const unchanged = (evidence === null || already) && recorded !== undefined && recorded.status === status && recorded.owner === owner && (recorded.due ?? '') === due && recorded.note === note;
    const unchangedFresh = (evidence === null || already) && !recorded && request.status === status && request.owner === owner && request.due === due && request.note === note;
    changes.push({ line: row.line, request, status, owner, due, note, evidence: already ? null : evidence, unchanged: unchanged || unchangedFresh });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, changes };
}

function answerOf(assessment: Assessment, request: Pick<EvidenceRequest, 'journeyId' | 'questionId'>): Answer | Assessment['organisationAnswers'][number] | undefined {
  return request.journeyId === null
    ? assessment.organisationAnswers.find((a) => a.questionId === request.questionId)
    : assessment.answers.find((a) => a.journeyId === request.journeyId && a.questionId === request.questionId);
}

/**
 * The assessment with every change applied, by `by` at `now`. Evidence with a path must
 * carry its sha256 and size by now (the caller hashed the file). Evidence accepted for an
 * unknown answer sets the answer to the option it shows.
 */
export function applyRequestsImport(assessment: Assessment, changes: readonly RequestChange[], by: string, now: Date): Assessment {
  let next = assessment;
  for (const change of changes) {
    if (change.unchanged) continue;
    if (change.evidence) {
      if (change.evidence.status === 'accepted') next = resolveUnknown(next, change, by, now);
      next = addEvidence(next, change.evidence, by, now).assessment;
    }
    next = setRequest(
      next,
      { id: change.request.id, journeyId: change.request.journeyId, questionId: change.request.questionId, status: change.status, owner: change.owner, due: isDay(change.due) ? change.due : '', note: change.note },
      change.request,
      by,
      now,
    );
  }
  return next;
}

/** An unknown answer whose evidence shows an option becomes that option (reported: the evidence is what verifies it). */
function resolveUnknown(assessment: Assessment, change: RequestChange, by: string, now: Date): Assessment {
  const optionId = change.evidence?.optionId;
  const answer = answerOf(assessment, change.request);
  if (!optionId || (answer && answer.kind === 'option')) return assessment;
  const base = { questionId: change.request.questionId, kind: 'option' as const, optionId, confidence: 'reported' as const, note: answer?.note ?? '', by, at: now.toISOString() };
  if (change.request.journeyId === null) {
    const others = assessment.organisationAnswers.filter((a) => a.questionId !== change.request.questionId);
    return { ...assessment, organisationAnswers: [...others, { ...base, ...(answer?.policy ? { policy: answer.policy } : {}) }] };
  }
  const journeyId = change.request.journeyId;
  const others = assessment.answers.filter((a) => !(a.journeyId === journeyId && a.questionId === change.request.questionId));
  return { ...assessment, answers: [...others, { journeyId, ...base, ...(answer?.policy ? { policy: answer.policy } : {}) }] };
}
