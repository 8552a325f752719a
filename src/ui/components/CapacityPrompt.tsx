import { Box, Text } from 'ink';
import { plainLine } from '../../core/terminal-text.js';
import type { CapacityEdit } from '../capacity-edit.js';
import { useTone } from '../shell.js';
import { graphemeAt, type TextState } from '../text-edit.js';

/** One figure of the capacity, the cursor shown in the one being typed. */
function Figure({ label, state, active, after }: { label: string; state: TextState; active: boolean; after: string }) {
  const at = graphemeAt(state.value, state.cursor);
  return (
    <Text wrap="truncate-end">
      <Text bold={active}>{active ? '❯ ' : '  '}</Text>
      <Text bold>{label} </Text>
      {active ? (
        <>
          {state.value.slice(0, state.cursor)}
          <Text inverse>{at || ' '}</Text>
          {state.value.slice(state.cursor + at.length)}
        </>
      ) : (
        state.value
      )}
      <Text dimColor> {after}</Text>
    </Text>
  );
}

/**
 * The plan's capacity asked for under the plan: the effort points Now holds and those
 * Next holds after it. The screen reads the keys (Enter saves, Tab switches, Esc cancels).
 */
export function CapacityPrompt({ edit }: { edit: CapacityEdit }) {
  const tone = useTone();
  return (
    <Box borderStyle="single" borderColor={tone('cyan')} paddingX={1} flexDirection="column" flexShrink={0}>
      <Figure label="Now holds " state={edit.now} active={edit.field === 'now'} after="effort points (S 1, M 3, L 8)" />
      <Figure label="Next holds" state={edit.next} active={edit.field === 'next'} after="effort points more" />
      {edit.problem ? (
        <Text color={tone('red')} wrap="truncate-end">
          {plainLine(edit.problem)}
        </Text>
      ) : null}
      <Text dimColor wrap="truncate-end">
        Enter saves · Tab the other figure · Esc cancels
      </Text>
    </Box>
  );
}
