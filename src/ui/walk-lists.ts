/**
 * The questions of one walk, worked out the same way by the walk screen and by
 * `cxray present`: the section's questions (a journey's, or the organisation-wide
 * section's), those the session asks (sessionWalk), the walk's own (a journey's walk
 * leaves out the organisation-wide questions the organisation answers), and the section
 * as the views show it, with the session's title and progress. Pure: no React.
 */
import type { Question } from '../core/bank-schema.js';
import { answerKey } from '../core/journey-questions.js';
import { isOrganisationWide } from '../core/organisation.js';
import { scopeWords, sessionQuestions } from '../core/session.js';
import { carriedByJourney } from './cycle-figures.js';
import type { Answer, Assessment, Session } from '../core/workbook-schema.js';
import type { AssessmentModel } from './assessment-model.js';
import { journeySection, organisationSection, type WalkSection } from './walk-section.js';
import { questionsLeft, sessionWalk } from './walk-state.js';

export interface WalkLists {
  /** Every question of the section. */
  everything: readonly Question[];
  /** Those the walk asks (the session's, or all of them). */
  all: readonly Question[];
  /** Of those, the walk's own: in a journey's walk its own questions and its overrides. */
  own: readonly Question[];
  /** The session whose questions these are; undefined when the walk asks every question. */
  scope: Pick<Session, 'scope' | 'dimensions'> | undefined;
}

export function walkLists(model: AssessmentModel, journeyId: string | null, session: Pick<Session, 'scope' | 'dimensions'> | undefined, questionId?: string): WalkLists {
  const everything = journeyId === null ? model.organisation.questions : (model.questions.get(journeyId) ?? []);
  const walked = sessionWalk(everything, session, questionId);
  const all = walked.questions;
  const own = journeyId === null ? all : all.filter((q) => !isOrganisationWide(q) || model.answers.has(answerKey(journeyId, q.id)));
  return { everything, all, own, scope: walked.scoped ? session : undefined };
}

/** The answer a question of the walk has of its own (a journey's, or the organisation's in its section). */
export function ownAnswerOf(model: AssessmentModel, journeyId: string | null): (questionId: string) => Answer | undefined {
  return (id) => {
    if (journeyId !== null) return model.answers.get(answerKey(journeyId, id));
    const org = model.organisation.answers.get(id);
    return org && { ...org, journeyId: '' };
  };
}

/** The questions of the walk still to answer (what the pace is for). */
export function walkLeft(model: AssessmentModel, journeyId: string | null, lists: WalkLists): number {
  return questionsLeft({ section: journeyId === null ? 'organisation' : 'journey', questions: lists.own, answerOf: ownAnswerOf(model, journeyId) });
}

/** The section as the walk's views show it; in a session of some questions its title and progress are the session's. Undefined: the journey is gone. */
export function walkSectionOf(model: AssessmentModel, assessment: Assessment, journeyId: string | null, lists: WalkLists, left: number): WalkSection | undefined {
  const journey = journeyId === null ? undefined : assessment.journeys.find((j) => j.id === journeyId);
  if (journeyId !== null && !journey) return undefined;
  const whole = journey ? journeySection(journey, model, lists.own.length, lists.all.length, assessment) : organisationSection(model, assessment);
  const scope = lists.scope;
  if (!scope || scope.scope === 'all') return whole;
  return { ...whole, title: `${whole.title} (${scopeWords(scope)})`, progress: { answered: lists.own.length - left, total: lists.own.length } };
}

/** The next journey with questions left (of the session's, in a session of some questions) or answers carried over: where Enter goes at the end. */
export function nextJourneyOf(model: AssessmentModel, assessment: Assessment, journeyId: string | null, scope: Pick<Session, 'scope' | 'dimensions'> | undefined): string | undefined {
  const carried = carriedByJourney(assessment.answers);
  if (scope && scope.scope !== 'all') {
    return assessment.journeys.find(
      (j) =>
        j.id !== journeyId &&
        sessionQuestions(scope, model.questions.get(j.id) ?? []).some((q) => {
          const a = model.answers.get(answerKey(j.id, q.id));
          return isOrganisationWide(q) ? a?.carriedOver === true : !a || a.carriedOver === true;
        }),
    )?.id;
  }
  return assessment.journeys.find((j) => {
    const p = model.progress.get(j.id);
    return j.id !== journeyId && ((p?.answered ?? 0) < (p?.total ?? 0) || (carried.get(j.id) ?? 0) > 0);
  })?.id;
}
