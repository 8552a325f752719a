import { Box, Text } from 'ink';
import { countOf, scopeNamesOf } from '../../core/bank-words.js';
import { buildDemoWorkbook } from '../../core/demo.js';
import { addAssessmentCopy, assessmentRemovalImpact, removeAssessment } from '../../core/setup-ops.js';
import type { Overall } from '../../core/report-schema.js';
import { plainLine } from '../../core/terminal-text.js';
import { useNav } from '../navigation.js';
import type { ScreenProps } from '../screen-props.js';
import { textColumn } from '../column-widths.js';
import { Cell } from '../components/Cell.js';
import { Confirm } from '../components/Confirm.js';
import { Screen, bodyRows } from '../components/Screen.js';
import { SelectList, type ListRow } from '../components/SelectList.js';
import { useDerived } from '../derived.js';
import { Figure } from '../figures.js';
import { useKeys, useRefState } from '../hooks/useKeys.js';
import { commandFor, listMoveFor } from '../keybindings.js';
import { moveBy } from '../list-move.js';
import { sharedCommand, useShell, useTone } from '../shell.js';
import { plural } from '../words.js';
import { wrapAtMost } from '../wrap-lines.js';

const NEW = '\u0000new';

const DEMO = '\u0000demo';

/** The assessments in the workbook: open one, start one, or add the demo. */
export function HomeScreen({ workbook, bank, apply, focus, bankWarning }: ScreenProps & { focus?: string | undefined }) {
  const shell = useShell();
  const tone = useTone();
  const nav = useNav();
  const derived = useDerived();
  // Scores of each assessment are kept while it is unchanged: coming back to the list
  // after walking one assessment scores only that one again.
  const summaries = workbook.assessments.map((a) => ({ assessment: a, scores: derived.scoresOf(bank, a, shell.now()) }));
  const ids = [...workbook.assessments.map((a) => a.id), NEW, DEMO];
  const [state, setState, ref] = useRefState<{ index: number; removing?: string }>(() => ({
    index: Math.max(0, ids.indexOf(focus ?? '')),
  }));
  const index = Math.min(state.index, ids.length - 1);

  const addDemo = () => {
    const demo = buildDemoWorkbook(bank, shell.now()).assessments[0];
    if (!demo) return;
    const { id } = addAssessmentCopy(workbook, demo);
    apply((w) => addAssessmentCopy(w, demo).workbook);
    nav.go({ name: 'assessment', assessmentId: id });
  };

  // The question asked before removing claims the next key, above the list.
  useKeys(
    (input, key) => {
      const { removing } = ref.current;
      if (!removing) return false;
      if (input === 'y' && !key.ctrl) apply((w) => removeAssessment(w, removing));
      setState({ index: Math.min(ref.current.index, ids.length - 1) });
      return true;
    },
    shell.active,
    'modal',
  );

  useKeys((input, key) => {
    const at = Math.min(ref.current.index, ids.length - 1);
    const move = listMoveFor('home', input, key);
    if (move) return setState({ index: moveBy(at, ids.length, move) ?? at });
    const id = ids[at]!;
    const isAssessment = id !== NEW && id !== DEMO;
    const command = commandFor('home', input, key);
    switch (command) {
      case 'select':
        if (id === NEW) nav.go({ name: 'assessment-form' });
        else if (id === DEMO) addDemo();
        else nav.go({ name: 'assessment', assessmentId: id });
        return;
      case 'add':
        return nav.go({ name: 'assessment-form' });
      case 'demo':
        return addDemo();
      case 'edit':
        if (isAssessment) nav.go({ name: 'assessment-form', assessmentId: id });
        return;
      case 'remove':
        if (isAssessment) setState({ index: at, removing: id });
        return;
      default:
        sharedCommand(shell, 'home', command, key, () => shell.quit());
        return;
    }
  }, shell.active);

  // The names take what is left, but no more than the longest needs: at 200 columns the
  // dates and scores stood 100 columns away from them.
  const nameWidth = textColumn(shell.size.columns - 2 - 11 - 10 - 9 - 11 - 5, summaries.map(({ assessment: a }) => plainLine(a.name)), 12);
  const rows: ListRow[] = [
    ...summaries.map(({ assessment: a, scores }) => ({
      key: a.id,
      label: (
        <Box>
          <Cell width={nameWidth}>{plainLine(a.name)}</Cell>
          <Cell width={10}>{a.createdAt.slice(0, 10)}</Cell>
          <Cell width={9} right>{answeredOnce(scores.overall)}</Cell>
          <Cell width={8} right>
            <Figure measure="exposure" figure={scores.overall.exposure} />
          </Cell>
          <Cell width={10} right>
            <Figure measure="visibility" figure={scores.overall.visibility} />
          </Cell>
        </Box>
      ),
    })),
    { key: NEW, label: '+ New assessment' },
    { key: DEMO, label: '+ Demo assessment (a fictional energy supplier, three cycles of answers)', dim: true },
  ];
  const removing = state.removing ? workbook.assessments.find((a) => a.id === state.removing) : undefined;
  // The bank's warnings, in at most three lines under the list.
  const warning = bankWarning ? wrapAtMost(`! ${plainLine(bankWarning)}`, shell.size.columns, 3) : [];
  const impact = removing ? assessmentRemovalImpact(removing) : undefined;

  return (
    <Screen trail={[plainLine(bank.title)]} scope="home">
      <Text dimColor>{workbook.assessments.length === 0 ? 'No assessments yet.' : 'Choose an assessment:'}</Text>
      {workbook.assessments.length > 0 ? (
        <Box marginTop={1} marginLeft={2}>
          <Cell width={nameWidth} dim>
            Assessment
          </Cell>
          <Cell width={10} dim>
            Created
          </Cell>
          <Cell width={9} right dim>
            Answered
          </Cell>
          <Cell width={8} right dim>
            Exposure
          </Cell>
          <Cell width={10} right dim>
            Visibility
          </Cell>
        </Box>
      ) : null}
      <Box marginTop={workbook.assessments.length > 0 ? 0 : 1}>
        <SelectList rows={rows} index={index} height={bodyRows(shell.size.rows) - 4 - (removing ? 4 : 0) - (warning.length > 0 ? warning.length + 1 : 0)} />
      </Box>
      {warning.length > 0 ? (
        <Box marginTop={1} flexDirection="column">
          {warning.map((line, i) => (
            <Text key={i} color={tone('yellow')}>
              {line}
            </Text>
          ))}
        </Box>
      ) : null}
      {removing && impact ? (
        <Confirm
          message={`Removing '${plainLine(removing.name)}' deletes its ${countOf(impact.journeys, scopeNamesOf(bank))} and ${plural(impact.answers, 'answer')}. Press y to remove it, any other key to keep it.`}
        />
      ) : null}
    </Screen>
  );
}

/** "119/119": the answers given, each once, as the assessment's "All questions" bar counts them. */
function answeredOnce(overall: Overall): string {
  const { answered, total } = overall.given ?? overall.progress;
  return `${answered}/${total}`;
}
