/**
 * The items of an assessment: one per journey and applicable question, with its
 * effective answer (the journey's own, or the organisation answer where the question is
 * organisation-wide and the journey does not override it) resolved against the bank
 * (option, effective confidence, staleness); one per organisation-wide question; and the
 * risk items, each effective answer carrying risk counted once (SCORING.md, model 2).
 * Scores, the plan and the report are all folds over these lists, built once in
 * O(journeys x questions). Pure: no I/O, and `now` is given, never read from the clock.
 */
import type { Bank, Option, Question } from './bank-schema.js';
import { answerKey, indexAnswers, questionsFor } from './journey-questions.js';
import { SENSITIVITY_FACTOR } from './vocabulary.js';
import { indexOrganisationAnswers, isOrganisationWide, organisationQuestions } from './organisation.js';
import type { Answer, Assessment, Confidence, Evidence, Journey, OrganisationAnswer, System } from './workbook-schema.js';
import { evidenceKey, evidenceStanding, indexEvidence, type EvidenceStanding } from './evidence.js';
import type { IgnoredAnswer } from './report-schema.js';

const DAY_MS = 86_400_000;

/** k(a) in the scoring model: how much an answer of this confidence counts toward visibility. */
export const CONFIDENCE_FACTOR: Record<Confidence, number> = { verified: 1, reported: 0.5, disputed: 0.25 };

/**
 * e for an unknown answer, in quarters (e = 1): what nobody can see is presumed fully
 * exposed until someone shows otherwise.
 */
export const UNKNOWN_LEVEL = 4;

/** Where a journey's effective answer to a question comes from. */
export type AnswerSource = 'journey' | 'organisation' | 'override';

/** An answer as recorded: a journey's, or the organisation's (which has no journey). */
export type RecordedAnswer = Answer | OrganisationAnswer;

/** One journey and one question that applies to it, with the journey's effective answer. */
export interface AssessmentItem {
  journey: Journey;
  /** Position of the journey in the assessment. */
  journeyIndex: number;
  /** s(j). */
  sensitivity: 1 | 2 | 3;
  question: Question;
  /** Position of the question in the bank. */
  questionIndex: number;
  /** The effective answer, if any (an option answer whose option is gone counts as none). */
  answer: RecordedAnswer | undefined;
  /**
   * journey: the journey's answer to a journey-scope question; organisation: the
   * organisation answer, holding for this journey; override: the journey's own answer to
   * an organisation-wide question. An unanswered item is "journey" or "organisation"
   * by its question's scope.
   */
  source: AnswerSource;
  kind: 'unanswered' | Answer['kind'];
  option: Option | undefined;
  /** The confidence an option answer counts with: recorded (default reported), capped at reported when stale. */
  confidence: Confidence | undefined;
  /** Older than the question's lifetime, or its evidence has all expired. */
  stale: boolean;
  /** current: verified by accepted, unexpired evidence; lapsed: all of it has expired; none. */
  evidence: EvidenceStanding;
  /**
   * The risk of this journey's own item, in quarters: w x s x L for an option, w x s x 4
   * for unknown, 0 otherwise, and 0 where the answer is the organisation's (its risk is
   * the organisation item's). An integer, so sums and comparisons are exact.
   */
  riskQuarters: number;
}

/** A journey and its items, questions in bank order. */
export interface JourneyItems {
  journey: Journey;
  sensitivity: 1 | 2 | 3;
  items: AssessmentItem[];
}

/** One organisation-wide question of the assessment and its organisation answer. */
export interface OrganisationItem {
  question: Question;
  questionIndex: number;
  answer: OrganisationAnswer | undefined;
  kind: 'unanswered' | Answer['kind'];
  option: Option | undefined;
  confidence: Confidence | undefined;
  stale: boolean;
  evidence: EvidenceStanding;
  /** The journeys the organisation answer holds for: the question applies and they do not override it. */
  journeys: Journey[];
  /** The journeys the question applies to that override the organisation answer. */
  overriddenBy: Journey[];
  /** s*: the highest sensitivity among `journeys` (0 when it holds for none). */
  sensitivity: 0 | 1 | 2 | 3;
  /** w x s* x L (unknown: w x s* x 4) in quarters; 0 when it holds for no journey. */
  riskQuarters: number;
}

/** One effective answer that carries risk, counted once: a journey's own, or the organisation's. */
export interface RiskItem {
  scope: 'journey' | 'organisation';
  /** The journey, for a journey answer or an override; null for the organisation answer. */
  journey: Journey | null;
  /** Position of the journey, -1 for the organisation. */
  journeyIndex: number;
  /** True for a journey's override of an organisation answer. */
  override: boolean;
  /** s(j), or s* for the organisation answer. */
  sensitivity: 1 | 2 | 3;
  question: Question;
  questionIndex: number;
  answer: RecordedAnswer;
  kind: 'option' | 'unknown';
  option: Option | undefined;
  confidence: Confidence | undefined;
  stale: boolean;
  /** r in quarters, more than 0. */
  riskQuarters: number;
}

