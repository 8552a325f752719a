/**
 * Who answers and votes in the walk, one event at a time: `walkStep` called directly
 * with a small hand-made journey. Levels of the options of a1: low 0, mid 1, high 2,
 * worst 3 (so low against high is a spread of 2, disputed; low against mid is 1).
 */
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/core/bank-schema.js';
import { speakers } from '../../src/core/participants.js';
import { voteSpread } from '../../src/core/votes.js';
import type { Answer } from '../../src/core/workbook-schema.js';
import { NO_KEY } from '../../src/ui/hooks/useKeys.js';
import { walkEventOf } from '../../src/ui/walk-keys.js';
import { dimensionSpans, walkStep, type WalkContext, type WalkEffect, type WalkEvent, type WalkState } from '../../src/ui/walk-state.js';

const NOW = new Date('2026-11-20T10:00:00.000Z');
const AT = NOW.toISOString();

const question = (id: string, options: string[]): Question => ({
  id,
  dimension: 'access',
  prompt: `Prompt of ${id}?`,
  weight: 1,
  options: options.map((o, i) => ({ id: o, label: o, level: i, actions: [] })),
  references: [],
});
const QUESTIONS = [question('a1', ['low', 'mid', 'high', 'worst']), question('a2', ['no', 'yes'])];
const PEOPLE = [
  { name: 'Ben', role: 'security' },
  { name: 'Chloé', role: '' },
  { name: 'Dev', role: 'CRM admin' },
];

function context(answers: Answer[] = [], extra: Partial<WalkContext> = {}): WalkContext {
  const byId = new Map(answers.map((a) => [a.questionId, a]));
  return {
    section: 'journey',
    journeyId: 'chat',
    questions: QUESTIONS,
    questionsShowing: () => QUESTIONS,
    answerOf: (id) => byId.get(id),
    organisationAnswerOf: () => undefined,
    parkedNoteOf: () => undefined,
    dimensions: dimensionSpans(QUESTIONS),
    nextJourneyId: undefined,
    facilitator: 'Ana',
    speakers: speakers('Ana', PEOPLE),
    voters: PEOPLE.map((p) => p.name),
    now: NOW,
    ...extra,
  };
}

const start: WalkState = { index: 0, highlight: 0, mode: 'answer', showHelp: false, drafts: {}, dimension: 0, showOrganisation: false };

/** Runs the events; the state after and every effect. */
function run(events: WalkEvent[], ctx = context(), from: WalkState = start) {
  let s = from;
  const effects: WalkEffect[] = [];
  for (const e of events) {
    const next = walkStep(s, e, ctx);
    s = next.state;
    effects.push(...next.effects);
  }
  return { state: s, effects };
}

const opt = (option: number): WalkEvent => ({ type: 'answer', choice: { kind: 'option', option } });
const pick = (option: number): WalkEvent => ({ type: 'vote-choice', choice: { kind: 'option', option } });
const key = (input: string, k: Partial<typeof NO_KEY> = {}) => ({ input, key: { ...NO_KEY, ...k } });

