import { Box, Text } from 'ink';
import { useMemo } from 'react';
import stringWidth from 'string-width';
import { journeyRemovalImpact, removeJourney } from '../../core/setup-ops.js';
import { carriedOverCount, defaultSnapshotLabel, snapshotLabelProblem, snapshotLabelProblemText, startNewCycle, takeSnapshot } from '../../core/snapshot.js';
import { decisions, openQuestions } from '../../core/parking-lot.js';
import { dayOf } from '../../core/plan-status.js';
import { currentSession, formatDuration, scopeWords } from '../../core/session.js';
import { plainLine } from '../../core/terminal-text.js';
import { updateAssessment } from '../../core/workbook-ops.js';
import type { Assessment } from '../../core/workbook-schema.js';
import { ORGANISATION_ROW, useNav } from '../navigation.js';
import { ORGANISATION_LABEL } from '../../core/organisation.js';
import type { AssessmentProps } from '../screen-props.js';
import { useAssessmentModel, useDerived } from '../derived.js';
import { capitalised, scopeNamesOf } from '../../core/bank-words.js';
import { bankNotice } from '../bank-notice.js';
import { textColumn } from '../column-widths.js';
import { Cell } from '../components/Cell.js';
import { Confirm } from '../components/Confirm.js';
import { LabelPrompt } from '../components/LabelPrompt.js';
import { Paragraph } from '../components/Paragraph.js';
import { packLines } from '../wrap-lines.js';
import { carriedByJourney, latestSnapshot } from '../cycle-figures.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { Screen, bodyRows } from '../components/Screen.js';
import { SelectList, type ListRow } from '../components/SelectList.js';
import { useKeys, useRefState } from '../hooks/useKeys.js';
import { commandFor, listMoveFor } from '../keybindings.js';
import { moveBy } from '../list-move.js';
import { sharedCommand, useShell, useTone } from '../shell.js';
import { editText, selectedText, type TextState } from '../text-edit.js';
import { plural } from '../words.js';

