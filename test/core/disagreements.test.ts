import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/core/bank-schema.js';
import { disagreementsOf, isUnresolved, reportVote, settleHint } from '../../src/core/disagreements.js';
import type { ReportAnswer } from '../../src/core/report-schema.js';

const Q: Question = {
  id: 'q1',
  dimension: 'd',
  prompt: 'Who can export?',
  help: 'Look at the export permission in the admin console.\nA screenshot will do.\n\nMore detail here.',
  weight: 1,
  options: [
    { id: 'none', label: 'Nobody', level: 0, actions: [] },
    { id: 'leads', label: 'Team leads', level: 2, actions: [] },
    { id: 'all', label: 'Everyone', level: 4, actions: [] },
  ],
  references: [],
};

const answer = (a: Partial<ReportAnswer>): ReportAnswer => ({
  scope: 'journey', journeyId: 'j', journeyName: 'J', questionId: 'q1', questionPrompt: 'Who can export?', dimensionId: 'd',
  kind: 'option', optionId: 'leads', optionLabel: 'Team leads', level: 2, confidence: 'disputed', effectiveConfidence: 'disputed',
  policy: null, stale: false, carriedOver: false, override: false, journeysHeld: 1, risk: 1, note: '', by: 'Ben', at: '2026-11-20T10:00:00.000Z',
  ...a,
});

describe('a vote in the report', () => {
  it('gives each position its label, level and role; the spread is highest minus lowest (4 - 0 = 4)', () => {
    const vote = reportVote(
      Q,
      { hidden: true, positions: [{ name: 'Ana', kind: 'option', optionId: 'none' }, { name: 'Ben', kind: 'option', optionId: 'all' }, { name: 'Cy', kind: 'unknown' }] },
      [{ name: 'Ana', role: 'support' }, { name: 'Ben', role: '' }],
    );
    expect(vote).toEqual({
      hidden: true,
      positions: [
        { name: 'Ana', role: 'support', kind: 'option', optionId: 'none', optionLabel: 'Nobody', level: 0 },
        { name: 'Ben', role: '', kind: 'option', optionId: 'all', optionLabel: 'Everyone', level: 4 },
        { name: 'Cy', role: '', kind: 'unknown', optionId: null, optionLabel: null, level: null },
      ],
      low: 0,
      high: 4,
      spread: 4,
      disputed: true,
    });
  });
});

describe('unresolved disagreements', () => {
  it('are the answers counted as disputed, and "we don\'t know" after a vote two levels apart', () => {
    expect(isUnresolved(answer({}))).toBe(true);
    // Disputed on record, but evidence made it count as verified: settled.
    expect(isUnresolved(answer({ effectiveConfidence: 'verified' }))).toBe(false);
    expect(isUnresolved(answer({ effectiveConfidence: 'reported' }))).toBe(false);
    const wide = reportVote(Q, { hidden: false, positions: [{ name: 'A', kind: 'option', optionId: 'none' }, { name: 'B', kind: 'option', optionId: 'leads' }] }, []);
    const narrow = reportVote(Q, { hidden: false, positions: [{ name: 'A', kind: 'option', optionId: 'leads' }, { name: 'B', kind: 'option', optionId: 'leads' }] }, []);
    expect(isUnresolved(answer({ kind: 'unknown', optionId: null, effectiveConfidence: null, vote: wide }))).toBe(true);
    expect(isUnresolved(answer({ kind: 'unknown', optionId: null, effectiveConfidence: null, vote: narrow }))).toBe(false);
  });

  it('say what would settle each: the question\'s first paragraph of help, on one line', () => {
    expect(settleHint(Q)).toBe('Look at the export permission in the admin console. A screenshot will do.');
    expect(settleHint({ ...Q, help: undefined })).toBe('');
    const list = disagreementsOf([answer({}), answer({ questionId: 'q2', effectiveConfidence: 'reported' })], (id) => (id === 'q1' ? Q : undefined));
    expect(list).toEqual([
      {
        scope: 'journey', journeyId: 'j', journeyName: 'J', questionId: 'q1', questionPrompt: 'Who can export?',
        kind: 'option', optionId: 'leads', optionLabel: 'Team leads', level: 2, by: 'Ben', at: '2026-11-20T10:00:00.000Z', note: '',
        vote: null, settle: 'Look at the export permission in the admin console. A screenshot will do.',
      },
    ]);
  });
});
