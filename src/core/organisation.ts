/**
 * Organisation-wide questions (SCORING.md, model 2): a question of scope `organisation`
 * has one organisation answer per assessment, which holds for every journey the question
 * applies to; a journey may override it with its own answer. This file holds the rules
 * about that: which questions are organisation-wide, the effective answer of a journey,
 * putting and dropping organisation answers and overrides, and adopting journey answers
 * when a bank marks a question organisation-wide. Pure: no I/O.
 */
import type { Bank, Question } from './bank-schema.js';
import { adoptRenamedOptions } from './bank-renames.js';
import { appliesTo, removeAnswer } from './journey-questions.js';
import type { Answer, Assessment, Journey, OrganisationAnswer, Workbook } from './workbook-schema.js';

/** What the organisation section is called wherever a journey's name would stand. */
export const ORGANISATION_LABEL = 'Organisation-wide';

/** True for a question answered once for the whole assessment. */
export function isOrganisationWide(question: Pick<Question, 'scope'>): boolean {
  return question.scope === 'organisation';
}

/**
 * The organisation section's questions: the organisation-wide questions that apply to at
 * least one journey of the assessment, or that have no conditions (so an assessment
 * without journeys can still be walked), in bank order.
 */
export function organisationQuestions(bank: Bank, assessment: { journeys: readonly Journey[]; systems: Assessment['systems'] }): Question[] {
  return bank.questions.filter(
    (q) => isOrganisationWide(q) && (!q.appliesTo || assessment.journeys.some((j) => appliesTo(q.appliesTo, j, assessment))),
  );
}

/** The organisation answers indexed by question id. */
export function indexOrganisationAnswers(answers: readonly OrganisationAnswer[]): Map<string, OrganisationAnswer> {
  return new Map(answers.map((a) => [a.questionId, a]));
}

/** The assessment with `answer` as the organisation answer to its question (replacing any). */
export function putOrganisationAnswer(assessment: Assessment, answer: OrganisationAnswer): Assessment {
  const organisationAnswers = assessment.organisationAnswers.filter((a) => a.questionId !== answer.questionId);
  organisationAnswers.push(answer);
  return { ...assessment, organisationAnswers };
}

/** The assessment without the organisation answer to a question. */
export function clearOrganisationAnswer(assessment: Assessment, questionId: string): Assessment {
  if (!assessment.organisationAnswers.some((a) => a.questionId === questionId)) return assessment;
  return { ...assessment, organisationAnswers: assessment.organisationAnswers.filter((a) => a.questionId !== questionId) };
}

/** The assessment without a journey's override of an organisation answer (its own answer to the question). */
export function dropOverride(assessment: Assessment, journeyId: string, questionId: string): Assessment {
  return removeAnswer(assessment, journeyId, questionId);
}

/** The answer's content, what two answers must share to be "the same answer". */
function answerSignature(a: Pick<Answer, 'kind' | 'optionId' | 'confidence' | 'policy'>): string {
  return [a.kind, a.optionId ?? '', a.kind === 'option' ? (a.confidence ?? 'reported') : '', a.policy ?? ''].join('\u0000');
}

/** How exposed an answer is, for breaking a tie: unknown above level 4 (e = 1 either way), not applicable lowest. */
function exposureRank(question: Question, a: Answer): number {
  if (a.kind === 'unknown') return 5;
  if (a.kind === 'na') return -1;
  return question.options.find((o) => o.id === a.optionId)?.level ?? -1;
}

/** What adopting the bank's organisation-wide questions did to one assessment. */
export interface Adoption {
  assessment: Assessment;
  /** Questions that got an organisation answer from their journey answers. */
  questions: number;
  /** Journey answers that became the organisation answer (they agreed with it). */
  merged: number;
  /** Journey answers kept as overrides (they differ from the organisation answer). */
  overrides: number;
}

