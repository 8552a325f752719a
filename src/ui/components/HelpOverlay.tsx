import { Box, Text } from 'ink';
import { bindingsFor, SCOPE_TITLES, type KeyScope } from '../keybindings.js';
import { useShell } from '../shell.js';

/** Every key of the current screen, from the keybinding table. Any key closes it. */
export function HelpOverlay({ scope }: { scope: KeyScope }) {
  const { size } = useShell();
  const bindings = bindingsFor(scope);
  const keyWidth = Math.min(14, Math.max(...bindings.map((b) => b.keys.length)) + 2);
  const noteHelp =
    scope === 'note'
      ? ['Type freely: letters are text here. Enter starts a new line; Ctrl-S saves; Esc leaves', 'and asks before dropping unsaved text.']
      : scope === 'form'
        ? ['Letters are text in the text fields; in lists of choices Space ticks and ←→ move.']
        : [];
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={Math.min(size.columns, 100)} flexShrink={1} overflow="hidden">
      <Text bold>Keys · {SCOPE_TITLES[scope]}</Text>
      {bindings.map((b) => (
        <Box key={`${b.command}-${b.keys}`}>
          <Box width={keyWidth} flexShrink={0}>
            <Text bold>{b.keys}</Text>
          </Box>
          <Text wrap="truncate-end">{b.description}</Text>
        </Box>
      ))}
      {noteHelp.map((line) => (
        <Text key={line} dimColor wrap="truncate-end">
          {line}
        </Text>
      ))}
      <Text dimColor>Press any key to close.</Text>
    </Box>
  );
}
