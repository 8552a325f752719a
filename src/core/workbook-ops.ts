/**
 * Changes to a workbook, as pure functions from one workbook to the next. The TUI and
 * the commands apply them through the store's `update`.
 */
import type { Bank } from './bank-schema.js';
import { uniqueSlug } from './ids.js';
import { putAnswer } from './journey-questions.js';
import { DEFAULT_PLAN_CAPACITY, type Answer, type Assessment, type Journey, type Participant, type Workbook } from './workbook-schema.js';

export interface NewAssessment {
  name: string;
  organisation?: string;
  facilitator?: string;
  participants?: Participant[];
}

/** The workbook with a new, empty assessment against `bank`, and the new assessment's id. */
export function addAssessment(workbook: Workbook, input: NewAssessment, bank: Bank, now: Date): { workbook: Workbook; id: string } {
  const id = uniqueSlug(input.name, workbook.assessments.map((a) => a.id), 'assessment');
  const assessment: Assessment = {
    id,
    name: input.name.trim(),
    organisation: input.organisation?.trim() ?? '',
    facilitator: input.facilitator?.trim() ?? '',
    participants: input.participants ?? [],
    createdAt: now.toISOString(),
    bank: { id: bank.id, version: bank.version, questionIds: bank.questions.map((q) => q.id) },
    journeys: [],
    systems: [],
    integrations: [],
    answers: [],
    organisationAnswers: [],
    planCapacity: { ...DEFAULT_PLAN_CAPACITY },
    planStatus: [],
    snapshots: [],
  };
  return { workbook: { ...workbook, assessments: [...workbook.assessments, assessment] }, id };
}

/** The workbook with `change` applied to one assessment (unchanged if the id is unknown). */
export function updateAssessment(workbook: Workbook, assessmentId: string, change: (a: Assessment) => Assessment): Workbook {
  return {
    ...workbook,
    assessments: workbook.assessments.map((a) => (a.id === assessmentId ? change(a) : a)),
  };
}

export type NewJourney = Partial<Omit<Journey, 'id' | 'name'>> & { name: string };

/** The assessment with a new journey, and the journey's id. */
export function addJourney(assessment: Assessment, input: NewJourney): { assessment: Assessment; id: string } {
  const id = uniqueSlug(input.name, assessment.journeys.map((j) => j.id), 'journey');
  const journey: Journey = {
    id,
    name: input.name.trim(),
    description: input.description ?? '',
    channels: input.channels ?? [],
    dataCategories: input.dataCategories ?? [],
    sensitivity: input.sensitivity ?? 'moderate',
    systemIds: input.systemIds ?? [],
  };
  return { assessment: { ...assessment, journeys: [...assessment.journeys, journey] }, id };
}

/** Records an answer, replacing any earlier answer to the same journey and question. */
export function recordAnswer(workbook: Workbook, assessmentId: string, answer: Answer): Workbook {
  return updateAssessment(workbook, assessmentId, (a) => putAnswer(a, answer));
}
