/**
 * The walk: one journey at a time, its questions grouped by dimension. One key answers
 * (1-9, u, x, or the arrows and Enter) and moves to the next question; confidence, the
 * policy flag and a note can be set before or after answering: before, they wait for
 * the answer and are saved with it.
 */
import { useCallback, useMemo } from 'react';
import { Box, Text, type Key } from 'ink';
import wrapAnsi from 'wrap-ansi';
import type { Question } from '../../core/bank-schema.js';
import { answerKey } from '../../core/journey-questions.js';
import { describePii, findPii, maskPii } from '../../core/pii.js';
import { plainLine, plainText } from '../../core/terminal-text.js';
import type { Answer, Confidence, Policy } from '../../core/workbook-schema.js';
import { confirmAnswer } from '../../core/snapshot.js';
import { recordAnswer, updateAssessment } from '../../core/workbook-ops.js';
import type { ScreenProps } from '../App.js';
import { useAssessmentModel } from '../assessment-model.js';
import { Confirm } from '../components/Confirm.js';
import { carriedByJourney, latestSnapshot, staleText, staleness } from '../cycle-figures.js';
import { Paragraph } from '../components/Paragraph.js';
import { NoteEditor } from '../components/NoteEditor.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { Screen, bodyRows } from '../components/Screen.js';
import { SelectList, moveIndex } from '../components/SelectList.js';
import { useKeys, useRefState } from '../hooks/useKeys.js';
import { commandFor } from '../keybindings.js';
import { useMarkdown } from '../markdown.js';
import { useQuitGuard, useShell, useTone } from '../shell.js';
import { editText, textAt, type TextState } from '../text-edit.js';
import { plural } from '../words.js';

/** What was set for a question before it was answered; saved with the answer. */
interface Draft {
  confidence?: Confidence;
  /** null: explicitly unset. */
  policy?: Policy | null;
  note?: string;
}

type Prompt =
  /** Esc in the note editor with unsaved text. */
  | { kind: 'note-leave' }
  /** Ctrl-C in the note editor with unsaved text. */
  | { kind: 'note-quit' }
  /** Saving a note that looks like customer data; then close the editor or quit. */
  | { kind: 'note-pii'; then: 'close' | 'quit' }
  /** Leaving the walk (or quitting) while notes wait for answers. */
  | { kind: 'drafts'; then: 'leave' | 'quit' };

interface WalkState {
  index: number;
  highlight: number;
  mode: 'answer' | 'note' | 'dimensions';
  showHelp: boolean;
  drafts: Record<string, Draft>;
  note?: { questionId: string; text: TextState; original: string };
  dimension: number;
  prompt?: Prompt;
  message?: string;
}

const CONFIDENCE_KEYS: Record<string, Confidence> = { v: 'verified', r: 'reported', d: 'disputed' };
const POLICY_WORDS = (p: Policy | null | undefined) => (p === 'documented' ? 'yes' : p === 'none' ? 'no' : 'unset');
const NEXT_POLICY = (p: Policy | null | undefined): Policy | null => (p === 'documented' ? 'none' : p === 'none' ? null : 'documented');

