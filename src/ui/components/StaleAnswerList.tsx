import { Box, Text } from 'ink';
import type { StaleAnswer } from '../../core/report-schema.js';
import { plainLine } from '../../core/terminal-text.js';
import { ORGANISATION_LABEL } from '../../export/plan-words.js';
import { useShell } from '../shell.js';
import { plural } from '../words.js';
import { Cell } from './Cell.js';
import { Paragraph } from './Paragraph.js';
import { SelectList, type ListRow } from './SelectList.js';

/**
 * The answers older than their question's lifetime: journey, question, age and
 * lifetime. They count as "reported" at best until answered again (Enter opens one in
 * the walk). The screen reads the keys.
 */
export function StaleAnswerList({ stale, index, height }: { stale: readonly StaleAnswer[]; index: number; height: number }) {
  const { size } = useShell();
  const journeyWidth = Math.min(20, Math.max(8, ...stale.map((s) => plainLine(s.journeyName ?? ORGANISATION_LABEL).length)));
  const ageWidth = size.columns >= 90 ? 26 : 14;
  const rows: ListRow[] = stale.map((s) => ({
    key: `${s.journeyId}\u0000${s.questionId}`,
    label: (
      <Box flexGrow={1}>
        <Cell width={journeyWidth}>{plainLine(s.journeyName ?? ORGANISATION_LABEL)}</Cell>
        <Cell grow>{plainLine(s.questionPrompt)}</Cell>
        <Cell width={ageWidth} right>
          {size.columns >= 90 ? `${s.ageDays} days old, lasts ${s.lifetimeDays}` : `${s.ageDays}d / ${s.lifetimeDays}d`}
        </Cell>
      </Box>
    ),
  }));
  const chosen = stale[index];
  return (
    <Box flexDirection="column">
      <Paragraph
        width={size.columns}
        text={
          stale.length === 0
            ? "No stale answers: every answer is younger than its question's lifetime."
            : `${plural(stale.length, 'answer')} older than their question's lifetime: each counts as reported at best until answered again. Enter opens the highlighted one in the walk.`
        }
      />
      {stale.length > 0 ? (
        <Box marginTop={1} flexDirection="column">
          <SelectList rows={rows} index={index} height={Math.max(3, height - 4)} />
          {chosen ? <Paragraph bold text={plainLine(chosen.questionPrompt)} width={size.columns} /> : null}
          {chosen ? (
            <Text dimColor wrap="truncate-end">
              answered {chosen.at.slice(0, 10)}, {chosen.ageDays} days ago; this question's answers last {chosen.lifetimeDays} days
            </Text>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
}