describe('who answers', () => {
  it('the facilitator by default', () => {
    const { effects } = run([opt(1)]);
    expect(effects).toEqual([{ type: 'record', answer: { journeyId: 'chat', questionId: 'a1', kind: 'option', optionId: 'mid', confidence: 'reported', note: '', by: 'Ana', at: AT } }]);
  });

  it('s opens the list on the one speaking; a number chooses, and the next answers are theirs until changed', () => {
    const opened = run([{ type: 'speaker-open' }]);
    expect(opened.state).toMatchObject({ mode: 'speaker', speakerRow: 0 });
    const { state, effects } = run([{ type: 'speaker-open' }, { type: 'speaker-choose', row: 2 }, opt(0), opt(1)]);
    expect(state).toMatchObject({ mode: 'answer', speaker: 'Chloé', index: 2 });
    // Chosen, the speaker is remembered in the workbook (for the next walk, after a quit too), then the answers are theirs.
    expect(effects[0]).toEqual({ type: 'speaker', speaker: 'Chloé' });
    expect(effects.slice(1).map((e) => e.type === 'record' && e.answer.by)).toEqual(['Chloé', 'Chloé']);
  });

  it('↑↓ and Enter choose too; the facilitator chosen again is the default (no speaker kept)', () => {
    const { state } = run([{ type: 'speaker-open' }, { type: 'speaker-highlight', move: 'down' }, { type: 'speaker-choose' }]);
    expect(state).toMatchObject({ speaker: 'Ben', message: 'Ben (security) speaks: the next answers are theirs (s changes).' });
    const back = run([{ type: 'speaker-open' }, { type: 'speaker-choose', row: 0 }], context(), state);
    expect(back.state.speaker).toBeUndefined();
    expect(back.effects).toEqual([{ type: 'speaker', speaker: undefined }]);
    // The one speaking chosen again changes nothing to save.
    expect(run([{ type: 'speaker-open' }, { type: 'speaker-choose', row: 1 }], context(), state).effects).toEqual([]);
    expect(back.state.message).toBe('Ana (facilitator) speaks: the next answers are theirs (s changes).');
  });

  it('a number past the list says how many there are; Esc keeps the one speaking', () => {
    expect(run([{ type: 'speaker-open' }, { type: 'speaker-choose', row: 7 }]).state).toMatchObject({ mode: 'speaker', message: 'There are 4 people to choose from.' });
    expect(run([{ type: 'speaker-open' }, { type: 'speaker-close' }], context(), { ...start, speaker: 'Dev' }).state).toMatchObject({ mode: 'answer', speaker: 'Dev' });
  });

  it('a note or a confidence set on an answer keeps who gave it; a changed answer is the speaker’s', () => {
    const given: Answer = { journeyId: 'chat', questionId: 'a1', kind: 'option', optionId: 'low', confidence: 'reported', note: '', by: 'Ben', at: '2026-01-01T00:00:00.000Z' };
    const ctx = context([given]);
    const s = { ...start, speaker: 'Dev' };
    const confidence = run([{ type: 'confidence', confidence: 'verified' }], ctx, s);
    expect(confidence.effects).toMatchObject([{ type: 'record', answer: { by: 'Ben', confidence: 'verified' } }]);
    const changed = run([opt(2)], ctx, s);
    expect(changed.effects).toMatchObject([{ type: 'record', answer: { by: 'Dev', optionId: 'high' } }]);
  });

  it('nobody to choose from says where to add people', () => {
    const { state } = run([{ type: 'speaker-open' }], context([], { facilitator: '', speakers: [], voters: [] }));
    expect(state).toMatchObject({ mode: 'answer', message: expect.stringMatching(/add the facilitator and participants/) });
  });
});

describe('the spread', () => {
  it('is the highest level chosen minus the lowest; "we don\'t know" and n/a do not widen it', () => {
    const q = QUESTIONS[0]!;
    // low 0, high 2: 2 levels, disputed.
    expect(voteSpread(q, [{ kind: 'option', optionId: 'low' }, { kind: 'option', optionId: 'high' }])).toEqual({ low: 0, high: 2, levels: 2, disputed: true });
    // mid 1, high 2, high 2: 1 level, not disputed.
    expect(voteSpread(q, [{ kind: 'option', optionId: 'mid' }, { kind: 'option', optionId: 'high' }, { kind: 'option', optionId: 'high' }])).toEqual({ low: 1, high: 2, levels: 1, disputed: false });
    // mid 1 and two who do not know: 0 levels.
    expect(voteSpread(q, [{ kind: 'option', optionId: 'mid' }, { kind: 'unknown' }, { kind: 'na' }])).toEqual({ low: 1, high: 1, levels: 0, disputed: false });
    expect(voteSpread(q, [{ kind: 'unknown' }])).toEqual({ low: null, high: null, levels: 0, disputed: false });
  });
});

