import { Text } from 'ink';
import { MIN_SIZE, MIN_SIZE_WHY, type TerminalSize } from '../shell.js';

/** True below the size every screen is drawn for (MIN_SIZE). */
export function isTooSmall(size: TerminalSize): boolean {
  return size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows;
}

/** What shows instead of a screen on a terminal below MIN_SIZE: its size, the size it needs and why. */
export function TooSmall({ size, why = MIN_SIZE_WHY }: { size: TerminalSize; why?: string }) {
  return (
    <Text wrap="wrap">
      The terminal is too small ({size.columns}x{size.rows}); make it at least {MIN_SIZE.columns}x{MIN_SIZE.rows}: {why}.
    </Text>
  );
}
