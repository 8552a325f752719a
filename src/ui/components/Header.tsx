import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { plainLine } from '../../core/terminal-text.js';
import { SessionClockText } from '../session-clock.js';

/**
 * The top line of every screen: where you are ("cxray › Q4 workshop › Chat") and, in a
 * walk, the session's clock (time used, at this pace the time the rest needs, the timebox).
 */
export function Header({ trail }: { trail: readonly string[] }) {
  const text = ['cxray', ...trail.map(plainLine)].join(' › ');
  return (
    <Box flexShrink={0} justifyContent="space-between">
      <Box flexShrink={1} marginRight={1}>
        <Text bold wrap="truncate-end">
          {text}
        </Text>
      </Box>
      <Box flexShrink={0}>
        <SessionClockText trail={stringWidth(text)} />
      </Box>
    </Box>
  );
}
