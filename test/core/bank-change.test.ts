import { describe, expect, it } from 'vitest';
import type { Bank } from '../../src/core/bank-schema.js';
import { answersFromOlderBank, bankChange, describeBankChange, type RecordedBank } from '../../src/core/bank-change.js';

function bank(version: string, questionIds: string[], id = 'cx'): Bank {
  return {
    id,
    title: 'A bank',
    version,
    description: 'For tests.',
    language: 'en',
    dimensions: [{ id: 'd', title: 'D', description: 'D.' }],
    questions: questionIds.map((q) => ({
      id: q,
      dimension: 'd',
      prompt: `${q}?`,
      weight: 1,
      options: [
        { id: 'good', label: 'Good', level: 0, actions: [] },
        { id: 'bad', label: 'Bad', level: 4, actions: [] },
      ],
      references: [],
    })),
    actions: [],
  };
}

const recorded: RecordedBank = { id: 'cx', version: '1.0.0', questionIds: ['a', 'b', 'd'] };

describe('bankChange', () => {
  it('finds nothing when the bank is the one recorded', () => {
    expect(bankChange(recorded, bank('1.0.0', ['a', 'b', 'd']))).toEqual({ sameBank: true, sameVersion: true, added: [], removed: [] });
  });

  it('lists added questions in bank order and removed ones in recorded order', () => {
    expect(bankChange(recorded, bank('1.1.0', ['c', 'a', 'e', 'b']))).toEqual({ sameBank: true, sameVersion: false, added: ['c', 'e'], removed: ['d'] });
  });

  it('notices another bank', () => {
    expect(bankChange(recorded, bank('1.0.0', ['a', 'b', 'd'], 'other'))).toMatchObject({ sameBank: false, sameVersion: false });
  });

  it('treats an empty recorded list as "not recorded": nothing added or removed', () => {
    expect(bankChange({ ...recorded, questionIds: [] }, bank('1.1.0', ['a']))).toEqual({ sameBank: true, sameVersion: false, added: [], removed: [] });
  });
});

describe('describeBankChange', () => {
  it.each([
    [['a', 'b', 'd'], '1.0.0', undefined],
    [['a', 'c', 'e', 'f', 'b'], '1.1.0', 'The bank changed from 1.0.0 to 1.1.0: 3 questions added (c, e, f), 1 removed (d); answers to removed questions are kept but no longer scored.'],
    [['a', 'b', 'd', 'x'], '1.1.0', 'The bank changed from 1.0.0 to 1.1.0: 1 question added (x); the new question starts unanswered.'],
    [['a'], '2.0.0', 'The bank changed from 1.0.0 to 2.0.0: 2 questions removed (b, d); answers to removed questions are kept but no longer scored.'],
    [['a', 'b', 'd'], '1.0.1', 'The bank changed from 1.0.0 to 1.0.1; its questions are the same.'],
    [['a', 'b'], '1.0.0', 'The bank 1.0.0 changed without a new version: 1 question removed (d); answers to removed questions are kept but no longer scored.'],
  ])('%j at %s', (ids, version, text) => {
    expect(describeBankChange(recorded, bank(version, ids))).toBe(text);
  });

  it('names both banks when the bank itself is another one', () => {
    expect(describeBankChange(recorded, bank('3.0.0', ['a', 'b', 'd'], 'other'))).toBe(
      'This assessment was answered with the bank cx 1.0.0, but other 3.0.0 is loaded; its questions are the same.',
    );
  });

  it('lists at most five ids', () => {
    const ids = ['a', 'b', 'd', 'q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7'];
    expect(describeBankChange(recorded, bank('1.1.0', ids))).toBe(
      'The bank changed from 1.0.0 to 1.1.0: 7 questions added (q1, q2, q3, q4, q5 and 2 more); the new questions start unanswered.',
    );
  });
});

describe('describeBankChange with the answers kept from the older bank', () => {
  it('says how many answers are kept but no longer scored', () => {
    expect(describeBankChange(recorded, bank('2.0.0', ['a', 'b']), 3)).toBe(
      'The bank changed from 1.0.0 to 2.0.0: 1 question removed (d); 3 answers given on 1.0.0 are kept but no longer scored (their question or option is gone).',
    );
    expect(describeBankChange(recorded, bank('2.0.0', ['a', 'b', 'd', 'x']), 1)).toBe(
      'The bank changed from 1.0.0 to 2.0.0: 1 question added (x); 1 answer given on 1.0.0 is kept but no longer scored (its question or option is gone).',
    );
  });

  it('says so when only options changed, and says nothing about answers when none was kept', () => {
    expect(describeBankChange(recorded, bank('2.0.0', ['a', 'b', 'd']), 2)).toBe(
      'The bank changed from 1.0.0 to 2.0.0; 2 answers given on 1.0.0 are kept but no longer scored (their question or option is gone).',
    );
    expect(describeBankChange(recorded, bank('2.0.0', ['a', 'b']), 0)).toBe('The bank changed from 1.0.0 to 2.0.0: 1 question removed (d).');
  });
});

describe('answersFromOlderBank', () => {
  const now = bank('2.0.0', ['a', 'b']);
  // Option "good" of question b was called "ok" before: its answers are read, not listed.
  now.questions[1]!.options[0] = { ...now.questions[1]!.options[0]!, formerly: ['ok'] };
  const at = '2026-01-05T09:00:00.000Z';

  it('lists answers whose question or option is gone, organisation answers first, and nothing else', () => {
    const older = answersFromOlderBank(now, {
      organisationAnswers: [
        { questionId: 'd', kind: 'option', optionId: 'good', confidence: 'verified', note: '', by: '', at },
        { questionId: 'a', kind: 'option', optionId: 'bad', note: '', by: '', at },
      ],
      answers: [
        { journeyId: 'j1', questionId: 'a', kind: 'option', optionId: 'gone', note: '', by: '', at },
        { journeyId: 'j1', questionId: 'b', kind: 'option', optionId: 'ok', note: '', by: '', at },
        { journeyId: 'j2', questionId: 'd', kind: 'unknown', note: '', by: '', at },
        { journeyId: 'j2', questionId: 'b', kind: 'na', note: '', by: '', at },
      ],
    });
    expect(older).toEqual([
      { journeyId: null, questionId: 'd', optionId: 'good', reason: 'question-removed' },
      { journeyId: 'j1', questionId: 'a', optionId: 'gone', reason: 'option-removed' },
      { journeyId: 'j2', questionId: 'd', optionId: null, reason: 'question-removed' },
    ]);
  });
});
