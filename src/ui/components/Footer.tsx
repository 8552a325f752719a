import { Box, Text } from 'ink';
import { footerHint, type ScreenName } from '../keybindings.js';
import type { SaveState } from '../../store/workbook-store.js';

/** The one-line key hint under every screen, and the save state when it matters. */
export function Footer({ screen, save }: { screen: ScreenName; save: SaveState }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      {save.kind === 'failed' ? <Text color="red">Not saved: {save.message}</Text> : null}
      <Text dimColor wrap="truncate-end">
        {footerHint(screen)}
      </Text>
    </Box>
  );
}
