import { Box, Text } from 'ink';
import type { ReactNode } from 'react';

export interface ListRow {
  key: string;
  /** One line: a string (cut to the width, never wrapped) or a row of cells. */
  label: ReactNode;
  dim?: boolean;
}

/** The first row to show so that `index` is in a window of `height` rows. */
export function windowStart(index: number, count: number, height: number): number {
  if (count <= height) return 0;
  return Math.min(Math.max(0, index - Math.floor(height / 2)), count - height);
}

/**
 * A list with a highlighted row, drawn in at most `height` lines: "❯" marks the
 * highlighted row (no colour needed), and "↑ 3 more" / "↓ 12 more" say what is hidden.
 * The screen owns the index and reads the keys; the list only draws.
 */
export function SelectList({ rows, index, height }: { rows: readonly ListRow[]; index: number; height: number }) {
  const fits = rows.length <= height;
  const room = fits ? rows.length : Math.max(1, height - 2);
  const start = windowStart(index, rows.length, room);
  const shown = rows.slice(start, start + room);
  const hiddenAfter = rows.length - start - shown.length;
  return (
    <Box flexDirection="column" flexShrink={1} flexGrow={1} overflow="hidden">
      {fits ? null : <Text dimColor>{start > 0 ? `  ↑ ${start} more` : ' '}</Text>}
      {shown.map((row, i) => {
        const selected = start + i === index;
        return (
          <Box key={row.key}>
            <Box width={2} flexShrink={0}>
              <Text bold>{selected ? '❯' : ' '}</Text>
            </Box>
            {typeof row.label === 'string' ? (
              <Text wrap="truncate-end" bold={selected} dimColor={!selected && row.dim}>
                {row.label}
              </Text>
            ) : (
              <Box flexGrow={1} flexShrink={1} overflow="hidden">
                {row.label}
              </Box>
            )}
          </Box>
        );
      })}
      {fits ? null : <Text dimColor>{hiddenAfter > 0 ? `  ↓ ${hiddenAfter} more` : ' '}</Text>}
    </Box>
  );
}
