/**
 * The question the walk shows, for the room: its number in block digits where there is
 * room, the prompt in bold, wrapped, and the options (the room's answer marked once
 * given), and under them the vote: its count, then who chose what (VoteSpread).
 */
import { Box, Text } from 'ink';
import type { Bank, Question } from '../../core/bank-schema.js';
import type { PresenceVote } from '../../core/presence.js';
import { plainLine } from '../../core/terminal-text.js';
import type { Assessment } from '../../core/workbook-schema.js';
import { BIG_ROWS, bigText, bigWidth } from '../big-digits.js';
import { Paragraph } from '../components/Paragraph.js';
import { Screen } from '../components/Screen.js';
import { useShell, useTone } from '../shell.js';
import { answerRowOf } from '../walk-state.js';
import type { WalkSection } from '../walk-section.js';
import { VoteSpread } from './VoteSpread.js';

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
  const dimension = bank.dimensions.find((d) => d.id === question.dimension);
  const number = `${index + 1}/${total}`;
  // Block digits when they leave the prompt and the options their rows.
  const rowsNeeded = question.options.length + 2 + 8;
  const scale = size.rows >= 40 && bigWidth(number, 'full') <= width ? 'full' : 'half';
  const big = size.rows - BIG_ROWS[scale] >= rowsNeeded && bigWidth(number, scale) <= width ? bigText(number, scale) : [];
  const rows = [
    ...question.options.map((o, i) => ({ key: o.id, text: `${i + 1}  ${plainLine(o.label)}` })),
    { key: '\u0000unknown', text: "u  We don't know" },
    { key: '\u0000na', text: 'x  Not applicable' },
  ];
  const held = shown.source === 'organisation';
  return (
    <Screen trail={[assessment.name, section.title]} scope="walk">
      <Box flexDirection="column" marginLeft={2} flexShrink={0}>
        {big.map((line, i) => (
          <Text key={i} bold>
            {line}
          </Text>
        ))}
        <Text dimColor wrap="truncate-end">
          Question {index + 1} of {total} · {plainLine(dimension?.title ?? question.dimension)}
          {held ? " · the organisation's answer holds" : ''}
        </Text>
        <Box marginTop={1}>
          <Paragraph bold text={plainLine(question.prompt)} width={width} />
        </Box>
        {/* A vote under way comes first: on a small screen it is what the room looks at. */}
        {vote ? <VoteSpread question={question} live={vote} kept={undefined} /> : null}
        <Box marginTop={1} flexDirection="column">
          {rows.map((row, i) => (
            <Box key={row.key}>
              <Paragraph bold={i === chosen} text={`${row.text}${i === chosen ? (held ? "   ◆ the organisation's" : '   ✓ the answer') : ''}`} width={width} />
            </Box>
          ))}
        </Box>
        {vote ? null : <VoteSpread question={question} live={undefined} kept={shown.answer?.vote} />}
        {problem ? (
          <Box marginTop={1}>
            <Paragraph color={tone('yellow')} text={`! ${plainLine(problem)}`} width={width} />
          </Box>
        ) : null}
      </Box>
    </Screen>
  );
}
