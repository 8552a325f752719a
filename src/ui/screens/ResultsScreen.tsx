/**
 * Results: the heat table of journeys x dimensions, exposure or visibility (Tab), and
 * the answers behind any cell (Enter). Scores are computed here and only here, once per
 * change of the assessment, never per key press.
 */
import { personText } from '../../core/participants.js';
import { levelWords, scopeNamesOf } from '../../core/bank-words.js';
import { Box, Text, type Key } from 'ink';
import { answerKey } from '../../core/journey-questions.js';
import type { Figures, ReportAnswer } from '../../core/report-schema.js';
import { plainLine, plainText } from '../../core/terminal-text.js';
import { useNav, type ResultsView, type Screen as Place } from '../navigation.js';
import type { AssessmentProps } from '../screen-props.js';
import { walkOrder } from '../assessment-model.js';
import { useReport } from '../derived.js';
import { Cell } from '../components/Cell.js';
import { Paragraph } from '../components/Paragraph.js';
import { Screen, bodyRows } from '../components/Screen.js';
import { SelectList, windowStart, type ListRow } from '../components/SelectList.js';
import { StaleAnswerList } from '../components/StaleAnswerList.js';
import { Figure, Legend } from '../figures.js';
import { describeFigure } from '../score-bands.js';
import { useKeys, useRefState } from '../hooks/useKeys.js';
import { bindingFor, commandFor, listMoveFor } from '../keybindings.js';
import { moveBy } from '../list-move.js';
import { sharedCommand, useShell } from '../shell.js';
import { plural } from '../words.js';
import { evidenceWords } from '../evidence-words.js';
import { evidenceScreenFor } from '../evidence-lines.js';
import type { EvidenceStanding } from '../../core/evidence.js';
import stringWidth from 'string-width';
import { headerSegments, resultsLayout } from '../results-layout.js';
import { wrapAtMost, wrapLines } from '../wrap-lines.js';

/** Where the table's highlight is, and what is open over it; kept in the stack entry when a walk opens from it. */
type ResultsState = ResultsView;

/** What an answer's evidence does for it today, as the report lists it. */
function evidenceStandingOf(a: ReportAnswer | undefined): EvidenceStanding {
  if (!a?.evidence) return 'none';
  if (a.evidence.some((e) => e.counts)) return 'current';
  return a.evidence.some((e) => e.status === 'accepted' && e.expired && e.optionId === a.optionId) ? 'lapsed' : 'none';
}

/** One line behind a cell: a question of a journey, and its answer if any. */
interface CellAnswer {
  key: string;
  journeyId: string;
  journeyName: string;
  /** The answer evidence would back: the journey's, or null for the organisation answer that holds for it. */
  answerJourneyId: string | null;
  /** An option answer: evidence can back it. */
  option: boolean;
  questionId: string;
  prompt: string;
  answer: string;
  detail: string;
  note: string;
}

