import { Box, Text } from 'ink';
import { useShell, useTone } from '../shell.js';
import { graphemeAt, visibleSlice, type TextState } from '../text-edit.js';
import { Paragraph } from './Paragraph.js';

/**
 * A one-line text asked for in a box under the screen ("Label of the snapshot"), with
 * what will happen said above it. The screen reads the keys (Enter takes it, Esc cancels).
 */
export function LabelPrompt({
  message,
  label,
  state,
  enter,
  problem,
}: {
  message: string;
  label: string;
  state: TextState;
  /** What Enter does: "takes the snapshot". */
  enter: string;
  /** Why the text typed cannot be used, shown until it is edited. */
  problem?: string | undefined;
}) {
  const tone = useTone();
  const { size } = useShell();
  const inner = Math.max(10, size.columns - 4);
  const shown = visibleSlice(state.value, state.cursor, Math.max(5, inner - label.length - 2));
  return (
    <Box borderStyle="single" borderColor={tone('cyan')} paddingX={1} flexDirection="column" flexShrink={0}>
      <Paragraph text={message} width={inner} />
      <Text wrap="truncate-end">
        <Text bold>{label} </Text>
        {state.selected ? <Text inverse>{shown.text}</Text> : null}
        {state.selected ? <Text dimColor> (typing replaces it)</Text> : null}
        {state.selected ? null : shown.text.slice(0, shown.cursor)}
        {state.selected ? null : <Text inverse>{graphemeAt(shown.text, shown.cursor) || ' '}</Text>}
        {state.selected ? null : shown.text.slice(shown.cursor + graphemeAt(shown.text, shown.cursor).length)}
      </Text>
      {problem ? <Paragraph text={problem} width={inner} color={tone('red')} /> : null}
      <Text dimColor wrap="truncate-end">
        Enter {enter} · Esc cancels
      </Text>
    </Box>
  );
}
