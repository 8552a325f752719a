import { Text } from 'ink';
import wrapAnsi from 'wrap-ansi';
import { recent } from '../recent.js';

// The prompt, the help and the messages are wrapped again on every frame: keep the last few.
const wrapped = recent(64, (text: string, width: number) => `${width}\u0000${text}`, (text: string, width: number) => wrapAnsi(text, width, { hard: true, trim: true }));

/**
 * Plain text wrapped at word boundaries to `width` columns, without the leading space
 * Ink's own wrapping leaves at the start of a continued line.
 */
export function Paragraph({ text, width, bold, dim, color }: { text: string; width: number; bold?: boolean; dim?: boolean; color?: string | undefined }) {
  return (
    <Text bold={bold} dimColor={dim} color={color} wrap="truncate-end">
      {wrapped(text, Math.max(10, width))}
    </Text>
  );
}