const ADD = '\u0000add';
const SECTIONS = ['systems', 'integrations', 'results', 'plan', 'parking', 'requests', 'compare', 'controls'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * One assessment: its journeys with their progress and the answers still carried over
 * (Enter walks one), and the way to its set-up (systems, integrations), results, plan and
 * the comparison with a snapshot. `t` takes a snapshot and `N` starts a new cycle, each
 * after asking for a label and saying what will happen.
 */
export function AssessmentScreen({ bank, apply, assessment, focus }: AssessmentProps & { focus?: string | undefined }) {
  const shell = useShell();
  const derived = useDerived();
  const nav = useNav();
  const tone = useTone();
  const assessmentId = assessment.id;
  const model = useAssessmentModel(bank, assessment);
  const names = scopeNamesOf(bank);
  // Counted over every answer (thousands in a large workbook): once per change, not per frame.
  const { answers, organisationAnswers, bank: answeredWith } = assessment;
  const carriedFigures = useMemo(() => {
    const byJourney = carriedByJourney(answers);
    const organisation = organisationAnswers.filter((a) => a.carriedOver).length;
    return { byJourney, organisation, total: carriedOverCount({ answers, organisationAnswers }) };
  }, [answers, organisationAnswers]);
  const notice = useMemo(() => bankNotice(bank, { bank: answeredWith, answers, organisationAnswers }), [bank, answeredWith, answers, organisationAnswers]);
  const journeys = assessment.journeys;
  // The organisation-wide section comes first when the bank has questions answered once for every journey.
  const hasOrganisation = model.organisation.questions.length > 0;
  const ids: string[] = [...(hasOrganisation ? [ORGANISATION_ROW] : []), ...journeys.map((j) => j.id), ADD, ...SECTIONS];
  const [state, setState, ref] = useRefState<{
    index: number;
    removing?: string;
    /** Asking for the label of a snapshot, or of the snapshot that closes the cycle. */
    labelling?: { kind: 'snapshot' | 'cycle'; text: TextState; /** Why the label typed cannot be used. */ problem?: string };
    /** What the last snapshot did, in a sentence. */
    message?: string;
  }>(() => ({
    index: Math.max(0, ids.indexOf(focus ?? (journeys.length === 0 ? ADD : ''))),
  }));
  const index = Math.min(state.index, ids.length - 1);

  const open = (section: Section) => {
    switch (section) {
      case 'systems':
      case 'integrations':
      case 'results':
      case 'plan':
      case 'parking':
      case 'requests':
      case 'compare':
      case 'controls':
        return nav.go({ name: section, assessmentId });
    }
  };

  /** Takes the snapshot (or starts the new cycle) through the store, and says what it did. */
  const take = (kind: 'snapshot' | 'cycle', label: string) => {
    const now = shell.now();
    const labelling = ref.current.labelling!;
    const problem = snapshotLabelProblem(assessment, label);
    if (problem) return setState({ index: ref.current.index, labelling: { ...labelling, problem: snapshotLabelProblemText(problem, label) } });
    let said = '';
    apply((w) =>
      updateAssessment(w, assessmentId, (a) => {
        const input = { label, by: a.facilitator };
        const report = derived.report(bank, a, now);
        if (kind === 'snapshot') {
          const { assessment: next, snapshot } = takeSnapshot(a, report, input, now);
          said = `Snapshot "${plainLine(snapshot.label)}" taken: ${plural(snapshot.answers.length, 'answer')} frozen with their scores and plan. c compares with it.`;
          return next;
        }
        const { assessment: next, snapshot, carried } = startNewCycle(a, report, input, now);
        said = `New cycle started: the answers are frozen as "${plainLine(snapshot.label)}", and ${plural(carried, 'answer is', 'answers are')} carried over until confirmed or changed in the walk.`;
        return next;
      }),
    );
    setState({ index: ref.current.index, message: said });
  };

  // The label asked for, and the question before removing, claim the keys above the list.
  useKeys(
    (input, key) => {
      const { removing, labelling } = ref.current;
      const at = Math.min(ref.current.index, ids.length - 1);
      if (labelling) {
        const command = commandFor('label', input, key);
        if (command === 'save') take(labelling.kind, labelling.text.value.trim());
        else if (command === 'back') setState({ index: at });
        else if (command !== 'quit') {
          const next = editText(labelling.text, input, key, false);
          if (next) setState({ index: at, labelling: { kind: labelling.kind, text: next } });
        }
        return true;
      }
      if (removing) {
        if (input === 'y' && !key.ctrl) apply((w) => updateAssessment(w, assessmentId, (a) => removeJourney(a, removing)));
        setState({ index: at });
        return true;
      }
      return false;
    },
    shell.active,
    'modal',
  );

  useKeys((input, key) => {
    const at = Math.min(ref.current.index, ids.length - 1);
    const move = listMoveFor('assessment', input, key);
    if (move) return setState({ index: moveBy(at, ids.length, move) ?? at, message: ref.current.message });
    const id = ids[at]!;
    const journey = journeys.find((j) => j.id === id);
    const command = commandFor('assessment', input, key);
    switch (command) {
      case 'select':
        if (journey) nav.go({ name: 'walk', assessmentId, journeyId: journey.id });
        else if (id === ORGANISATION_ROW) nav.go({ name: 'organisation', assessmentId });
        else if (id === ADD) nav.go({ name: 'journey-form', assessmentId });
        else open(id as Section);
        return;
      case 'add':
        return nav.go({ name: 'journey-form', assessmentId });
      case 'edit':
        if (journey) nav.go({ name: 'journey-form', assessmentId, journeyId: journey.id });
        else if ((SECTIONS as readonly string[]).includes(id) && (id === 'systems' || id === 'integrations')) open(id);
        return;
      case 'remove':
        if (journey) setState({ index: at, removing: journey.id });
        return;
      case 'systems':
      case 'integrations':
      case 'results':
      case 'plan':
      case 'compare':
      case 'controls':
        return open(command);
      case 'parking-lot':
        return open('parking');
      case 'requests':
        return open('requests');
      case 'session':
        return nav.go({ name: 'session-form', assessmentId });
      case 'snapshot':
      case 'new-cycle':
        return setState({
          index: at,
          labelling: { kind: command === 'snapshot' ? 'snapshot' : 'cycle', text: selectedText(defaultSnapshotLabel(shell.now())) },
        });
      default:
        sharedCommand(shell, 'assessment', command, key, () => nav.back());
        return;
    }
  }, shell.active);

  const carried = carriedFigures.byJourney;
  const carriedOrganisation = carriedFigures.organisation;
  const wide = shell.size.columns >= 90;
  const carriedWidth = carried.size > 0 || carriedOrganisation > 0 ? (wide ? 13 : 5) : 0;
  // The names take what is left, but no more than the longest needs (at 200 columns the
  // sensitivity and progress stood 110 columns away from them), as on the home list.
  const nameWidth = textColumn(shell.size.columns - 2 - 24 - 12 - 3 - carriedWidth, [...(hasOrganisation ? [ORGANISATION_LABEL] : []), ...journeys.map((j) => plainLine(j.name))], 12);
  const row = (key: string, name: string, note: string, p: { answered: number; total: number }, carriedHere: number): ListRow => ({
    key,
    label: (
      <Box>
        <Cell width={nameWidth}>{name}</Cell>
        <Cell width={11} dim>
          {note}
        </Cell>
        <Cell width={24}>
          <ProgressBar done={p.answered} total={p.total} width={10} />
        </Cell>
        {carriedWidth > 0 ? (
          <Cell width={carriedWidth} dim>
            {carriedHere ? `↻ ${carriedHere}${wide ? ' carried' : ''}` : ''}
          </Cell>
        ) : null}
      </Box>
    ),
  });
  const rows: ListRow[] = [
    ...(hasOrganisation ? [row(ORGANISATION_ROW, ORGANISATION_LABEL, 'asked once', model.organisation.progress, carriedOrganisation)] : []),
    ...journeys.map((j) => row(j.id, plainLine(j.name), j.sensitivity, model.progress.get(j.id) ?? { answered: 0, total: 0 }, carried.get(j.id) ?? 0)),
    { key: ADD, label: `+ Add ${names.singular}` },
    { key: 'systems', label: `Systems (${assessment.systems.length}): what the ${names.plural} pass through` },
    { key: 'integrations', label: `Integrations (${assessment.integrations.length}): what moves data between systems` },
    { key: 'results', label: `Results: exposure and visibility, ${names.singular} by dimension` },
    { key: 'plan', label: 'Plan: what to fix first, its status, and export' },
    { key: 'parking', label: parkingLabel(assessment, dayOf(shell.now())) },
    { key: 'requests', label: requestsLabel(derived.requests(bank, assessment, shell.now())) },
    {
      key: 'compare',
      label:
        assessment.snapshots.length === 0
          ? 'Compare: nothing yet (t takes a snapshot to compare with later)'
          : `Compare: what changed since a snapshot (${plural(assessment.snapshots.length, 'snapshot')})`,
    },
    { key: 'controls', label: 'Controls: what the answers show for each control the audit looks at' },
  ];
  // Each line of parts wraps part by part where it would be cut (packLines).
  const details = packLines(
    [assessment.organisation, assessment.facilitator ? `facilitator ${assessment.facilitator}` : '', assessment.participants.length ? plural(assessment.participants.length, 'participant') : '']
      .filter(Boolean)
      .map(plainLine),
    shell.size.columns - 1,
  );
  const removing = state.removing ? journeys.find((j) => j.id === state.removing) : undefined;
  const noticeLines = notice ? Math.ceil((notice.length + 2) / Math.max(20, shell.size.columns)) : 0;
  const cycle = packLines(cycleParts(assessment, carriedFigures.total), shell.size.columns - 1);
  const labelling = state.labelling;
  const promptText = labelling ? labelPromptText(labelling.kind, carriedFigures.total) : '';
  const boxLines = (text: string) => Math.ceil((text.length + 2) / Math.max(20, shell.size.columns - 4));
  const promptLines = labelling ? 4 + boxLines(promptText) + (labelling.problem ? boxLines(labelling.problem) : 0) : 0;
  const messageLines = state.message && !labelling ? Math.ceil(state.message.length / Math.max(20, shell.size.columns)) : 0;
  const sessionText = sessionLine(assessment, shell.size.columns - 1);
  const reserved = 5 + details.length + cycle.length + noticeLines + (removing ? 4 : 0) + promptLines + messageLines;

  const prompt = labelling ? (
    <LabelPrompt
      message={promptText}
      label="Label"
      state={labelling.text}
      enter={labelling.kind === 'snapshot' ? 'takes the snapshot' : 'starts the new cycle'}
      problem={labelling.problem}
    />
  ) : null;
  // On a short terminal the question is all there is room for.
  if (labelling && bodyRows(shell.size.rows) - promptLines < 8) {
    return (
      <Screen trail={[assessment.name]} scope="label">
        {prompt}
      </Screen>
    );
  }

  return (
    <Screen trail={[assessment.name]} scope={labelling ? 'label' : 'assessment'}>
      {details.length > 0 ? (
        <Text dimColor wrap="truncate-end">
          {details.join('\n')}
        </Text>
      ) : null}
      <Box>
        <Text>{hasOrganisation ? 'All questions ' : `All ${names.plural} `}</Text>
        <ProgressBar done={model.total.answered} total={model.total.total} width={20} />
        <Text dimColor> answered</Text>
      </Box>
      {cycle.length > 0 ? (
        <Text wrap="truncate-end" color={carriedFigures.total > 0 ? tone('cyan') : undefined} dimColor={carriedFigures.total === 0}>
          {cycle.join('\n')}
        </Text>
      ) : null}
      {notice ? (
        <Text color={tone('yellow')} wrap="wrap">
          ! {notice}
        </Text>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        <Text wrap="truncate-end">{sessionText}</Text>
        <Text dimColor wrap="truncate-end">
          {journeys.length === 0
            ? `No ${names.plural} yet: add the first one.`
            : hasOrganisation
              ? `The organisation-wide questions, then each ${names.singular} (Enter walks one):`
              : `${capitalised(names.plural)} (Enter walks one):`}
        </Text>
        <SelectList rows={rows} index={index} height={Math.max(3, bodyRows(shell.size.rows) - reserved)} />
      </Box>
      {state.message && !labelling ? <Paragraph color={tone('green')} text={state.message} width={shell.size.columns} /> : null}
      {prompt}
      {removing ? (
        <Confirm
          message={`Removing '${plainLine(removing.name)}' deletes its ${plural(journeyRemovalImpact(assessment, removing.id).answers, 'answer')}. Press y to remove it, any other key to keep it.`}
        />
      ) : null}
    </Screen>
  );
}

/** The session line: what the walks ask, the time used and the timebox, and S to change it; the short form where the long one would be cut at `width`. */
function sessionLine(assessment: Assessment, width: number): string {
  const session = currentSession(assessment);
  const fit = (long: string, short: string) => (stringWidth(long) <= width ? long : short);
  if (!session) return fit('Session: all questions, no timebox · S: core questions, chosen dimensions, a timebox', 'Session: all questions · S: core, dimensions, timebox');
  const asks = session.scope === 'all' ? 'all questions' : session.scope === 'core' ? 'core questions' : scopeWords(session);
  const time = `${formatDuration(session.usedSeconds)} used${session.timeboxMinutes !== undefined ? ` of ${formatDuration(session.timeboxMinutes * 60)}` : ''}`;
  return fit(`Session ${session.id}: ${asks} · ${time} · S changes it or starts a new one`, `Session ${session.id}: ${asks} · ${time} · S`);
}

/** The parking lot's row: how many open questions (overdue) and decisions, or how to add the first. */
function parkingLabel(assessment: Assessment, today: string): string {
  const open = openQuestions(assessment);
  const overdue = open.filter((i) => i.due !== undefined && i.due < today).length;
  const taken = decisions(assessment).length;
  if (open.length === 0 && taken === 0) return 'Parking lot: empty (Ctrl-P on any screen parks a question or a decision)';
  return `Parking lot: ${plural(open.length, 'open question')}${overdue > 0 ? ` (${overdue} overdue)` : ''}, ${plural(taken, 'decision')}`;
}

/** The requests' row: how many are open and overdue, or that there is nothing to ask for. */
function requestsLabel(requests: readonly { status: string; overdue: boolean }[]): string {
  if (requests.length === 0) return 'Evidence requests: none (answers on someone\'s word become requests)';
  const open = requests.filter((r) => r.status !== 'accepted').length;
  const overdue = requests.filter((r) => r.overdue).length;
  return `Evidence requests: ${open} open${overdue > 0 ? ` (${overdue} overdue)` : ''} of ${requests.length}, by owner`;
}

/** "↻ 12 carried over, to confirm in the walk" and "2 snapshots, latest "2026 Q3" (2026-09-30)", or none before the first. */
function cycleParts(assessment: Assessment, carried: number): string[] {
  const latest = latestSnapshot(assessment);
  const parts = [
    carried > 0 ? `↻ ${carried} carried over, to confirm in the walk` : '',
    latest
      ? `${plural(assessment.snapshots.length, 'snapshot')}, latest "${plainLine(latest.label)}"${latest.label === latest.takenAt.slice(0, 10) ? '' : ` (${latest.takenAt.slice(0, 10)})`}`
      : '',
  ].filter(Boolean);
  return parts;
}

/** What taking a snapshot or starting a cycle does, said before it is done. */
function labelPromptText(kind: 'snapshot' | 'cycle', carried: number): string {
  if (kind === 'snapshot') {
    return "Take a snapshot: today's answers, scores and plan are frozen under this label, to compare with later. Nothing else changes.";
  }
  return (
    'Start a new cycle: the current answers are frozen as a snapshot under this label and carried forward; each is marked ' +
    '"carried over" until someone confirms it (Enter in the walk) or changes it.' +
    (carried > 0 ? ` ${plural(carried, 'answer is', 'answers are')} still carried over from the last cycle.` : '')
  );
}
