/**
 * The walk's rules as data: a pure `walkStep(state, event, context)` that returns the
 * next state and the effects to carry out (record an answer, confirm one carried over,
 * move to another screen, quit, show the keys). No React, no Ink, no store: the walk
 * screen turns key presses into events (walk-keys.ts), runs the step and carries out
 * the effects; the tests call `walkStep` directly.
 *
 * Where the next features go:
 * - a new key in the walk: a member of `WalkEvent`, its case in `walkStep` (the compiler
 *   asks for it: the switch ends in `checkExhaustive`), its binding in keybindings.ts
 *   and its line in walk-keys.ts;
 * - something new to save (a vote, an override, a parked question): a member of
 *   `WalkEffect` and its case in the screen's `perform`;
 * - questions that are not the journey's own (organisation-wide ones): `context.questions`
 *   and `context.answerOf` decide what is asked and what counts as answered, and
 *   `answerFrom` the journey an answer is recorded under;
 * - a new modal question: a member of `Prompt` and its case in `promptKey`; a line typed
 *   (the jump to a question, `/`) is a mode with its `TextState`, edited with editText.
 *
 * Longer than 300 lines on purpose: every rule of the walk is in this one file, read top
 * to bottom, so that a change to the walk has one obvious place.
 */
import type { Question } from '../core/bank-schema.js';
import { isOrganisationWide } from '../core/organisation.js';
import { inSession, sessionQuestions } from '../core/session.js';
import { findPii, maskPii } from '../core/pii.js';
import { plainLine, plainText } from '../core/terminal-text.js';
import type { Speaker } from '../core/participants.js';
import { spreadWords, voteSpread } from '../core/votes.js';
import type { Answer, Confidence, OrganisationAnswer, Policy, Position, Session } from '../core/workbook-schema.js';
import type { Key } from 'ink';
import { moveBy, type ListMove } from './list-move.js';
import { editText, textAt, type TextState } from './text-edit.js';

/**
 * What was set for a question before it was answered; saved with the answer. (A note is
 * never a draft: on an unanswered question it is parked at once, see `park`.)
 */
export interface Draft {
  confidence?: Confidence;
  /** null: explicitly unset. */
  policy?: Policy | null;
}

/** A question the walk asks before it goes on; the next key answers it. */
export type Prompt =
  /** Esc in the note editor with unsaved text. */
  | { kind: 'note-leave' }
  /** Ctrl-C in the note editor with unsaved text. */
  | { kind: 'note-quit' }
  /** Saving a note that looks like customer data; then close the editor or quit. */
  | { kind: 'note-pii'; then: 'close' | 'quit' }
  /** Esc or Ctrl-C during a vote with positions entered: drop them? */
  | { kind: 'vote-drop'; then: 'close' | 'quit' };

/** A vote under way on the question shown (`V`). */
export interface VoteState {
  questionId: string;
  /** The positions stay hidden until everyone has voted and Enter reveals them at once. */
  hidden: boolean;
  /** A hidden vote's positions have been revealed. */
  revealed: boolean;
  /** In the order entered: one per voter at most. */
  positions: readonly Position[];
}

/** An answer this visit changed, as it was before the change: what `z` puts back. */
export interface Undo {
  questionId: string;
  /** The walk's own answer before (undefined: it had none). */
  before: Answer | undefined;
  /** What was drafted for the question and went with the answer: drafted again on undo. */
  draft?: Draft;
  /** The answer took the note parked on the question and closed its parking-lot item: undo opens it again. */
  parked?: boolean;
}

/** How many changes `z` can undo, the latest first. */
export const UNDO_DEPTH = 50;

export interface WalkState {
  /** The question shown; `questions.length` is the end of the journey. */
  index: number;
  /** The highlighted row: an option, then "We don't know", then "Not applicable". */
  highlight: number;
  /** jump: the line "go to question" is being typed (`/`); speaker: choosing who answers (`s`); vote: a vote (`V`). */
  mode: 'answer' | 'note' | 'dimensions' | 'jump' | 'speaker' | 'vote';
  /** The question's help text is shown. */
  showHelp: boolean;
  /**
   * Space pressed this many times on the question's help (its pages, from the first; the
   * screen turns it into a page of however many the terminal's height makes). Only for
   * the question it was pressed on: another question opens its help at the top.
   */
  helpPage?: { questionId: string; page: number };
  /** By question id. */
  drafts: Readonly<Record<string, Draft>>;
  /** The note being edited, and its text when the editor opened. */
  note?: { questionId: string; text: TextState; original: string };
  /** The highlighted row of the dimension list. */
  dimension: number;
  prompt?: Prompt;
  /** One line saying what the last key did. */
  message?: string;
  /** A journey's walk shows the organisation-wide questions too (their organisation answers). */
  showOrganisation: boolean;
  /** The organisation-wide question being answered for this journey only (`o`), until answered or left. */
  overriding?: string;
  /** The answers changed in this visit, oldest first: `z` takes back the last. */
  undo?: readonly Undo[];
  /** What is typed in the jump line (mode 'jump'): a question's number or words of its prompt. */
  jump?: TextState;
  /** The whole note is shown, not only its first lines (`N`). */
  wholeNote?: boolean;
  /** Who gives the next answers (a name among `context.speakers`); undefined: the facilitator. */
  speaker?: string;
  /** The highlighted row of the list of speakers (mode 'speaker'). */
  speakerRow?: number;
  /** The vote under way (mode 'vote'). */
  vote?: VoteState;
}

/** A run of questions of one dimension in walking order. */
export interface DimensionSpan {
  id: string;
  first: number;
  count: number;
}

/** What the walk needs to know about the workbook to take a step. */
export interface WalkContext {
  /**
   * journey: one journey's walk, which asks what is specific to the journey and shows
   * the organisation-wide questions only on request (`w`); organisation: the
   * organisation-wide section, whose answers hold for every journey.
   */
  section: 'journey' | 'organisation';
  /** The journey walked ('' for the organisation-wide section). */
  journeyId: string;
  /** In walking order (grouped by dimension): what this walk shows as it stands. */
  questions: readonly Question[];
  /** A journey's walk: its questions with the organisation-wide ones shown or not (for `w`). */
  questionsShowing: (showOrganisation: boolean) => readonly Question[];
  /** The answer a question of this walk has of its own (a journey's: an override on an organisation-wide question). */
  answerOf: (questionId: string) => Answer | undefined;
  /** The organisation answer to an organisation-wide question, if any. */
  organisationAnswerOf: (questionId: string) => OrganisationAnswer | undefined;
  /** The note parked on a question of this walk that has no answer yet, if any. */
  parkedNoteOf: (questionId: string) => string | undefined;
  dimensions: readonly DimensionSpan[];
  /** The next journey with questions unanswered or answers carried over; where Enter goes at the end. */
  nextJourneyId: string | undefined;
  /** Who answers when nobody else was chosen to speak. */
  facilitator: string;
  /** Who can give an answer, the facilitator first (`s` chooses among them). */
  speakers: readonly Speaker[];
  /** The participants' names, in order: who votes in a vote. */
  voters: readonly string[];
  now: Date;
  /** What the bank calls a journey, as written mid-sentence ("journey" when not given). */
  scopeName?: string;
  /** The bank's names of the five exposure levels, where it gives them (a vote's spread is told in them). */
  levelNames?: readonly string[] | null;
}

