/**
 * The walk's rules, one event at a time: `walkStep` is called directly with a small
 * hand-made journey (no Ink, no store). Each case says the state before, the event, and
 * the state and effects after.
 */
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/core/bank-schema.js';
import type { Answer, OrganisationAnswer } from '../../src/core/workbook-schema.js';
import { NO_KEY } from '../../src/ui/hooks/useKeys.js';
import { textAt } from '../../src/ui/text-edit.js';
import { walkEventOf } from '../../src/ui/walk-keys.js';
import {
  dimensionSpans,
  initialWalkState,
  walkStep,
  type WalkContext,
  type WalkEffect,
  type WalkEvent,
  type WalkState,
} from '../../src/ui/walk-state.js';

const NOW = new Date('2026-11-20T10:00:00.000Z');
const AT = NOW.toISOString();

const question = (id: string, dimension: string, options = ['low', 'mid', 'high']): Question => ({
  id,
  dimension,
  prompt: `Prompt of ${id}?`,
  weight: 1,
  options: options.map((o, i) => ({ id: o, label: o, level: i, actions: [] })),
  references: [],
});

/** Five questions in two dimensions: a1 a2 a3 (access), d1 d2 (detection). */
const QUESTIONS = [question('a1', 'access'), question('a2', 'access'), question('a3', 'access'), question('d1', 'detection'), question('d2', 'detection', ['no', 'yes'])];

const answer = (questionId: string, a: Partial<Answer> = {}): Answer => ({
  journeyId: 'chat',
  questionId,
  kind: 'option',
  optionId: 'mid',
  confidence: 'reported',
  note: '',
  by: 'Ben',
  at: '2026-01-01T00:00:00.000Z',
  ...a,
});

function context(answers: Answer[] = [], extra: Partial<WalkContext> = {}, parked: Record<string, string> = {}): WalkContext {
  const byId = new Map(answers.map((a) => [a.questionId, a]));
  return {
    section: 'journey',
    journeyId: 'chat',
    questions: QUESTIONS,
    questionsShowing: () => QUESTIONS,
    answerOf: (id) => byId.get(id),
    organisationAnswerOf: () => undefined,
    parkedNoteOf: (id) => parked[id],
    dimensions: dimensionSpans(QUESTIONS),
    nextJourneyId: 'phone',
    facilitator: 'Ana',
    speakers: [
      { name: 'Ana', role: 'risk', facilitator: true },
      { name: 'Ben', role: 'security', facilitator: false },
      { name: 'Chloé', role: '', facilitator: false },
    ],
    voters: ['Ben', 'Chloé'],
    now: NOW,
    ...extra,
  };
}

const state = (s: Partial<WalkState> = {}): WalkState => ({ index: 0, highlight: 0, mode: 'answer', showHelp: false, drafts: {}, dimension: 0, showOrganisation: false, ...s });
const noteOn = (questionId: string, value: string, original = ''): Partial<WalkState> => ({ mode: 'note', note: { questionId, text: textAt(value), original } });
const record = (a: Partial<Answer> & Pick<Answer, 'questionId' | 'kind'>): WalkEffect => ({
  type: 'record',
  answer: { journeyId: 'chat', note: '', by: 'Ana', at: AT, ...a } as Answer,
});
const BACK: WalkEffect = { type: 'navigate', to: { kind: 'back' } };
const QUIT: WalkEffect = { type: 'quit', force: true };

interface Case {
  name: string;
  before?: Partial<WalkState>;
  answers?: Answer[];
  ctx?: Partial<WalkContext>;
  events: WalkEvent[];
  /** Fields of the state after the last event. */
  after?: Partial<WalkState>;
  /** Every effect of every event, in order. */
  effects?: WalkEffect[];
}

function run(c: Case) {
  const ctx = context(c.answers, c.ctx);
  let s = state(c.before);
  const effects: WalkEffect[] = [];
  for (const e of c.events) {
    const next = walkStep(s, e, ctx);
    s = next.state;
    effects.push(...next.effects);
  }
  return { state: s, effects };
}

function check(c: Case) {
  const { state: s, effects } = run(c);
  if (c.after) expect(s).toMatchObject(c.after);
  expect(effects).toEqual(c.effects ?? []);
}

describe('where the walk opens', () => {
  it.each([
    { name: 'at the first question with nothing answered', answers: [], asked: undefined, index: 0, highlight: 0 },
    { name: 'at the first unanswered question', answers: [answer('a1'), answer('a2')], asked: undefined, index: 2, highlight: 0 },
    { name: 'at an answer carried over, as if unanswered', answers: [answer('a1'), answer('a2', { carriedOver: true, optionId: 'high' })], asked: undefined, index: 1, highlight: 2 },
    { name: 'at the end when every question is answered', answers: QUESTIONS.map((q) => answer(q.id, { kind: 'na', optionId: undefined })), asked: undefined, index: 5, highlight: 0 },
    { name: 'at the question asked for, its answer highlighted', answers: [answer('d1', { kind: 'unknown', optionId: undefined })], asked: 'd1', index: 3, highlight: 3 },
    { name: 'at the first unanswered when the question asked for is not in the walk', answers: [answer('a1')], asked: 'zz', index: 1, highlight: 0 },
  ])('$name', ({ answers, asked, index, highlight }) => {
    expect(initialWalkState(context(answers), asked)).toEqual(state({ index, highlight }));
  });
});

