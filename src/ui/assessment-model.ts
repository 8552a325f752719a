/**
 * The figures screens need about an assessment while it is walked, computed once per
 * change and not once per key press: each journey's questions (grouped by dimension),
 * the organisation-wide section's questions, the answers indexed by journey and
 * question, and progress. Nothing here scores: scores are computed on the results
 * screen only.
 */
import type { Bank, Question } from '../core/bank-schema.js';
import { answerKey, indexAnswers, journeyProgress, questionsFor, type JourneyProgress } from '../core/journey-questions.js';
import { indexOrganisationAnswers, isOrganisationWide, organisationQuestions } from '../core/organisation.js';
import type { Answer, Assessment, Journey, OrganisationAnswer } from '../core/workbook-schema.js';

/** Questions grouped by dimension in bank order, the given order within a dimension. */
function byDimension(bank: Bank, questions: readonly Question[]): Question[] {
  const rank = new Map(bank.dimensions.map((d, i) => [d.id, i]));
  return questions
    .map((q, i) => ({ q, i, d: rank.get(q.dimension) ?? bank.dimensions.length }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map(({ q }) => q);
}

/** Q(j) in walking order: grouped by dimension in bank order, bank order within a dimension. */
export function walkOrder(bank: Bank, journey: Journey, assessment: Pick<Assessment, 'systems'>): Question[] {
  return byDimension(bank, questionsFor(bank, journey, assessment));
}

/** The organisation-wide section's questions in walking order. */
export function organisationWalkOrder(bank: Bank, assessment: { journeys: readonly Journey[]; systems: Assessment['systems'] }): Question[] {
  return byDimension(bank, organisationQuestions(bank, assessment));
}

/** The organisation-wide section: asked once for the whole assessment. */
export interface OrganisationModel {
  questions: Question[];
  answers: ReadonlyMap<string, OrganisationAnswer>;
  progress: JourneyProgress;
}

export interface AssessmentModel {
  /** Every question of each journey in walking order, organisation-wide ones included. */
  questions: ReadonlyMap<string, Question[]>;
  answers: Map<string, Answer>;
  /** Per journey: its own questions and its overrides, answered (the other organisation-wide ones are the organisation's). */
  progress: ReadonlyMap<string, JourneyProgress>;
  organisation: OrganisationModel;
  /** The journeys' own questions and the organisation-wide section together. */
  total: JourneyProgress;
}

/**
 * A journey's progress on what its walk asks: its own questions and the organisation-wide
 * ones it overrides (the others count in the organisation's progress).
 */
export function ownProgress(questions: readonly Question[], journeyId: string, answers: Map<string, Answer>): JourneyProgress {
  return journeyProgress(
    questions.filter((q) => !isOrganisationWide(q) || answers.has(answerKey(journeyId, q.id))),
    journeyId,
    answers,
  );
}

/** The organisation-wide section's model. */
export function organisationModel(questions: Question[], answers: readonly OrganisationAnswer[]): OrganisationModel {
  const index = indexOrganisationAnswers(answers);
  let answered = 0;
  for (const q of questions) if (index.has(q.id)) answered++;
  return { questions, answers: index, progress: { answered, total: questions.length } };
}

/**
 * The caches behind the model, owned by one app (the app creates one in its
 * DerivedData; a test makes its own). They outlive a screen, so going back and forth
 * between the journeys and the walk of a 50-journey assessment does not recompute what
 * did not change. Keyed on the objects themselves: a change makes a new object, and the
 * old entry is collected.
 */
export class AssessmentModels {
  private readonly organisationCache = new WeakMap<readonly Journey[], { bank: Bank; systems: Assessment['systems']; questions: Question[] }>();
  private readonly questionCache = new WeakMap<Journey, { bank: Bank; systems: Assessment['systems']; questions: Question[] }>();
  private readonly answerCache = new WeakMap<readonly Answer[], Map<string, Answer>>();
  private readonly questionMaps = new WeakMap<readonly Journey[], { bank: Bank; systems: Assessment['systems']; map: ReadonlyMap<string, Question[]> }>();
  /** An index derived from the one before it: which index, and the journeys whose answers changed. */
  private readonly derivedFrom = new WeakMap<Map<string, Answer>, { previous: Map<string, Answer>; journeys: ReadonlySet<string> }>();
  /** The last list indexed, to derive the next index from. */
  private lastIndexed: { list: readonly Answer[]; index: Map<string, Answer> } | undefined;
  private lastProgress: { questions: ReadonlyMap<string, Question[]>; answers: Map<string, Answer>; progress: Map<string, JourneyProgress> } | undefined;

  /** The organisation-wide section's questions, remembered per list of journeys while the bank and the systems stay the same. */
  organisationQuestions(bank: Bank, journeys: readonly Journey[] | undefined, systems: Assessment['systems']): Question[] {
    if (!journeys) return [];
    const hit = this.organisationCache.get(journeys);
    if (hit && hit.bank === bank && hit.systems === systems) return hit.questions;
    const questions = organisationWalkOrder(bank, { journeys, systems });
    this.organisationCache.set(journeys, { bank, systems, questions });
    return questions;
  }

  /** `walkOrder`, remembered per journey while the bank and the systems stay the same. */
  journeyQuestions(bank: Bank, journey: Journey, systems: Assessment['systems']): Question[] {
    const hit = this.questionCache.get(journey);
    if (hit && hit.bank === bank && hit.systems === systems) return hit.questions;
    const questions = walkOrder(bank, journey, { systems });
    this.questionCache.set(journey, { bank, systems, questions });
    return questions;
  }

  /**
   * Each journey's questions, remembered per list of journeys while the bank and the
   * systems stay the same: the same map on every screen, so that progressOf can tell that
   * only the answers changed when the journeys' screen comes back after the walk.
   */
  questionMap(bank: Bank, journeys: readonly Journey[] | undefined, systems: Assessment['systems']): ReadonlyMap<string, Question[]> {
    if (!journeys) return NO_QUESTIONS;
    const hit = this.questionMaps.get(journeys);
    if (hit && hit.bank === bank && hit.systems === systems) return hit.map;
    const map = new Map<string, Question[]>();
    for (const j of journeys) map.set(j.id, this.journeyQuestions(bank, j, systems));
    this.questionMaps.set(journeys, { bank, systems, map });
    return map;
  }

  /**
   * `indexAnswers`, remembered per answer list. An answer given in the walk makes a new
   * list: the last one less at most one answer, plus the new answer at the end (what
   * putAnswer does). Its index is then the last index with that change, not 3300 keys
   * built again; anything else is indexed from scratch. Either way the map is the one
   * indexAnswers returns, entries in the same order.
   */
  answerIndex(answers: readonly Answer[]): Map<string, Answer> {
    let index = this.answerCache.get(answers);
    if (!index) {
      index = (this.lastIndexed && this.indexChange(this.lastIndexed.list, this.lastIndexed.index, answers)) ?? indexAnswers(answers);
      this.answerCache.set(answers, index);
    }
    this.lastIndexed = { list: answers, index };
    return index;
  }

  /** The index of `next` from the index of `previous`, when `next` is `previous` less at most one answer plus a few at the end. */
  private indexChange(previous: readonly Answer[], index: Map<string, Answer>, next: readonly Answer[]): Map<string, Answer> | undefined {
    // With two answers to one question in the list, which one the index keeps depends on order: start afresh.
    if (index.size !== previous.length || next.length < previous.length - 1 || next.length > previous.length + 4) return undefined;
    let i = 0;
    let j = 0;
    let removed: Answer | undefined;
    while (i < previous.length) {
      if (j < next.length && previous[i] === next[j]) {
        i++;
        j++;
      } else if (removed === undefined) {
        removed = previous[i++];
      } else {
        return undefined;
      }
    }
    const changed = new Map(index);
    const journeys = new Set<string>();
    if (removed) {
      changed.delete(answerKey(removed.journeyId, removed.questionId));
      journeys.add(removed.journeyId);
    }
    for (; j < next.length; j++) {
      const a = next[j]!;
      changed.set(answerKey(a.journeyId, a.questionId), a);
      journeys.add(a.journeyId);
    }
    this.derivedFrom.set(changed, { previous: index, journeys });
    return changed;
  }

  /** Progress per journey and in all, from each journey's questions and the answers. */
  progressOf(questions: ReadonlyMap<string, Question[]>, answers: Map<string, Answer>): Pick<AssessmentModel, 'progress'> & { journeysTotal: JourneyProgress } {
    // After one answer, only its journey's progress changes.
    const last = this.lastProgress;
    const derived = this.derivedFrom.get(answers);
    let progress: Map<string, JourneyProgress>;
    if (last && last.questions === questions && last.answers === answers) {
      // Another screen, the same figures (the journeys' list after the walk).
      progress = last.progress;
    } else if (last && last.questions === questions && derived && derived.previous === last.answers) {
      progress = new Map(last.progress);
      for (const id of derived.journeys) {
        const qs = questions.get(id);
        if (qs) progress.set(id, ownProgress(qs, id, answers));
      }
    } else {
      progress = new Map();
      for (const [id, qs] of questions) progress.set(id, ownProgress(qs, id, answers));
    }
    let answered = 0;
    let total = 0;
    for (const p of progress.values()) {
      answered += p.answered;
      total += p.total;
    }
    this.lastProgress = { questions, answers, progress };
    return { progress, journeysTotal: { answered, total } };
  }
}

const NO_QUESTIONS: ReadonlyMap<string, Question[]> = new Map();
