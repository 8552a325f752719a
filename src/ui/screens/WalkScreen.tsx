/**
 * The walk: one journey at a time, or the organisation-wide section (the questions
 * answered once for every journey), its questions grouped by dimension. A journey's walk
 * asks what is specific to the journey: `w` shows the organisation-wide questions with
 * the organisation's answers, `o` overrides one for the journey, `O` drops it. One key answers
 * (1-9, u, x, or the arrows and Enter) and moves to the next question; confidence, the
 * policy flag and a note can be set before or after answering: before, they wait for
 * the answer and are saved with it.
 *
 * This file only wires: keys become events (walk-keys.ts), `walkStep` (walk-state.ts)
 * says what they do, `perform` carries out the effects, and the views draw the state.
 */
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { Question } from '../../core/bank-schema.js';
import { removeAnswer } from '../../core/journey-questions.js';
import { clearOrganisationAnswer, dropOverride, putOrganisationAnswer } from '../../core/organisation.js';
import { closeParkedAt, parkNote, parkedAt, reopenParkedAt } from '../../core/parking-lot.js';
import { rememberedSpeaker, speakers, withSpeaker } from '../../core/participants.js';
import { answeredInSession, currentSession } from '../../core/session.js';
import { confirmAnswer } from '../../core/snapshot.js';
import { recordAnswer, updateAssessment } from '../../core/workbook-ops.js';
import { evidenceScreenFor } from '../evidence-lines.js';
import { useNav } from '../navigation.js';
import type { AssessmentProps } from '../screen-props.js';
import { useAssessmentModel } from '../derived.js';
import { DimensionList } from '../components/DimensionList.js';
import { Gone } from '../components/AssessmentGone.js';
import { WalkEnd } from '../components/WalkEnd.js';
import { WalkQuestion } from '../components/WalkQuestion.js';
import { useKeys, useRefState } from '../hooks/useKeys.js';
import { SessionClockContext, useSessionClock, type SessionClockInfo } from '../session-clock.js';
import { useQuitGuard, useShell } from '../shell.js';
import { walkEventOf } from '../walk-keys.js';
import { nextJourneyOf, ownAnswerOf, walkLeft, walkLists, walkSectionOf } from '../walk-lists.js';
import { scopeNamesOf } from '../../core/bank-words.js';
import { dimensionSpans, initialWalkState, walkStep, type WalkContext, type WalkEffect, type WalkEvent, type WalkState } from '../walk-state.js';