/** "journey", or what the bank assesses instead. */
const one = (context: Pick<WalkContext, 'scopeName'>) => context.scopeName ?? 'journey';

/** The answer an event gives. */
export type Choice = { kind: 'option'; option: number } | { kind: 'unknown' } | { kind: 'na' };

export type WalkEvent =
  /** Answer the question shown (1-9, u, x). */
  | { type: 'answer'; choice: Choice }
  /** Enter: the highlighted answer; at the end of the journey, the next journey. */
  | { type: 'choose' }
  | { type: 'highlight'; move: ListMove }
  | { type: 'confidence'; confidence: Confidence }
  /** Documented on paper: yes, no, unset, in turn. */
  | { type: 'policy' }
  | { type: 'move'; to: 'previous' | 'next' | 'next-unanswered' | 'next-dimension' | 'previous-dimension' }
  | { type: 'question-help' }
  /** Space: the next page of the question's help (after the last, the first again). */
  | { type: 'help-page' }
  | { type: 'note-open' }
  /** A key typed into the note editor (text, cursor movement, Enter). */
  | { type: 'note-key'; input: string; key: Key }
  | { type: 'note-save' }
  | { type: 'note-mask' }
  | { type: 'note-escape' }
  | { type: 'dimensions-open' }
  | { type: 'dimension-highlight'; move: ListMove }
  | { type: 'dimension-choose' }
  | { type: 'dimensions-close' }
  /** w: show or hide the organisation-wide questions in a journey's walk. */
  | { type: 'organisation-toggle' }
  /** o: answer the organisation-wide question shown for this journey only (again: leave it to the organisation). */
  | { type: 'override' }
  /** O: drop this journey's override; the organisation's answer holds again. */
  | { type: 'drop-override' }
  /** z: the last answer changed in this visit put back as it was. */
  | { type: 'undo' }
  /** /: open the line to go to a question by its number or words of its prompt. */
  | { type: 'jump-open' }
  /** A key typed into the jump line. */
  | { type: 'jump-key'; input: string; key: Key }
  /** Enter in the jump line: the first match after the question shown (wrapping). */
  | { type: 'jump-go' }
  | { type: 'jump-cancel' }
  /** N: the whole note shown, or only its first lines again. */
  | { type: 'whole-note' }
  /** s: choose who gives the next answers. */
  | { type: 'speaker-open' }
  | { type: 'speaker-highlight'; move: ListMove }
  /** Enter on the list of speakers (row undefined: the highlighted one), or a number. */
  | { type: 'speaker-choose'; row?: number }
  | { type: 'speaker-close' }
  /** V: a vote on the question shown. */
  | { type: 'vote-open' }
  /** In a vote: the next voter's pick, or once the positions are shown the answer the room settles on. */
  | { type: 'vote-choice'; choice: Choice }
  /** Backspace in a vote: the last position taken back. */
  | { type: 'vote-take-back' }
  /** Tab in a vote: hidden until everyone has voted, or open as entered. */
  | { type: 'vote-visibility' }
  /** Enter in a vote: reveal the positions (once everyone has voted). */
  | { type: 'vote-reveal' }
  /** Esc in a vote: drop it (asks first when positions were entered). */
  | { type: 'vote-cancel' }
  /** e: add evidence to the answer the question shows. */
  | { type: 'evidence' }
  /** The key that answers the prompt showing; `plain`: no Ctrl or Meta held. */
  | { type: 'prompt-key'; input: string; plain: boolean }
  | { type: 'help' }
  /** Esc: back to the journeys (asks first while notes wait for answers). */
  | { type: 'leave' }
  /** q: quit as the app does (it asks the quit guard, which sends `interrupt`). */
  | { type: 'quit' }
  /** Ctrl-C, asked by the app's quit guard: a `quit` effect lets it go ahead. */
  | { type: 'interrupt' };

export type WalkEffect =
  | { type: 'record'; answer: Answer }
  /** In the organisation-wide section: the answer for every journey. */
  | { type: 'record-organisation'; answer: OrganisationAnswer }
  /** The answer carried over from the last cycle, chosen again: confirmed as it stands (journeyId null: the organisation's). */
  | { type: 'confirm'; journeyId: string | null; questionId: string; by: string }
  /** A journey's override of an organisation answer removed: the organisation's holds again. */
  | { type: 'drop-override'; journeyId: string; questionId: string }
  /** Undo back to no answer: the question's answer removed (journeyId null: the organisation's). */
  | { type: 'clear'; journeyId: string | null; questionId: string }
  /** Undo of an answer that took a parked note: the parking-lot item it closed is open again. */
  | { type: 'reopen-parked'; journeyId: string | null; questionId: string }
  /** A note on a question without an answer, parked at once (an empty note unparks it); journeyId null: the organisation-wide section. */
  | { type: 'park'; journeyId: string | null; questionId: string; note: string; by: string }
  /** The question with a parked note is answered: the note went with the answer, the parking-lot item is closed. */
  | { type: 'unpark'; journeyId: string | null; questionId: string }
  | { type: 'navigate'; to: { kind: 'back' } | { kind: 'journey'; journeyId: string } }
  /** Open the evidence form on the answer the question shows (journeyId null: the organisation's answer). */
  | { type: 'add-evidence'; journeyId: string | null; questionId: string; collectedBy: string }
  /** `s`: who speaks from now on, remembered in the workbook for the next walk (undefined: the facilitator). */
  | { type: 'speaker'; speaker: string | undefined }
  /** `force`: at once; otherwise through the quit guard. */
  | { type: 'quit'; force: boolean }
  | { type: 'show-help'; scope: 'walk' | 'walk-end' | 'dimensions' | 'speaker' | 'vote' };

export interface WalkStep {
  state: WalkState;
  effects: WalkEffect[];
}

/** "yes", "no" or "unset": the policy flag in words. */
export const policyWords = (p: Policy | null | undefined): string => (p === 'documented' ? 'yes' : p === 'none' ? 'no' : 'unset');
const nextPolicy = (p: Policy | null | undefined): Policy | null => (p === 'documented' ? 'none' : p === 'none' ? null : 'documented');

export function checkExhaustive(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}

