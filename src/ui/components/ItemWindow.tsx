/**
 * A list of items that take one line or more each, under group headings, drawn in a
 * window of `height` lines that keeps the highlighted item whole and near its middle.
 * "❯" marks the first line of the highlighted item; when the lines do not fit, the last
 * line says where the window is ("item 3 of 40 · ↑ 5 more lines · ↓ 60 more lines").
 * The plan and the parking lot draw their lists with it.
 */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';

/** One line of the list: the item it belongs to and what it draws. */
export interface ItemLine {
  item: number;
  node: ReactNode;
  /** A group heading above the item. */
  heading?: boolean;
}

/** The first line to show so that the item `index` is wholly in a window of `height` lines, near its middle. */
export function itemWindowTop(lines: readonly { item: number }[], index: number, height: number): number {
  if (lines.length <= height) return 0;
  const first = lines.findIndex((l) => l.item === index);
  if (first === -1) return 0;
  let last = first;
  while (last + 1 < lines.length && lines[last + 1]!.item === index) last++;
  const start = Math.max(0, Math.min(first - Math.floor((height - (last - first + 1)) / 2), lines.length - height));
  return Math.min(start, first);
}

/** "item 3 of 40 · ↑ 5 more lines · ↓ 60 more lines": where a window of `room` lines from `start` is. */
export function windowMarker(start: number, room: number, total: number, item: { index: number; count: number; noun: string }): string {
  return [
    `${item.noun} ${item.index + 1} of ${item.count}`,
    start > 0 ? `↑ ${start} more ${start === 1 ? 'line' : 'lines'}` : '',
    start + room < total ? `↓ ${total - start - room} more ${total - start - room === 1 ? 'line' : 'lines'}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

export function ItemWindow({
  lines,
  index,
  count,
  height,
  noun = 'item',
}: {
  lines: readonly ItemLine[];
  /** The highlighted item. */
  index: number;
  /** How many items the lines hold. */
  count: number;
  height: number;
  noun?: string;
}) {
  // One line says where the window is when the list does not fit.
  const room = lines.length > height ? Math.max(1, height - 1) : height;
  const start = itemWindowTop(lines, index, room);
  const shown = lines.slice(start, start + room);
  return (
    <Box flexDirection="column" height={height} overflow="hidden" flexShrink={0}>
      {shown.map((line, i) => {
        const previous = lines[start + i - 1];
        const marked = line.item === index && !line.heading && (i === 0 || previous === undefined || previous.item !== index || previous.heading === true);
        return (
          <Box key={start + i}>
            <Box width={2} flexShrink={0}>
              <Text bold>{marked ? '❯' : ' '}</Text>
            </Box>
            <Box flexGrow={1} flexShrink={1} overflow="hidden">
              {line.node}
            </Box>
          </Box>
        );
      })}
      {room < height ? (
        <Text dimColor wrap="truncate-end">
          {'  '}
          {windowMarker(start, room, lines.length, { index, count, noun })}
        </Text>
      ) : null}
    </Box>
  );
}