describe('answering', () => {
  it.each<Case>([
    {
      name: 'a number answers with that option, confidence reported, by the facilitator, now; and moves on',
      events: [{ type: 'answer', choice: { kind: 'option', option: 1 } }],
      after: { index: 1, highlight: 0, message: undefined },
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'mid', confidence: 'reported' })],
    },
    {
      name: 'a number past the options says how many there are and records nothing',
      events: [{ type: 'answer', choice: { kind: 'option', option: 3 } }],
      after: { index: 0, message: 'Only 3 options: press 1-3, u or x.' },
    },
    {
      name: '"We don\'t know" has no confidence',
      events: [{ type: 'answer', choice: { kind: 'unknown' } }],
      after: { index: 1 },
      effects: [record({ questionId: 'a1', kind: 'unknown' })],
    },
    {
      name: '"Not applicable" has no confidence',
      events: [{ type: 'answer', choice: { kind: 'na' } }],
      effects: [record({ questionId: 'a1', kind: 'na' })],
    },
    {
      name: 'Enter answers with the highlighted option',
      events: [{ type: 'highlight', move: 'down' }, { type: 'highlight', move: 'down' }, { type: 'choose' }],
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'high', confidence: 'reported' })],
    },
    {
      name: 'Enter on the row after the options answers "We don\'t know", the next "Not applicable"',
      before: { highlight: 3 },
      events: [{ type: 'choose' }, { type: 'highlight', move: 'end' }, { type: 'highlight', move: 'down' }, { type: 'highlight', move: 'down' }, { type: 'highlight', move: 'down' }, { type: 'highlight', move: 'down' }, { type: 'choose' }],
      after: { index: 2 },
      effects: [record({ questionId: 'a1', kind: 'unknown' }), record({ questionId: 'a2', kind: 'na' })],
    },
    {
      name: 'the highlight stops at the first and the last row; PgUp/PgDn and Home/End do not move it (they are the dimensions\')',
      events: [{ type: 'highlight', move: 'up' }, { type: 'highlight', move: 'page-down' }, { type: 'highlight', move: 'home' }],
      after: { highlight: 0 },
    },
    {
      name: 'the highlight stops at "Not applicable"',
      events: Array.from({ length: 9 }, () => ({ type: 'highlight', move: 'down' }) as WalkEvent),
      after: { highlight: 4 },
    },
    {
      name: 'changing an answer keeps its policy and note; it is by the facilitator now (the one speaking), given now; a verified confidence goes back to reported, and the message says so',
      answers: [answer('a1', { confidence: 'verified', policy: 'documented', note: 'seen', by: 'Ben' })],
      events: [{ type: 'answer', choice: { kind: 'option', option: 2 } }],
      after: { index: 1, message: 'Changed from "mid" to "high", confidence back to reported (z undoes).' },
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'high', confidence: 'reported', policy: 'documented', note: 'seen', by: 'Ana' })],
    },
    {
      name: 'an option changed to "We don\'t know" drops the confidence',
      answers: [answer('a1', { confidence: 'verified' })],
      events: [{ type: 'answer', choice: { kind: 'unknown' } }],
      effects: [record({ questionId: 'a1', kind: 'unknown', by: 'Ana' })],
    },
    {
      name: 'an answer carried over, chosen again, is confirmed as it stands (not recorded anew)',
      answers: [answer('a1', { carriedOver: true, optionId: 'high' })],
      before: { highlight: 2 },
      events: [{ type: 'choose' }],
      after: { index: 1, message: 'The previous answer was kept (confirmed for this cycle).' },
      effects: [{ type: 'confirm', journeyId: 'chat', questionId: 'a1', by: 'Ana' }],
    },
    {
      name: '"We don\'t know" carried over, chosen again, is confirmed too',
      answers: [answer('a1', { carriedOver: true, kind: 'unknown', optionId: undefined, confidence: undefined })],
      events: [{ type: 'answer', choice: { kind: 'unknown' } }],
      effects: [{ type: 'confirm', journeyId: 'chat', questionId: 'a1', by: 'Ana' }],
    },
    {
      name: 'an answer carried over, changed, is recorded (without the mark), by whoever gave it',
      answers: [answer('a1', { carriedOver: true, optionId: 'high' })],
      events: [{ type: 'answer', choice: { kind: 'option', option: 0 } }],
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'low', confidence: 'reported', by: 'Ana' })],
    },
    {
      name: 'at the end, Enter walks the next journey with questions left',
      before: { index: 5 },
      events: [{ type: 'choose' }],
      effects: [{ type: 'navigate', to: { kind: 'journey', journeyId: 'phone' } }],
    },
    {
      name: 'at the end with no journey left, Enter goes back to the journeys',
      before: { index: 5 },
      ctx: { nextJourneyId: undefined },
      events: [{ type: 'choose' }],
      effects: [BACK],
    },
    {
      name: 'at the end, answer keys, confidence, policy and notes do nothing',
      before: { index: 5 },
      events: [{ type: 'answer', choice: { kind: 'unknown' } }, { type: 'confidence', confidence: 'verified' }, { type: 'policy' }, { type: 'note-open' }, { type: 'highlight', move: 'down' }],
      after: state({ index: 5 }),
    },
  ])('$name', check);
});

describe('confidence and the policy flag', () => {
  it.each<Case>([
    {
      name: 'before answering, confidence waits for the option and goes with it',
      events: [{ type: 'confidence', confidence: 'verified' }],
      after: { index: 0, drafts: { a1: { confidence: 'verified' } }, message: 'Confidence verified: it goes with the option you choose.' },
    },
    {
      name: 'a waiting confidence is saved with the option, and the draft is gone',
      events: [{ type: 'confidence', confidence: 'disputed' }, { type: 'answer', choice: { kind: 'option', option: 2 } }],
      after: { drafts: {}, index: 1 },
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'high', confidence: 'disputed' })],
    },
    {
      name: 'a waiting confidence does not go with "We don\'t know"',
      events: [{ type: 'confidence', confidence: 'verified' }, { type: 'answer', choice: { kind: 'unknown' } }],
      effects: [record({ questionId: 'a1', kind: 'unknown' })],
    },
    {
      name: 'on an option given, confidence is recorded at once and the walk stays',
      answers: [answer('a1')],
      events: [{ type: 'confidence', confidence: 'verified' }],
      after: { index: 0, message: 'Confidence: verified.' },
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'mid', confidence: 'verified', by: 'Ben' })],
    },
    {
      name: 'on "We don\'t know", confidence is refused with the reason',
      answers: [answer('a1', { kind: 'unknown', optionId: undefined, confidence: undefined })],
      events: [{ type: 'confidence', confidence: 'verified' }],
      after: { message: 'Confidence goes with an option; this answer is "We don\'t know".' },
    },
    {
      name: 'on "Not applicable", confidence is refused with the reason',
      answers: [answer('a1', { kind: 'na', optionId: undefined, confidence: undefined })],
      events: [{ type: 'confidence', confidence: 'verified' }],
      after: { message: 'Confidence goes with an option; this answer is "Not applicable".' },
    },
    {
      name: 'before answering, p moves the flag yes, no, unset and the last one goes with the answer',
      events: [{ type: 'policy' }, { type: 'policy' }, { type: 'answer', choice: { kind: 'na' } }],
      effects: [record({ questionId: 'a1', kind: 'na', policy: 'none' })],
    },
    {
      name: 'before answering, the flag says it is saved with the answer',
      events: [{ type: 'policy' }],
      after: { drafts: { a1: { policy: 'documented' } }, message: 'Documented on paper: yes (saved with the answer).' },
    },
    {
      name: 'a flag unset on purpose before answering leaves the answer without one',
      events: [{ type: 'policy' }, { type: 'policy' }, { type: 'policy' }, { type: 'answer', choice: { kind: 'unknown' } }],
      effects: [record({ questionId: 'a1', kind: 'unknown' })],
    },
    {
      name: 'on an answer given, each p records the next flag: yes, no, unset',
      answers: [answer('a1', { policy: 'documented' })],
      events: [{ type: 'policy' }],
      after: { message: 'Documented on paper: no.' },
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'mid', confidence: 'reported', policy: 'none', by: 'Ben' })],
    },
    {
      name: 'on an answer given, the flag after "no" is unset: recorded without a policy',
      answers: [answer('a1', { policy: 'none' })],
      events: [{ type: 'policy' }],
      after: { message: 'Documented on paper: unset.' },
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'mid', confidence: 'reported', by: 'Ben' })],
    },
  ])('$name', check);
});