describe('a vote', () => {
  it('V opens a hidden vote on the question shown; each key is the next voter’s pick, in order', () => {
    const { state, effects } = run([{ type: 'vote-open' }, pick(0), pick(2)]);
    expect(effects).toEqual([]);
    expect(state).toMatchObject({
      mode: 'vote',
      index: 0,
      vote: {
        questionId: 'a1',
        hidden: true,
        revealed: false,
        positions: [
          { name: 'Ben', kind: 'option', optionId: 'low' },
          { name: 'Chloé', kind: 'option', optionId: 'high' },
        ],
      },
    });
  });

  it('reveals only after every vote: Enter before says who is still to vote, records nothing', () => {
    const early = run([{ type: 'vote-open' }, pick(0), { type: 'vote-reveal' }]);
    expect(early.state).toMatchObject({ mode: 'vote', vote: { revealed: false }, message: '1 of 3 have voted: waiting for Chloé.' });
    const done = run([{ type: 'vote-open' }, pick(0), pick(2), { type: 'vote-choice', choice: { kind: 'unknown' } }]);
    expect(done.state).toMatchObject({ vote: { revealed: false }, message: 'Everyone has voted: Enter reveals the positions at once.' });
    // A settling key before the reveal settles nothing.
    const tooSoon = run([pick(1)], context(), done.state);
    expect(tooSoon.effects).toEqual([]);
    expect(tooSoon.state.message).toBe('Everyone has voted: Enter reveals the positions first.');
    expect(run([{ type: 'vote-reveal' }], context(), done.state).state).toMatchObject({ mode: 'vote', vote: { revealed: true } });
  });

  it('settled after a spread of two levels: disputed, by the speaker, with the positions kept, and the walk moves on', () => {
    const { state, effects } = run(
      [{ type: 'vote-open' }, pick(0), pick(2), pick(1), { type: 'vote-reveal' }, pick(1)],
      context(),
      { ...start, speaker: 'Dev' },
    );
    expect(effects).toEqual([
      {
        type: 'record',
        answer: {
          journeyId: 'chat',
          questionId: 'a1',
          kind: 'option',
          optionId: 'mid',
          confidence: 'disputed',
          note: '',
          by: 'Dev',
          at: AT,
          vote: {
            hidden: true,
            positions: [
              { name: 'Ben', kind: 'option', optionId: 'low' },
              { name: 'Chloé', kind: 'option', optionId: 'high' },
              { name: 'Dev', kind: 'option', optionId: 'mid' },
            ],
          },
        },
      },
    ]);
    expect(state).toMatchObject({ mode: 'answer', vote: undefined, index: 1 });
    expect(state.message).toBe('Settled on "mid": the positions span levels 0 to 2 (2 apart), so it is disputed, with the positions as its record (z undoes).');
  });

  it('a spread of one level keeps the confidence reported (or the one set before); an open vote settles without a reveal', () => {
    const { effects } = run([{ type: 'vote-open' }, { type: 'vote-visibility' }, pick(1), pick(2), pick(2), pick(2)], context(), {
      ...start,
      drafts: { a1: { confidence: 'verified' } },
    });
    expect(effects).toMatchObject([{ type: 'record', answer: { optionId: 'high', confidence: 'verified', vote: { hidden: false } } }]);
  });

  it('an open vote shows each pick as entered; Tab back to hidden before the end hides them again', () => {
    expect(run([{ type: 'vote-open' }, { type: 'vote-visibility' }]).state).toMatchObject({ vote: { hidden: false }, message: 'Open vote: each position shows as it is entered.' });
    const open = run([{ type: 'vote-open' }, { type: 'vote-visibility' }, pick(0)]);
    expect(open.state.vote).toMatchObject({ hidden: false, positions: [{ name: 'Ben' }] });
    expect(run([{ type: 'vote-visibility' }], context(), open.state).state.vote?.hidden).toBe(true);
  });

  it('Backspace takes the last pick back (that voter votes again); not after the reveal', () => {
    const { state } = run([{ type: 'vote-open' }, pick(0), pick(3), { type: 'vote-take-back' }, pick(1)]);
    expect(state.vote?.positions).toEqual([
      { name: 'Ben', kind: 'option', optionId: 'low' },
      { name: 'Chloé', kind: 'option', optionId: 'mid' },
    ]);
    const revealed = run([{ type: 'vote-open' }, pick(0), pick(0), pick(0), { type: 'vote-reveal' }, { type: 'vote-take-back' }]);
    expect(revealed.state.vote?.positions).toHaveLength(3);
  });

  it('z after settling takes the answer back, vote and all', () => {
    const { state, effects } = run([{ type: 'vote-open' }, pick(0), pick(3), pick(0), { type: 'vote-reveal' }, pick(0), { type: 'undo' }]);
    expect(effects.at(-1)).toEqual({ type: 'clear', journeyId: 'chat', questionId: 'a1' });
    expect(state).toMatchObject({ index: 0, mode: 'answer' });
  });

  it('the vote stays with the answer while its choice stays; another answer drops it', () => {
    const voted: Answer = {
      journeyId: 'chat', questionId: 'a1', kind: 'option', optionId: 'mid', confidence: 'disputed', note: '', by: 'Ben', at: AT,
      vote: { hidden: true, positions: [{ name: 'Ben', kind: 'option', optionId: 'low' }, { name: 'Chloé', kind: 'option', optionId: 'high' }] },
    };
    const ctx = context([voted]);
    expect(run([{ type: 'confidence', confidence: 'verified' }], ctx).effects).toMatchObject([{ answer: { confidence: 'verified', vote: voted.vote } }]);
    const other = run([opt(2)], ctx).effects[0];
    expect(other?.type === 'record' && other.answer.vote).toBeUndefined();
  });

  it('Esc with positions entered asks first; y drops them and saves nothing, any other key keeps voting', () => {
    const asked = run([{ type: 'vote-open' }, pick(0), { type: 'vote-cancel' }]);
    expect(asked.state.prompt).toEqual({ kind: 'vote-drop', then: 'close' });
    expect(run([{ type: 'prompt-key', input: 'n', plain: true }], context(), asked.state).state).toMatchObject({ mode: 'vote', prompt: undefined, vote: { positions: [{ name: 'Ben' }] } });
    const dropped = run([{ type: 'prompt-key', input: 'y', plain: true }], context(), asked.state);
    expect(dropped.state).toMatchObject({ mode: 'answer', vote: undefined, message: 'Vote dropped: nothing was saved.' });
    expect(dropped.effects).toEqual([]);
    // Nothing entered: Esc leaves at once.
    expect(run([{ type: 'vote-open' }, { type: 'vote-cancel' }]).state).toMatchObject({ mode: 'answer', vote: undefined });
  });

  it('Ctrl-C during a vote asks first; a second Ctrl-C quits', () => {
    const asked = run([{ type: 'vote-open' }, pick(0), { type: 'interrupt' }]);
    expect(asked.state.prompt).toEqual({ kind: 'vote-drop', then: 'quit' });
    expect(asked.effects).toEqual([]);
    expect(run([{ type: 'interrupt' }], context(), asked.state).effects).toEqual([{ type: 'quit', force: true }]);
  });

  it('needs two participants, and a question the journey answers itself', () => {
    expect(run([{ type: 'vote-open' }], context([], { voters: [] })).state).toMatchObject({ mode: 'answer', message: expect.stringMatching(/needs participants/) });
    expect(run([{ type: 'vote-open' }], context([], { voters: ['Ben'] })).state).toMatchObject({ mode: 'answer', message: expect.stringMatching(/two participants/) });
  });

  it('a number past the options is refused and counts no vote', () => {
    const { state } = run([{ type: 'vote-open' }, pick(5)]);
    expect(state).toMatchObject({ message: 'Only 4 options: press 1-4, u or x.', vote: { positions: [] } });
  });
});