/** The runs of questions of one dimension, in walking order. */
export function dimensionSpans(questions: readonly Question[]): DimensionSpan[] {
  const spans: DimensionSpan[] = [];
  questions.forEach((q, i) => {
    const last = spans[spans.length - 1];
    if (last && last.id === q.dimension) last.count++;
    else spans.push({ id: q.dimension, first: i, count: 1 });
  });
  return spans;
}

/** The row that shows an answer to `question`: its option, "We don't know" or "Not applicable" (0 unanswered). */
export function answerRowOf(question: Question, answer: Pick<Answer, 'kind' | 'optionId'> | undefined): number {
  if (!answer) return 0;
  if (answer.kind === 'option') return Math.max(0, question.options.findIndex((o) => o.id === answer.optionId));
  return answer.kind === 'unknown' ? question.options.length : question.options.length + 1;
}

/**
 * In a journey's walk, an organisation-wide question the journey has no answer of its
 * own to: the organisation's answer holds, and the walk does not ask it.
 */
export function heldByOrganisation(context: WalkContext, question: Question): boolean {
  return context.section === 'journey' && isOrganisationWide(question) && !context.answerOf(question.id);
}

/** The answer a question shows: its own, else (held by the organisation) the organisation's. */
export function shownAnswer(context: WalkContext, question: Question): Answer | undefined {
  const own = context.answerOf(question.id);
  if (own || !heldByOrganisation(context, question)) return own;
  const org = context.organisationAnswerOf(question.id);
  return org && { ...org, journeyId: context.journeyId };
}

/** The row to highlight on opening question `index`: its answer's (0 past the end). */
function answerRow(context: WalkContext, index: number): number {
  const q = context.questions[index];
  return q ? answerRowOf(q, shownAnswer(context, q)) : 0;
}

/** The next question from `from` (wrapping) with no answer, or with one still carried over; never one the organisation's answer holds. */
export function firstUnansweredFrom(context: WalkContext, from: number): number | undefined {
  const { questions } = context;
  for (let k = 0; k < questions.length; k++) {
    const i = (from + k) % questions.length;
    const q = questions[i]!;
    if (heldByOrganisation(context, q)) continue;
    const a = context.answerOf(q.id);
    if (!a || a.carriedOver) return i;
  }
  return undefined;
}

/**
 * The questions a walk asks in a session: the session's own (every question, the core
 * set, or the chosen dimensions), in walking order. A question asked for by id that the
 * session leaves out (opened from the results or the stale answers) opens the whole walk
 * instead: `scoped` false.
 */
export function sessionWalk(questions: readonly Question[], session: Pick<Session, 'scope' | 'dimensions'> | undefined, askedId?: string): { questions: readonly Question[]; scoped: boolean } {
  if (!session || session.scope === 'all') return { questions, scoped: false };
  if (askedId !== undefined && questions.some((q) => q.id === askedId && !inSession(session, q))) return { questions, scoped: false };
  return { questions: sessionQuestions(session, questions), scoped: true };
}

/** How many questions of the walk are still to answer: no answer of its own, or one carried over; never one the organisation's answer holds. */
export function questionsLeft(context: Pick<WalkContext, 'section' | 'questions' | 'answerOf'>): number {
  let n = 0;
  for (const q of context.questions) {
    if (context.section === 'journey' && isOrganisationWide(q) && !context.answerOf(q.id)) continue;
    const a = context.answerOf(q.id);
    if (!a || a.carriedOver) n++;
  }
  return n;
}

/** Where the walk opens: `questionId` if given, else the first question unanswered (or the end). */
export function initialWalkState(context: WalkContext, questionId?: string): WalkState {
  const asked = questionId ? context.questions.findIndex((q) => q.id === questionId) : -1;
  const index = asked >= 0 ? asked : (firstUnansweredFrom(context, 0) ?? context.questions.length);
  return { index, highlight: answerRow(context, index), mode: 'answer', showHelp: false, drafts: {}, dimension: 0, showOrganisation: false };
}


/** The dimension span the question `index` is in (-1 at the end). */
export function spanAt(dimensions: readonly DimensionSpan[], index: number): number {
  return dimensions.findIndex((d) => index >= d.first && index < d.first + d.count);
}

/**
 * The answer to record: `change` over the answer the question has (`base`), at `now`,
 * by `by` when the answer itself is given or changed (the one speaking), else by the one
 * who gave it (a note, confidence or the policy flag set on it), else the facilitator.
 * A vote stays with the answer while its choice stays.
 */
export function answerFrom(
  context: WalkContext,
  question: Question,
  change: Partial<Answer> & Pick<Answer, 'kind'>,
  base: Answer | undefined,
  by?: string,
): Answer {
  const sameChoice = base !== undefined && base.kind === change.kind && (change.kind !== 'option' || (change.optionId ?? base.optionId) === base.optionId);
  const vote = change.vote ?? (sameChoice ? base.vote : undefined);
  const given: Answer = {
    journeyId: context.journeyId,
    questionId: question.id,
    kind: change.kind,
    ...(change.kind === 'option' ? { optionId: change.optionId ?? base?.optionId, confidence: change.confidence ?? base?.confidence ?? 'reported' } : {}),
    ...((change.policy ?? base?.policy) ? { policy: change.policy ?? base?.policy } : {}),
    note: change.note ?? base?.note ?? '',
    by: by || base?.by || context.facilitator,
    at: context.now.toISOString(),
    ...(vote ? { vote } : {}),
  };
  // `policy: undefined` given on purpose: the flag is unset.
  if (change.policy === undefined && 'policy' in change) delete given.policy;
  return given;
}

const step = (state: WalkState, ...effects: WalkEffect[]): WalkStep => ({ state, effects });

/** What is said when a key would change an answer the organisation gives. */
function heldMessage(context: WalkContext, q: Question): string {
  return context.organisationAnswerOf(q.id)
    ? `The organisation's answer holds here. o answers it for this ${one(context)} only.`
    : `Not answered organisation-wide yet: answer it there, or o for this ${one(context)} only.`;
}

/** A key that would change the answer is refused: the organisation's answer holds and no override was asked for. */
const locked = (state: WalkState, context: WalkContext, q: Question): boolean => heldByOrganisation(context, q) && state.overriding !== q.id;

/** The effect that saves an answer: a journey's, or in the organisation-wide section the organisation's. */
function recording(context: WalkContext, answer: Answer): WalkEffect {
  if (context.section === 'journey') return { type: 'record', answer };
  const { journeyId: _none, ...organisation } = answer;
  return { type: 'record-organisation', answer: organisation };
}

