import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { plainLine } from '../../core/terminal-text.js';
import { fitTrail } from '../header-trail.js';
import { SessionClockText, useSessionClockWords } from '../session-clock.js';
import { useShell } from '../shell.js';

/**
 * The top line of every screen: where you are ("cxray › Q4 workshop › Chat") and, in a
 * walk, the session's clock (time used, at this pace the time the rest needs, the timebox).
 * A trail too long for the line gives way in its middle first (fitTrail): the place you
 * are in stays whole where it can.
 */
export function Header({ trail }: { trail: readonly string[] }) {
  const { size } = useShell();
  const parts = ['cxray', ...trail.map(plainLine)];
  const words = useSessionClockWords(stringWidth(parts.join(' › ')));
  const room = size.columns - (words ? stringWidth(words.text) + 1 : 0);
  return (
    <Box flexShrink={0} justifyContent="space-between">
      <Box flexShrink={1} marginRight={words ? 1 : 0}>
        <Text bold wrap="truncate-end">
          {fitTrail(parts, room)}
        </Text>
      </Box>
      <Box flexShrink={0}>
        <SessionClockText words={words} />
      </Box>
    </Box>
  );
}