export function WalkScreen({
  workbook,
  bank,
  apply,
  dispatch,
  assessmentId,
  journeyId,
  questionId,
}: ScreenProps & { assessmentId: string; journeyId: string; /** Start here instead of at the first unanswered question. */ questionId?: string | undefined }) {
  const shell = useShell();
  const tone = useTone();
  const assessment = workbook.assessments.find((a) => a.id === assessmentId);
  const journey = assessment?.journeys.find((j) => j.id === journeyId);
  const model = useAssessmentModel(bank, assessment);
  const questions = useMemo(() => model.questions.get(journeyId) ?? [], [model, journeyId]);
  const answers = model.answers;
  const dimensionStarts = useMemo(() => {
    const starts: { id: string; first: number; count: number }[] = [];
    questions.forEach((q, i) => {
      const last = starts[starts.length - 1];
      if (last && last.id === q.dimension) last.count++;
      else starts.push({ id: q.dimension, first: i, count: 1 });
    });
    return starts;
  }, [questions]);

  const rowsOf = (q: Question | undefined) => (q ? q.options.length + 2 : 0);
  const highlightFor = (i: number): number => {
    const q = questions[i];
    if (!q) return 0;
    const a = answers.get(answerKey(journeyId, q.id));
    if (!a) return 0;
    if (a.kind === 'option') return Math.max(0, q.options.findIndex((o) => o.id === a.optionId));
    return a.kind === 'unknown' ? q.options.length : q.options.length + 1;
  };
  /** The next question from `from` with no answer, or with one still carried over from the last cycle. */
  const firstUnansweredFrom = (from: number): number | undefined => {
    for (let k = 0; k < questions.length; k++) {
      const i = (from + k) % questions.length;
      const a = answers.get(answerKey(journeyId, questions[i]!.id));
      if (!a || a.carriedOver) return i;
    }
    return undefined;
  };

  const [state, setState, ref] = useRefState<WalkState>(() => {
    const asked = questionId ? questions.findIndex((q) => q.id === questionId) : -1;
    const start = asked >= 0 ? asked : (firstUnansweredFrom(0) ?? questions.length);
    return { index: start, highlight: highlightFor(start), mode: 'answer', showHelp: false, drafts: {}, dimension: 0 };
  });
  const update = (change: Partial<WalkState>) => setState((s) => ({ ...s, ...change }));
  const goTo = (i: number, extra: Partial<WalkState> = {}) =>
    update({ index: Math.max(0, Math.min(questions.length, i)), highlight: highlightFor(i), message: undefined, ...extra });

  /** The next journey with questions unanswered, or answers still carried over from the last cycle. */
  const nextJourney = () => {
    const carried = carriedByJourney(assessment?.answers ?? []);
    return assessment?.journeys.find(
      (j) => j.id !== journeyId && ((model.progress.get(j.id)?.answered ?? 0) < (model.progress.get(j.id)?.total ?? 0) || (carried.get(j.id) ?? 0) > 0),
    );
  };

  const question = questions[state.index];
  const current = question ? answers.get(answerKey(journeyId, question.id)) : undefined;

  const record = (q: Question, change: Partial<Answer> & Pick<Answer, 'kind'>, base: Answer | undefined) => {
    const given: Answer = {
      journeyId,
      questionId: q.id,
      kind: change.kind,
      ...(change.kind === 'option' ? { optionId: change.optionId ?? base?.optionId, confidence: change.confidence ?? base?.confidence ?? 'reported' } : {}),
      ...((change.policy ?? base?.policy) ? { policy: change.policy ?? base?.policy } : {}),
      note: change.note ?? base?.note ?? '',
      by: base?.by || (assessment?.facilitator ?? ''),
      at: shell.now().toISOString(),
    };
    if (change.policy === undefined && 'policy' in change) delete given.policy;
    apply((w) => recordAnswer(w, assessmentId, given));
  };

  /** Answers the current question and moves on; what was drafted for it goes with the answer. */
  const answer = (kind: Answer['kind'], optionId?: string) => {
    const s = ref.current;
    const q = questions[s.index];
    if (!q) return;
    const base = answers.get(answerKey(journeyId, q.id));
    const draft = s.drafts[q.id] ?? {};
    const next = s.index + 1;
    if (base?.carriedOver && base.kind === kind && (kind !== 'option' || base.optionId === optionId)) {
      // The answer carried over from the last cycle, chosen again: confirmed as it stands.
      const now = shell.now();
      apply((w) => updateAssessment(w, assessmentId, (a) => confirmAnswer(a, journeyId, q.id, a.facilitator, now)));
      return update({ index: next, highlight: highlightFor(next), message: 'The previous answer was kept (confirmed for this cycle).' });
    }
    const change: Partial<Answer> & Pick<Answer, 'kind'> = { kind };
    if (kind === 'option') {
      change.optionId = optionId;
      change.confidence = draft.confidence ?? (base?.kind === 'option' ? base.confidence : undefined) ?? 'reported';
    }
    if (draft.note !== undefined) change.note = draft.note;
    if (draft.policy !== undefined) change.policy = draft.policy ?? undefined;
    record(q, change, base);
    const { [q.id]: _done, ...drafts } = s.drafts;
    update({ drafts, index: next, highlight: highlightFor(next), message: undefined });
  };

  const draftNotes = () => Object.values(ref.current.drafts).filter((d) => d.note !== undefined && d.note.trim() !== '').length;

  const leave = () => {
    if (draftNotes() > 0) update({ prompt: { kind: 'drafts', then: 'leave' } });
    else dispatch({ type: 'back' });
  };

  /** Saves the note being edited (to the answer, or as a draft until the question is answered). */
  const commitNote = (text: string) => {
    const s = ref.current;
    if (!s.note) return;
    const q = questions.find((x) => x.id === s.note!.questionId);
    if (!q) return;
    const base = answers.get(answerKey(journeyId, q.id));
    if (base) {
      record(q, { kind: base.kind, note: text }, base);
      update({ mode: 'answer', note: undefined, prompt: undefined, message: 'Note saved.' });
    } else {
      update({
        mode: 'answer',
        note: undefined,
        prompt: undefined,
        drafts: { ...s.drafts, [q.id]: { ...s.drafts[q.id], note: text } },
        message: 'The note is kept for this question and saved with its answer.',
      });
    }
  };

  const guard = useCallback(() => {
    const s = ref.current;
    if (s.prompt?.kind === 'note-quit' || (s.prompt?.kind === 'drafts' && s.prompt.then === 'quit') || s.prompt?.kind === 'note-pii') return false;
    if (s.mode === 'note' && s.note && s.note.text.value !== s.note.original) {
      setState((x) => ({ ...x, prompt: { kind: 'note-quit' } }));
      return true;
    }
    if (Object.values(s.drafts).some((d) => d.note !== undefined && d.note.trim() !== '')) {
      setState((x) => ({ ...x, prompt: { kind: 'drafts', then: 'quit' } }));
      return true;
    }
    return false;
  }, [ref, setState]);
  useQuitGuard(guard);

  const handlePrompt = (prompt: Prompt, input: string, key: Key) => {
    const s = ref.current;
    const plainKey = !key.ctrl && !key.meta;
    update({ prompt: undefined });
    switch (prompt.kind) {
      case 'note-leave':
      case 'note-quit': {
        const then = prompt.kind === 'note-quit' ? 'quit' : 'close';
        if (plainKey && input === 's' && s.note) {
          if (findPii(s.note.text.value).length > 0) return update({ prompt: { kind: 'note-pii', then } });
          commitNote(s.note.text.value);
          if (then === 'quit') shell.forceQuit();
        } else if (plainKey && input === 'd') {
          update({ mode: 'answer', note: undefined, message: 'The note was left as it was.' });
          if (then === 'quit') shell.forceQuit();
        }
        return;
      }
      case 'note-pii':
        if (plainKey && (input === 'm' || input === 's') && s.note) {
          commitNote(input === 'm' ? maskPii(s.note.text.value) : s.note.text.value);
          if (prompt.then === 'quit') shell.forceQuit();
        }
        return;
      case 'drafts':
        if (plainKey && input === 'y') {
          if (prompt.then === 'quit') shell.forceQuit();
          else dispatch({ type: 'back' });
        }
        return;
    }
  };

  const handleNote = (input: string, key: Key) => {
    const s = ref.current;
    if (!s.note) return;
    const command = commandFor('note', input, key);
    if (command === 'save') {
      if (findPii(s.note.text.value).length > 0) update({ prompt: { kind: 'note-pii', then: 'close' } });
      else commitNote(s.note.text.value);
      return;
    }
    if (command === 'mask') {
      const masked = maskPii(s.note.text.value);
      update({ note: { ...s.note, text: textAt(masked) } });
      return;
    }
    if (command === 'back') {
      if (s.note.text.value !== s.note.original) update({ prompt: { kind: 'note-leave' } });
      else update({ mode: 'answer', note: undefined });
      return;
    }
    const next = editText(s.note.text, input, key, true);
    if (next) update({ note: { ...s.note, text: next } });
  };

  const handleDimensions = (input: string, key: Key) => {
    const s = ref.current;
    const moved = moveIndex(s.dimension, dimensionStarts.length, key);
    if (moved !== undefined) return update({ dimension: moved });
    const command = commandFor('dimensions', input, key);
    if (command === 'select') {
      const d = dimensionStarts[s.dimension];
      if (!d) return;
      let target = d.first;
      for (let i = d.first; i < d.first + d.count; i++) {
        if (!answers.has(answerKey(journeyId, questions[i]!.id))) {
          target = i;
          break;
        }
      }
      goTo(target, { mode: 'answer' });
    } else if (command === 'back') update({ mode: 'answer' });
    else if (command === 'help') shell.showHelp('dimensions');
    else if (command === 'quit' && !key.ctrl) shell.quit();
  };

  const handleAnswer = (input: string, key: Key) => {
    const s = ref.current;
    const q = questions[s.index];
    const command = commandFor('walk', input, key);
    switch (command) {
      case 'previous':
        return goTo(s.index - 1);
      case 'next':
        return goTo(s.index + 1);
      case 'next-unanswered': {
        const i = firstUnansweredFrom((s.index + 1) % Math.max(1, questions.length));
        return i === undefined ? update({ message: 'Every question of this journey is answered, none still carried over.' }) : goTo(i);
      }
      case 'next-dimension':
      case 'previous-dimension': {
        if (dimensionStarts.length === 0) return;
        const at = dimensionStarts.findIndex((d) => s.index >= d.first && s.index < d.first + d.count);
        if (command === 'next-dimension') {
          const target = at === -1 ? dimensionStarts.length : at + 1;
          return goTo(dimensionStarts[target]?.first ?? questions.length);
        }
        const target = at === -1 ? dimensionStarts.length - 1 : s.index > dimensionStarts[at]!.first ? at : Math.max(0, at - 1);
        return goTo(dimensionStarts[target]!.first);
      }
      case 'dimensions': {
        const at = dimensionStarts.findIndex((d) => s.index >= d.first && s.index < d.first + d.count);
        return update({ mode: 'dimensions', dimension: Math.max(0, at) });
      }
      case 'question-help':
        return update({ showHelp: !s.showHelp });
      case 'help':
        return shell.showHelp('walk');
      case 'back':
        return leave();
      case 'quit':
        if (!key.ctrl) shell.quit();
        return;
      default:
        break;
    }
    if (!q) {
      // The end of the journey: Enter goes on to the next journey with questions left.
      if (command === 'select') {
        const next = nextJourney();
        if (next) dispatch({ type: 'walk-journey', assessmentId, journeyId: next.id });
        else dispatch({ type: 'back' });
      }
      return;
    }
    const base = answers.get(answerKey(journeyId, q.id));
    const moved = moveIndex(s.highlight, rowsOf(q), key);
    if (moved !== undefined && (key.upArrow || key.downArrow)) return update({ highlight: moved });
    switch (command) {
      case 'select': {
        const h = s.highlight;
        if (h < q.options.length) answer('option', q.options[h]!.id);
        else answer(h === q.options.length ? 'unknown' : 'na');
        return;
      }
      case 'pick-number': {
        const option = q.options[Number(input) - 1];
        if (option) answer('option', option.id);
        else update({ message: `This question has ${q.options.length} options.` });
        return;
      }
      case 'unknown':
        return answer('unknown');
      case 'not-applicable':
        return answer('na');
      case 'confidence': {
        const confidence = CONFIDENCE_KEYS[input]!;
        if (!base) {
          return update({
            drafts: { ...s.drafts, [q.id]: { ...s.drafts[q.id], confidence } },
            message: `Confidence ${confidence}: it goes with the option you choose.`,
          });
        }
        if (base.kind !== 'option') {
          return update({ message: `Confidence goes with an option; this answer is ${base.kind === 'unknown' ? '"We don\'t know"' : '"Not applicable"'}.` });
        }
        record(q, { kind: 'option', confidence }, base);
        return update({ message: `Confidence: ${confidence}.` });
      }
      case 'policy': {
        const was = base ? base.policy : s.drafts[q.id]?.policy;
        const policy = NEXT_POLICY(was);
        if (!base) {
          return update({
            drafts: { ...s.drafts, [q.id]: { ...s.drafts[q.id], policy } },
            message: `Documented on paper: ${POLICY_WORDS(policy)} (saved with the answer).`,
          });
        }
        record(q, { kind: base.kind, policy: policy ?? undefined }, base);
        return update({ message: `Documented on paper: ${POLICY_WORDS(policy)}.` });
      }
      case 'note': {
        const text = s.drafts[q.id]?.note ?? base?.note ?? '';
        return update({ mode: 'note', note: { questionId: q.id, text: textAt(plainText(text)), original: plainText(text) }, message: undefined });
      }
      default:
        return;
    }
  };

  useKeys((input, key) => {
    const s = ref.current;
    if (key.ctrl && input === 'c') return; // the app asks the quit guard
    if (s.prompt) return handlePrompt(s.prompt, input, key);
    if (s.mode === 'note') return handleNote(input, key);
    if (s.mode === 'dimensions') return handleDimensions(input, key);
    handleAnswer(input, key);
  }, shell.active);

  const help = question?.help;
  const helpWidth = Math.max(20, shell.size.columns - 4);
  const renderedHelp = useMarkdown(help, helpWidth, shell.color, state.showHelp && !!help);

  if (!assessment || !journey) {
    return (
      <Screen trail={['?']} scope="walk">
        <Text color={tone('red')}>This journey is no longer in the workbook. Press Esc to go back.</Text>
      </Screen>
    );
  }

  const scope = state.mode === 'note' ? 'note' : state.mode === 'dimensions' ? 'dimensions' : 'walk';
  const progress = model.progress.get(journeyId) ?? { answered: 0, total: questions.length };
  const width = shell.size.columns;
  const barWidth = width >= 100 ? 20 : 10;
  const top = (
    <Box flexShrink={0}>
      <Text>Journey </Text>
      <ProgressBar done={progress.answered} total={progress.total} width={barWidth} />
      <Text dimColor>{'   '}All journeys </Text>
      <ProgressBar done={model.total.answered} total={model.total.total} width={barWidth} />
    </Box>
  );
  const prompt = state.prompt ? <Confirm message={promptText(state.prompt, state.note?.text.value ?? '')} /> : null;

  if (state.mode === 'dimensions') {
    const rows = dimensionStarts.map((d) => {
      const title = bank.dimensions.find((x) => x.id === d.id)?.title ?? d.id;
      let answered = 0;
      for (let i = d.first; i < d.first + d.count; i++) if (answers.has(answerKey(journeyId, questions[i]!.id))) answered++;
      return { key: d.id, label: `${plainLine(title)}  (${answered} / ${d.count} answered)` };
    });
    return (
      <Screen trail={[assessment.name, journey.name]} scope={scope}>
        {top}
        <Box marginTop={1} flexDirection="column">
          <Text bold>Jump to a dimension</Text>
          <SelectList rows={rows} index={state.dimension} height={bodyRows(shell.size.rows) - 4} />
        </Box>
      </Screen>
    );
  }

  let carriedHere = 0;
  for (const q of questions) if (answers.get(answerKey(journeyId, q.id))?.carriedOver) carriedHere++;

  if (!question) {
    const next = nextJourney();
    const carriedNext = next ? (carriedByJourney(assessment.answers).get(next.id) ?? 0) : 0;
    return (
      <Screen trail={[assessment.name, journey.name]} scope={scope}>
        {top}
        <Box marginTop={1} flexDirection="column">
          <Text color={tone('green')} bold>
            {progress.answered === progress.total
              ? `All ${progress.total} questions of this journey are answered.`
              : `End of the journey: ${progress.total - progress.answered} of ${progress.total} questions are still unanswered (g goes to the next one).`}
          </Text>
          {carriedHere > 0 ? (
            <Text color={tone('cyan')} wrap="wrap">
              ↻ {plural(carriedHere, 'answer is', 'answers are')} still carried over from the last cycle: g goes to the next one, Enter there keeps it.
            </Text>
          ) : null}
          <Text wrap="wrap">
            {next
              ? `Enter: walk '${plainLine(next.name)}' next (${model.progress.get(next.id)?.answered ?? 0} / ${model.progress.get(next.id)?.total ?? 0} answered${carriedNext ? `, ${carriedNext} carried over` : ''}) · Esc: back to the journeys · ←: previous question`
              : 'Enter or Esc: back to the journeys · ←: previous question'}
          </Text>
        </Box>
        {prompt}
      </Screen>
    );
  }

  const dimension = bank.dimensions.find((d) => d.id === question.dimension);
  const inDimension = dimensionStarts.find((d) => state.index >= d.first && state.index < d.first + d.count);
  const draft = state.drafts[question.id];
  const confidence = current?.kind === 'option' ? current.confidence : current ? undefined : draft?.confidence;
  const policy = current ? current.policy : draft?.policy;
  const note = draft?.note ?? current?.note ?? '';
  const chosen = current ? highlightFor(state.index) : -1;
  const mark = current?.carriedOver ? '   ↻ carried over' : '   ✓ answer';
  const optionRows = [
    ...question.options.map((o, i) => ({ key: o.id, label: `${i + 1}  ${plainLine(o.label)}${chosen === i ? mark : ''}` })),
    { key: '\u0000unknown', label: `u  We don't know${chosen === question.options.length ? mark : ''}` },
    { key: '\u0000na', label: `x  Not applicable${chosen === question.options.length + 1 ? mark : ''}` },
  ];
  const carriedFrom = current?.carriedOver ? plainLine(latestSnapshot(assessment)?.label ?? 'the last cycle') : undefined;
  const stale = staleness(current, question, shell.now());
  // Shorter on a narrow terminal, where every line taken is an option hidden.
  const narrow = width < 80;
  const carriedText = carriedFrom ? `↻ carried over from "${carriedFrom}" — Enter keeps it${narrow ? '' : ', or choose another answer'}` : '';
  const staleLine = stale
    ? narrow
      ? `! answered ${stale.ageDays} days ago; answers last ${stale.lifetimeDays} days`
      : `! ${staleText(stale)}: it counts as reported at best until answered again`
    : '';
  const linesOf = (text: string) => (text ? wrapAnsi(text, Math.max(10, width - 1), { hard: true, trim: true }).split('\n').length : 0);
  const markLines = linesOf(carriedText) + linesOf(staleLine);
  const body = bodyRows(shell.size.rows);
  const promptText_ = plainLine(question.prompt);
  const promptLines = Math.ceil(promptText_.length / Math.max(20, width - 2)) || 1;
  const editing = state.mode === 'note' && state.note !== undefined;
  const piiInNote = state.note ? findPii(state.note.text.value) : [];
  const promptBox = state.prompt ? 4 : 0;
  const messageLine = state.message ? 1 : 0;
  // Lines without the gaps: bars, position, the prompt, the options (or while editing a
  // note, one line for the answer and the editor), confidence and policy, the note.
  const fixed = 2 + markLines + promptLines + (editing ? 1 : optionRows.length) + 1 + (editing ? 0 : 1) + messageLine + promptBox;
  const gap = body - fixed >= 3 + (editing ? 5 : 0) ? 1 : 0; // blank lines between sections, when there is room
  const room = body - fixed - 3 * gap;
  const chosenLabel =
    chosen < 0 ? 'unanswered' : chosen < question.options.length ? `${chosen + 1}  ${plainLine(question.options[chosen]!.label)}` : chosen === question.options.length ? "We don't know" : 'Not applicable';

  return (
    <Screen trail={[assessment.name, journey.name]} scope={scope}>
      {top}
      <Box flexShrink={0}>
        <Text dimColor wrap="truncate-end">
        {state.index + 1} of {questions.length} in the journey{current ? (current.carriedOver ? ' · carried over' : ' · answered') : ''} · {plainLine(dimension?.title ?? question.dimension)}, question{' '}
        {state.index - (inDimension?.first ?? 0) + 1} of {inDimension?.count ?? 1}
        </Text>
      </Box>
      {carriedText ? (
        <Box flexShrink={0}>
          <Paragraph bold color={tone('cyan')} text={carriedText} width={width - 1} />
        </Box>
      ) : null}
      {staleLine ? (
        <Box flexShrink={0}>
          <Paragraph color={tone('yellow')} text={staleLine} width={width - 1} />
        </Box>
      ) : null}
      <Box marginTop={gap} flexShrink={0}>
        <Paragraph bold text={promptText_} width={width} />
      </Box>
      <Box marginTop={gap} flexShrink={0}>
        {editing ? (
          <Text wrap="truncate-end">
            <Text dimColor>Answer </Text>
            {chosenLabel}
          </Text>
        ) : (
          <SelectList rows={optionRows} index={state.highlight} height={Math.max(3, optionRows.length + Math.min(0, room))} />
        )}
      </Box>
      <Box marginTop={gap} flexShrink={0}>
        <Text wrap="truncate-end">
          <Text dimColor>Confidence </Text>
          <Text bold>{confidence ?? (current ? '—' : 'reported (default)')}</Text>
          <Text dimColor>{'  ·  '}Documented on paper </Text>
          <Text bold>{POLICY_WORDS(policy)}</Text>
          {draft && !current ? <Text dimColor>{'  ·  '}kept until answered</Text> : null}
        </Text>
      </Box>
      {editing && state.note ? (
        <Box flexDirection="column" flexShrink={0}>
          <NoteEditor
            state={state.note.text}
            width={width}
            height={Math.max(4, Math.min(12, room - (piiInNote.length > 0 ? 2 : 0)))}
            label="Note · Enter new line · Ctrl-S save · Esc leave"
          />
          {piiInNote.length > 0 ? (
            <Text color={tone('yellow')} bold wrap="wrap">
              ! This looks like customer data: {describePii(piiInNote)}. Ctrl-R masks it.
            </Text>
          ) : null}
        </Box>
      ) : (
        <Box flexShrink={0}>
          <Text wrap="truncate-end">
            <Text dimColor>Note </Text>
            {note ? plainLine(note) : <Text dimColor>— (n to write one)</Text>}
          </Text>
        </Box>
      )}
      {state.message ? (
        <Box flexShrink={0}>
          <Text color={tone('cyan')} wrap="truncate-end">
            {state.message}
          </Text>
        </Box>
      ) : null}
      {prompt}
      {state.showHelp && state.mode === 'answer' && room - gap > 0 ? (
        <Box marginTop={gap} flexDirection="column" height={room - gap} flexShrink={0} overflow="hidden">
          {!help ? (
            <Text dimColor>This question has no help text.</Text>
          ) : renderedHelp === undefined ? (
            <Text dimColor>Loading the help…</Text>
          ) : (
            <Text wrap="wrap">{renderedHelp}</Text>
          )}
        </Box>
      ) : null}
    </Screen>
  );
}

function promptText(prompt: Prompt, note: string): string {
  switch (prompt.kind) {
    case 'note-leave':
      return 'The note has unsaved changes. Press s to save it, d to drop the changes, any other key to keep editing.';
    case 'note-quit':
      return 'The note has unsaved changes. Press s to save it and quit, d to quit without it, any other key to keep editing.';
    case 'note-pii':
      return `The note looks like it holds customer data (${describePii(findPii(note))}). Press m to mask it and save, s to save it as typed, any other key to keep editing.`;
    case 'drafts':
      return `A note waits for its question to be answered and is not saved yet. Press y to ${prompt.then === 'quit' ? 'quit' : 'leave'} without it, any other key to stay.`;
  }
}