/** The state at question `i` (clamped to 0 ... the end), its answer highlighted, the message gone. */
function goTo(state: WalkState, context: WalkContext, i: number, extra: Partial<WalkState> = {}): WalkState {
  const index = Math.max(0, Math.min(context.questions.length, i));
  return { ...state, index, highlight: answerRow(context, i), message: undefined, overriding: undefined, ...extra };
}

/** Answers the question shown and moves on; what was drafted for it goes with the answer. */
function answer(state: WalkState, context: WalkContext, choice: Choice): WalkStep {
  const q = context.questions[state.index];
  if (!q) return step(state);
  const optionId = choice.kind === 'option' ? q.options[choice.option]?.id : undefined;
  if (choice.kind === 'option' && optionId === undefined) {
    return step({ ...state, message: onlyOptions(q) });
  }
  if (locked(state, context, q)) return step({ ...state, message: heldMessage(context, q) });
  const base = context.answerOf(q.id);
  const next = state.index + 1;
  const moved: Partial<WalkState> = { index: next, highlight: answerRow(context, next), overriding: undefined };
  if (base?.carriedOver && base.kind === choice.kind && (choice.kind !== 'option' || base.optionId === optionId)) {
    return step(
      { ...state, ...moved, undo: remember(state, { questionId: q.id, before: base }), message: 'The previous answer was kept (confirmed for this cycle).' },
      { type: 'confirm', journeyId: context.section === 'journey' ? context.journeyId : null, questionId: q.id, by: speakerOf(state, context) },
    );
  }
  const draft = state.drafts[q.id] ?? {};
  // Another answer than the one given: its confidence was about the old one, so it is reported again unless set for this one.
  const changed = base !== undefined && !sameChoice(base, choice.kind, optionId);
  const change: Partial<Answer> & Pick<Answer, 'kind'> = { kind: choice.kind };
  if (choice.kind === 'option') {
    change.optionId = optionId;
    change.confidence = draft.confidence ?? (base?.kind === 'option' && !changed ? base.confidence : undefined) ?? 'reported';
  }
  const parked = base ? undefined : context.parkedNoteOf(q.id);
  if (parked !== undefined) change.note = parked;
  if (draft.policy !== undefined) change.policy = draft.policy ?? undefined;
  const { [q.id]: _done, ...drafts } = state.drafts;
  const overrode = state.overriding === q.id && !base;
  // The answer given or changed is the speaker's; the same answer again (a confidence kept) stays theirs who gave it.
  const given = answerFrom(context, q, change, base, !base || changed ? speakerOf(state, context) : undefined);
  const effects = [recording(context, given)];
  if (parked !== undefined) effects.push({ type: 'unpark', ...placeOf(context, q) });
  const undo = remember(state, { questionId: q.id, before: base, ...(state.drafts[q.id] ? { draft: state.drafts[q.id] } : {}), ...(parked !== undefined ? { parked: true } : {}) });
  const reset = changed && base.kind === 'option' && base.confidence !== undefined && base.confidence !== 'reported' && given.confidence === 'reported';
  const message = changed
    ? `Changed from ${answerWords(q, base)} to ${answerWords(q, given)}${reset ? `, confidence back to reported` : ''} (z undoes).`
    : overrode
      ? `Saved as this ${one(context)}'s override: O on it drops it.`
      : undefined;
  return step({ ...state, ...moved, drafts, undo, message }, ...effects);
}

/** The answer `base` gives is the one chosen now (the same option, or the same "We don't know" or "Not applicable"). */
const sameChoice = (base: Answer, kind: Choice['kind'], optionId: string | undefined): boolean => base.kind === kind && (kind !== 'option' || base.optionId === optionId);

/** Characters of an option's label a message quotes (a long label is cut with "…"). */
const LABEL_WORDS = 40;

/** An answer in a few words: its option's label in quotes, "We don't know", "Not applicable" (or "no answer"). */
export function answerWords(q: Question, a: Pick<Answer, 'kind' | 'optionId'> | undefined): string {
  if (!a) return 'no answer';
  if (a.kind === 'unknown') return `"We don't know"`;
  if (a.kind === 'na') return '"Not applicable"';
  const label = plainLine(q.options.find((o) => o.id === a.optionId)?.label ?? a.optionId ?? '');
  const chars = [...label];
  return `"${chars.length > LABEL_WORDS ? `${chars.slice(0, LABEL_WORDS - 1).join('').trimEnd()}…` : label}"`;
}

/** The undo stack with one more change (the oldest dropped past UNDO_DEPTH). */
const remember = (state: WalkState, entry: Undo): readonly Undo[] => [...(state.undo ?? []), entry].slice(-UNDO_DEPTH);

/** z: the last answer changed in this visit put back as it was (or removed, if it had none); the walk goes to its question. */
function undo(state: WalkState, context: WalkContext): WalkStep {
  const stack = state.undo ?? [];
  const last = stack[stack.length - 1];
  if (!last) return step({ ...state, message: 'Nothing to undo: no answer was changed in this walk yet.' });
  const rest = stack.slice(0, -1);
  // An organisation-wide question in a journey's walk is found among them all: undoing an override adds it to the walk or takes it out.
  const showOrganisation = state.showOrganisation || (context.section === 'journey' && context.questionsShowing(true).some((x) => x.id === last.questionId && isOrganisationWide(x)));
  const list = context.section === 'journey' && showOrganisation ? context.questionsShowing(true) : context.questions;
  const index = list.findIndex((x) => x.id === last.questionId);
  const q = list[index];
  if (!q) return step({ ...state, undo: rest, message: 'That question is no longer in this walk: nothing was undone.' });
  const place = placeOf(context, q);
  const effects: WalkEffect[] = [last.before ? recording(context, last.before) : { type: 'clear', ...place }];
  if (last.parked) effects.push({ type: 'reopen-parked', ...place });
  const shownAfter = last.before ?? (context.section === 'journey' && isOrganisationWide(q) ? context.organisationAnswerOf(q.id) : undefined);
  const confidence = last.before?.kind === 'option' && last.before.confidence && last.before.confidence !== 'reported' ? ` (${last.before.confidence})` : '';
  const back = last.before ? `${answerWords(q, last.before)}${confidence}` : last.parked ? 'no answer, its note parked again' : 'no answer';
  return step(
    {
      ...state,
      mode: 'answer',
      index,
      highlight: answerRowOf(q, shownAfter),
      showOrganisation,
      overriding: undefined,
      drafts: last.draft ? { ...state.drafts, [q.id]: last.draft } : state.drafts,
      undo: rest,
      message: `Undone: question ${index + 1} is back to ${back}.`,
    },
    ...effects,
  );
}

