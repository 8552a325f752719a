/** The vote's status lines once the positions are shown: who chose what, said apart when the names after the options are cut. */
import { describe, expect, it } from 'vitest';
import { voteStatus } from '../../src/ui/vote-lines.js';
import { fixtureBank } from './app.js';

const question = fixtureBank().questions.find((q) => q.id === 'ticket-notes-content')!;
const vote = {
  questionId: question.id,
  hidden: true,
  revealed: true,
  positions: [
    { name: 'Ben', kind: 'option' as const, optionId: 'minimal' },
    { name: 'Chloé', kind: 'option' as const, optionId: 'everything' },
  ],
};

describe('the vote, revealed', () => {
  it('names the spread and how to settle; the names stay after the options', () => {
    // Levels 0 and 4: 4 apart, disputed (2 or more).
    expect(voteStatus(question, vote, ['Ben', 'Chloé'], [])).toEqual([
      'Hidden vote, revealed · positions at levels 0 to 4 (4 apart): disputed once settled (2 levels apart or more)',
      'The room settles the answer: 1-3, u, x (the positions are kept with it)',
    ]);
  });

  it('says who chose what when the names after the options are cut at the edge', () => {
    expect(voteStatus(question, vote, ['Ben', 'Chloé'], [], true)).toEqual(['Positions at levels 0 to 4 (4 apart): disputed · settle: 1-3, u, x', '1 ← Ben · 3 ← Chloé']);
  });
});
