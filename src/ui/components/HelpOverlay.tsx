import { Box, Text } from 'ink';
import { bindingsFor, type ScreenName } from '../keybindings.js';

/** Every key of the current screen, from the keybinding table. */
export function HelpOverlay({ screen }: { screen: ScreenName }) {
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Keys on this screen</Text>
      {bindingsFor(screen).map((b) => (
        <Text key={`${b.command}-${b.keys}`}>
          <Text bold>{b.keys.padEnd(8)}</Text>
          {b.description}
        </Text>
      ))}
      <Text dimColor>Press any key to close.</Text>
    </Box>
  );
}
