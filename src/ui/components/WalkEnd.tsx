/**
 * The end of a journey's walk (or of the organisation-wide section): a summary the room
 * reads on a projector (its figures in block digits with their shade, the Fix items it
 * feeds most, its unknowns and Find-out items, its disagreements, the parking-lot
 * questions raised in it), what is still left, and where Enter goes next. What it shows
 * is section-summary.ts; how the rows are shared is summary-layout.ts.
 */
import { scopeNamesOf } from '../../core/bank-words.js';
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { Bank, Question } from '../../core/bank-schema.js';
import { plainLine } from '../../core/terminal-text.js';
import type { Assessment } from '../../core/workbook-schema.js';
import { formatNumber } from '../../export/plan-words.js';
import type { AssessmentModel } from '../assessment-model.js';
import type { BigScale } from '../big-digits.js';
import { carriedByJourney } from '../cycle-figures.js';
import { useSummaryParts } from '../derived.js';
import { sectionSummary, summaryFigures, type SectionSummary, type SummaryFigure } from '../section-summary.js';
import { useShell, useTone } from '../shell.js';
import { summaryLayout, type SummaryLayout } from '../summary-layout.js';
import { wrappedLines } from '../walk-layout.js';
import type { WalkSection } from '../walk-section.js';
import type { WalkState } from '../walk-state.js';
import { plural } from '../words.js';
import { bigFigureWidth, BigFigure } from './BigFigure.js';
import { Cell } from './Cell.js';
import { Paragraph } from './Paragraph.js';
import { Screen } from './Screen.js';
import { WalkBars, WalkJump, WalkPrompt, walkPromptText } from './WalkTop.js';

/** Columns between the two figures. */
const FIGURE_GAP = 4;

export function WalkEnd({
  assessment,
  bank,
  section,
  model,
  questions,
  nextJourneyId,
  state,
}: {
  assessment: Assessment;
  bank: Bank;
  section: WalkSection;
  model: AssessmentModel;
  questions: readonly Question[];
  nextJourneyId: string | undefined;
  state: WalkState;
}) {
  const tone = useTone();
  const { size, presenting = false } = useShell();
  const parts = useSummaryParts(bank, assessment);
  const summary = sectionSummary(parts, section.kind === 'journey' ? section.journeyId : null);
  const figures = summaryFigures(summary);
  const width = size.columns - 1;

  const progress = section.progress;
  const names = scopeNamesOf(bank);
  const what = section.kind === 'journey' ? `this ${names.singular}` : 'the organisation-wide section';
  const status =
    progress.answered === progress.total
      ? `All ${progress.total} questions of ${what} are answered.`
      : `End of ${what}: ${progress.total - progress.answered} of ${progress.total} questions are still unanswered${presenting ? '' : ' (g goes to the next one)'}.`;
  const carriedHere = questions.filter((q) => {
    const shown = section.shown(q);
    return shown.source !== 'organisation' && shown.answer?.carriedOver;
  }).length;
  const carried =
    carriedHere > 0 ? `↻ ${plural(carriedHere, 'answer is', 'answers are')} still carried over from the last cycle${presenting ? '' : ': g goes to the next one, Enter there keeps it'}.` : '';
  const next = assessment.journeys.find((j) => j.id === nextJourneyId);
  const enter = enterLine(next && { name: plainLine(next.name), progress: model.progress.get(next.id), carried: carriedByJourney(assessment.answers).get(next.id) ?? 0 }, names.plural, presenting);
  const promptLines = state.prompt ? 2 + wrappedLines(`! ${walkPromptText(state.prompt, state.note?.text.value ?? '')}`, size.columns - 4) : 0;

  const figureWidth = (scale: BigScale) => figures.reduce((sum, f) => sum + bigFigureWidth(f, scale), FIGURE_GAP);
  const layout = summaryLayout({
    columns: size.columns,
    rows: size.rows,
    fixedLines: 1 + wrappedLines(status, width) + wrappedLines(carried, width) + wrappedLines(enter, width) + (state.message ? 1 : 0) + (state.mode === 'jump' ? 1 : 0) + promptLines,
    items: { fix: summary.fixes.length, findOut: summary.findOut.length, disputed: summary.disputed.length, parked: summary.parked.length },
    figureWidth: { half: figureWidth('half'), full: figureWidth('full') },
  });
  const gap = layout.gap ? <Text> </Text> : null;

  return (
    <Screen trail={[assessment.name, section.title]} scope={state.mode === 'jump' ? 'jump' : 'walk-end'}>
      <WalkBars section={section} all={model.total} scope={names} />
      <Paragraph text={status} width={width} bold color={tone('green')} />
      {carried ? <Paragraph text={carried} width={width} color={tone('cyan')} /> : null}
      {gap}
      <Figures figures={figures} size={layout.figures} />
      {gap}
      {layout.lists === 'counts' ? (
        <Text wrap="truncate-end">{countsLine(summary)}</Text>
      ) : (
        // Rows no wider than a reader's eye travels: on a wide projector the figures stay beside their titles.
        <SummaryLists summary={summary} layout={layout} width={Math.min(width, 120)} gap={gap} journey={names.singular} />
      )}
      {gap}
      {enter ? <Paragraph text={enter} width={width} /> : null}
      <WalkJump jump={state.mode === 'jump' ? state.jump : undefined} />
      {state.message ? (
        <Text color={tone('cyan')} wrap="truncate-end">
          {state.message}
        </Text>
      ) : null}
      <WalkPrompt prompt={state.prompt} note={state.note?.text.value ?? ''} />
    </Screen>
  );
}

