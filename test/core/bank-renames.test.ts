/**
 * Options renamed or merged between bank versions (`formerly`): answers given with an
 * old option id are moved onto the option that now holds it, and nothing else changes.
 */
import { describe, expect, it } from 'vitest';
import { adoptRenamedOptions, optionFor, optionRenames } from '../../src/core/bank-renames.js';
import { assessment, bank, journey, na, opt, unknown } from './model-fixtures.js';

/**
 * Version 2 of a one-question bank. Version 1 had options low (L0), mid (L1), high (L2)
 * and worst (L3). Version 2 renamed low to none, merged mid and high into some (L2),
 * kept worst as it was, and added all (L4).
 */
const V2 = bank({
  id: 'test',
  title: 'Test',
  version: '2.0.0',
  description: 'Renames.',
  language: 'en',
  dimensions: [{ id: 'd', title: 'D', description: 'D.' }],
  questions: [
    {
      id: 'q',
      dimension: 'd',
      prompt: 'Q?',
      weight: 2,
      options: [
        { id: 'none', label: 'None', level: 0, formerly: ['low'] },
        { id: 'some', label: 'Some', level: 2, actions: ['fix'], formerly: ['mid', 'high'] },
        { id: 'worst', label: 'Worst', level: 3, actions: ['fix'] },
        { id: 'all', label: 'All', level: 4, actions: ['fix'] },
      ],
    },
    { id: 'other', dimension: 'd', prompt: 'O?', weight: 1, options: [{ id: 'low', label: 'Low', level: 0 }, { id: 'high', label: 'High', level: 4, actions: ['fix'] }] },
  ],
  actions: [{ id: 'fix', title: 'Fix', detail: 'Fix it.', effort: 'S', owner: 'Owner' }],
});

describe('optionFor', () => {
  const q = V2.questions[0]!;
  it('finds an option by its id, or by an id it had before', () => {
    expect(optionFor(q, 'worst')?.id).toBe('worst');
    expect(optionFor(q, 'low')?.id).toBe('none');
    expect(optionFor(q, 'mid')?.id).toBe('some');
    expect(optionFor(q, 'high')?.id).toBe('some');
  });

  it('finds nothing for an id no option has or had', () => {
    expect(optionFor(q, 'gone')).toBeUndefined();
    expect(optionFor(q, undefined)).toBeUndefined();
  });
});

describe('optionRenames', () => {
  it('maps each question to its former option ids and the option that holds each now', () => {
    expect(optionRenames(V2)).toEqual(new Map([['q', new Map([['low', 'none'], ['mid', 'some'], ['high', 'some']])]]));
  });
});

describe('adoptRenamedOptions', () => {
  const journeys = [journey('j1'), journey('j2'), journey('j3')];

  it('moves journey answers on former ids onto the current option, keeping everything else', () => {
    const before = assessment(journeys, [
      opt('j1', 'q', 'mid', { confidence: 'disputed', note: 'Two views in the room.', at: '2026-01-05T09:00:00.000Z' }),
      opt('j2', 'q', 'high', { policy: 'documented' }),
      opt('j3', 'q', 'worst'),
      // Another question's own ids are never touched, even where they match a former id of q.
      opt('j1', 'other', 'high'),
      unknown('j2', 'other'),
      na('j3', 'other'),
    ]);
    const { assessment: after, moved } = adoptRenamedOptions(V2, before);
    expect(moved).toBe(2);
    expect(after.answers).toEqual([
      { ...before.answers[0]!, optionId: 'some' },
      { ...before.answers[1]!, optionId: 'some' },
      before.answers[2],
      before.answers[3],
      before.answers[4],
      before.answers[5],
    ]);
  });

  it('moves organisation answers too, and leaves snapshots as they were taken', () => {
    const snapshotAnswers = [opt('j1', 'q', 'low')];
    const before = {
      ...assessment(journeys, []),
      organisationAnswers: [{ questionId: 'q', kind: 'option' as const, optionId: 'low', confidence: 'verified' as const, note: '', by: 'Ana', at: '2026-01-05T09:00:00.000Z' }],
      snapshots: [{ answers: snapshotAnswers } as never],
    };
    const { assessment: after, moved } = adoptRenamedOptions(V2, before);
    expect(moved).toBe(1);
    expect(after.organisationAnswers).toEqual([{ ...before.organisationAnswers[0]!, optionId: 'none' }]);
    expect(after.snapshots).toBe(before.snapshots);
  });

  it('returns the assessment itself when nothing is on a former id, so running it twice changes nothing', () => {
    const before = assessment(journeys, [opt('j1', 'q', 'mid')]);
    const once = adoptRenamedOptions(V2, before).assessment;
    const twice = adoptRenamedOptions(V2, once);
    expect(twice.moved).toBe(0);
    expect(twice.assessment).toBe(once);
  });

  it('keeps an answer on an id no option claims: it is listed as one from an older bank, not guessed at', () => {
    const before = assessment(journeys, [opt('j1', 'q', 'gone')]);
    expect(adoptRenamedOptions(V2, before)).toEqual({ assessment: before, moved: 0 });
  });
});