describe('moving', () => {
  it.each<Case>([
    { name: 'previous stops at the first question', events: [{ type: 'move', to: 'previous' }], after: { index: 0 } },
    { name: 'next stops at the end', before: { index: 4 }, events: [{ type: 'move', to: 'next' }, { type: 'move', to: 'next' }], after: { index: 5 } },
    {
      name: 'moving highlights the answer of the question reached and clears the message',
      answers: [answer('a2', { optionId: 'high' })],
      before: { message: 'Confidence: verified.' },
      events: [{ type: 'move', to: 'next' }],
      after: { index: 1, highlight: 2, message: undefined },
    },
    {
      name: 'g goes to the next question unanswered or carried over, wrapping',
      answers: [answer('a2'), answer('a3', { carriedOver: true }), answer('d1'), answer('d2')],
      before: { index: 1 },
      events: [{ type: 'move', to: 'next-unanswered' }, { type: 'move', to: 'next-unanswered' }],
      after: { index: 0 },
    },
    {
      name: 'g says so when nothing is left, and stays',
      answers: QUESTIONS.map((q) => answer(q.id, { kind: 'na', optionId: undefined })),
      before: { index: 2 },
      events: [{ type: 'move', to: 'next-unanswered' }],
      after: { index: 2, message: 'Every question of this journey is answered, none still carried over.' },
    },
    { name: 'PgDn goes to the first question of the next dimension', before: { index: 1 }, events: [{ type: 'move', to: 'next-dimension' }], after: { index: 3 } },
    { name: 'PgDn in the last dimension goes to the end', before: { index: 3 }, events: [{ type: 'move', to: 'next-dimension' }], after: { index: 5 } },
    { name: 'PgUp inside a dimension goes to its start', before: { index: 4 }, events: [{ type: 'move', to: 'previous-dimension' }], after: { index: 3 } },
    { name: 'PgUp at a dimension start goes to the previous one', before: { index: 3 }, events: [{ type: 'move', to: 'previous-dimension' }], after: { index: 0 } },
    { name: 'PgUp at the end goes to the last dimension', before: { index: 5 }, events: [{ type: 'move', to: 'previous-dimension' }], after: { index: 3 } },
    { name: 'PgUp and PgDn do nothing in a walk without questions', ctx: { questions: [], dimensions: [] }, events: [{ type: 'move', to: 'next-dimension' }, { type: 'move', to: 'previous-dimension' }], after: { index: 0 } },
    { name: 'h shows the question help, and hides it', events: [{ type: 'question-help' }], after: { showHelp: true } },
    { name: 'h twice hides it again', events: [{ type: 'question-help' }, { type: 'question-help' }], after: { showHelp: false } },
    {
      name: 'Space turns the pages of the help shown, counted for the question it was pressed on',
      before: { showHelp: true },
      events: [{ type: 'help-page' }, { type: 'help-page' }],
      after: { showHelp: true, helpPage: { questionId: 'a1', page: 2 }, message: undefined },
    },
    {
      name: 'on another question the help opens at its first page again',
      before: { index: 1, showHelp: true, helpPage: { questionId: 'a1', page: 2 } },
      events: [{ type: 'help-page' }],
      after: { helpPage: { questionId: 'a2', page: 1 } },
    },
    {
      name: 'h hides the help and forgets its page: shown again, it starts at the top',
      before: { showHelp: true, helpPage: { questionId: 'a1', page: 3 } },
      events: [{ type: 'question-help' }, { type: 'question-help' }],
      after: { showHelp: true, helpPage: undefined },
    },
    {
      name: 'Space with the help hidden says what it does, and turns nothing',
      events: [{ type: 'help-page' }],
      after: { showHelp: false, message: "Space turns the pages of the question's help: h shows it." },
    },
  ])('$name', check);
});

describe('the dimension list', () => {
  it.each<Case>([
    { name: 'opens on the dimension of the question shown', before: { index: 4 }, events: [{ type: 'dimensions-open' }], after: { mode: 'dimensions', dimension: 1 } },
    { name: 'opens on the first dimension at the end', before: { index: 5 }, events: [{ type: 'dimensions-open' }], after: { mode: 'dimensions', dimension: 0 } },
    {
      name: 'moves with the list keys, Home and End included',
      before: { mode: 'dimensions' },
      events: [{ type: 'dimension-highlight', move: 'end' }, { type: 'dimension-highlight', move: 'down' }],
      after: { dimension: 1 },
    },
    { name: 'Home goes to the first', before: { mode: 'dimensions', dimension: 1 }, events: [{ type: 'dimension-highlight', move: 'home' }], after: { dimension: 0 } },
    {
      name: 'Enter goes to the first unanswered question of the dimension',
      answers: [answer('d1')],
      before: { mode: 'dimensions', dimension: 1, message: 'old' },
      events: [{ type: 'dimension-choose' }],
      after: { mode: 'answer', index: 4, message: undefined },
    },
    {
      name: 'Enter on a dimension all answered goes to its first question',
      answers: [answer('d1'), answer('d2', { optionId: 'yes' })],
      before: { mode: 'dimensions', dimension: 1 },
      events: [{ type: 'dimension-choose' }],
      after: { mode: 'answer', index: 3, highlight: 1 },
    },
    { name: 'Esc closes it where the walk was', before: { mode: 'dimensions', index: 2, dimension: 1 }, events: [{ type: 'dimensions-close' }], after: { mode: 'answer', index: 2 } },
    { name: '? shows the keys of the list', before: { mode: 'dimensions' }, events: [{ type: 'help' }], effects: [{ type: 'show-help', scope: 'dimensions' }] },
  ])('$name', check);
});

describe('notes', () => {
  it.each<Case>([
    {
      name: 'n opens the editor on the answer\'s note, cleaned of control characters',
      answers: [answer('a1', { note: 'seen \u001b[31mtwice' })],
      events: [{ type: 'note-open' }],
      after: { mode: 'note', note: { questionId: 'a1', text: { value: 'seen twice', cursor: 10 }, original: 'seen twice' }, message: undefined },
    },
    {
      name: 'n opens the editor on the note parked on a question without an answer',
      ctx: { parkedNoteOf: (id) => (id === 'a1' ? 'waiting' : undefined) },
      events: [{ type: 'note-open' }],
      after: { note: { questionId: 'a1', text: { value: 'waiting', cursor: 7 }, original: 'waiting' } },
    },
    {
      name: 'typing edits the note; Enter is a new line',
      before: noteOn('a1', 'ab'),
      events: [
        { type: 'note-key', input: 'c', key: NO_KEY },
        { type: 'note-key', input: '', key: { ...NO_KEY, return: true } },
        { type: 'note-key', input: 'd', key: NO_KEY },
      ],
      after: { note: { questionId: 'a1', text: { value: 'abc\nd', cursor: 5 }, original: '' } },
    },
    {
      name: 'Ctrl-S saves it to the answer there is',
      answers: [answer('a1')],
      before: noteOn('a1', 'seen in three teams'),
      events: [{ type: 'note-save' }],
      after: { mode: 'answer', note: undefined, message: 'Note saved.' },
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'mid', confidence: 'reported', note: 'seen in three teams', by: 'Ben' })],
    },
    {
      name: 'Ctrl-S before the answer parks the note at once, and says where it goes',
      before: noteOn('a1', 'disputed by QA'),
      events: [{ type: 'note-save' }],
      after: { mode: 'answer', note: undefined, drafts: {}, message: 'Note parked: saved in the parking lot, it goes with the answer once given.' },
      effects: [{ type: 'park', journeyId: 'chat', questionId: 'a1', note: 'disputed by QA', by: 'Ana' }],
    },
    {
      name: 'an emptied note unparks it',
      before: noteOn('a1', '', 'was here'),
      events: [{ type: 'note-save' }],
      after: { message: 'Note removed.' },
      effects: [{ type: 'park', journeyId: 'chat', questionId: 'a1', note: '', by: 'Ana' }],
    },
    {
      name: 'answering a question with a parked note takes the note into the answer and closes the parking-lot item',
      ctx: { parkedNoteOf: (id) => (id === 'a1' ? 'disputed by QA' : undefined) },
      events: [{ type: 'answer', choice: { kind: 'option', option: 0 } }],
      after: { index: 1 },
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'low', confidence: 'reported', note: 'disputed by QA' }), { type: 'unpark', journeyId: 'chat', questionId: 'a1' }],
    },
    {
      name: 'in the organisation-wide section a note parks without a journey',
      ctx: { section: 'organisation', journeyId: '' },
      before: noteOn('a1', 'ask IT'),
      events: [{ type: 'note-save' }],
      effects: [{ type: 'park', journeyId: null, questionId: 'a1', note: 'ask IT', by: 'Ana' }],
    },
    {
      name: 'Ctrl-R masks customer data in the editor, saving nothing',
      before: noteOn('a1', 'mail ana@example.com'),
      events: [{ type: 'note-mask' }],
      after: { note: { questionId: 'a1', text: textAt('mail [email removed]'), original: '' } },
    },
    {
      name: 'Esc on an unchanged note closes the editor',
      before: noteOn('a1', 'same', 'same'),
      events: [{ type: 'note-escape' }],
      after: { mode: 'answer', note: undefined },
    },
  ])('$name', check);
});

