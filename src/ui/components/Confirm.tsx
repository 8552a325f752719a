import { Box } from 'ink';
import { useShell, useTone } from '../shell.js';
import { Paragraph } from './Paragraph.js';

/**
 * A question that stops the screen until answered: "Removing 'Chat' deletes its 23
 * answers. Press y to remove, any other key to keep it." The screen reads the key.
 */
export function Confirm({ message }: { message: string }) {
  const tone = useTone();
  const { size } = useShell();
  return (
    <Box borderStyle="single" borderColor={tone('yellow')} paddingX={1} flexShrink={0}>
      <Paragraph bold text={`! ${message}`} width={size.columns - 4} />
    </Box>
  );
}
