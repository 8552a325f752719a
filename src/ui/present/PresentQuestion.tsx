/**
 * The question the walk shows, for the room: its number in block digits where there is
 * room, the prompt in bold, wrapped, and the options (the room's answer marked once
 * given, a long one wrapped under its own text), and with them the vote: its count, then
 * who chose what (VoteSpread). What fits is present-layout.ts.
 */
import { Box, Text } from 'ink';
import type { Bank, Question } from '../../core/bank-schema.js';
import type { PresenceVote } from '../../core/presence.js';
import { plainLine } from '../../core/terminal-text.js';
import type { Assessment } from '../../core/workbook-schema.js';
import { bigText } from '../big-digits.js';
import { Paragraph } from '../components/Paragraph.js';
import { Screen } from '../components/Screen.js';
import { useShell, useTone } from '../shell.js';
import { wrappedLines } from '../walk-layout.js';
import { answerRowOf } from '../walk-state.js';
import type { WalkSection } from '../walk-section.js';
import { presentLayout } from './present-layout.js';
import { spreadRows, spreadText, VoteSpread } from './VoteSpread.js';

/** Columns of an option's key and the gap after it ("1  "). */
const KEY_COLUMNS = 3;

export function PresentQuestion({
  assessment,
  bank,
  section,
  question,
  index,
  total,
  vote,
  problem,
}: {
  assessment: Assessment;
  bank: Bank;
  section: WalkSection;
  question: Question;
  index: number;
  total: number;
  vote: PresenceVote | undefined;
  problem: string | undefined;
}) {
  const { size } = useShell();
  const tone = useTone();
  const width = size.columns - 4;
  const shown = section.shown(question);
  const chosen = shown.answer ? answerRowOf(question, shown.answer) : -1;
  const held = shown.source === 'organisation';
  const dimension = bank.dimensions.find((d) => d.id === question.dimension);
  const number = `${index + 1}/${total}`;
  const rows = [
    ...question.options.map((o, i) => ({ key: String(i + 1), id: o.id, text: plainLine(o.label) })),
    { key: 'u', id: '\u0000unknown', text: "We don't know" },
    { key: 'x', id: '\u0000na', text: 'Not applicable' },
  ].map((row, i) => ({ ...row, text: `${row.text}${i === chosen ? (held ? "   ◆ the organisation's" : '   ✓ the answer') : ''}` }));
  // A vote under way comes first (on a small screen it is what the room looks at); after it, the positions kept with the answer.
  const spread = spreadText(question, vote, vote ? undefined : shown.answer?.vote, bank.levels);
  const problemText = problem ? `! ${plainLine(problem)}` : '';
  const promptText = plainLine(question.prompt);
  const layout = presentLayout({
    columns: size.columns,
    rows: size.rows,
    number,
    prompt: wrappedLines(promptText, width),
    options: rows.reduce((sum, row) => sum + wrappedLines(row.text, width - KEY_COLUMNS), 0),
    problem: problemText ? 1 + wrappedLines(problemText, width) : 0,
    vote: { wrapped: spreadRows(spread, width, false), compact: spreadRows(spread, width, true) },
  });
  const spreadView = <VoteSpread text={spread} width={width} compact={layout.compactVote} />;
  return (
    <Screen trail={[assessment.name, section.title]} scope="walk">
      <Box flexDirection="column" marginLeft={2} flexShrink={0}>
        {(layout.big ? bigText(number, layout.big) : []).map((line, i) => (
          <Text key={i} bold>
            {line}
          </Text>
        ))}
        <Text dimColor wrap="truncate-end">
          Question {index + 1} of {total} · {plainLine(dimension?.title ?? question.dimension)}
          {held ? " · the organisation's answer holds" : ''}
        </Text>
        <Box marginTop={1}>
          <Paragraph bold text={promptText} width={width} />
        </Box>
        {vote ? spreadView : null}
        <Box marginTop={1} flexDirection="column">
          {rows.map((row, i) => (
            <Box key={row.id}>
              <Box width={KEY_COLUMNS} flexShrink={0}>
                <Text bold={i === chosen}>{row.key}</Text>
              </Box>
              <Paragraph bold={i === chosen} text={row.text} width={width - KEY_COLUMNS} />
            </Box>
          ))}
        </Box>
        {vote ? null : spreadView}
        {problemText ? (
          <Box marginTop={1}>
            <Paragraph color={tone('yellow')} text={problemText} width={width} />
          </Box>
        ) : null}
      </Box>
    </Screen>
  );
}