/** The question a jump line names: its number in the walk, or the first after `from` (wrapping) whose prompt has every word typed. */
export function findQuestion(questions: readonly Question[], typed: string, from: number): { index: number } | { problem: string } {
  const text = typed.trim();
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n >= 1 && n <= questions.length) return { index: n - 1 };
    return { problem: `No question ${n}: this walk has ${questions.length} (1 to ${questions.length}).` };
  }
  const words = text.toLocaleLowerCase('en').split(/\s+/).filter(Boolean);
  const start = from >= 0 && from < questions.length ? from : -1;
  for (let k = 1; k <= questions.length; k++) {
    const i = (start + k + questions.length) % questions.length;
    const prompt = plainLine(questions[i]!.prompt).toLocaleLowerCase('en');
    if (words.every((w) => prompt.includes(w))) return { index: i };
  }
  return { problem: `No question matches "${plainLine(text)}".` };
}

/** Enter in the jump line: go to the question it names; a journey's walk looks among the organisation-wide questions too when they are hidden. */
function jumpGo(state: WalkState, context: WalkContext): WalkStep {
  const typed = state.jump?.value.trim() ?? '';
  const closed: WalkState = { ...state, mode: 'answer', jump: undefined };
  if (typed === '') return step(closed);
  const found = findQuestion(context.questions, typed, state.index);
  if ('index' in found) {
    const message = found.index === state.index && !/^\d+$/.test(typed) ? 'Only this question matches.' : undefined;
    return step({ ...goTo(closed, context, found.index), message });
  }
  if (context.section === 'journey' && !state.showOrganisation && !/^\d+$/.test(typed)) {
    const all = context.questionsShowing(true);
    const current = context.questions[state.index];
    const from = current ? all.findIndex((x) => x.id === current.id) : all.length;
    const wider = findQuestion(all, typed, from);
    if ('index' in wider) {
      const seen: WalkContext = { ...context, questions: all };
      return step({ ...goTo({ ...closed, showOrganisation: true }, seen, wider.index), message: 'Found among the organisation-wide questions: w hides them again.' });
    }
  }
  return step({ ...state, message: found.problem });
}

/** Where a parked note of this walk belongs: the journey's question, or the organisation-wide section's. */
const placeOf = (context: WalkContext, q: Question) => ({ journeyId: context.section === 'journey' ? context.journeyId : null, questionId: q.id });

/** Saves the note being edited: to the answer, or (no answer yet) to the parking lot, at once. */
function commitNote(state: WalkState, context: WalkContext, text: string): WalkStep {
  const note = state.note;
  const q = note && context.questions.find((x) => x.id === note.questionId);
  if (!q) return step(state);
  const closed: WalkState = { ...state, mode: 'answer', note: undefined, prompt: undefined };
  const base = context.answerOf(q.id);
  if (base) {
    return step(
      { ...closed, undo: remember(state, { questionId: q.id, before: base }), message: 'Note saved.' },
      recording(context, answerFrom(context, q, { kind: base.kind, note: text }, base)),
    );
  }
  const empty = text.trim() === '';
  return step(
    { ...closed, message: empty ? 'Note removed.' : 'Note parked: saved in the parking lot, it goes with the answer once given.' },
    { type: 'park', ...placeOf(context, q), note: text, by: speakerOf(state, context) },
  );
}

/** The effects that follow a prompt answered: quit at once, or nothing. */
const thenQuit = (then: string): WalkEffect[] => (then === 'quit' ? [{ type: 'quit', force: true }] : []);

/** The key that answers the prompt showing; any key not asked for closes it and changes nothing else. */
function promptKey(state: WalkState, context: WalkContext, prompt: Prompt, input: string, plain: boolean): WalkStep {
  const s: WalkState = { ...state, prompt: undefined };
  switch (prompt.kind) {
    case 'note-leave':
    case 'note-quit': {
      const then = prompt.kind === 'note-quit' ? 'quit' : 'close';
      if (plain && input === 's' && s.note) {
        if (findPii(s.note.text.value).length > 0) return step({ ...s, prompt: { kind: 'note-pii', then } });
        const saved = commitNote(s, context, s.note.text.value);
        return { state: saved.state, effects: [...saved.effects, ...thenQuit(then)] };
      }
      if (plain && input === 'd') return step({ ...s, mode: 'answer', note: undefined, message: 'The note was left as it was.' }, ...thenQuit(then));
      return step(s);
    }
    case 'note-pii': {
      if (plain && (input === 'm' || input === 's') && s.note) {
        const saved = commitNote(s, context, input === 'm' ? maskPii(s.note.text.value) : s.note.text.value);
        return { state: saved.state, effects: [...saved.effects, ...thenQuit(prompt.then)] };
      }
      return step(s);
    }
    case 'vote-drop':
      if (plain && input === 'y') return step({ ...s, mode: 'answer', vote: undefined, message: 'Vote dropped: nothing was saved.' }, ...thenQuit(prompt.then));
      return step({ ...s, message: 'Still voting.' });
    default:
      return checkExhaustive(prompt);
  }
}

/** Sets confidence or the policy flag: on the answer when there is one, else as a draft for it. */
function setConfidence(state: WalkState, context: WalkContext, q: Question, confidence: Confidence): WalkStep {
  const base = context.answerOf(q.id);
  if (!base) {
    return step({
      ...state,
      drafts: { ...state.drafts, [q.id]: { ...state.drafts[q.id], confidence } },
      message: `Confidence ${confidence}: it goes with the option you choose.`,
    });
  }
  if (base.kind !== 'option') {
    return step({ ...state, message: `Confidence goes with an option; this answer is ${base.kind === 'unknown' ? '"We don\'t know"' : '"Not applicable"'}.` });
  }
  return step(
    { ...state, undo: remember(state, { questionId: q.id, before: base }), message: `Confidence: ${confidence}.` },
    recording(context, answerFrom(context, q, { kind: 'option', confidence }, base)),
  );
}

function togglePolicy(state: WalkState, context: WalkContext, q: Question): WalkStep {
  const base = context.answerOf(q.id);
  const policy = nextPolicy(base ? base.policy : state.drafts[q.id]?.policy);
  if (!base) {
    return step({
      ...state,
      drafts: { ...state.drafts, [q.id]: { ...state.drafts[q.id], policy } },
      message: `Documented on paper: ${policyWords(policy)} (saved with the answer).`,
    });
  }
  return step(
    { ...state, undo: remember(state, { questionId: q.id, before: base }), message: `Documented on paper: ${policyWords(policy)}.` },
    recording(context, answerFrom(context, q, { kind: base.kind, policy: policy ?? undefined }, base)),
  );
}

