import { Text } from 'ink';
import { useTone } from '../shell.js';

/** "██████░░░░ 12 / 20": readable without colour, the figures beside the bar. */
export function ProgressBar({ done, total, width = 10 }: { done: number; total: number; width?: number }) {
  const tone = useTone();
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return (
    <Text>
      <Text color={tone(done === total && total > 0 ? 'green' : 'cyan')}>{'█'.repeat(filled)}</Text>
      <Text dimColor>{'░'.repeat(width - filled)}</Text>
      <Text>
        {' '}
        {done} / {total}
      </Text>
    </Text>
  );
}
