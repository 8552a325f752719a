import { Text } from 'ink';
import wrapAnsi from 'wrap-ansi';

/**
 * Plain text wrapped at word boundaries to `width` columns, without the leading space
 * Ink's own wrapping leaves at the start of a continued line.
 */
export function Paragraph({ text, width, bold, dim, color }: { text: string; width: number; bold?: boolean; dim?: boolean; color?: string | undefined }) {
  return (
    <Text bold={bold} dimColor={dim} color={color} wrap="truncate-end">
      {wrapAnsi(text, Math.max(10, width), { hard: true, trim: true })}
    </Text>
  );
}
