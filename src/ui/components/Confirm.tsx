import { Box, Text } from 'ink';
import { useTone } from '../shell.js';

/**
 * A question that stops the screen until answered: "Removing 'Chat' deletes its 23
 * answers. Press y to remove, any other key to keep it." The screen reads the key.
 */
export function Confirm({ message }: { message: string }) {
  const tone = useTone();
  return (
    <Box borderStyle="single" borderColor={tone('yellow')} paddingX={1} flexShrink={0}>
      <Text bold wrap="wrap">
        ! {message}
      </Text>
    </Box>
  );
}
