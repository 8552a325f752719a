import { Box, Text } from 'ink';
import { journeyRemovalImpact, removeJourney } from '../../core/setup-ops.js';
import { plainLine } from '../../core/terminal-text.js';
import { updateAssessment } from '../../core/workbook-ops.js';
import type { ScreenProps } from '../App.js';
import { useAssessmentModel } from '../assessment-model.js';
import { bankNotice } from '../bank-notice.js';
import { Cell } from '../components/Cell.js';
import { Confirm } from '../components/Confirm.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { Screen, bodyRows } from '../components/Screen.js';
import { SelectList, moveIndex, type ListRow } from '../components/SelectList.js';
import { useKeys, useRefState } from '../hooks/useKeys.js';
import { commandFor } from '../keybindings.js';
import { useShell, useTone } from '../shell.js';
import { plural } from '../words.js';

const ADD = '\u0000add';
const SECTIONS = ['systems', 'integrations', 'results', 'plan'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * One assessment: its journeys with their progress (Enter walks one), and the way to
 * its set-up (systems, integrations), results and plan.
 */
export function AssessmentScreen({ workbook, bank, apply, dispatch, assessmentId, focus }: ScreenProps & { assessmentId: string; focus?: string | undefined }) {
  const shell = useShell();
  const tone = useTone();
  const assessment = workbook.assessments.find((a) => a.id === assessmentId);
  const model = useAssessmentModel(bank, assessment);
  const journeys = assessment?.journeys ?? [];
  const ids: string[] = [...journeys.map((j) => j.id), ADD, ...SECTIONS];
  const [state, setState, ref] = useRefState<{ index: number; removing?: string }>(() => ({
    index: Math.max(0, ids.indexOf(focus ?? (journeys.length === 0 ? ADD : ''))),
  }));
  const index = Math.min(state.index, ids.length - 1);

  const open = (section: Section) => {
    switch (section) {
      case 'systems':
        return dispatch({ type: 'open-systems', assessmentId });
      case 'integrations':
        return dispatch({ type: 'open-integrations', assessmentId });
      case 'results':
        return dispatch({ type: 'open-results', assessmentId });
      case 'plan':
        return dispatch({ type: 'open-plan', assessmentId });
    }
  };

  useKeys((input, key) => {
    const { removing } = ref.current;
    const at = Math.min(ref.current.index, ids.length - 1);
    if (removing) {
      if (input === 'y' && !key.ctrl) apply((w) => updateAssessment(w, assessmentId, (a) => removeJourney(a, removing)));
      setState({ index: at });
      return;
    }
    const moved = moveIndex(at, ids.length, key);
    if (moved !== undefined) return setState({ index: moved });
    const id = ids[at]!;
    const journey = journeys.find((j) => j.id === id);
    const command = commandFor('assessment', input, key);
    switch (command) {
      case 'select':
        if (journey) dispatch({ type: 'walk-journey', assessmentId, journeyId: journey.id });
        else if (id === ADD) dispatch({ type: 'create-journey', assessmentId });
        else open(id as Section);
        return;
      case 'add':
        return dispatch({ type: 'create-journey', assessmentId });
      case 'edit':
        if (journey) dispatch({ type: 'edit-journey', assessmentId, journeyId: journey.id });
        else if ((SECTIONS as readonly string[]).includes(id) && (id === 'systems' || id === 'integrations')) open(id);
        return;
      case 'remove':
        if (journey) setState({ index: at, removing: journey.id });
        return;
      case 'systems':
      case 'integrations':
      case 'results':
      case 'plan':
        return open(command);
      case 'help':
        return shell.showHelp('assessment');
      case 'back':
        return dispatch({ type: 'back' });
      case 'quit':
        if (!key.ctrl) shell.quit();
        return;
      default:
        return;
    }
  }, shell.active);

  if (!assessment) {
    return (
      <Screen trail={['?']} scope="assessment">
        <Text color={tone('red')}>This assessment is no longer in the workbook. Press Esc to go back.</Text>
      </Screen>
    );
  }

  const nameWidth = Math.max(12, shell.size.columns - 2 - 24 - 12 - 3);
  const rows: ListRow[] = [
    ...journeys.map((j) => {
      const p = model.progress.get(j.id) ?? { answered: 0, total: 0 };
      return {
        key: j.id,
        label: (
          <Box>
            <Cell width={nameWidth}>{plainLine(j.name)}</Cell>
            <Cell width={11} dim>
              {j.sensitivity}
            </Cell>
            <Cell width={24}>
              <ProgressBar done={p.answered} total={p.total} width={10} />
            </Cell>
          </Box>
        ),
      };
    }),
    { key: ADD, label: '+ Add journey' },
    { key: 'systems', label: `Systems (${assessment.systems.length}): what the journeys pass through` },
    { key: 'integrations', label: `Integrations (${assessment.integrations.length}): what moves data between systems` },
    { key: 'results', label: 'Results: exposure and visibility, journey by dimension' },
    { key: 'plan', label: 'Plan: what to fix first, and export' },
  ];
  const details = [
    assessment.organisation,
    assessment.facilitator ? `facilitator ${assessment.facilitator}` : '',
    assessment.participants.length ? plural(assessment.participants.length, 'participant') : '',
  ]
    .filter(Boolean)
    .map(plainLine)
    .join(' · ');
  const notice = bankNotice(bank, assessment);
  const removing = state.removing ? journeys.find((j) => j.id === state.removing) : undefined;
  const noticeLines = notice ? Math.ceil((notice.length + 2) / Math.max(20, shell.size.columns)) : 0;
  const reserved = 4 + (details ? 1 : 0) + noticeLines + (removing ? 4 : 0);

  return (
    <Screen trail={[assessment.name]} scope="assessment">
      {details ? (
        <Text dimColor wrap="truncate-end">
          {details}
        </Text>
      ) : null}
      <Box>
        <Text>All journeys </Text>
        <ProgressBar done={model.total.answered} total={model.total.total} width={20} />
        <Text dimColor> answered</Text>
      </Box>
      {notice ? (
        <Text color={tone('yellow')} wrap="wrap">
          ! {notice}
        </Text>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        <Text dimColor>{journeys.length === 0 ? 'No journeys yet: add the first one.' : 'Journeys (Enter walks one):'}</Text>
        <SelectList rows={rows} index={index} height={Math.max(3, bodyRows(shell.size.rows) - reserved)} />
      </Box>
      {removing ? (
        <Confirm
          message={`Removing '${plainLine(removing.name)}' deletes its ${plural(journeyRemovalImpact(assessment, removing.id).answers, 'answer')}. Press y to remove it, any other key to keep it.`}
        />
      ) : null}
    </Screen>
  );
}