describe('keys', () => {
  it('s and V in the walk; in a vote, digits, u, x, Backspace, Tab, Enter and Esc are the vote’s', () => {
    const walk = { mode: 'answer' as const };
    expect(walkEventOf(walk, 's', key('s').key)).toEqual({ type: 'speaker-open' });
    expect(walkEventOf(walk, 'V', key('V', { shift: true }).key)).toEqual({ type: 'vote-open' });
    const vote = { mode: 'vote' as const };
    expect(walkEventOf(vote, '3', key('3').key)).toEqual({ type: 'vote-choice', choice: { kind: 'option', option: 2 } });
    expect(walkEventOf(vote, 'u', key('u').key)).toEqual({ type: 'vote-choice', choice: { kind: 'unknown' } });
    expect(walkEventOf(vote, '', key('', { backspace: true }).key)).toEqual({ type: 'vote-take-back' });
    expect(walkEventOf(vote, '', key('', { delete: true }).key)).toEqual({ type: 'vote-take-back' });
    expect(walkEventOf(vote, '', key('', { tab: true }).key)).toEqual({ type: 'vote-visibility' });
    expect(walkEventOf(vote, '\r', key('\r', { return: true }).key)).toEqual({ type: 'vote-reveal' });
    expect(walkEventOf(vote, '', key('', { escape: true }).key)).toEqual({ type: 'vote-cancel' });
    const speaker = { mode: 'speaker' as const };
    expect(walkEventOf(speaker, '2', key('2').key)).toEqual({ type: 'speaker-choose', row: 1 });
    expect(walkEventOf(speaker, '\r', key('\r', { return: true }).key)).toEqual({ type: 'speaker-choose' });
  });
});
