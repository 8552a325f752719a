import { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import { plainLine } from '../../core/terminal-text.js';
import { useShell } from '../shell.js';

/** "1:05": hours and minutes since the workbook was opened. */
export function formatElapsed(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The workshop clock; it re-renders only itself, every 15 seconds. */
function Clock() {
  const { startedAt, now } = useShell();
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 15_000);
    timer.unref?.();
    return () => clearInterval(timer);
  }, []);
  return <Text dimColor>elapsed {formatElapsed(now().getTime() - startedAt.getTime())}</Text>;
}

/** The top line of every screen: where you are ("cxray › Q4 workshop › Chat") and the clock. */
export function Header({ trail }: { trail: readonly string[] }) {
  return (
    <Box flexShrink={0} justifyContent="space-between">
      <Box flexShrink={1} marginRight={1}>
        <Text bold wrap="truncate-end">
          {['cxray', ...trail.map(plainLine)].join(' › ')}
        </Text>
      </Box>
      <Box flexShrink={0}>
        <Clock />
      </Box>
    </Box>
  );
}
