import { Text } from 'ink';
import { useTone } from '../shell.js';

/** The filled cells of a bar: full only when everything is done, never rounded up to full (56 of 57 is not done). */
export function filledCells(done: number, total: number, width: number): number {
  if (total <= 0 || done <= 0) return 0;
  if (done >= total) return width;
  return Math.min(width - 1, Math.floor((done / total) * width));
}

/**
 * "██████░░░░ 12 / 20": readable without colour, the figures beside the bar. The count
 * done is padded to the width of the total, so the line keeps its length as it grows.
 */
export function ProgressBar({ done, total, width = 10 }: { done: number; total: number; width?: number }) {
  const tone = useTone();
  const filled = filledCells(done, total, width);
  return (
    <Text>
      <Text color={tone(done === total && total > 0 ? 'green' : 'cyan')}>{'█'.repeat(filled)}</Text>
      <Text dimColor>{'░'.repeat(width - filled)}</Text>
      <Text>
        {' '}
        {String(done).padStart(String(total).length)} / {total}
      </Text>
    </Text>
  );
}
