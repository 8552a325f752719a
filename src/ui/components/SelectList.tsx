import { Box, Text } from 'ink';
import type { ReactNode } from 'react';

export interface ListRow {
  key: string;
  /** One line: a string (cut to the width, never wrapped) or a row of cells. */
  label: ReactNode;
  /** A row of several lines (already wrapped to the width), drawn in place of `label`. */
  lines?: readonly string[];
  dim?: boolean;
}

/** The first row to show so that `index` is in a window of `height` rows. */
export function windowStart(index: number, count: number, height: number): number {
  if (count <= height) return 0;
  return Math.min(Math.max(0, index - Math.floor(height / 2)), count - height);
}

/**
 * The rows shown, [start, end), when rows take `heights` lines each and the window has
 * `height` lines: the highlighted row whole (its first lines when it alone is taller),
 * then the rows around it, one after and one before in turn, while they fit whole.
 */
export function lineWindow(heights: readonly number[], index: number, height: number): { start: number; end: number } {
  const at = Math.max(0, Math.min(index, heights.length - 1));
  if (heights.length === 0) return { start: 0, end: 0 };
  let start = at;
  let end = at + 1;
  let used = heights[at]!;
  for (let grew = true; grew; ) {
    grew = false;
    if (end < heights.length && used + heights[end]! <= height) {
      used += heights[end++]!;
      grew = true;
    }
    if (start > 0 && used + heights[start - 1]! <= height) {
      used += heights[--start]!;
      grew = true;
    }
  }
  return { start, end };
}

/**
 * A list with a highlighted row, drawn in at most `height` lines: "❯" marks the
 * highlighted row (no colour needed), and "↑ 3 more" / "↓ 12 more" say what is hidden.
 * The screen owns the index and reads the keys; the list only draws.
 */
export function SelectList({ rows, index, height }: { rows: readonly ListRow[]; index: number; height: number }) {
  const heights = rows.map((r) => Math.max(1, r.lines?.length ?? 1));
  const total = heights.reduce((n, h) => n + h, 0);
  const fits = total <= height;
  const room = fits ? total : Math.max(1, height - 2);
  const oneLine = heights.every((h) => h === 1);
  const first = oneLine ? windowStart(index, rows.length, room) : 0;
  const { start, end } = oneLine ? { start: first, end: first + room } : lineWindow(heights, index, room);
  const shown = rows.slice(start, end);
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
            {row.lines ? (
              <Box flexDirection="column" flexGrow={1} flexShrink={1}>
                {row.lines.slice(0, room).map((line, n) => (
                  <Text key={n} wrap="truncate-end" bold={selected} dimColor={!selected && row.dim}>
                    {line}
                  </Text>
                ))}
              </Box>
            ) : typeof row.label === 'string' ? (
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