describe('questions asked before going on', () => {
  const pii = noteOn('a1', 'call ana@example.com');
  it.each<Case>([
    { name: 'saving customer data asks first', answers: [answer('a1')], before: pii, events: [{ type: 'note-save' }], after: { mode: 'note', prompt: { kind: 'note-pii', then: 'close' } } },
    {
      name: 'm masks it and saves',
      answers: [answer('a1')],
      before: pii,
      events: [{ type: 'note-save' }, { type: 'prompt-key', input: 'm', plain: true }],
      after: { mode: 'answer', prompt: undefined, message: 'Note saved.' },
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'mid', confidence: 'reported', note: 'call [email removed]', by: 'Ben' })],
    },
    {
      name: 's saves it as typed',
      answers: [answer('a1')],
      before: pii,
      events: [{ type: 'note-save' }, { type: 'prompt-key', input: 's', plain: true }],
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'mid', confidence: 'reported', note: 'call ana@example.com', by: 'Ben' })],
    },
    {
      name: 'any other key keeps editing, the text as it was',
      answers: [answer('a1')],
      before: pii,
      events: [{ type: 'note-save' }, { type: 'prompt-key', input: 'z', plain: true }],
      after: { mode: 'note', prompt: undefined, note: { questionId: 'a1', text: textAt('call ana@example.com'), original: '' } },
    },
    {
      name: 'a Ctrl key does not answer a prompt: it keeps editing',
      answers: [answer('a1')],
      before: pii,
      events: [{ type: 'note-save' }, { type: 'prompt-key', input: 's', plain: false }],
      after: { mode: 'note', prompt: undefined },
    },
    { name: 'Esc on a changed note asks first', before: noteOn('a1', 'half a thought'), events: [{ type: 'note-escape' }], after: { mode: 'note', prompt: { kind: 'note-leave' } } },
    {
      name: 'then s saves it',
      answers: [answer('a1')],
      before: noteOn('a1', 'half a thought'),
      events: [{ type: 'note-escape' }, { type: 'prompt-key', input: 's', plain: true }],
      after: { mode: 'answer', message: 'Note saved.' },
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'mid', confidence: 'reported', note: 'half a thought', by: 'Ben' })],
    },
    {
      name: 'then s on customer data asks about it first',
      before: pii,
      events: [{ type: 'note-escape' }, { type: 'prompt-key', input: 's', plain: true }],
      after: { mode: 'note', prompt: { kind: 'note-pii', then: 'close' } },
    },
    {
      name: 'then d drops the changes',
      before: noteOn('a1', 'half a thought'),
      events: [{ type: 'note-escape' }, { type: 'prompt-key', input: 'd', plain: true }],
      after: { mode: 'answer', note: undefined, prompt: undefined, message: 'The note was left as it was.' },
    },
    {
      name: 'then any other key keeps editing',
      before: noteOn('a1', 'half a thought'),
      events: [{ type: 'note-escape' }, { type: 'prompt-key', input: 'x', plain: true }],
      after: { mode: 'note', prompt: undefined, note: { questionId: 'a1', text: textAt('half a thought'), original: '' } },
    },
  ])('$name', check);
});

describe('leaving and quitting', () => {
  it.each<Case>([
    { name: 'Esc goes back to the journeys', events: [{ type: 'leave' }], effects: [BACK] },
    {
      name: 'a waiting confidence or policy is not worth asking about (notes are parked, never waiting)',
      before: { drafts: { a1: { confidence: 'verified', policy: 'none' } } },
      events: [{ type: 'leave' }],
      effects: [BACK],
    },
    { name: 'q quits through the quit guard', events: [{ type: 'quit' }], effects: [{ type: 'quit', force: false }] },
    { name: '? shows the walk\'s keys', events: [{ type: 'help' }], effects: [{ type: 'show-help', scope: 'walk' }] },
    { name: 'Ctrl-C with nothing unsaved quits', events: [{ type: 'interrupt' }], effects: [QUIT] },
    { name: 'Ctrl-C with an unchanged note open quits', before: noteOn('a1', 'same', 'same'), events: [{ type: 'interrupt' }], effects: [QUIT] },
    { name: 'Ctrl-C with a changed note asks first', before: noteOn('a1', 'last words'), events: [{ type: 'interrupt' }], after: { prompt: { kind: 'note-quit' } } },
    {
      name: 'then s saves it and quits',
      answers: [answer('a1')],
      before: noteOn('a1', 'last words'),
      events: [{ type: 'interrupt' }, { type: 'prompt-key', input: 's', plain: true }],
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'mid', confidence: 'reported', note: 'last words', by: 'Ben' }), QUIT],
    },
    {
      name: 'then s on customer data asks about it, and m masks, saves and quits',
      answers: [answer('a1')],
      before: noteOn('a1', 'ana@example.com'),
      events: [{ type: 'interrupt' }, { type: 'prompt-key', input: 's', plain: true }, { type: 'prompt-key', input: 'm', plain: true }],
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'mid', confidence: 'reported', note: '[email removed]', by: 'Ben' }), QUIT],
    },
    { name: 'then d quits without it', before: noteOn('a1', 'last words'), events: [{ type: 'interrupt' }, { type: 'prompt-key', input: 'd', plain: true }], effects: [QUIT] },
    { name: 'then a second Ctrl-C quits', before: noteOn('a1', 'last words'), events: [{ type: 'interrupt' }, { type: 'interrupt' }], effects: [QUIT] },

    {
      name: 'Ctrl-C while asked about customer data quits',
      before: { ...noteOn('a1', 'ana@example.com'), prompt: { kind: 'note-pii', then: 'close' } },
      events: [{ type: 'interrupt' }],
      effects: [QUIT],
    },

  ])('$name', check);

});

describe('keys as walk events', () => {
  const k = (over: Partial<typeof NO_KEY> = {}) => ({ ...NO_KEY, ...over });
  it.each<[string, Partial<WalkState>, string, ReturnType<typeof k>, WalkEvent | undefined]>([
    ['a number', {}, '2', k(), { type: 'answer', choice: { kind: 'option', option: 1 } }],
    ['u', {}, 'u', k(), { type: 'answer', choice: { kind: 'unknown' } }],
    ['x', {}, 'x', k(), { type: 'answer', choice: { kind: 'na' } }],
    ['Enter', {}, '', k({ return: true }), { type: 'choose' }],
    ['↓', {}, '', k({ downArrow: true }), { type: 'highlight', move: 'down' }],
    ['v', {}, 'v', k(), { type: 'confidence', confidence: 'verified' }],
    ['r', {}, 'r', k(), { type: 'confidence', confidence: 'reported' }],
    ['d', {}, 'd', k(), { type: 'confidence', confidence: 'disputed' }],
    ['p', {}, 'p', k(), { type: 'policy' }],
    ['n', {}, 'n', k(), { type: 'note-open' }],
    ['←', {}, '', k({ leftArrow: true }), { type: 'move', to: 'previous' }],
    ['b', {}, 'b', k(), { type: 'move', to: 'previous' }],
    ['→', {}, '', k({ rightArrow: true }), { type: 'move', to: 'next' }],
    ['g', {}, 'g', k(), { type: 'move', to: 'next-unanswered' }],
    ['PgDn', {}, '', k({ pageDown: true }), { type: 'move', to: 'next-dimension' }],
    ['PgUp', {}, '', k({ pageUp: true }), { type: 'move', to: 'previous-dimension' }],
    ['l', {}, 'l', k(), { type: 'dimensions-open' }],
    ['h', {}, 'h', k(), { type: 'question-help' }],
    ['Space', {}, ' ', k(), { type: 'help-page' }],
    ['?', {}, '?', k(), { type: 'help' }],
    ['Esc', {}, '', k({ escape: true }), { type: 'leave' }],
    ['q', {}, 'q', k(), { type: 'quit' }],
    ['Ctrl-C (the app\'s)', {}, 'c', k({ ctrl: true }), undefined],
    ['a key the walk does not know', {}, 'j', k(), undefined],
    ['Ctrl-S in the editor', { mode: 'note' }, 's', k({ ctrl: true }), { type: 'note-save' }],
    ['Ctrl-R in the editor', { mode: 'note' }, 'r', k({ ctrl: true }), { type: 'note-mask' }],
    ['Esc in the editor', { mode: 'note' }, '', k({ escape: true }), { type: 'note-escape' }],
    ['q in the editor is text', { mode: 'note' }, 'q', k(), { type: 'note-key', input: 'q', key: k() }],
    ['a key while asked', { prompt: { kind: 'note-leave' } }, 's', k(), { type: 'prompt-key', input: 's', plain: true }],
    ['a Ctrl key while asked', { prompt: { kind: 'note-leave' } }, 's', k({ ctrl: true }), { type: 'prompt-key', input: 's', plain: false }],
    ['End in the dimension list', { mode: 'dimensions' }, '', k({ end: true }), { type: 'dimension-highlight', move: 'end' }],
    ['Enter in the dimension list', { mode: 'dimensions' }, '', k({ return: true }), { type: 'dimension-choose' }],
    ['Esc in the dimension list', { mode: 'dimensions' }, '', k({ escape: true }), { type: 'dimensions-close' }],
    ['w', {}, 'w', k(), { type: 'organisation-toggle' }],
    ['o', {}, 'o', k(), { type: 'override' }],
    ['O', {}, 'O', k({ shift: true }), { type: 'drop-override' }],
  ])('%s', (_name, s, input, key, event) => {
    expect(walkEventOf(state(s), input, key)).toEqual(event);
  });
});