export function WalkScreen({
  bank,
  apply,
  assessment,
  journeyId,
  questionId,
}: AssessmentProps & {
  /** The journey walked; null: the organisation-wide section. */
  journeyId: string | null;
  /** Start here instead of at the first unanswered question. */
  questionId?: string | undefined;
}) {
  const shell = useShell();
  const nav = useNav();
  const assessmentId = assessment.id;
  const kind = journeyId === null ? 'organisation' : 'journey';
  const journey = journeyId === null ? undefined : assessment.journeys.find((j) => j.id === journeyId);
  const model = useAssessmentModel(bank, assessment);
  const session = currentSession(assessment);
  // The session's questions (all, the core set, chosen dimensions); one asked for outside them (from the results) opens the whole walk.
  const lists = useMemo(() => walkLists(model, journeyId, session, questionId), [model, journeyId, session, questionId]);
  // The session's pace counts every answer given since it started: once per change of the answers, not on every key.
  const startedAt = session?.startedAt;
  const { answers, organisationAnswers } = assessment;
  const sessionAnswered = useMemo(
    () => (startedAt === undefined ? 0 : answeredInSession({ startedAt }, [...answers, ...organisationAnswers])),
    [startedAt, answers, organisationAnswers],
  );
  const { all, own, scope } = lists;
  const { clock, flush } = useSessionClock(assessment, apply);
  const ownSpans = useMemo(() => dimensionSpans(own), [own]);
  const allSpans = useMemo(() => dimensionSpans(all), [all]);
  const showing = (show: boolean): readonly Question[] => (show ? all : own);
  const nextJourneyId = useMemo(() => nextJourneyOf(model, assessment, journeyId, scope), [assessment, model, journeyId, scope]);

  /** What the walk knows of the workbook, read fresh for every key. */
  const contextFor = (show: boolean): WalkContext => ({
    section: kind,
    journeyId: journeyId ?? '',
    questions: showing(show),
    questionsShowing: showing,
    answerOf: ownAnswerOf(model, journeyId),
    organisationAnswerOf: (id) => model.organisation.answers.get(id),
    parkedNoteOf: (id) => parkedAt(assessment, { journeyId, questionId: id })?.text,
    dimensions: show ? allSpans : ownSpans,
    nextJourneyId,
    facilitator: assessment.facilitator,
    speakers: speakers(assessment.facilitator, assessment.participants),
    voters: assessment.participants.map((p) => p.name),
    now: shell.now(),
    scopeName: scopeNamesOf(bank).singular,
    levelNames: bank.levels ?? null,
  });

  const [state, setState, ref] = useRefState<WalkState>(() => {
    // Opened on an organisation-wide question the organisation answers (from the results): show them.
    const asked = all.find((q) => q.id === questionId);
    const show = journeyId !== null && asked !== undefined && !own.includes(asked);
    // The one speaking in this assessment's last walk (before a quit too) speaks on, while still among the participants.
    const speaker = rememberedSpeaker(assessment);
    return { ...initialWalkState(contextFor(show), questionId), showOrganisation: show, ...(speaker ? { speaker } : {}) };
  });
  const context = () => contextFor(ref.current.showOrganisation);

  const perform = (effect: WalkEffect) => {
    // The time used is written with every change the walk makes.
    if (effect.type !== 'navigate' && effect.type !== 'quit' && effect.type !== 'show-help') flush();
    switch (effect.type) {
      case 'record':
        return apply((w) => recordAnswer(w, assessmentId, effect.answer));
      case 'record-organisation':
        return apply((w) => updateAssessment(w, assessmentId, (a) => putOrganisationAnswer(a, effect.answer)));
      case 'park': {
        const now = shell.now();
        const place = { journeyId: effect.journeyId, questionId: effect.questionId };
        return apply((w) => updateAssessment(w, assessmentId, (a) => parkNote(a, place, effect.note, effect.by, now)));
      }
      case 'unpark': {
        const now = shell.now();
        return apply((w) => updateAssessment(w, assessmentId, (a) => closeParkedAt(a, { journeyId: effect.journeyId, questionId: effect.questionId }, now)));
      }
      case 'drop-override':
        return apply((w) => updateAssessment(w, assessmentId, (a) => dropOverride(a, effect.journeyId, effect.questionId)));
      case 'clear': {
        const { journeyId: j, questionId } = effect;
        return apply((w) => updateAssessment(w, assessmentId, (a) => (j === null ? clearOrganisationAnswer(a, questionId) : removeAnswer(a, j, questionId))));
      }
      case 'reopen-parked':
        return apply((w) => updateAssessment(w, assessmentId, (a) => reopenParkedAt(a, { journeyId: effect.journeyId, questionId: effect.questionId })));
      case 'confirm': {
        const now = shell.now();
        return apply((w) => updateAssessment(w, assessmentId, (a) => confirmAnswer(a, effect.journeyId, effect.questionId, effect.by, now)));
      }
      case 'add-evidence': {
        // Back from the form: this walk again, on this question.
        const here = journeyId === null ? { name: 'organisation' as const, assessmentId, questionId: effect.questionId } : { name: 'walk' as const, assessmentId, journeyId, questionId: effect.questionId };
        return nav.go(evidenceScreenFor(assessment, { journeyId: effect.journeyId, questionId: effect.questionId, collectedBy: effect.collectedBy }), here);
      }
      case 'navigate':
        // The next journey takes this walk's place: Esc there goes back where this one came from.
        return effect.to.kind === 'back' ? nav.back() : nav.replace({ name: 'walk', assessmentId, journeyId: effect.to.journeyId });
      case 'speaker':
        return apply((w) => updateAssessment(w, assessmentId, (a) => withSpeaker(a, effect.speaker)));
      case 'quit':
        return effect.force ? shell.forceQuit() : shell.quit();
      case 'show-help':
        return shell.showHelp(effect.scope);
    }
  };

  /** Runs one event: the new state first, then its effects (an effect may leave the screen). */
  const send = (event: WalkEvent) => {
    const before = ref.current;
    const next = walkStep(before, event, context());
    if (next.state !== before) setState(next.state);
    next.effects.forEach(perform);
    return next;
  };
  const latestContext = useRef(context);
  // eslint-disable-next-line react-hooks/refs -- written during render, as useKeys does its handler
  latestContext.current = context;

  // Ctrl-C: the walk may ask first (unsaved note, notes waiting for answers); a quit effect lets it go.
  const guard = useCallback(() => {
    const next = walkStep(ref.current, { type: 'interrupt' }, latestContext.current());
    if (next.effects.some((e) => e.type === 'quit')) return false;
    setState(next.state);
    return true;
  }, [ref, setState]);
  useQuitGuard(guard);

  // A question the walk asks (unsaved note, customer data, notes waiting) claims the next key.
  useKeys(
    (input, key) => {
      if (!ref.current.prompt || (key.ctrl && input === 'c')) return false;
      send({ type: 'prompt-key', input, plain: !key.ctrl && !key.meta });
      return true;
    },
    shell.active,
    'modal',
  );

  useKeys((input, key) => {
    const now = ref.current;
    const event = walkEventOf(now, input, key, showing(now.showOrganisation)[now.index] === undefined);
    if (event) send(event);
  }, shell.active);

  const questions = showing(state.showOrganisation);
  // Where the walk is, for `cxray present`: the question shown, or the end of the section.
  const shownId = questions[state.index]?.id;
  const { setPresence } = shell;
  // A vote on it: the count, and the positions once the room may see them.
  const voting = state.mode === 'vote' && state.vote?.questionId === shownId ? state.vote : undefined;
  const voterCount = assessment.participants.length;
  const vote = useMemo(
    () =>
      voting && {
        voted: voting.positions.length,
        voters: voterCount,
        ...(!voting.hidden || voting.revealed ? { positions: voting.positions.map((p) => ({ name: p.name, kind: p.kind, ...(p.optionId !== undefined ? { optionId: p.optionId } : {}) })) } : {}),
      },
    [voting, voterCount],
  );
  useLayoutEffect(() => {
    if (!setPresence) return;
    if (journeyId !== null && !journey) return;
    setPresence(
      shownId === undefined
        ? { screen: 'end', assessmentId, journeyId, total: questions.length }
        : { screen: 'question', assessmentId, journeyId, questionId: shownId, index: state.index, total: questions.length, ...(vote ? { vote } : {}) },
    );
  }, [setPresence, assessmentId, journeyId, journey, shownId, state.index, questions.length, vote]);
  useLayoutEffect(() => () => setPresence?.(undefined), [setPresence]);

  if (journeyId !== null && !journey) return <Gone scope="walk" what={scopeNamesOf(bank).singular} />;
  const dimensions = state.showOrganisation ? allSpans : ownSpans;
  const left = walkLeft(model, journeyId, lists);
  const section = walkSectionOf(model, assessment, journeyId, lists, left)!;
  const info: SessionClockInfo = {
    clock,
    timeboxMinutes: session?.id === clock.sessionId ? session.timeboxMinutes : undefined,
    answered: sessionAnswered,
    left,
  };
  const view =
    state.mode === 'dimensions' ? (
      <DimensionList assessment={assessment} section={section} bank={bank} model={model} questions={questions} dimensions={dimensions} index={state.dimension} />
    ) : !questions[state.index] ? (
      <WalkEnd assessment={assessment} bank={bank} section={section} model={model} questions={questions} nextJourneyId={nextJourneyId} state={state} />
    ) : (
      <WalkQuestion assessment={assessment} section={section} bank={bank} model={model} questions={questions} dimensions={dimensions} state={state} />
    );
  return <SessionClockContext.Provider value={info}>{view}</SessionClockContext.Provider>;
}