/**
 * Gives every organisation-wide question of the bank that has journey answers but no
 * organisation answer one (SCORING.md, "Migration"): the answer most journeys share
 * becomes the organisation answer (on a tie, the more exposed one; then the one given
 * first in the assessment's journey order), the journeys that gave it lose their copy,
 * and each journey whose answer differs keeps it as its override. No answer is dropped:
 * every journey's effective answer is what it answered before. A question that already
 * has an organisation answer is left alone, so running it twice changes nothing.
 */
export function adoptOrganisationScope(bank: Bank, assessment: Assessment): Adoption {
  const answered = new Set(assessment.organisationAnswers.map((a) => a.questionId));
  const wide = new Map(bank.questions.filter((q) => isOrganisationWide(q) && !answered.has(q.id)).map((q) => [q.id, q]));
  const none: Adoption = { assessment, questions: 0, merged: 0, overrides: 0 };
  if (wide.size === 0) return none;
  const journeyOrder = new Map(assessment.journeys.map((j, i) => [j.id, i]));
  const byQuestion = new Map<string, Answer[]>();
  for (const a of assessment.answers) {
    if (!wide.has(a.questionId) || !journeyOrder.has(a.journeyId)) continue;
    const list = byQuestion.get(a.questionId) ?? [];
    list.push(a);
    byQuestion.set(a.questionId, list);
  }
  if (byQuestion.size === 0) return none;

  const drop = new Set<Answer>();
  const organisationAnswers = [...assessment.organisationAnswers];
  let merged = 0;
  let overrides = 0;
  for (const question of bank.questions) {
    const answers = byQuestion.get(question.id);
    if (!answers) continue;
    const groups = new Map<string, Answer[]>();
    for (const a of [...answers].sort((x, y) => journeyOrder.get(x.journeyId)! - journeyOrder.get(y.journeyId)!)) {
      const key = answerSignature(a);
      const group = groups.get(key) ?? [];
      group.push(a);
      groups.set(key, group);
    }
    // Map order is first-seen order, so a full tie goes to the group answered first.
    let best: Answer[] | undefined;
    for (const group of groups.values()) {
      if (!best || group.length > best.length || (group.length === best.length && exposureRank(question, group[0]!) > exposureRank(question, best[0]!))) {
        best = group;
      }
    }
    const chosen = best!;
    // The organisation answer is the latest of the agreeing answers (its note, author and date).
    const latest = chosen.reduce((x, y) => (Date.parse(y.at) > Date.parse(x.at) ? y : x));
    const { journeyId: _journey, ...fields } = latest;
    const notes = [...new Set(chosen.map((a) => a.note.trim()).filter((n) => n !== ''))];
    organisationAnswers.push({ ...fields, note: notes.join('\n').slice(0, 20000) });
    for (const a of chosen) drop.add(a);
    merged += chosen.length;
    overrides += answers.length - chosen.length;
  }
  return {
    assessment: { ...assessment, answers: assessment.answers.filter((a) => !drop.has(a)), organisationAnswers },
    questions: byQuestion.size,
    merged,
    overrides,
  };
}

/**
 * The assessment as this bank reads it: answers on options the bank renamed moved onto
 * their current ids (src/core/bank-renames.ts), then the journey answers to its
 * organisation-wide questions adopted (adoptOrganisationScope). The same object when
 * nothing changes.
 */
export function meetBank(bank: Bank, assessment: Assessment): Assessment {
  return adoptOrganisationScope(bank, adoptRenamedOptions(bank, assessment).assessment).assessment;
}

/**
 * The workbook with meetBank applied to every assessment answered against this bank;
 * the same object when nothing changes (so a caller saves only when needed).
 */
export function adoptWorkbook(bank: Bank, workbook: Workbook): Workbook {
  let changed = false;
  const assessments = workbook.assessments.map((a) => {
    if (a.bank.id !== bank.id) return a;
    const adopted = meetBank(bank, a);
    if (adopted !== a) changed = true;
    return adopted;
  });
  return changed ? { ...workbook, assessments } : workbook;
}