/**
 * Organisation-wide questions. The journey "chat" has own questions j1, j2 (access) and
 * organisation-wide w1 (access), w2 (detection). Walking order with them shown:
 * j1 w1 j2 w2; hidden, the walk is j1 j2 (plus any the journey overrides).
 */
describe('organisation-wide questions in a journey walk', () => {
  const wide = (id: string, dimension: string): Question => ({ ...question(id, dimension), scope: 'organisation' });
  const ALL = [question('j1', 'access'), wide('w1', 'access'), question('j2', 'access'), wide('w2', 'detection')];
  const orgAnswer = (questionId: string, a: Partial<OrganisationAnswer> = {}): OrganisationAnswer => ({
    questionId,
    kind: 'option',
    optionId: 'high',
    confidence: 'verified',
    note: '',
    by: 'Dana',
    at: '2026-10-01T00:00:00.000Z',
    ...a,
  });
  /** The journey walk as the screen builds it: its own questions and overrides, or all of them. */
  function journeyContext(answers: Answer[], org: OrganisationAnswer[], show: boolean): WalkContext {
    const byId = new Map(answers.map((a) => [a.questionId, a]));
    const orgById = new Map(org.map((a) => [a.questionId, a]));
    const showing = (on: boolean) => (on ? ALL : ALL.filter((q) => q.scope !== 'organisation' || byId.has(q.id)));
    return {
      ...context(answers),
      questions: showing(show),
      questionsShowing: showing,
      dimensions: dimensionSpans(showing(show)),
      organisationAnswerOf: (id) => orgById.get(id),
    };
  }
  const ORG = [orgAnswer('w1'), orgAnswer('w2', { kind: 'unknown', optionId: undefined, confidence: undefined })];

  it('hidden: the walk asks only the journey\'s own questions, and answering j1 goes on to j2', () => {
    const ctx = journeyContext([], ORG, false);
    expect(ctx.questions.map((q) => q.id)).toEqual(['j1', 'j2']);
    const next = walkStep(initialWalkState(ctx), { type: 'answer', choice: { kind: 'option', option: 0 } }, ctx);
    expect(next.state.index).toBe(1);
    expect(ctx.questions[next.state.index]!.id).toBe('j2');
    expect(next.effects).toEqual([record({ questionId: 'j1', kind: 'option', optionId: 'low', confidence: 'reported' })]);
  });

  it('w shows them: the question shown stays, and the message counts the questions added', () => {
    const hidden = journeyContext([], ORG, false);
    const next = walkStep({ ...state(), index: 1 }, { type: 'organisation-toggle' }, hidden);
    expect(next.state).toMatchObject({ showOrganisation: true, index: 2, message: expect.stringContaining('2 organisation-wide questions shown') });
    expect(ALL[next.state.index]!.id).toBe('j2');
  });

  it('w hides them: on an organisation-wide question, the walk goes to the next one still shown', () => {
    const shown = journeyContext([], ORG, true);
    const next = walkStep({ ...state(), index: 1, showOrganisation: true }, { type: 'organisation-toggle' }, shown);
    expect(next.state).toMatchObject({ showOrganisation: false, index: 1 });
    expect(journeyContext([], ORG, false).questions[1]!.id).toBe('j2');
  });

  it("shown: the organisation's answer is highlighted and an answer key is refused, recording nothing", () => {
    const ctx = journeyContext([], ORG, true);
    const s = walkStep({ ...state(), index: 0 }, { type: 'move', to: 'next' }, ctx).state;
    expect(s).toMatchObject({ index: 1, highlight: 2 });
    const refused = walkStep(s, { type: 'answer', choice: { kind: 'option', option: 0 } }, ctx);
    expect(refused.effects).toEqual([]);
    expect(refused.state).toMatchObject({ index: 1, message: expect.stringContaining('o answers it for this journey only') });
    for (const event of [{ type: 'confidence', confidence: 'disputed' }, { type: 'policy' }, { type: 'note-open' }, { type: 'choose' }] as WalkEvent[]) {
      const r = walkStep(s, event, ctx);
      expect(r.effects).toEqual([]);
      expect(r.state.mode).toBe('answer');
    }
  });

  it('a question nobody has answered organisation-wide says where to answer it', () => {
    const ctx = journeyContext([], [], true);
    const r = walkStep({ ...state(), index: 1 }, { type: 'answer', choice: { kind: 'unknown' } }, ctx);
    expect(r.effects).toEqual([]);
    expect(r.state.message).toContain('Not answered organisation-wide yet');
  });

  it('o then an answer records an override for this journey, by the facilitator, with the note parked for it', () => {
    const ctx = { ...journeyContext([], ORG, true), parkedNoteOf: (id: string) => (id === 'w1' ? 'chat agents use a shared inbox' : undefined) };
    let s: WalkState = { ...state(), index: 1, showOrganisation: true, highlight: 2 };
    s = walkStep(s, { type: 'override' }, ctx).state;
    expect(s.overriding).toBe('w1');
    const r = walkStep(s, { type: 'answer', choice: { kind: 'option', option: 0 } }, ctx);
    expect(r.effects).toEqual([
      record({ questionId: 'w1', kind: 'option', optionId: 'low', confidence: 'reported', note: 'chat agents use a shared inbox' }),
      { type: 'unpark', journeyId: 'chat', questionId: 'w1' },
    ]);
    expect(r.state).toMatchObject({ index: 2, message: expect.stringContaining('override') });
    expect(r.state.overriding).toBeUndefined();
  });

  it('o twice leaves it to the organisation; moving away does too', () => {
    const ctx = journeyContext([], ORG, true);
    const on = walkStep({ ...state(), index: 1, showOrganisation: true }, { type: 'override' }, ctx).state;
    expect(walkStep(on, { type: 'override' }, ctx).state.overriding).toBeUndefined();
    expect(walkStep(on, { type: 'move', to: 'next' }, ctx).state.overriding).toBeUndefined();
  });

  it('o on a journey question, or on one already overridden, says so and changes nothing', () => {
    const overridden = [answer('w1', { optionId: 'low' })];
    const ctx = journeyContext(overridden, ORG, false);
    expect(ctx.questions.map((q) => q.id)).toEqual(['j1', 'w1', 'j2']);
    const own = walkStep(state(), { type: 'override' }, ctx).state;
    expect(own.overriding).toBeUndefined();
    expect(own.message).toContain("journey's own");
    const already = walkStep({ ...state(), index: 1 }, { type: 'override' }, ctx).state;
    expect(already.overriding).toBeUndefined();
    expect(already.message).toContain('O drops it');
  });

  it('an override is answered like any question of the journey (its own answer is the base)', () => {
    const ctx = journeyContext([answer('w1', { optionId: 'low', by: 'Ben', note: 'why' })], ORG, false);
    const r = walkStep({ ...state(), index: 1 }, { type: 'answer', choice: { kind: 'option', option: 1 } }, ctx);
    expect(r.effects).toEqual([record({ questionId: 'w1', kind: 'option', optionId: 'mid', confidence: 'reported', note: 'why', by: 'Ana' })]);
  });

  it('O drops the override; elsewhere it says there is nothing to drop', () => {
    const ctx = journeyContext([answer('w1', { optionId: 'low' })], ORG, false);
    const r = walkStep({ ...state(), index: 1 }, { type: 'drop-override' }, ctx);
    expect(r.effects).toEqual([{ type: 'drop-override', journeyId: 'chat', questionId: 'w1' }]);
    expect(r.state.message).toContain("the organisation's answer holds");
    expect(walkStep(state(), { type: 'drop-override' }, ctx)).toMatchObject({ effects: [], state: { message: expect.stringContaining('Nothing to drop') } });
  });

  it('g and the opening skip questions the organisation answers, even carried over or unanswered', () => {
    const ctx = journeyContext([answer('j1')], [orgAnswer('w1', { carriedOver: true })], true);
    expect(initialWalkState(ctx).index).toBe(2);
    expect(walkStep({ ...state(), index: 2, showOrganisation: true }, { type: 'move', to: 'next-unanswered' }, ctx).state.index).toBe(2);
  });
});