export function ResultsScreen({ bank, assessment, screen }: AssessmentProps & { screen: Extract<Place, { name: 'results' }> }) {
  const shell = useShell();
  const nav = useNav();
  const assessmentId = assessment.id;
  const report = useReport(bank, assessment);
  const [state, setState, ref] = useRefState<ResultsState>(() => screen.view ?? { row: 0, column: 0, measure: 'exposure' });
  /** Opens `to`; coming back shows the table as it is now (the cell, the answer list, the highlighted line). */
  const open = (to: Place) => nav.go(to, { ...screen, view: ref.current });
  const update = (change: Partial<ResultsState>) => setState((s) => ({ ...s, ...change }));

  // Rows: each journey, then all journeys. Columns: each dimension, then the whole journey.
  const rowCount = report.journeys.length + 1;
  const columnCount = report.dimensions.length + 1;

  const cellAnswers = (row: number, column: number): CellAnswer[] => {
    const journeys = row < report.journeys.length ? [assessment.journeys.find((j) => j.id === report.journeys[row]!.id)!] : assessment.journeys;
    const dimension = report.dimensions[column]?.id;
    const answers = new Map(report.answers.map((a) => [answerKey(a.journeyId ?? '', a.questionId), a]));
    const lines: CellAnswer[] = [];
    for (const journey of journeys) {
      for (const q of walkOrder(bank, journey, assessment)) {
        if (dimension && q.dimension !== dimension) continue;
        // A journey without its own answer shows the organisation answer that holds for it.
        const a = answers.get(answerKey(journey.id, q.id)) ?? answers.get(answerKey('', q.id));
        const answer = !a
          ? 'unanswered'
          : a.kind === 'unknown'
            ? "we don't know"
            : a.kind === 'na'
              ? 'not applicable'
              : `${plainLine(a.optionLabel ?? '')}`;
        const standing = evidenceStandingOf(a);
        const detail = !a
          ? ''
          : [
              a.override ? `this ${scopeNamesOf(bank).singular}'s override` : a.journeyId === null ? "the organisation's answer" : '',
              // The key it was chosen with, and its level apart: option 3 of a ladder may be level 2.
              a.kind === 'option'
                ? `option ${q.options.findIndex((o) => o.id === a.optionId) + 1} · ${bank.levels ? plainLine(levelWords(a.level ?? 0, bank.levels)) : `exposure level ${a.level} of 4`}`
                : '',
              a.effectiveConfidence ? (standing === 'current' ? `verified by evidence (${a.evidence!.length})` : `${a.effectiveConfidence}${a.stale ? ' (stale)' : ''}`) : '',
              a.policy === 'documented' ? 'documented on paper' : a.policy === 'none' ? 'not documented on paper' : '',
              a.carriedOver ? 'carried over from the last cycle' : '',
              a.by ? `by ${plainLine(personText(a.by, assessment.participants))}` : '',
              a.vote ? `voted, ${a.vote.positions.length} positions ${a.vote.spread} ${a.vote.spread === 1 ? 'level' : 'levels'} apart` : '',
              standing === 'current' ? '' : evidenceWords(a.evidence?.length ?? 0, standing),
            ]
              .filter(Boolean)
              .join(' · ');
        lines.push({
          key: `${journey.id}\u0000${q.id}`,
          journeyId: journey.id,
          journeyName: plainLine(journey.name),
          answerJourneyId: a?.journeyId ?? null,
          option: a?.kind === 'option',
          questionId: q.id,
          prompt: plainLine(q.prompt),
          answer,
          detail,
          note: a?.note ?? '',
        });
      }
    }
    return lines;
  };

  useKeys((input: string, key: Key) => {
    const s = ref.current;
    if (s.stale) {
      const stale = report.staleAnswers;
      const move = listMoveFor('stale', input, key);
      if (move) return update({ stale: { index: moveBy(s.stale.index, stale.length, move) ?? 0 } });
      const command = commandFor('stale', input, key);
      if (command === 'back') return update({ stale: undefined });
      if (command === 'help') return shell.showHelp('stale');
      if (command === 'quit' && !key.ctrl) return shell.quit();
      if (command === 'select') {
        const line = stale[s.stale.index];
        // A stale organisation answer is answered again in the organisation-wide section.
        if (line) open(line.journeyId ? { name: 'walk', assessmentId, journeyId: line.journeyId, questionId: line.questionId } : { name: 'organisation', assessmentId, questionId: line.questionId });
      }
      return;
    }
    if (s.drill) {
      const lines = cellAnswers(s.drill.row, s.drill.column);
      const move = listMoveFor('cell', input, key);
      if (move) return update({ drill: { ...s.drill, index: moveBy(s.drill.index, lines.length, move) ?? 0 } });
      const command = commandFor('cell', input, key);
      if (command === 'back') return update({ drill: undefined });
      if (command === 'help') return shell.showHelp('cell');
      if (command === 'quit' && !key.ctrl) return shell.quit();
      if (command === 'select') {
        const line = lines[s.drill.index];
        if (line?.journeyId) open({ name: 'walk', assessmentId, journeyId: line.journeyId, questionId: line.questionId });
      }
      if (command === 'evidence') {
        const line = lines[s.drill.index];
        if (!line) return;
        if (!line.option) return shell.notify('Evidence backs an option answer; this question has none.');
        open(evidenceScreenFor(assessment, { journeyId: line.answerJourneyId, questionId: line.questionId }));
      }
      return;
    }
    const hit = bindingFor('results', input, key);
    const command = hit?.binding.command;
    switch (command) {
      case 'move': {
        const name = hit!.key.name;
        if (name === 'up' || name === 'down') return update({ row: Math.max(0, Math.min(rowCount - 1, s.row + (name === 'up' ? -1 : 1))) });
        return update({ column: Math.max(0, Math.min(columnCount - 1, s.column + (name === 'left' ? -1 : 1))) });
      }
      case 'measure':
        return update({ measure: s.measure === 'exposure' ? 'visibility' : 'exposure' });
      case 'select':
        return update({ drill: { row: s.row, column: s.column, index: 0 } });
      case 'plan':
        return open({ name: 'plan', assessmentId });
      case 'compare':
        return open({ name: 'compare', assessmentId });
      case 'stale':
        return update({ stale: { index: 0 } });
      default:
        sharedCommand(shell, 'results', command, key, () => nav.back());
        return;
    }
  }, shell.active);

  const rowName = (row: number) => (row < report.journeys.length ? plainLine(report.journeys[row]!.name) : `All ${report.bank.scope.plural}`);
  const columnName = (column: number) => (column < report.dimensions.length ? plainLine(report.dimensions[column]!.title) : 'Overall');
  const figuresAt = (row: number, column: number): Figures & { answered?: number; asked?: number } => {
    const source = row < report.journeys.length ? report.journeys[row]! : report.overall;
    if (column < report.dimensions.length) return source.dimensions[column]!;
    return source;
  };

  if (state.stale) {
    return (
      <Screen trail={[assessment.name, 'Results', 'Stale answers']} scope="stale">
        <StaleAnswerList stale={report.staleAnswers} index={Math.min(state.stale.index, Math.max(0, report.staleAnswers.length - 1))} height={bodyRows(shell.size.rows) - 3} />
      </Screen>
    );
  }

  if (state.drill) {
    const lines = cellAnswers(state.drill.row, state.drill.column);
    const figures = figuresAt(state.drill.row, state.drill.column);
    const many = state.drill.row >= report.journeys.length;
    const rows: ListRow[] = lines.map((l) => ({
      key: l.key,
      label: (
        <Box flexGrow={1}>
          {many ? <Cell width={16}>{l.journeyName}</Cell> : null}
          <Cell grow>{l.prompt}</Cell>
          <Cell width={Math.min(34, Math.floor(shell.size.columns / 3))} dim={l.answer === 'unanswered'}>
            {l.answer}
          </Cell>
        </Box>
      ),
    }));
    const chosen = lines[state.drill.index];
    // The cell's names whole (the header may have to shorten them) and what the keys do, wrapped.
    const title = wrapLines(`${rowName(state.drill.row)} × ${columnName(state.drill.column)}: ${describeFigure('exposure', figures.exposure)} · ${describeFigure('visibility', figures.visibility)}`, shell.size.columns - 1);
    const hint = wrapLines(`${plural(lines.length, 'question')} behind it · Enter opens the highlighted one in the walk · e adds evidence`, shell.size.columns - 1);
    return (
      <Screen trail={[assessment.name, 'Results', `${rowName(state.drill.row)} × ${columnName(state.drill.column)}`]} scope="cell">
        <Text wrap="truncate-end">{title.join('\n')}</Text>
        <Text dimColor wrap="truncate-end">
          {hint.join('\n')}
        </Text>
        <Box marginTop={1}>
          <SelectList rows={rows} index={state.drill.index} height={Math.max(3, bodyRows(shell.size.rows) - 8 - title.length - hint.length)} />
        </Box>
        {chosen ? (
          <Box marginTop={1} flexDirection="column">
            <Text wrap="wrap" bold>
              {chosen.prompt}
            </Text>
            <Text>{wrapAtMost(`${chosen.answer}${chosen.detail ? ` · ${chosen.detail}` : ''}`, shell.size.columns, 2).join('\n')}</Text>
            {chosen.note ? (
              <Text wrap="truncate-end" dimColor>
                Note: {plainLine(plainText(chosen.note))}
              </Text>
            ) : null}
          </Box>
        ) : null}
      </Screen>
    );
  }

  // Column widths (results-layout.ts): every header whole, the columns growing with the
  // terminal, the journey names taking what is left; sideways scrolling when even the
  // narrowest columns do not all fit.
  const width = shell.size.columns;
  const tableColumns = [...report.dimensions.map((d) => ({ title: plainLine(d.title), short: plainLine(d.short) })), { title: 'Overall', short: 'Overall' }];
  const layout = resultsLayout(width, tableColumns, [...report.journeys.map((j) => plainLine(j.name)), `All ${report.bank.scope.plural}`]);
  const { nameWidth, cellWidth, fitting } = layout;
  const firstColumn = windowStart(state.column, columnCount, fitting);
  const columns = Array.from({ length: Math.min(fitting, columnCount) }, (_, i) => firstColumn + i);
  const header = headerSegments(layout, columns, nameWidth + 3);
  // Each short label shown for a title that did not fit, named in a line below the table.
  const legend = columns
    .filter((c) => layout.headers[c] !== tableColumns[c]!.title)
    .map((c) => `${tableColumns[c]!.short} = ${tableColumns[c]!.title}`)
    .join(' · ');
  const legendLines = legend ? wrapLines(legend, width).length : 0;
  const hereText = (() => {
    const figures = figuresAt(state.row, state.column);
    return `${rowName(state.row)} × ${columnName(state.column)}: ${describeFigure('exposure', figures.exposure)}, ${describeFigure('visibility', figures.visibility)}${
      figures.answered !== undefined ? ` · ${figures.answered} answered with an option, ${figures.asked} asked` : ''
    } · Enter shows the answers`;
  })();
  const roomy = shell.size.rows >= 20;
  const nowItems = report.plan.filter((p) => p.horizon === 'now').length;
  const gapCount = report.visibilityGaps.reduce((n, g) => n + g.entries.length, 0);
  const overallText = `Overall ${describeFigure('exposure', report.overall.exposure)}, ${describeFigure('visibility', report.overall.visibility)} · plan: ${report.findOut.length} to find out, ${plural(report.plan.length, 'fix', 'fixes')} (${nowItems} now) · ${
    report.documentedButExposed.length
  } on paper yet exposed · ${plural(gapCount, 'visibility gap')}, ${report.onSomeonesWord} on someone's word${
    // On a short terminal the footer's "s stale" has to do: the table needs the rows.
    roomy && report.staleAnswers.length > 0 ? ` · ${plural(report.staleAnswers.length, 'stale answer')} (s lists them)` : ''
  }${roomy && report.cycles.carriedOver > 0 ? ` · ${report.cycles.carriedOver} still carried over` : ''}`;
  // The rows the table has: the body less the title and its gap, the headers, the gap, the
  // shade legend, the labels, the cell's line and (when there is room) the overall line.
  const hereLines = wrapLines(hereText, width).length;
  const overallLines = roomy ? wrapLines(overallText, width).length : 0;
  const fixed = 2 + layout.headerLines + 1 + 1 + legendLines + hereLines + overallLines;
  const allRowsFit = rowCount <= bodyRows(shell.size.rows) - fixed;
  const allColumnsFit = columns.length === columnCount;
  // One line says which rows and columns are shown when some are hidden.
  const tableRows = Math.max(1, bodyRows(shell.size.rows) - fixed - (allRowsFit && allColumnsFit ? 0 : 1));
  const firstRow = windowStart(state.row, rowCount, tableRows);
  const rows = Array.from({ length: Math.min(tableRows, rowCount) }, (_, i) => firstRow + i);
  const where = [
    rows.length < rowCount ? `rows ${firstRow + 1}-${firstRow + rows.length} of ${rowCount} (↑↓)` : '',
    columns.length < columnCount ? `columns ${firstColumn + 1}-${firstColumn + columns.length} of ${columnCount} (←→)` : '',
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Screen trail={[assessment.name, 'Results']} scope="results">
      <Text wrap="truncate-end">
        <Text bold>{state.measure === 'exposure' ? 'Exposure' : 'Visibility'}</Text>
        <Text dimColor> by {report.bank.scope.singular} and dimension · Tab shows {state.measure === 'exposure' ? 'visibility' : 'exposure'}</Text>
      </Text>
      <Box marginTop={1} flexDirection="column">
        {header.map((segments, line) => (
          <Text key={line} wrap="truncate-end">
            {segments.map((segment, i) =>
              segment.column === null ? (
                <Text key={i}>{segment.text}</Text>
              ) : (
                <Text key={i} bold={segment.column === state.column} dimColor={segment.column !== state.column}>
                  {segment.text}
                </Text>
              ),
            )}
            {line === 0 && firstColumn + columns.length < columnCount ? (
              <Text dimColor>{`${' '.repeat(Math.max(0, nameWidth + 3 + columns.length * (cellWidth + 1) - 1 - segments.reduce((n, g) => n + stringWidth(g.text), 0)))}›`}</Text>
            ) : null}
          </Text>
        ))}
      </Box>
      {rows.map((r) => (
        <Box key={r}>
          <Box width={2} flexShrink={0}>
            <Text bold>{r === state.row ? '❯' : ' '}</Text>
          </Box>
          <Cell width={nameWidth} bold={r === state.row || r === report.journeys.length}>
            {rowName(r)}
          </Cell>
          {columns.map((c) => {
            const figures = figuresAt(r, c);
            const focused = r === state.row && c === state.column;
            return (
              <Box key={c} width={cellWidth} marginRight={1} justifyContent="flex-end" flexShrink={0}>
                <Text bold={focused}>{focused ? '[' : ' '}</Text>
                <Figure measure={state.measure} figure={figures[state.measure]} bold={focused} />
                <Text bold={focused}>{focused ? ']' : ' '}</Text>
              </Box>
            );
          })}
        </Box>
      ))}
      {where ? (
        <Text dimColor wrap="truncate-end">
          {'  '}
          {where}
        </Text>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        <Legend measure={state.measure} />
        {legend ? <Paragraph dim width={width} text={legend} /> : null}
        <Paragraph width={width} text={hereText} />
        {roomy ? <Paragraph dim width={width} text={overallText} /> : null}
      </Box>
    </Screen>
  );
}