function move(state: WalkState, context: WalkContext, to: Extract<WalkEvent, { type: 'move' }>['to']): WalkStep {
  const { questions, dimensions } = context;
  switch (to) {
    case 'previous':
      return step(goTo(state, context, state.index - 1));
    case 'next':
      return step(goTo(state, context, state.index + 1));
    case 'next-unanswered': {
      const i = firstUnansweredFrom(context, (state.index + 1) % Math.max(1, questions.length));
      const all = context.section === 'journey' ? `Every question of this ${one(context)} is answered` : 'Every organisation-wide question is answered';
      return step(i === undefined ? { ...state, message: `${all}, none still carried over.` } : goTo(state, context, i));
    }
    case 'next-dimension': {
      if (dimensions.length === 0) return step(state);
      const at = spanAt(context.dimensions, state.index);
      const target = at === -1 ? dimensions.length : at + 1;
      return step(goTo(state, context, dimensions[target]?.first ?? questions.length));
    }
    case 'previous-dimension': {
      if (dimensions.length === 0) return step(state);
      const at = spanAt(context.dimensions, state.index);
      const target = at === -1 ? dimensions.length - 1 : state.index > dimensions[at]!.first ? at : Math.max(0, at - 1);
      return step(goTo(state, context, dimensions[target]!.first));
    }
    default:
      return checkExhaustive(to);
  }
}

/** w: the organisation-wide questions shown in a journey's walk, or hidden; the question shown stays (or the next one still shown). */
function toggleOrganisation(state: WalkState, context: WalkContext): WalkStep {
  if (context.section !== 'journey') return step({ ...state, message: `Every question here is organisation-wide: answered once for every ${one(context)}.` });
  const showOrganisation = !state.showOrganisation;
  const list = context.questionsShowing(showOrganisation);
  const shown = new Map(list.map((x, i) => [x.id, i]));
  let index = list.length;
  for (let i = state.index; i < context.questions.length; i++) {
    const at = shown.get(context.questions[i]!.id);
    if (at !== undefined) {
      index = at;
      break;
    }
  }
  const q = list[index];
  const n = Math.abs(list.length - context.questions.length);
  const message = showOrganisation
    ? `${n} organisation-wide ${n === 1 ? 'question' : 'questions'} shown: o answers one for this ${one(context)} only.`
    : `Organisation-wide questions hidden: the walk asks what is specific to the ${one(context)}.`;
  const seen: WalkContext = { ...context, questions: list };
  return step({ ...state, showOrganisation, index, highlight: q ? answerRowOf(q, shownAnswer(seen, q)) : 0, overriding: undefined, message });
}

/** o: the organisation-wide question shown answered for this journey only, or (again) left to the organisation. */
function override(state: WalkState, context: WalkContext, q: Question | undefined): WalkStep {
  if (!q) return step(state);
  if (context.section !== 'journey') return step({ ...state, message: `This answer holds for every ${one(context)} that does not override it.` });
  if (!isOrganisationWide(q)) return step({ ...state, message: `o overrides an organisation-wide answer; this question is the ${one(context)}'s own.` });
  if (context.answerOf(q.id)) return step({ ...state, message: `Already overridden for this ${one(context)}: the answer keys change it, O drops it.` });
  if (state.overriding === q.id) return step({ ...state, overriding: undefined, highlight: answerRowOf(q, shownAnswer(context, q)), message: "Left to the organisation: its answer holds." });
  return step({ ...state, overriding: q.id, message: `Answer for this ${one(context)} only (o again: leave it to the organisation).` });
}

/**
 * `e`: evidence backs the answer the question shows, as it stands (collected, unless
 * the form is told otherwise, by the one speaking): the journey's own (or
 * its override), or the organisation's where that holds. Only an option answer has
 * something evidence can show; an override being answered has no answer yet.
 */
function evidenceFor(state: WalkState, context: WalkContext, q: Question): WalkStep {
  const held = heldByOrganisation(context, q);
  const answer = state.overriding === q.id ? undefined : shownAnswer(context, q);
  if (!answer) return step({ ...state, message: 'Answer the question first: evidence backs the option chosen.' });
  if (answer.kind !== 'option') return step({ ...state, message: `Evidence backs an option; this answer is ${answer.kind === 'unknown' ? '"We don\'t know"' : '"Not applicable"'}.` });
  const journeyId = context.section === 'organisation' || held ? null : context.journeyId;
  return step(state, { type: 'add-evidence', journeyId, questionId: q.id, collectedBy: speakerOf(state, context) });
}