describe('the organisation-wide section', () => {
  const W = [{ ...question('w1', 'access'), scope: 'organisation' as const }, { ...question('w2', 'detection'), scope: 'organisation' as const }];
  function orgContext(answers: Answer[]): WalkContext {
    const byId = new Map(answers.map((a) => [a.questionId, { ...a, journeyId: '' }]));
    return {
      ...context(),
      section: 'organisation',
      journeyId: '',
      questions: W,
      questionsShowing: () => W,
      dimensions: dimensionSpans(W),
      answerOf: (id) => byId.get(id),
      organisationAnswerOf: (id) => byId.get(id),
    };
  }

  it('an answer is the organisation\'s: recorded without a journey', () => {
    const r = walkStep(state(), { type: 'answer', choice: { kind: 'option', option: 2 } }, orgContext([]));
    expect(r.effects).toEqual([{ type: 'record-organisation', answer: { questionId: 'w1', kind: 'option', optionId: 'high', confidence: 'reported', note: '', by: 'Ana', at: AT } }]);
  });

  it('confidence on an organisation answer records the organisation answer', () => {
    const r = walkStep(state(), { type: 'confidence', confidence: 'verified' }, orgContext([answer('w1', { by: 'Dana' })]));
    expect(r.effects).toEqual([{ type: 'record-organisation', answer: { questionId: 'w1', kind: 'option', optionId: 'mid', confidence: 'verified', note: '', by: 'Dana', at: AT } }]);
  });

  it('an answer carried over, chosen again, is confirmed as the organisation\'s', () => {
    const r = walkStep(state({ highlight: 1 }), { type: 'choose' }, orgContext([answer('w1', { carriedOver: true })]));
    expect(r.effects).toEqual([{ type: 'confirm', journeyId: null, questionId: 'w1', by: 'Ana' }]);
  });

  it('w, o and O say what the section is and do nothing', () => {
    const ctx = orgContext([answer('w1')]);
    for (const type of ['organisation-toggle', 'override', 'drop-override'] as const) {
      const r = walkStep(state(), { type }, ctx);
      expect(r.effects).toEqual([]);
      expect(r.state.message).toBeTruthy();
      expect(r.state.overriding).toBeUndefined();
    }
  });

  it('g at the end says every organisation-wide question is answered', () => {
    const ctx = orgContext([answer('w1'), answer('w2')]);
    expect(walkStep(state(), { type: 'move', to: 'next-unanswered' }, ctx).state.message).toBe('Every organisation-wide question is answered, none still carried over.');
  });
});

/**
 * The walk's comforts: z undoes, a change says what it changed, `/` goes to a question,
 * N shows the whole note. A "live" context plays the workbook: the effects of each step
 * change the answers the next step reads, as the screen's `perform` does.
 */
describe('undo (z)', () => {
  function live(initial: Answer[] = [], parked: Record<string, string> = {}) {
    const answers = new Map(initial.map((a) => [a.questionId, a]));
    const notes = { ...parked };
    const reopened: string[] = [];
    const ctx = (): WalkContext => context([...answers.values()], {}, notes);
    let s = state();
    const effects: WalkEffect[] = [];
    const send = (...events: WalkEvent[]) => {
      for (const e of events) {
        const next = walkStep(s, e, ctx());
        s = next.state;
        effects.push(...next.effects);
        for (const effect of next.effects) {
          if (effect.type === 'record') answers.set(effect.answer.questionId, effect.answer);
          if (effect.type === 'clear') answers.delete(effect.questionId);
          if (effect.type === 'unpark') delete notes[effect.questionId];
          if (effect.type === 'reopen-parked') reopened.push(effect.questionId);
        }
      }
      return s;
    };
    return { send, answers, effects, reopened, state: () => s };
  }
  const opt = (option: number): WalkEvent => ({ type: 'answer', choice: { kind: 'option', option } });

  it('with nothing changed in this walk, says so and does nothing', () => {
    check({ name: '', events: [{ type: 'undo' }], after: { index: 0, message: 'Nothing to undo: no answer was changed in this walk yet.' } });
  });

  it('a first answer undone: the answer is removed, the walk goes back to its question, unanswered, in one line', () => {
    const w = live();
    w.send(opt(1));
    expect(w.state().index).toBe(1);
    const s = w.send({ type: 'undo' });
    expect(s).toMatchObject({ index: 0, highlight: 0, undo: [], message: 'Undone: question 1 is back to no answer.' });
    expect(w.effects.at(-1)).toEqual({ type: 'clear', journeyId: 'chat', questionId: 'a1' });
    expect(w.answers.has('a1')).toBe(false);
  });

  it('a changed answer undone: the previous answer comes back exactly (its confidence, who, when), highlighted', () => {
    const before = answer('a2', { optionId: 'high', confidence: 'verified', by: 'Ben', note: 'seen the config' });
    const w = live([before]);
    const s = w.send({ type: 'move', to: 'next' }, opt(0), { type: 'undo' });
    expect(w.effects).toEqual([
      record({ questionId: 'a2', kind: 'option', optionId: 'low', confidence: 'reported', note: 'seen the config', by: 'Ana' }),
      { type: 'record', answer: before },
    ]);
    expect(s).toMatchObject({ index: 1, highlight: 2, message: 'Undone: question 2 is back to "high" (verified).' });
  });

  it('several z in a row undo further back, the latest first; then there is nothing left', () => {
    const w = live();
    w.send(opt(0), opt(2), { type: 'answer', choice: { kind: 'unknown' } });
    expect(w.send({ type: 'undo' })).toMatchObject({ index: 2, message: 'Undone: question 3 is back to no answer.' });
    expect(w.send({ type: 'undo' })).toMatchObject({ index: 1 });
    expect(w.send({ type: 'undo' })).toMatchObject({ index: 0 });
    expect(w.answers.size).toBe(0);
    expect(w.send({ type: 'undo' }).message).toBe('Nothing to undo: no answer was changed in this walk yet.');
  });

  it('two changes to one question undo one at a time: back to the first answer, then to none', () => {
    const w = live();
    w.send(opt(0), { type: 'move', to: 'previous' }, opt(2));
    expect(w.send({ type: 'undo' }).message).toBe('Undone: question 1 is back to "low".');
    expect(w.answers.get('a1')).toMatchObject({ optionId: 'low' });
    expect(w.send({ type: 'undo' }).message).toBe('Undone: question 1 is back to no answer.');
  });

  it('undoes a confidence, the policy flag and a note changed on an answer', () => {
    const w = live([answer('a1', { note: 'old' })]);
    w.send({ type: 'confidence', confidence: 'disputed' }, { type: 'policy' });
    expect(w.answers.get('a1')).toMatchObject({ confidence: 'disputed', policy: 'documented' });
    w.send({ type: 'undo' });
    expect(w.answers.get('a1')).toMatchObject({ confidence: 'disputed' });
    expect(w.answers.get('a1')!.policy).toBeUndefined();
    w.send({ type: 'undo' });
    expect(w.answers.get('a1')).toEqual(answer('a1', { note: 'old' }));
    w.send({ type: 'note-open' }, { type: 'note-key', input: '!', key: NO_KEY }, { type: 'note-save' });
    expect(w.answers.get('a1')!.note).toBe('old!');
    w.send({ type: 'undo' });
    expect(w.answers.get('a1')!.note).toBe('old');
  });

  it('a confidence drafted before the answer is drafted again when the answer is undone', () => {
    const w = live();
    const s = w.send({ type: 'confidence', confidence: 'verified' }, opt(1), { type: 'undo' });
    expect(s.drafts).toEqual({ a1: { confidence: 'verified' } });
  });

  it('an answer that took a parked note, undone: the answer goes and the parking-lot item is opened again', () => {
    const w = live([], { a1: 'ask the QA lead' });
    const s = w.send(opt(1), { type: 'undo' });
    expect(w.effects.slice(-2)).toEqual([
      { type: 'clear', journeyId: 'chat', questionId: 'a1' },
      { type: 'reopen-parked', journeyId: 'chat', questionId: 'a1' },
    ]);
    expect(s.message).toBe('Undone: question 1 is back to no answer, its note parked again.');
  });

  it('an answer carried over and confirmed with Enter, undone: carried over again', () => {
    const carried = answer('a1', { carriedOver: true });
    const w = live([carried]);
    w.send({ type: 'highlight', move: 'down' }, { type: 'choose' });
    expect(w.effects).toEqual([{ type: 'confirm', journeyId: 'chat', questionId: 'a1', by: 'Ana' }]);
    w.send({ type: 'undo' });
    expect(w.effects.at(-1)).toEqual({ type: 'record', answer: carried });
  });

  it('keeps at most UNDO_DEPTH changes', () => {
    const w = live([answer('a1')]);
    for (let i = 0; i < 60; i++) w.send({ type: 'policy' });
    expect(w.state().undo).toHaveLength(50);
  });
});