export interface AssessmentItems {
  /** Every journey, in assessment order. */
  journeys: JourneyItems[];
  /** The organisation-wide questions (see organisationQuestions), in bank order. */
  organisation: OrganisationItem[];
  /** The items carrying risk: organisation answers first, then journeys in order; questions in bank order. */
  risks: RiskItem[];
  /** Answers that count nowhere, and why. */
  ignored: IgnoredAnswer[];
}

/**
 * True when the answer is older than the question's lifetime: more than `lifetimeDays`
 * whole days before `now` (an answer exactly `lifetimeDays` old is still fresh).
 */
export function isStale(answer: Pick<Answer, 'at'>, question: Pick<Question, 'lifetimeDays'>, now: Date): boolean {
  if (question.lifetimeDays === undefined) return false;
  return now.getTime() - Date.parse(answer.at) > question.lifetimeDays * DAY_MS;
}

/** Whole days from `at` to `now` (0 for a date in the future). */
export function ageInDays(at: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(at)) / DAY_MS));
}

/** The confidence an option answer counts with. */
export function effectiveConfidence(recorded: Confidence | undefined, stale: boolean): Confidence {
  const confidence = recorded ?? 'reported';
  return stale && confidence === 'verified' ? 'reported' : confidence;
}

/** e x 4 of an asked answer: its option's level, or 4 for unknown; null for anything else. */
function levelOf(kind: AssessmentItem['kind'], option: Option | undefined): number | null {
  return kind === 'option' ? option!.level : kind === 'unknown' ? UNKNOWN_LEVEL : null;
}

/** The evidence of the assessment by answer, and the day it is judged on. */
interface EvidenceContext {
  index: Map<string, Evidence[]>;
  today: string;
}

/**
 * The answer as it counts: kind, option, confidence, staleness (an option that is gone
 * counts as no answer). Accepted, unexpired evidence for its option makes it verified and
 * fresh; evidence that has all expired makes it stale (reported at most).
 */
function resolve<A extends RecordedAnswer>(recorded: A | undefined, question: Question, now: Date, evidence: EvidenceContext, journeyId: string | null) {
  const option = recorded?.kind === 'option' ? question.options.find((o) => o.id === recorded.optionId) : undefined;
  const answer = recorded && (recorded.kind !== 'option' || option) ? recorded : undefined;
  const kind: AssessmentItem['kind'] = answer?.kind ?? 'unanswered';
  const standing: EvidenceStanding =
    kind === 'option' && evidence.index.size > 0 ? evidenceStanding(evidence.index.get(evidenceKey(journeyId, question.id)), answer, question, evidence.today) : 'none';
  const stale = standing === 'current' ? false : standing === 'lapsed' ? true : answer ? isStale(answer, question, now) : false;
  const confidence = kind === 'option' ? (standing === 'current' ? 'verified' : effectiveConfidence(answer!.confidence, stale)) : undefined;
  return { answer, kind, option, stale, confidence, evidence: standing };
}