/** The next state and what to do, after one event. Pure. */
export function walkStep(state: WalkState, event: WalkEvent, context: WalkContext): WalkStep {
  const q = context.questions[state.index];
  switch (event.type) {
    case 'answer':
      return answer(state, context, event.choice);
    case 'choose': {
      if (!q) return step(state, { type: 'navigate', to: context.nextJourneyId ? { kind: 'journey', journeyId: context.nextJourneyId } : { kind: 'back' } });
      const h = state.highlight;
      return answer(state, context, h < q.options.length ? { kind: 'option', option: h } : { kind: h === q.options.length ? 'unknown' : 'na' });
    }
    case 'highlight': {
      // Only ↑↓ move between the options: PgUp/PgDn move between dimensions.
      if (!q || (event.move !== 'up' && event.move !== 'down')) return step(state);
      return step({ ...state, highlight: moveBy(state.highlight, q.options.length + 2, event.move)! });
    }
    case 'confidence':
      if (q && locked(state, context, q)) return step({ ...state, message: heldMessage(context, q) });
      return q ? setConfidence(state, context, q, event.confidence) : step(state);
    case 'policy':
      if (q && locked(state, context, q)) return step({ ...state, message: heldMessage(context, q) });
      return q ? togglePolicy(state, context, q) : step(state);
    case 'move':
      return move(state, context, event.to);
    case 'question-help':
      return step({ ...state, showHelp: !state.showHelp, helpPage: undefined });
    case 'help-page': {
      if (!q) return step(state);
      if (!state.showHelp) return step({ ...state, message: "Space turns the pages of the question's help: h shows it." });
      const page = state.helpPage?.questionId === q.id ? state.helpPage.page + 1 : 1;
      return step({ ...state, helpPage: { questionId: q.id, page }, message: undefined });
    }
    case 'note-open': {
      if (!q) return step(state);
      if (locked(state, context, q)) return step({ ...state, message: heldMessage(context, q) });
      const own = context.answerOf(q.id);
      const text = plainText(own ? own.note : (context.parkedNoteOf(q.id) ?? ''));
      return step({ ...state, mode: 'note', note: { questionId: q.id, text: textAt(text), original: text }, message: undefined });
    }
    case 'note-key': {
      const next = state.note && editText(state.note.text, event.input, event.key, true);
      return step(next && state.note ? { ...state, note: { ...state.note, text: next } } : state);
    }
    case 'note-save':
      if (!state.note) return step(state);
      if (findPii(state.note.text.value).length > 0) return step({ ...state, prompt: { kind: 'note-pii', then: 'close' } });
      return commitNote(state, context, state.note.text.value);
    case 'note-mask':
      return step(state.note ? { ...state, note: { ...state.note, text: textAt(maskPii(state.note.text.value)) } } : state);
    case 'note-escape':
      if (!state.note) return step(state);
      if (state.note.text.value !== state.note.original) return step({ ...state, prompt: { kind: 'note-leave' } });
      return step({ ...state, mode: 'answer', note: undefined });
    case 'dimensions-open':
      return step({ ...state, mode: 'dimensions', dimension: Math.max(0, spanAt(context.dimensions, state.index)) });
    case 'dimension-highlight': {
      const moved = moveBy(state.dimension, context.dimensions.length, event.move);
      return step(moved === undefined ? state : { ...state, dimension: moved });
    }
    case 'dimension-choose': {
      const d = context.dimensions[state.dimension];
      if (!d) return step(state);
      // The first question of the dimension without an answer, else its first.
      let target = d.first;
      for (let i = d.first; i < d.first + d.count; i++) {
        const candidate = context.questions[i]!;
        if (!heldByOrganisation(context, candidate) && !context.answerOf(candidate.id)) {
          target = i;
          break;
        }
      }
      return step(goTo(state, context, target, { mode: 'answer' }));
    }
    case 'dimensions-close':
      return step({ ...state, mode: 'answer' });
    case 'organisation-toggle':
      return toggleOrganisation(state, context);
    case 'override':
      return override(state, context, q);
    case 'drop-override': {
      if (!q || context.section !== 'journey' || !isOrganisationWide(q) || !context.answerOf(q.id)) {
        return step({ ...state, message: `Nothing to drop: O removes a ${one(context)}'s override of an organisation-wide answer.` });
      }
      // Hidden, the question leaves the walk and the next one takes its place: highlight that one's answer.
      const highlight = state.showOrganisation ? answerRowOf(q, context.organisationAnswerOf(q.id)) : answerRow(context, state.index + 1);
      return step(
        {
          ...state,
          overriding: undefined,
          highlight,
          undo: remember(state, { questionId: q.id, before: context.answerOf(q.id) }),
          message: `Override dropped: the organisation's answer holds for this ${one(context)} again (z undoes).`,
        },
        { type: 'drop-override', journeyId: context.journeyId, questionId: q.id },
      );
    }
    case 'undo':
      return undo(state, context);
    case 'jump-open':
      return step({ ...state, mode: 'jump', jump: textAt(''), message: undefined });
    case 'jump-key': {
      const next = state.jump && editText(state.jump, event.input, event.key, false);
      return step(next ? { ...state, jump: next, message: undefined } : state);
    }
    case 'jump-go':
      return state.mode === 'jump' ? jumpGo(state, context) : step(state);
    case 'jump-cancel':
      return step({ ...state, mode: 'answer', jump: undefined, message: undefined });
    case 'whole-note': {
      if (!q) return step(state);
      if (!(shownAnswer(context, q)?.note || context.parkedNoteOf(q.id))) return step({ ...state, message: 'This question has no note: n writes one.' });
      return step({ ...state, wholeNote: !state.wholeNote, message: undefined });
    }
    case 'speaker-open':
      return openSpeakers(state, context);
    case 'speaker-highlight': {
      const moved = moveBy(state.speakerRow ?? 0, context.speakers.length, event.move);
      return step(moved === undefined ? state : { ...state, speakerRow: moved });
    }
    case 'speaker-choose':
      return state.mode === 'speaker' ? chooseSpeaker(state, context, event.row ?? state.speakerRow ?? 0) : step(state);
    case 'speaker-close':
      return step({ ...state, mode: 'answer', speakerRow: undefined });
    case 'vote-open':
      return q ? openVote(state, context, q) : step(state);
    case 'vote-choice':
      return q && state.vote?.questionId === q.id ? voteChoice(state, context, q, state.vote, event.choice) : step(state);
    case 'vote-take-back':
      return state.vote ? voteTakeBack(state, state.vote) : step(state);
    case 'vote-visibility': {
      const vote = state.vote;
      if (!vote) return step(state);
      if (vote.revealed) return step({ ...state, message: 'The positions are revealed already.' });
      const hidden = !vote.hidden;
      return step({
        ...state,
        vote: { ...vote, hidden },
        message: hidden ? 'Hidden vote: the positions show only once everyone has voted and Enter reveals them.' : 'Open vote: each position shows as it is entered.',
      });
    }
    case 'vote-reveal': {
      const vote = state.vote;
      if (!vote) return step(state);
      const waiting = nextVoter(vote, context.voters);
      if (waiting !== undefined) {
        return step({ ...state, message: `${vote.positions.length} of ${context.voters.length} have voted: waiting for ${plainLine(waiting)}.` });
      }
      if (!vote.hidden || vote.revealed) return step({ ...state, message: `The room settles the answer: ${settleKeys(q)}.` });
      return step({ ...state, vote: { ...vote, revealed: true }, message: undefined });
    }
    case 'vote-cancel':
      if (!state.vote) return step(state);
      if (state.vote.positions.length > 0) return step({ ...state, prompt: { kind: 'vote-drop', then: 'close' } });
      return step({ ...state, mode: 'answer', vote: undefined, message: undefined });
    case 'evidence':
      return q ? evidenceFor(state, context, q) : step(state);
    case 'prompt-key':
      return state.prompt ? promptKey(state, context, state.prompt, event.input, event.plain) : step(state);
    case 'help':
      return step(state, { type: 'show-help', scope: state.mode === 'dimensions' || state.mode === 'speaker' || state.mode === 'vote' ? state.mode : q ? 'walk' : 'walk-end' });
    case 'leave':
      return step(state, { type: 'navigate', to: { kind: 'back' } });
    case 'quit':
      return step(state, { type: 'quit', force: false });
    case 'interrupt': {
      const p = state.prompt;
      // Asked already: a second Ctrl-C quits.
      if (p?.kind === 'note-quit' || p?.kind === 'note-pii' || p?.kind === 'vote-drop') return step(state, { type: 'quit', force: true });
      if (state.mode === 'vote' && (state.vote?.positions.length ?? 0) > 0) return step({ ...state, prompt: { kind: 'vote-drop', then: 'quit' } });
      if (state.mode === 'note' && state.note && state.note.text.value !== state.note.original) return step({ ...state, prompt: { kind: 'note-quit' } });
      return step(state, { type: 'quit', force: true });
    }
    default:
      return checkExhaustive(event);
  }
}

/** Who answers from now on (`s`): a name among `context.speakers`; undefined: the facilitator. */
function speakerOf(state: WalkState, context: WalkContext): string {
  return state.speaker ?? context.facilitator;
}

