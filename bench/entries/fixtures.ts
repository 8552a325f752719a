/**
 * Workbooks and banks of a chosen size for the benchmarks, built with the same pure
 * operations the TUI uses (src/core), so they stay valid as the schema evolves.
 * Answers are assembled directly (recordAnswer is O(answers) per call, which would make
 * generating a 200-journey workbook quadratic; the walk itself records one at a time).
 */
import type { Bank, Question } from '../../src/core/bank-schema.js';
import { CHANNELS, DATA_CATEGORIES, SYSTEM_KINDS } from '../../src/core/vocabulary.js';
import { addAssessment, addJourney } from '../../src/core/workbook-ops.js';
import { questionsFor } from '../../src/core/journey-questions.js';
import { emptyWorkbook, type Answer, type Assessment, type Workbook } from '../../src/core/workbook-schema.js';

/** A deterministic pseudo-random sequence, so every run measures the same data. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `bank` with its questions cloned `factor` times under new ids (question-2, ...). */
export function scaleBank(bank: Bank, factor: number): Bank {
  if (factor <= 1) return bank;
  const questions: Question[] = [...bank.questions];
  for (let copy = 2; copy <= factor; copy++) {
    for (const q of bank.questions) questions.push({ ...q, id: `${q.id}-${copy}`, prompt: `${q.prompt} (${copy})` });
  }
  return { ...bank, id: bank.id, questions };
}

const NOTE =
  'Agents paste the full ticket thread into the CRM note; the team lead says exports go to a shared drive ' +
  'that nobody reviews. Follow up with the help-desk admin about attachment retention and OAuth scopes.';

export interface WorkbookSize {
  journeys: number;
  /** Fraction of each journey's questions answered (1 = full). */
  answered?: number;
  /** Put a note on every answer. */
  notes?: boolean;
}

/**
 * One assessment with `journeys` journeys, each passing through one system of every kind
 * and handling every channel and data category, so every question of the bank applies.
 */
export function buildWorkbook(bank: Bank, { journeys, answered = 1, notes = true }: WorkbookSize, seed = 42): Workbook {
  const random = rng(seed);
  const at = new Date('2025-01-15T10:00:00.000Z');
  const { workbook: withAssessment } = addAssessment(
    emptyWorkbook(),
    { name: 'Bench workshop', organisation: 'Example Org', facilitator: 'Bench', participants: ['A', 'B', 'C'].map((name) => ({ name, role: '' })) },
    bank,
    at,
  );
  let assessment: Assessment = withAssessment.assessments[0]!;
  assessment = {
    ...assessment,
    systems: SYSTEM_KINDS.map((kind) => ({ id: `sys-${kind}`, name: `System ${kind}`, kind, owner: 'Owner', vendor: 'Vendor' })),
  };
  for (let j = 0; j < journeys; j++) {
    assessment = addJourney(assessment, {
      name: `Journey ${j + 1}: phone support to ticket to survey`,
      description: 'Customer calls, an agent opens a ticket, a survey follows.',
      channels: [...CHANNELS],
      dataCategories: [...DATA_CATEGORIES],
      sensitivity: (['low', 'moderate', 'high'] as const)[j % 3],
      systemIds: assessment.systems.map((s) => s.id),
    }).assessment;
  }
  const answers: Answer[] = [];
  for (const journey of assessment.journeys) {
    const questions = questionsFor(bank, journey, assessment);
    const count = Math.round(questions.length * answered);
    for (const q of questions.slice(0, count)) {
      const r = random();
      // Notes differ from answer to answer, as real ones do; some hold markdown punctuation.
      const note = notes ? `${journey.name}, ${q.id}: ${NOTE}${answers.length % 4 === 0 ? ' (see ticket #4711, *urgent*)' : ''}` : '';
      const base = { journeyId: journey.id, questionId: q.id, note, by: 'Bench', at: at.toISOString() };
      if (r < 0.1) answers.push({ ...base, kind: 'unknown' });
      else if (r < 0.15) answers.push({ ...base, kind: 'na' });
      else {
        const option = q.options[Math.floor(random() * q.options.length)]!;
        answers.push({
          ...base,
          kind: 'option',
          optionId: option.id,
          confidence: (['verified', 'reported', 'disputed'] as const)[Math.floor(random() * 3)],
          ...(random() < 0.5 ? { policy: 'documented' as const } : {}),
        });
      }
    }
  }
  assessment = { ...assessment, answers };
  return { ...withAssessment, assessments: [assessment] };
}
