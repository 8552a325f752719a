/**
 * What the walk's views show of the part of an assessment being walked: one journey, or
 * the organisation-wide section. In a journey's walk an organisation-wide question shows
 * the organisation's answer (and who gave it) unless the journey overrides it; in the
 * organisation-wide section every answer is the organisation's. Pure: no React.
 */
import type { Question } from '../core/bank-schema.js';
import { answerKey, type JourneyProgress } from '../core/journey-questions.js';
import { isOrganisationWide, ORGANISATION_LABEL } from '../core/organisation.js';
import { parkedAt } from '../core/parking-lot.js';
import type { Answer, Assessment, Journey, OrganisationAnswer, ParkedItem } from '../core/workbook-schema.js';
import type { AssessmentModel } from './assessment-model.js';

/**
 * own: the section's own answer (a journey's answer to its own question, or the
 * organisation's in the organisation-wide section); organisation: in a journey's walk,
 * the organisation's answer, which holds for the journey; override: the journey's own
 * answer to an organisation-wide question.
 */
export type AnswerSource = 'own' | 'organisation' | 'override';

export interface ShownAnswer {
  answer: Answer | OrganisationAnswer | undefined;
  source: AnswerSource;
  /** On an organisation-wide question in a journey's walk: the organisation's answer, if any. */
  organisation?: OrganisationAnswer | undefined;
}

export interface WalkSection {
  kind: 'journey' | 'organisation';
  /** The journey's name, or "Organisation-wide". */
  title: string;
  /** The journey walked; '' for the organisation-wide section. */
  journeyId: string;
  progress: JourneyProgress;
  /** The assessment has an organisation-wide section (the bank has such questions). */
  withOrganisation: boolean;
  /** In a journey's walk: the organisation-wide questions it does not show unless asked (`w`). */
  hidden: number;
  shown: (question: Question) => ShownAnswer;
  /** The note parked on a question of this section, while it has no answer of its own. */
  parked: (question: Question) => ParkedItem | undefined;
}

/** The section of a journey's walk. */
export function journeySection(journey: Journey, model: AssessmentModel, own: number, all: number, assessment: Pick<Assessment, 'parkingLot'>): WalkSection {
  return {
    parked: (q) => parkedAt(assessment, { journeyId: journey.id, questionId: q.id }),
    kind: 'journey',
    title: journey.name,
    journeyId: journey.id,
    progress: model.progress.get(journey.id) ?? { answered: 0, total: own },
    withOrganisation: model.organisation.questions.length > 0,
    hidden: all - own,
    shown: (q) => {
      const own = model.answers.get(answerKey(journey.id, q.id));
      if (!isOrganisationWide(q)) return { answer: own, source: 'own' };
      const organisation = model.organisation.answers.get(q.id);
      return own ? { answer: own, source: 'override', organisation } : { answer: organisation, source: 'organisation', organisation };
    },
  };
}

/** The organisation-wide section. */
export function organisationSection(model: AssessmentModel, assessment: Pick<Assessment, 'parkingLot'>): WalkSection {
  return {
    parked: (q) => parkedAt(assessment, { journeyId: null, questionId: q.id }),
    kind: 'organisation',
    title: ORGANISATION_LABEL,
    journeyId: '',
    progress: model.organisation.progress,
    withOrganisation: true,
    hidden: 0,
    shown: (q) => ({ answer: model.organisation.answers.get(q.id), source: 'own' }),
  };
}

/** "by Dana on 2026-11-20": who gave an answer and when ('' when neither is known). */
export function givenBy(answer: Pick<Answer, 'by' | 'at'>): string {
  const by = answer.by.trim();
  const day = answer.at.slice(0, 10);
  return [by ? `by ${by}` : '', day ? `on ${day}` : ''].filter(Boolean).join(' ');
}
