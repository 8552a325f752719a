/** Workbooks of any size for the storage tests. Pure: usable in child processes too. */
import { WORKBOOK_SCHEMA_VERSION, type Answer, type Assessment, type Workbook } from '../../../src/core/workbook-schema.js';

export function makeAnswer(i: number, note = ''): Answer {
  return {
    journeyId: 'j1',
    questionId: `q${i}`,
    kind: 'option',
    optionId: 'o1',
    confidence: 'reported',
    note,
    by: 'tester',
    at: '2026-11-20T10:00:00.000Z',
  };
}

export function makeAssessment(id: string, answers: Answer[] = []): Assessment {
  return {
    id,
    name: `Assessment ${id}`,
    organisation: '',
    facilitator: '',
    participants: [],
    createdAt: '2026-11-20T10:00:00.000Z',
    bank: { id: 'bank', version: '1', questionIds: [] },
    journeys: [{ id: 'j1', name: 'Journey', description: '', channels: [], dataCategories: [], sensitivity: 'moderate', systemIds: [] }],
    systems: [],
    integrations: [],
    answers,
    organisationAnswers: [],
    planCapacity: { now: 12, next: 24 },
    planStatus: [],
    snapshots: [],
  };
}

/** A workbook with `assessments` assessments of `answers` answers each, notes of `noteLength` characters. */
export function bigWorkbook(assessments: number, answers: number, noteLength = 0): Workbook {
  const note = 'x'.repeat(noteLength);
  return {
    schemaVersion: WORKBOOK_SCHEMA_VERSION,
    assessments: Array.from({ length: assessments }, (_, a) =>
      makeAssessment(`a${a}`, Array.from({ length: answers }, (_, i) => makeAnswer(i, note))),
    ),
  };
}

/** Adds (or replaces) answer `i` in the first assessment, creating it if needed. */
export function withAnswer(workbook: Workbook, i: number, note = ''): Workbook {
  const [first, ...rest] = workbook.assessments;
  const assessment = first ?? makeAssessment('a0');
  const answers = assessment.answers.filter((a) => a.questionId !== `q${i}`);
  return { ...workbook, assessments: [{ ...assessment, answers: [...answers, makeAnswer(i, note)] }, ...rest] };
}