/**
 * Where Enter goes: the next journey with work left, or back to the journeys. On the
 * projector (`presenting`), no keys: only the journey that comes next, if one does.
 */
function enterLine(next: { name: string; progress: { answered: number; total: number } | undefined; carried: number } | undefined, journeys: string, presenting: boolean): string {
  const counts = next ? `${next.progress?.answered ?? 0} / ${next.progress?.total ?? 0} answered${next.carried ? `, ${next.carried} carried over` : ''}` : '';
  if (presenting) return next ? `Next: '${next.name}' (${counts})` : '';
  if (!next) return `Enter or Esc: back to the ${journeys} · ←: previous question`;
  return `Enter: walk '${next.name}' next (${counts}) · Esc: back to the ${journeys} · ←: previous question`;
}

/** The two figures side by side, in block digits or on one line. */
function Figures({ figures, size }: { figures: readonly SummaryFigure[]; size: SummaryLayout['figures'] }) {
  const tone = useTone();
  if (size === 'plain') {
    return (
      <Text wrap="truncate-end">
        {figures.map((f, i) => (
          <Text key={i}>
            {i > 0 ? ' · ' : ''}
            <Text color={f.colour ? tone(f.colour) : undefined} bold={f.bold}>
              {f.plain}
            </Text>
          </Text>
        ))}
      </Text>
    );
  }
  return (
    <Box flexShrink={0}>
      {figures.map((f, i) => (
        <Box key={i} marginLeft={i > 0 ? FIGURE_GAP : 0} flexShrink={0}>
          <BigFigure figure={f} scale={size} />
        </Box>
      ))}
    </Box>
  );
}

/** The lists in one line, when their headings do not fit. */
function countsLine(summary: SectionSummary): string {
  return `Fix ${summary.fixesFed} · unknown ${summary.unknowns} · disputed ${summary.disputed.length} · parked ${summary.parked.length}`;
}

function Heading({ text }: { text: string }) {
  const tone = useTone();
  return (
    <Text bold color={tone('blue')} wrap="truncate-end">
      {text}
    </Text>
  );
}

/** The four lists, each under a heading with its count, as many items as the layout gives. */
function SummaryLists({ summary, layout, width, gap, journey }: { summary: SectionSummary; layout: SummaryLayout; width: number; gap: ReactNode; journey: string }) {
  const tone = useTone();
  const by = summary.kind === 'journey' ? `this ${journey}` : 'the organisation answers';
  const here = summary.kind === 'journey' ? `in this ${journey}` : 'on organisation-wide questions';
  const { shown } = layout;
  const fedWidth = 16;
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Heading text={summary.fixesFed === 0 ? `Fix · no Fix item comes from ${by} yet` : `Fix · ${plural(summary.fixesFed, 'item')} fed by ${by}${width >= 80 ? ', the most fed first' : ''}`} />
      {summary.fixes.slice(0, shown.fix).map((f) => (
        <Box key={f.id} width={width}>
          <Cell width={4}>{`#${f.rank}`}</Cell>
          <Cell width={5} dim>
            {f.horizon}
          </Cell>
          <Cell grow>{plainLine(f.title)}</Cell>
          <Cell width={fedWidth} right dim>
            {`${formatNumber(f.fed)} of R ${formatNumber(f.riskRemoved)}`}
          </Cell>
        </Box>
      ))}
      {gap}
      <Heading
        text={
          summary.unknowns === 0 && summary.findOut.length === 0
            ? 'Find out · no unknown answers'
            : `Find out · ${plural(summary.unknowns, 'unknown answer')}${summary.findOut.length > 0 ? `, ${plural(summary.findOut.length, 'item')} to find out` : ''}`
        }
      />
      {summary.findOut.slice(0, shown.findOut).map((f) => (
        <Box key={f.id} width={width}>
          <Cell width={4}>{`#${f.rank}`}</Cell>
          <Cell grow>{plainLine(f.title)}</Cell>
          {f.owner && width >= 80 ? (
            <Cell width={24} dim>
              {plainLine(f.owner)}
            </Cell>
          ) : null}
        </Box>
      ))}
      {gap}
      <Heading text={summary.disputed.length === 0 ? 'Disagreements · none' : `Disagreements · ${plural(summary.disputed.length, 'disputed answer')}`} />
      {summary.disputed.slice(0, shown.disputed).map((d) => (
        <Box key={d.questionId} width={width}>
          <Cell width={1}> </Cell>
          <Cell grow>{plainLine(d.questionPrompt)}</Cell>
          <Cell width={Math.floor(width * 0.4)}>
            <Text wrap="truncate-end">
              <Text color={tone('yellow')}>{d.optionLabel === null ? "we don't know" : plainLine(d.optionLabel)}</Text>
              {d.by ? <Text dimColor> · by {plainLine(d.by)}</Text> : null}
            </Text>
          </Cell>
        </Box>
      ))}
      {gap}
      <Heading text={summary.parked.length === 0 ? `Parking lot · nothing raised ${here}` : `Parking lot · ${plural(summary.parked.length, 'open question')} raised ${here}`} />
      {summary.parked.slice(0, shown.parked).map((p) => (
        <Text key={p.id} wrap="truncate-end">
          {'  '}
          {plainLine(p.text)}
          <Text dimColor>{[p.owner ? ` · owner ${plainLine(p.owner)}` : '', p.due ? ` · due ${p.due}` : ''].join('')}</Text>
          {p.overdue ? <Text color={tone('red')} bold> OVERDUE</Text> : null}
        </Text>
      ))}
    </Box>
  );
}