/** Builds the items of every journey and of the organisation. */
export function assessmentItems(bank: Bank, assessment: Assessment, now: Date): AssessmentItems {
  const answers = indexAnswers(assessment.answers);
  const used = new Set<RecordedAnswer>();
  const questionIndex = new Map(bank.questions.map((q, i) => [q, i]));
  const systemsById = new Map(assessment.systems.map((s) => [s.id, s]));
  const orgAnswers = indexOrganisationAnswers(assessment.organisationAnswers);
  const evidence: EvidenceContext = { index: indexEvidence(assessment.evidence), today: now.toISOString().slice(0, 10) };
  const organisation = organisationQuestions(bank, assessment).map((question): OrganisationItem => {
    const resolved = resolve(orgAnswers.get(question.id), question, now, evidence, null);
    if (resolved.answer) used.add(resolved.answer);
    return {
      question,
      questionIndex: questionIndex.get(question)!,
      answer: resolved.answer,
      kind: resolved.kind,
      option: resolved.option,
      confidence: resolved.confidence,
      stale: resolved.stale,
      evidence: resolved.evidence,
      journeys: [],
      overriddenBy: [],
      sensitivity: 0,
      riskQuarters: 0,
    };
  });
  const organisationByQuestion = new Map(organisation.map((o) => [o.question, o]));
  const risks: RiskItem[] = [];

  const journeys = assessment.journeys.map((journey, journeyIndex): JourneyItems => {
    // Only this journey's systems, so that applying conditions costs O(its systems).
    const systems = journey.systemIds.map((id) => systemsById.get(id)).filter((s): s is System => s !== undefined);
    const sensitivity = SENSITIVITY_FACTOR[journey.sensitivity];
    const items = questionsFor(bank, journey, { systems }).map((question): AssessmentItem => {
      const org = organisationByQuestion.get(question);
      const own = resolve(answers.get(answerKey(journey.id, question.id)), question, now, evidence, journey.id);
      const index = questionIndex.get(question)!;
      // Objects written out, not spread: V8 builds spread objects many times slower.
      if (org && !own.answer) {
        // The organisation answer holds here (or nothing, when it is unanswered).
        if (org.answer) org.journeys.push(journey);
        return {
          journey,
          journeyIndex,
          sensitivity,
          question,
          questionIndex: index,
          answer: org.answer,
          source: 'organisation',
          kind: org.kind,
          option: org.option,
          confidence: org.confidence,
          stale: org.stale,
          evidence: org.evidence,
          riskQuarters: 0,
        };
      }
      if (own.answer) used.add(own.answer);
      if (org) org.overriddenBy.push(journey);
      const level = levelOf(own.kind, own.option);
      const riskQuarters = level === null ? 0 : question.weight * sensitivity * level;
      if (riskQuarters > 0) {
        risks.push({
          scope: 'journey',
          journey,
          journeyIndex,
          override: org !== undefined,
          sensitivity,
          question,
          questionIndex: index,
          answer: own.answer!,
          kind: own.kind as RiskItem['kind'],
          option: own.option,
          confidence: own.confidence,
          stale: own.stale,
          riskQuarters,
        });
      }
      return {
        journey,
        journeyIndex,
        sensitivity,
        question,
        questionIndex: index,
        answer: own.answer,
        source: org ? 'override' : 'journey',
        kind: own.kind,
        option: own.option,
        confidence: own.confidence,
        stale: own.stale,
        evidence: own.evidence,
        riskQuarters,
      };
    });
    return { journey, sensitivity, items };
  });

  const organisationRisks: RiskItem[] = [];
  for (const org of organisation) {
    let top = 0;
    for (const j of org.journeys) top = Math.max(top, SENSITIVITY_FACTOR[j.sensitivity]);
    org.sensitivity = top as OrganisationItem['sensitivity'];
    const level = levelOf(org.kind, org.option);
    org.riskQuarters = level === null || top === 0 ? 0 : org.question.weight * top * level;
    if (org.riskQuarters > 0) {
      organisationRisks.push({
        scope: 'organisation',
        journey: null,
        journeyIndex: -1,
        override: false,
        sensitivity: top as RiskItem['sensitivity'],
        question: org.question,
        questionIndex: org.questionIndex,
        answer: org.answer!,
        kind: org.kind as RiskItem['kind'],
        option: org.option,
        confidence: org.confidence,
        stale: org.stale,
        riskQuarters: org.riskQuarters,
      });
    }
  }

  const ignored: IgnoredAnswer[] = [];
  if (used.size < assessment.answers.length + assessment.organisationAnswers.length) {
    const journeyIds = new Set(assessment.journeys.map((j) => j.id));
    const questions = new Map(bank.questions.map((q) => [q.id, q]));
    for (const a of answers.values()) {
      if (used.has(a)) continue;
      const question = questions.get(a.questionId);
      const reason: IgnoredAnswer['reason'] = !journeyIds.has(a.journeyId)
        ? 'unknown-journey'
        : !question
          ? 'unknown-question'
          : a.kind === 'option' && !question.options.some((o) => o.id === a.optionId)
            ? 'unknown-option'
            : 'question-does-not-apply';
      ignored.push({ journeyId: a.journeyId, questionId: a.questionId, kind: a.kind, optionId: a.kind === 'option' ? (a.optionId ?? null) : null, reason });
    }
    for (const a of orgAnswers.values()) {
      if (used.has(a)) continue;
      const question = questions.get(a.questionId);
      const reason: IgnoredAnswer['reason'] = !question
        ? 'unknown-question'
        : !isOrganisationWide(question)
          ? 'not-organisation-wide'
          : a.kind === 'option' && !question.options.some((o) => o.id === a.optionId)
            ? 'unknown-option'
            : 'question-does-not-apply';
      ignored.push({ journeyId: null, questionId: a.questionId, kind: a.kind, optionId: a.kind === 'option' ? (a.optionId ?? null) : null, reason });
    }
  }
  return { journeys, organisation, risks: [...organisationRisks, ...risks], ignored };
}