describe('changing an answer', () => {
  it.each<Case>([
    {
      name: 'another option: "Changed from X to Y (z undoes)" with the options\' labels',
      answers: [answer('a1', { optionId: 'low' })],
      events: [{ type: 'answer', choice: { kind: 'option', option: 2 } }],
      after: { index: 1, message: 'Changed from "low" to "high" (z undoes).' },
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'high', confidence: 'reported', by: 'Ana' })],
    },
    {
      name: 'a disputed answer changed: confidence back to reported',
      answers: [answer('a1', { optionId: 'low', confidence: 'disputed' })],
      events: [{ type: 'answer', choice: { kind: 'option', option: 1 } }],
      after: { message: 'Changed from "low" to "mid", confidence back to reported (z undoes).' },
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'mid', confidence: 'reported', by: 'Ana' })],
    },
    {
      name: 'a confidence set again for it before the change (a draft) is the new confidence',
      answers: [answer('a1', { optionId: 'low', confidence: 'reported' })],
      before: { drafts: { a1: { confidence: 'verified' } } },
      events: [{ type: 'answer', choice: { kind: 'option', option: 2 } }],
      after: { message: 'Changed from "low" to "high" (z undoes).', drafts: {} },
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'high', confidence: 'verified', by: 'Ana' })],
    },
    {
      name: 'the same option chosen again keeps its confidence and says nothing',
      answers: [answer('a1', { optionId: 'mid', confidence: 'verified' })],
      events: [{ type: 'answer', choice: { kind: 'option', option: 1 } }],
      after: { message: undefined },
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'mid', confidence: 'verified', by: 'Ben' })],
    },
    {
      name: '"We don\'t know" changed to an option: reported, in words',
      answers: [answer('a1', { kind: 'unknown', optionId: undefined, confidence: undefined })],
      events: [{ type: 'answer', choice: { kind: 'option', option: 0 } }],
      after: { message: 'Changed from "We don\'t know" to "low" (z undoes).' },
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'low', confidence: 'reported', by: 'Ana' })],
    },
    {
      name: 'an option changed to "Not applicable"',
      answers: [answer('a1')],
      events: [{ type: 'answer', choice: { kind: 'na' } }],
      after: { message: 'Changed from "mid" to "Not applicable" (z undoes).' },
      effects: [record({ questionId: 'a1', kind: 'na', by: 'Ana' })],
    },
    {
      name: 'a carried-over answer changed to another: said the same way',
      answers: [answer('a1', { carriedOver: true, confidence: 'verified' })],
      events: [{ type: 'answer', choice: { kind: 'option', option: 0 } }],
      after: { message: 'Changed from "mid" to "low", confidence back to reported (z undoes).' },
      effects: [record({ questionId: 'a1', kind: 'option', optionId: 'low', confidence: 'reported', by: 'Ana' })],
    },
  ])('$name', check);
});

