import { Box, Text } from 'ink';
import wrapAnsi from 'wrap-ansi';
import { plainLine } from '../../core/terminal-text.js';
import type { Workbook } from '../../core/workbook-schema.js';
import { CONFLICT_KEYS, conflictLines, type ConflictPromptState } from '../conflict-prompt.js';
import { useShell, useTone } from '../shell.js';
import { Paragraph } from './Paragraph.js';

const CHOICES: [string, string][] = [
  [CONFLICT_KEYS.theirs, 'reload theirs, adding your changes they left alone'],
  [CONFLICT_KEYS.mine, 'keep yours: theirs is kept in a copy beside it'],
  [CONFLICT_KEYS.quit, 'quit: theirs stays, yours is kept in a copy'],
];

const height = (text: string, width: number) => wrapAnsi(text, Math.max(10, width), { hard: true, trim: true }).split('\n').length;

/** As many of `lines` as fit in `room` rows once wrapped, keeping one row for "… and N more" when not all do. */
function fitLines(lines: readonly string[], width: number, room: number): string[] {
  const heights = lines.map((line) => height(line, width));
  if (heights.reduce((a, b) => a + b, 0) <= room) return [...lines];
  const shown: string[] = [];
  let used = 1;
  for (const [i, line] of lines.entries()) {
    if (used + heights[i]! > room) break;
    used += heights[i]!;
    shown.push(line);
  }
  return shown;
}

/**
 * The app's question when another program changed the workbook (src/ui/conflict-prompt.ts
 * has the rules): in place of the screen, which keeps its state underneath. How the two
 * versions differ is listed as room allows.
 */
export function ConflictPrompt({ state, message, mine }: { state: Exclude<ConflictPromptState, { phase: 'closed' }>; message: string; mine: Workbook }) {
  const { size } = useShell();
  const tone = useTone();
  const width = size.columns - 4;
  if (state.phase === 'done') {
    return (
      <Box borderStyle="single" borderColor={tone(state.ok ? 'green' : 'red')} paddingX={1} flexDirection="column" flexShrink={0}>
        <Paragraph bold text={`${state.ok ? '✓' : '✗'} ${plainLine(state.message)}`} width={width} />
        <Text dimColor>Press any key to go on.</Text>
      </Box>
    );
  }
  const title = `! ${plainLine(message)}`;
  const problem = state.phase === 'asking' && state.problem ? `✗ ${plainLine(state.problem)}` : undefined;
  const lines = conflictLines(mine, state.theirs);
  const [yours, theirs, ...differ] = lines;
  // The body has rows - 1 lines; the border takes 2, the gaps 2.
  const fixed = height(title, width) + height(yours!, width) + height(theirs!, width) + (problem ? height(problem, width) : 0) + (state.phase === 'working' ? 1 : CHOICES.length) + 4;
  const room = Math.max(0, size.rows - 1 - fixed);
  const shown = fitLines(differ, width, room);
  const hidden = differ.length - shown.length;
  return (
    <Box borderStyle="single" borderColor={tone('yellow')} paddingX={1} flexDirection="column" flexShrink={0}>
      <Paragraph bold text={title} width={width} />
      <Box marginTop={1} flexDirection="column">
        {[yours!, theirs!, ...shown].map((line, i) => (
          <Paragraph key={i} text={line} width={width} />
        ))}
        {hidden > 0 ? <Text dimColor>… and {hidden} more</Text> : null}
      </Box>
      <Box marginTop={1} flexDirection="column">
        {problem ? <Paragraph text={problem} width={width} color={tone('red')} /> : null}
        {state.phase === 'working' ? (
          <Text dimColor>{state.choice === 'theirs' ? 'Keeping yours in a copy, then reloading theirs…' : 'Keeping theirs in a copy, then saving yours…'}</Text>
        ) : (
          CHOICES.map(([key, what]) => (
            <Text key={key} wrap="truncate-end">
              <Text bold>{key}</Text>
              {`  ${what}`}
            </Text>
          ))
        )}
      </Box>
    </Box>
  );
}
