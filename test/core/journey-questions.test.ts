import { describe, expect, it } from 'vitest';
import { appliesTo, firstUnanswered, indexAnswers, journeyProgress, putAnswer, questionsFor } from '../../src/core/journey-questions.js';
import type { Answer, Assessment, Journey } from '../../src/core/workbook-schema.js';
import { addAssessment } from '../../src/core/workbook-ops.js';
import { emptyWorkbook } from '../../src/core/workbook-schema.js';
import { FIXED_NOW, fixtureBank } from '../helpers/fixtures.js';

const journey = (over: Partial<Journey> = {}): Journey => ({
  id: 'j',
  name: 'J',
  description: '',
  channels: ['voice'],
  dataCategories: ['payment-data'],
  sensitivity: 'high',
  systemIds: ['crm'],
  ...over,
});
const systems: Assessment['systems'] = [
  { id: 'crm', name: 'CRM', kind: 'crm', owner: '', vendor: '' },
  { id: 'bot', name: 'Summariser', kind: 'ai-assistant', owner: '', vendor: '' },
];
const answer = (questionId: string, kind: Answer['kind'] = 'unknown'): Answer => ({
  journeyId: 'j',
  questionId,
  kind,
  ...(kind === 'option' ? { optionId: 'a' } : {}),
  note: '',
  by: '',
  at: FIXED_NOW.toISOString(),
});

describe('appliesTo', () => {
  it.each([
    [undefined, true],
    [{ channels: ['voice' as const] }, true],
    [{ channels: ['chat' as const, 'voice' as const] }, true],
    [{ channels: ['chat' as const] }, false],
    [{ dataCategories: ['health-data' as const] }, false],
    [{ systemKinds: ['crm' as const] }, true],
    [{ systemKinds: ['ai-assistant' as const] }, false], // the assessment has one, but this journey does not pass through it
    [{ channels: ['voice' as const], systemKinds: ['ai-assistant' as const] }, false], // every key must match
  ])('%j -> %s', (conditions, expected) => {
    expect(appliesTo(conditions, journey(), { systems })).toBe(expected);
  });
});

describe('a journey walk', () => {
  const bank = fixtureBank();
  bank.questions[1]!.appliesTo = { channels: ['chat'] };

  it('keeps only the questions that apply, in bank order', () => {
    expect(questionsFor(bank, journey(), { systems }).map((q) => q.id)).toEqual([
      'ticket-notes-content',
      'attachment-expiry',
      'access-log-answer-time',
    ]);
  });

  it('counts progress and finds the first unanswered question', () => {
    const questions = questionsFor(bank, journey(), { systems });
    const answers = indexAnswers([answer('ticket-notes-content'), answer('bulk-export-detection'), answer('access-log-answer-time', 'na')]);
    expect(journeyProgress(questions, 'j', answers)).toEqual({ answered: 2, total: 3 });
    expect(firstUnanswered(questions, 'j', answers)).toBe(1);
    expect(firstUnanswered(questions, 'j', indexAnswers([]))).toBe(0);
  });

  it('replaces an earlier answer to the same question instead of adding a second', () => {
    const { workbook } = addAssessment(emptyWorkbook(), { name: 'A' }, bank, FIXED_NOW);
    let assessment = workbook.assessments[0]!;
    assessment = putAnswer(assessment, answer('ticket-notes-content'));
    assessment = putAnswer(assessment, answer('ticket-notes-content', 'option'));
    assessment = putAnswer(assessment, answer('attachment-expiry'));
    expect(assessment.answers.map((a) => [a.questionId, a.kind])).toEqual([
      ['ticket-notes-content', 'option'],
      ['attachment-expiry', 'unknown'],
    ]);
  });
});