describe('go to a question (/)', () => {
  const PROMPTS: Record<string, string> = { a1: 'Who can export tickets?', a2: 'How are exports logged?', a3: 'Who reads call recordings?', d1: 'Would a bulk export be noticed?', d2: 'Are recordings deleted on time?' };
  const worded = QUESTIONS.map((q) => ({ ...q, prompt: PROMPTS[q.id]! }));
  const ctx: Partial<WalkContext> = { questions: worded, questionsShowing: () => worded };
  const typing = (text: string): WalkEvent[] => [{ type: 'jump-open' }, ...[...text].map((input): WalkEvent => ({ type: 'jump-key', input, key: NO_KEY }))];
  it.each<Case>([
    { name: '/ opens the line, empty', events: [{ type: 'jump-open' }], after: { mode: 'jump', jump: { value: '', cursor: 0 } } },
    { name: 'keys edit the line', ctx, events: [...typing('exx'), { type: 'jump-key', input: '', key: { ...NO_KEY, backspace: true } }], after: { mode: 'jump', jump: { value: 'ex', cursor: 2 } } },
    { name: 'a number goes to that question', ctx, events: [...typing('4'), { type: 'jump-go' }], after: { mode: 'answer', jump: undefined, index: 3, message: undefined } },
    { name: 'words go to the first question after this one whose prompt has them all, any case', ctx, events: [...typing('EXPORT'), { type: 'jump-go' }], after: { index: 1 } },
    { name: 'from further on, the search goes on from there', ctx, before: { index: 1 }, events: [...typing('export'), { type: 'jump-go' }], after: { index: 3 } },
    { name: 'and wraps to the start', ctx, before: { index: 3 }, events: [...typing('export'), { type: 'jump-go' }], after: { index: 0 } },
    { name: 'several words: every one must be in the prompt', ctx, events: [...typing('who recordings'), { type: 'jump-go' }], after: { index: 2 } },
    { name: 'from the end of the walk, the search starts at the first question', ctx, before: { index: 5 }, events: [...typing('recordings'), { type: 'jump-go' }], after: { index: 2 } },
    {
      name: 'the answer of the question gone to is highlighted',
      ctx,
      answers: [answer('d2', { optionId: 'yes' })],
      events: [...typing('deleted'), { type: 'jump-go' }],
      after: { index: 4, highlight: 1 },
    },
    {
      name: 'no match: says so, and the line stays open to change',
      ctx,
      events: [...typing('payroll'), { type: 'jump-go' }],
      after: { mode: 'jump', index: 0, jump: { value: 'payroll', cursor: 7 }, message: 'No question matches "payroll".' },
    },
    {
      name: 'a number past the walk: says how many there are',
      ctx,
      events: [...typing('9'), { type: 'jump-go' }],
      after: { mode: 'jump', index: 0, message: 'No question 9: this walk has 5 (1 to 5).' },
    },
    { name: 'Esc cancels: the line goes, the question stays', ctx, before: { index: 2 }, events: [...typing('4'), { type: 'jump-cancel' }], after: { mode: 'answer', jump: undefined, index: 2 } },
    { name: 'Enter on an empty line just closes it', ctx, events: [{ type: 'jump-open' }, { type: 'jump-go' }], after: { mode: 'answer', index: 0, message: undefined } },
    { name: 'the only match is the question shown: says so', ctx, before: { index: 2 }, events: [...typing('reads'), { type: 'jump-go' }], after: { index: 2, message: 'Only this question matches.' } },
  ])('$name', check);

  it("in a journey's walk, words of a hidden organisation-wide question find it and show them", () => {
    const wide: Question = { ...question('w1', 'access'), prompt: 'Is MFA enforced for every agent?', scope: 'organisation' };
    const all = [...worded.slice(0, 2), wide, ...worded.slice(2)];
    const c = context([], { questions: worded, questionsShowing: (on) => (on ? all : worded) });
    let s = state();
    for (const e of typing('mfa')) s = walkStep(s, e, c).state;
    const r = walkStep(s, { type: 'jump-go' }, c);
    expect(r.state).toMatchObject({ mode: 'answer', showOrganisation: true, index: 2, message: 'Found among the organisation-wide questions: w hides them again.' });
  });

  it('keys: / opens the line; in it Enter goes, Esc cancels, other keys are typed (q and ? too)', () => {
    expect(walkEventOf(state(), '/', NO_KEY)).toEqual({ type: 'jump-open' });
    const jumping = state({ mode: 'jump', jump: textAt('') });
    expect(walkEventOf(jumping, '\r', { ...NO_KEY, return: true })).toEqual({ type: 'jump-go' });
    expect(walkEventOf(jumping, '', { ...NO_KEY, escape: true })).toEqual({ type: 'jump-cancel' });
    expect(walkEventOf(jumping, 'q', NO_KEY)).toEqual({ type: 'jump-key', input: 'q', key: NO_KEY });
    expect(walkEventOf(jumping, '?', NO_KEY)).toEqual({ type: 'jump-key', input: '?', key: NO_KEY });
    expect(walkEventOf(state(), 'z', NO_KEY)).toEqual({ type: 'undo' });
    expect(walkEventOf(state(), 'N', { ...NO_KEY, shift: true })).toEqual({ type: 'whole-note' });
  });
});

describe('the whole note (N)', () => {
  it.each<Case>([
    { name: 'N shows the whole note of an answer', answers: [answer('a1', { note: 'one\ntwo' })], events: [{ type: 'whole-note' }], after: { wholeNote: true } },
    { name: 'N again: its first lines only', answers: [answer('a1', { note: 'one\ntwo' })], before: { wholeNote: true }, events: [{ type: 'whole-note' }], after: { wholeNote: false } },
    { name: 'a question without a note says so', events: [{ type: 'whole-note' }], after: { message: 'This question has no note: n writes one.' } },
  ])('$name', check);

  it('a parked note counts as a note', () => {
    const r = walkStep(state(), { type: 'whole-note' }, context([], {}, { a1: 'waiting on QA' }));
    expect(r.state.wholeNote).toBe(true);
  });
});

/** `e`: evidence goes to the answer the question shows, as it stands; only an option answer can have it. */
describe('evidence (e)', () => {
  const wide = (id: string, dimension: string): Question => ({ ...question(id, dimension), scope: 'organisation' });
  const ALL = [question('j1', 'access'), wide('w1', 'access')];
  const org: OrganisationAnswer = { questionId: 'w1', kind: 'option', optionId: 'high', confidence: 'reported', note: '', by: 'Dana', at: '2026-10-01T00:00:00.000Z' };
  const shownAll = (answers: Answer[], orgAnswers: OrganisationAnswer[] = [org]): WalkContext => ({
    ...context(answers),
    questions: ALL,
    questionsShowing: () => ALL,
    dimensions: dimensionSpans(ALL),
    organisationAnswerOf: (id) => orgAnswers.find((a) => a.questionId === id),
  });

  it("on the journey's own option answer: opens the form for the journey's answer, the state untouched", () => {
    const ctx = context([answer('a1')]);
    const before = state();
    const r = walkStep(before, { type: 'evidence' }, ctx);
    expect(r.effects).toEqual([{ type: 'add-evidence', journeyId: 'chat', questionId: 'a1', collectedBy: 'Ana' }]);
    expect(r.state).toBe(before);
  });

  it('on a question without an answer, or answered unknown or n/a: a message, no form', () => {
    expect(walkStep(state(), { type: 'evidence' }, context()).state.message).toBe('Answer the question first: evidence backs the option chosen.');
    const unknown = walkStep(state(), { type: 'evidence' }, context([answer('a1', { kind: 'unknown', optionId: undefined })]));
    expect(unknown.effects).toEqual([]);
    expect(unknown.state.message).toBe('Evidence backs an option; this answer is "We don\'t know".');
    const na = walkStep(state(), { type: 'evidence' }, context([answer('a1', { kind: 'na', optionId: undefined })]));
    expect(na.state.message).toBe('Evidence backs an option; this answer is "Not applicable".');
  });

  it("on an organisation-wide question the organisation's answer holds for: the organisation's answer (journey null)", () => {
    const r = walkStep({ ...state(), index: 1, showOrganisation: true }, { type: 'evidence' }, shownAll([]));
    expect(r.effects).toEqual([{ type: 'add-evidence', journeyId: null, questionId: 'w1', collectedBy: 'Ana' }]);
  });

  it("on a journey's override: the journey's answer; while the override is being answered: nothing to back yet", () => {
    const overridden = shownAll([answer('w1', { optionId: 'low' })]);
    expect(walkStep({ ...state(), index: 1 }, { type: 'evidence' }, overridden).effects).toEqual([{ type: 'add-evidence', journeyId: 'chat', questionId: 'w1', collectedBy: 'Ana' }]);
    const asking = walkStep({ ...state(), index: 1, overriding: 'w1' }, { type: 'evidence' }, shownAll([]));
    expect(asking.effects).toEqual([]);
    expect(asking.state.message).toContain('Answer the question first');
  });

  it('in the organisation-wide section: the organisation answer', () => {
    const ctx: WalkContext = { ...context([answer('a1', { journeyId: '' })]), section: 'organisation', journeyId: '' };
    expect(walkStep(state(), { type: 'evidence' }, ctx).effects).toEqual([{ type: 'add-evidence', journeyId: null, questionId: 'a1', collectedBy: 'Ana' }]);
  });

  it('names the one speaking as having collected it', () => {
    const r = walkStep(state({ speaker: 'Ben' }), { type: 'evidence' }, context([answer('a1')]));
    expect(r.effects).toEqual([{ type: 'add-evidence', journeyId: 'chat', questionId: 'a1', collectedBy: 'Ben' }]);
  });

  it('the key e is the event, outside the note editor', () => {
    expect(walkEventOf(state(), 'e', NO_KEY)).toEqual({ type: 'evidence' });
    expect(walkEventOf(state(noteOn('a1', '')), 'e', NO_KEY)).toMatchObject({ type: 'note-key', input: 'e' });
  });
});
