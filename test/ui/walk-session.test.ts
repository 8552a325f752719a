/**
 * A walk in a session asks only the session's questions (issue 16): `sessionWalk` gives
 * the walk its questions and `walkStep` is driven directly over them, one event at a
 * time, as in walk-state.test.ts. Five questions in two dimensions, two of them core:
 * a1 (core) a2 a3 in access, d1 (core) d2 in detection.
 */
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/core/bank-schema.js';
import type { Answer } from '../../src/core/workbook-schema.js';
import { dimensionSpans, initialWalkState, questionsLeft, sessionWalk, walkStep, type WalkContext, type WalkEffect, type WalkState } from '../../src/ui/walk-state.js';

const NOW = new Date('2026-12-01T10:00:00.000Z');

const question = (id: string, dimension: string, core?: boolean): Question => ({
  id,
  dimension,
  ...(core ? { core } : {}),
  prompt: `How is ${id} handled?`,
  weight: 1,
  options: ['low', 'mid', 'high'].map((o, i) => ({ id: o, label: o, level: i, actions: [] })),
  references: [],
});

const BANK = [question('a1', 'access', true), question('a2', 'access'), question('a3', 'access'), question('d1', 'detection', true), question('d2', 'detection')];

/** A walk over what the session asks; answers recorded by the effects are kept, as the screen keeps them. */
function walkIn(session: Parameters<typeof sessionWalk>[1], askedId?: string) {
  const { questions, scoped } = sessionWalk(BANK, session, askedId);
  const answers = new Map<string, Answer>();
  const ctx = (): WalkContext => ({
    section: 'journey',
    journeyId: 'chat',
    questions,
    questionsShowing: () => questions,
    answerOf: (id) => answers.get(id),
    organisationAnswerOf: () => undefined,
    parkedNoteOf: () => undefined,
    dimensions: dimensionSpans(questions),
    nextJourneyId: 'phone',
    facilitator: 'Ana',
    speakers: [],
    voters: [],
    now: NOW,
  });
  let state: WalkState = initialWalkState(ctx(), askedId);
  const effects: WalkEffect[] = [];
  const send = (event: Parameters<typeof walkStep>[1]) => {
    const next = walkStep(state, event, ctx());
    state = next.state;
    for (const e of next.effects) {
      effects.push(e);
      if (e.type === 'record') answers.set(e.answer.questionId, e.answer);
    }
  };
  return { questions, scoped, send, effects, state: () => state, left: () => questionsLeft(ctx()), ctx };
}

const recorded = (effects: WalkEffect[]) => effects.flatMap((e) => (e.type === 'record' ? [e.answer.questionId] : []));

describe('a walk in a session', () => {
  it('core: asks a1 and d1 only, one key each, then the end of the journey and Enter to the next', () => {
    const walk = walkIn({ scope: 'core', dimensions: [] });
    expect(walk.scoped).toBe(true);
    expect(walk.questions.map((q) => q.id)).toEqual(['a1', 'd1']);
    expect(walk.left()).toBe(2);
    walk.send({ type: 'answer', choice: { kind: 'option', option: 0 } });
    expect(walk.state().index).toBe(1);
    expect(walk.left()).toBe(1);
    walk.send({ type: 'answer', choice: { kind: 'option', option: 2 } });
    expect(walk.state().index).toBe(2); // the end of the journey
    expect(walk.left()).toBe(0);
    expect(recorded(walk.effects)).toEqual(['a1', 'd1']);
    walk.send({ type: 'choose' });
    expect(walk.effects.at(-1)).toEqual({ type: 'navigate', to: { kind: 'journey', journeyId: 'phone' } });
  });

  it('core: g finds nothing left once a1 and d1 are answered, though a2, a3 and d2 are not', () => {
    const walk = walkIn({ scope: 'core', dimensions: [] });
    walk.send({ type: 'answer', choice: { kind: 'unknown' } });
    walk.send({ type: 'answer', choice: { kind: 'na' } });
    walk.send({ type: 'move', to: 'next-unanswered' });
    expect(walk.state().message).toBe('Every question of this journey is answered, none still carried over.');
  });

  it('core: the dimensions are the session’s (one question each), and / finds neither a number nor a prompt outside it', () => {
    const walk = walkIn({ scope: 'core', dimensions: [] });
    expect(walk.ctx().dimensions).toEqual([
      { id: 'access', first: 0, count: 1 },
      { id: 'detection', first: 1, count: 1 },
    ]);
    walk.send({ type: 'jump-open' });
    for (const ch of '3') walk.send({ type: 'jump-key', input: ch, key: {} as never });
    walk.send({ type: 'jump-go' });
    expect(walk.state().message).toBe('No question 3: this walk has 2 (1 to 2).');
    walk.send({ type: 'jump-open' });
    for (const ch of 'a2 handled') walk.send({ type: 'jump-key', input: ch, key: {} as never });
    walk.send({ type: 'jump-go' });
    expect(walk.state().message).toBe('No question matches "a2 handled".');
    expect(walk.state().index).toBe(0);
  });

  it('chosen dimensions: detection asks d1 and d2, in walking order', () => {
    const walk = walkIn({ scope: 'dimensions', dimensions: ['detection'] });
    expect(walk.questions.map((q) => q.id)).toEqual(['d1', 'd2']);
    walk.send({ type: 'answer', choice: { kind: 'option', option: 1 } });
    walk.send({ type: 'answer', choice: { kind: 'option', option: 1 } });
    expect(recorded(walk.effects)).toEqual(['d1', 'd2']);
    expect(walk.state().index).toBe(2);
  });

  it('all questions, or no session: the whole walk', () => {
    expect(walkIn({ scope: 'all', dimensions: [] }).questions.map((q) => q.id)).toEqual(['a1', 'a2', 'a3', 'd1', 'd2']);
    expect(walkIn(undefined).questions).toHaveLength(5);
  });

  it('a question asked for outside the session (from the results) opens the whole walk on it', () => {
    const walk = walkIn({ scope: 'core', dimensions: [] }, 'a3');
    expect(walk.scoped).toBe(false);
    expect(walk.questions).toHaveLength(5);
    expect(walk.state().index).toBe(2);
    // One inside it keeps the session's walk.
    expect(walkIn({ scope: 'core', dimensions: [] }, 'd1').questions.map((q) => q.id)).toEqual(['a1', 'd1']);
  });
});
