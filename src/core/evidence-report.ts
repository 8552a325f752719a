/**
 * The report's Evidence section (issue 18): each evidence item with what it backs and
 * whether it counts today, the requests by owner, what expires within 30 days, and how
 * much of the visibility figure rests on evidence:
 *
 *   on evidence(j) = 100 x sum over K(j) verified by evidence of w / sum over K(j) of w
 *   on evidence    = sum_j s(j) x on evidence(j) / sum_j s(j)   (journeys with a visibility figure)
 *
 * so that it is the part of visibility (k = 1 for those answers) that evidence carries,
 * and the rest is what answers alone carry. Pure: no I/O; file checks (a changed or
 * missing file) are computed by the caller and passed in.
 */
import type { Bank } from './bank-schema.js';
import type { AssessmentItems } from './assessment-items.js';
import { addDays, evidenceKey, expiryOf, hasExpired } from './evidence.js';
import { buildRequests, isOpenRequest, requestsByOwner } from './evidence-requests.js';
import { dayOf } from './plan-status.js';
import type { EvidenceSection, ReportEvidence } from './report-schema.js';
import type { Assessment } from './workbook-schema.js';

/** Days ahead the section looks for evidence about to expire. */
export const EXPIRING_SOON_DAYS = 30;

/** Evidence files that no longer match what was accepted, by evidence id. */
export type FileChecks = ReadonlyMap<string, 'changed' | 'missing'>;

export interface EvidenceParts {
  section: EvidenceSection;
  /** The report's evidence entries by answer (evidenceKey). */
  byAnswer: Map<string, ReportEvidence[]>;
}

export function evidenceSection(bank: Bank, assessment: Assessment, items: AssessmentItems, now: Date, fileChecks: FileChecks = new Map()): EvidenceParts {
  const today = dayOf(now);
  const soon = addDays(today, EXPIRING_SOON_DAYS);
  const questions = new Map(bank.questions.map((q) => [q.id, q]));
  const journeys = new Map(assessment.journeys.map((j) => [j.id, j]));
  // The option of each answer some evidence is for (not a key for every answer: ~70k at the largest bench size).
  const evidence = assessment.evidence ?? [];
  const wanted = new Set(evidence.map((e) => evidenceKey(e.journeyId, e.questionId)));
  const wantedJourneys = new Set(evidence.map((e) => e.journeyId));
  const currentOption = new Map<string, string | undefined>();
  const note = (journeyId: string | null, a: Pick<Assessment['answers'][number], 'questionId' | 'kind' | 'optionId'>) => {
    const key = evidenceKey(journeyId, a.questionId);
    if (wanted.has(key)) currentOption.set(key, a.kind === 'option' ? a.optionId : undefined);
  };
  if (wantedJourneys.has(null)) for (const a of assessment.organisationAnswers) note(null, a);
  for (const a of assessment.answers) if (wantedJourneys.has(a.journeyId)) note(a.journeyId, a);

  const byAnswer = new Map<string, ReportEvidence[]>();
  const list: ReportEvidence[] = [];
  for (const e of evidence) {
    const question = questions.get(e.questionId);
    const option = question?.options.find((o) => o.id === e.optionId);
    const expired = hasExpired(e, question, today);
    const key = evidenceKey(e.journeyId, e.questionId);
    const entry: ReportEvidence = {
      id: e.id,
      scope: e.journeyId === null ? 'organisation' : 'journey',
      journeyId: e.journeyId,
      journeyName: e.journeyId === null ? null : (journeys.get(e.journeyId)?.name ?? null),
      questionId: e.questionId,
      questionPrompt: question?.prompt ?? e.questionId,
      optionId: e.optionId ?? null,
      optionLabel: option?.label ?? null,
      reference: e.link ?? e.path ?? '',
      kind: e.link !== undefined ? 'link' : 'file',
      sha256: e.sha256 ?? null,
      size: e.size ?? null,
      shows: e.shows,
      collectedBy: e.collectedBy,
      collectedOn: e.collectedOn,
      expiresOn: expiryOf(e, question),
      status: e.status,
      reason: e.reason,
      expired,
      counts: e.status === 'accepted' && !expired && question !== undefined && option !== undefined && currentOption.get(key) === e.optionId,
      fileCheck: fileChecks.get(e.id) ?? null,
      requestId: e.requestId ?? null,
      by: e.by,
      addedAt: e.addedAt,
    };
    list.push(entry);
    const forAnswer = byAnswer.get(key);
    if (forAnswer) forAnswer.push(entry);
    else byAnswer.set(key, [entry]);
  }

  // Answers verified by evidence: the organisation answer once (where it holds for a journey), journeys' own.
  let verified = 0;
  for (const o of items.organisation) if (o.evidence === 'current' && o.journeys.length > 0) verified++;
  let sum = 0;
  let weight = 0;
  for (const j of items.journeys) {
    let onEvidence = 0;
    let asked = 0;
    for (const item of j.items) {
      if (item.kind !== 'option' && item.kind !== 'unknown') continue;
      asked += item.question.weight;
      if (item.evidence === 'current') {
        onEvidence += item.question.weight;
        if (item.source !== 'organisation') verified++;
      }
    }
    if (asked > 0) {
      sum += j.sensitivity * ((100 * onEvidence) / asked);
      weight += j.sensitivity;
    }
  }

  const requests = buildRequests(bank, assessment, items, now);
  const owners = requestsByOwner(requests).map(({ owner, requests: mine }) => ({
    owner,
    open: mine.filter((r) => isOpenRequest(r.status)).length,
    overdue: mine.filter((r) => r.overdue).length,
  }));
  const expiringSoon = list.filter((e) => e.counts && e.expiresOn !== null && e.expiresOn <= soon).sort((a, b) => (a.expiresOn! < b.expiresOn! ? -1 : a.expiresOn! > b.expiresOn! ? 1 : 0)).map((e) => e.id);

  return {
    section: { verified, visibilityOnEvidence: weight > 0 ? sum / weight : null, items: list, requests, owners, expiringSoon },
    byAnswer,
  };
}
