/** Small banks and assessments built in code, for hand-computed scoring and plan cases. */
import { BankSchema, type Bank } from '../../src/core/bank-schema.js';
import type { Answer, Assessment, Confidence, Journey, Policy } from '../../src/core/workbook-schema.js';

export const NOW = new Date('2026-11-20T10:00:00.000Z');
export const DAY = 86_400_000;

/** Parses a bank given in the schema's input shape (defaults filled in). */
export function bank(input: unknown): Bank {
  return BankSchema.parse(input);
}

export function journey(id: string, sensitivity: Journey['sensitivity'] = 'moderate', over: Partial<Journey> = {}): Journey {
  return { id, name: id.toUpperCase(), description: '', channels: [], dataCategories: [], sensitivity, systemIds: [], ...over };
}

export function assessment(journeys: Journey[], answers: Answer[], over: Partial<Assessment> = {}): Assessment {
  return {
    id: 'a',
    name: 'A',
    organisation: '',
    facilitator: '',
    participants: [],
    createdAt: NOW.toISOString(),
    bank: { id: 'test', version: '1.0.0', questionIds: [] },
    journeys,
    systems: [],
    integrations: [],
    answers,
    organisationAnswers: [],
    planCapacity: { now: 12, next: 24 },
    planStatus: [],
    snapshots: [],
    ...over,
  };
}

interface AnswerExtras {
  confidence?: Confidence;
  policy?: Policy;
  note?: string;
  at?: string;
}

/** An option answer. */
export function opt(journeyId: string, questionId: string, optionId: string, extras: AnswerExtras = {}): Answer {
  return {
    journeyId,
    questionId,
    kind: 'option',
    optionId,
    confidence: extras.confidence ?? 'verified',
    ...(extras.policy ? { policy: extras.policy } : {}),
    note: extras.note ?? '',
    by: '',
    at: extras.at ?? NOW.toISOString(),
  };
}

export function unknown(journeyId: string, questionId: string, extras: Omit<AnswerExtras, 'confidence'> = {}): Answer {
  return { journeyId, questionId, kind: 'unknown', ...(extras.policy ? { policy: extras.policy } : {}), note: extras.note ?? '', by: '', at: extras.at ?? NOW.toISOString() };
}

export function na(journeyId: string, questionId: string): Answer {
  return { journeyId, questionId, kind: 'na', note: '', by: '', at: NOW.toISOString() };
}

/**
 * The scoring bank: two dimensions.
 *   q1: d1, weight 2, options a L0, b L2 [fix-a], c L4 [fix-a, fix-b]; discovery disc (effort M in the bank)
 *   q2: d1, weight 1, options x L1 [fix-b], y L3 [fix-b]; lifetime 30 days
 *   q3: d2, weight 3, options m L0, n L4 [fix-c]
 */
export const SCORING_BANK = bank({
  id: 'test',
  title: 'Test',
  version: '1.0.0',
  description: 'Scoring cases.',
  language: 'en',
  dimensions: [
    { id: 'd1', title: 'One', description: 'First.' },
    { id: 'd2', title: 'Two', description: 'Second.' },
  ],
  questions: [
    {
      id: 'q1',
      dimension: 'd1',
      prompt: 'Question one?',
      weight: 2,
      discovery: 'disc',
      options: [
        { id: 'a', label: 'A', level: 0 },
        { id: 'b', label: 'B', level: 2, actions: ['fix-a'] },
        { id: 'c', label: 'C', level: 4, actions: ['fix-a', 'fix-b'] },
      ],
    },
    {
      id: 'q2',
      dimension: 'd1',
      prompt: 'Question two?',
      weight: 1,
      lifetimeDays: 30,
      options: [
        { id: 'x', label: 'X', level: 1, actions: ['fix-b'] },
        { id: 'y', label: 'Y', level: 3, actions: ['fix-b'] },
      ],
    },
    {
      id: 'q3',
      dimension: 'd2',
      prompt: 'Question three?',
      weight: 3,
      options: [
        { id: 'm', label: 'M', level: 0 },
        { id: 'n', label: 'N', level: 4, actions: ['fix-c'] },
      ],
    },
  ],
  actions: [
    { id: 'fix-a', title: 'Fix A', detail: 'Do A.', effort: 'M', owner: 'Owner A' },
    { id: 'fix-b', title: 'Fix B', detail: 'Do B.', effort: 'S', owner: 'Owner B' },
    { id: 'fix-c', title: 'Fix C', detail: 'Do C.', effort: 'L', owner: 'Owner C' },
    { id: 'disc', title: 'Discover one', detail: 'Look.', effort: 'M', owner: 'Owner D' },
  ],
});