/** s: the list of who can answer opens, the one speaking now highlighted. */
function openSpeakers(state: WalkState, context: WalkContext): WalkStep {
  if (context.speakers.length === 0) {
    return step({ ...state, message: "Nobody to choose: add the facilitator and participants in the assessment's details (e on the assessment screen)." });
  }
  const at = context.speakers.findIndex((s) => s.name === speakerOf(state, context));
  return step({ ...state, mode: 'speaker', speakerRow: Math.max(0, at), message: undefined });
}

/** The speaker at `row` of the list chosen: the next answers are theirs. */
function chooseSpeaker(state: WalkState, context: WalkContext, row: number): WalkStep {
  const chosen = context.speakers[row];
  if (!chosen) return step({ ...state, message: `There are ${context.speakers.length} people to choose from.` });
  const who = speakerWords(chosen);
  const speaker = chosen.facilitator ? undefined : chosen.name;
  return step(
    { ...state, mode: 'answer', speaker, speakerRow: undefined, message: `${who} speaks: the next answers are theirs (s changes).` },
    ...(speaker !== state.speaker ? [{ type: 'speaker' as const, speaker }] : []),
  );
}

/** "Ben (security)", "Sam (facilitator)". */
export function speakerWords(s: Speaker): string {
  const role = s.facilitator ? (s.role ? `facilitator, ${s.role}` : 'facilitator') : s.role;
  return plainLine(role ? `${s.name} (${role})` : s.name);
}

/** The keys that answer `q`: "1-3, u or x" ("1, u or x" for one option). */
const settleKeys = (q: Question | undefined) => {
  const n = q?.options.length ?? 9;
  return `${n === 1 ? '1' : `1-${n}`}, u or x`;
};

/** What a number key past the options says: "Only 5 options: press 1-5, u or x." */
const onlyOptions = (q: Question) => `Only ${q.options.length === 1 ? '1 option' : `${q.options.length} options`}: press ${settleKeys(q)}.`;

/** The vote under way: the next to vote (undefined: everyone has). */
export function nextVoter(vote: VoteState, voters: readonly string[]): string | undefined {
  return voters.find((name) => !vote.positions.some((p) => p.name === name));
}

/** Everyone has voted and (a hidden vote) the positions are shown: the room can settle an answer. */
export const voteShown = (vote: VoteState, voters: readonly string[]): boolean => nextVoter(vote, voters) === undefined && (!vote.hidden || vote.revealed);

/** V: a vote on the question shown; hidden until everyone has voted unless Tab opens it. */
function openVote(state: WalkState, context: WalkContext, q: Question): WalkStep {
  if (locked(state, context, q)) return step({ ...state, message: heldMessage(context, q) });
  if (context.voters.length < 2) {
    return step({
      ...state,
      message:
        context.voters.length === 0
          ? "A vote needs participants: add them in the assessment's details (e on the assessment screen)."
          : 'A vote needs two participants or more: add them in the assessment\'s details.',
    });
  }
  return step({ ...state, mode: 'vote', vote: { questionId: q.id, hidden: true, revealed: false, positions: [] }, message: undefined });
}

/** A key that answers, in a vote: the next voter's pick, or (the positions shown) the answer the room settles on. */
function voteChoice(state: WalkState, context: WalkContext, q: Question, vote: VoteState, choice: Choice): WalkStep {
  const optionId = choice.kind === 'option' ? q.options[choice.option]?.id : undefined;
  if (choice.kind === 'option' && optionId === undefined) return step({ ...state, message: onlyOptions(q) });
  const voter = nextVoter(vote, context.voters);
  if (voter !== undefined) {
    const position: Position = { name: voter, kind: choice.kind, ...(optionId !== undefined ? { optionId } : {}) };
    const next: VoteState = { ...vote, positions: [...vote.positions, position] };
    const after = nextVoter(next, context.voters);
    const message =
      after !== undefined
        ? undefined
        : vote.hidden
          ? 'Everyone has voted: Enter reveals the positions at once.'
          : `Everyone has voted: the room settles the answer (${settleKeys(q)}).`;
    return step({ ...state, vote: next, message });
  }
  if (!voteShown(vote, context.voters)) return step({ ...state, message: 'Everyone has voted: Enter reveals the positions first.' });
  return settle(state, context, q, vote, choice, optionId);
}

/** The room's answer after a vote: saved with the positions; a spread of two levels or more makes it disputed. */
function settle(state: WalkState, context: WalkContext, q: Question, vote: VoteState, choice: Choice, optionId: string | undefined): WalkStep {
  const base = context.answerOf(q.id);
  const spread = voteSpread(q, vote.positions);
  const draft = state.drafts[q.id] ?? {};
  const change: Partial<Answer> & Pick<Answer, 'kind'> = { kind: choice.kind, vote: { hidden: vote.hidden, positions: [...vote.positions] } };
  if (choice.kind === 'option') {
    change.optionId = optionId;
    change.confidence = spread.disputed ? 'disputed' : (draft.confidence ?? 'reported');
  }
  const parked = base ? undefined : context.parkedNoteOf(q.id);
  if (parked !== undefined) change.note = parked;
  if (draft.policy !== undefined) change.policy = draft.policy ?? undefined;
  const given = answerFrom(context, q, change, base, speakerOf(state, context));
  const effects: WalkEffect[] = [recording(context, given)];
  if (parked !== undefined) effects.push({ type: 'unpark', ...placeOf(context, q) });
  const { [q.id]: _done, ...drafts } = state.drafts;
  const undo = remember(state, { questionId: q.id, before: base, ...(state.drafts[q.id] ? { draft: state.drafts[q.id] } : {}), ...(parked !== undefined ? { parked: true } : {}) });
  const how = spread.disputed
    ? choice.kind === 'option'
      ? `the positions span ${spreadWords(spread, context.levelNames)}, so it is disputed, with the positions as its record`
      : `the positions span ${spreadWords(spread, context.levelNames)}; they are kept with it`
    : 'the positions are kept with it';
  const next = state.index + 1;
  return step(
    { ...state, mode: 'answer', vote: undefined, prompt: undefined, index: next, highlight: answerRow(context, next), overriding: undefined, drafts, undo, message: `Settled on ${answerWords(q, given)}: ${how} (z undoes).` },
    ...effects,
  );
}

/** Backspace in a vote: the last position taken back (before the reveal). */
function voteTakeBack(state: WalkState, vote: VoteState): WalkStep {
  const last = vote.positions[vote.positions.length - 1];
  if (!last) return step({ ...state, message: 'No vote to take back yet.' });
  if (vote.revealed) return step({ ...state, message: 'The positions are revealed: settle the answer, or Esc drops the vote.' });
  return step({ ...state, vote: { ...vote, positions: vote.positions.slice(0, -1) }, message: `${plainLine(last.name)}'s vote taken back: ${plainLine(last.name)} votes again.` });
}
