import { Box, Text } from 'ink';
import { columns, graphemeAt, graphemes, type TextState } from '../text-edit.js';

/**
 * Visual lines of a text wrapped at `width` terminal columns, with where each starts in
 * the text: whole graphemes only, a wide character (CJK, emoji) counting two.
 */
export function wrapForEditing(value: string, width: number): { text: string; start: number }[] {
  const lines: { text: string; start: number }[] = [];
  let offset = 0;
  for (const logical of value.split('\n')) {
    let start = 0;
    let used = 0;
    for (const g of graphemes(logical)) {
      const w = columns(g.text);
      if (used > 0 && used + w > width) {
        lines.push({ text: logical.slice(start, g.start), start: offset + start });
        start = g.start;
        used = 0;
      }
      used += w;
    }
    lines.push({ text: logical.slice(start), start: offset + start });
    offset += logical.length + 1;
  }
  return lines;
}

/**
 * The multi-line note being typed, with its cursor, wrapped to the width and scrolled
 * so the cursor's line stays in view. Keys are read by the walk screen.
 */
export function NoteEditor({ state, width, height, label }: { state: TextState; width: number; height: number; label: string }) {
  const inner = Math.max(10, width - 4);
  const lines = wrapForEditing(state.value, inner - 1); // one column for the cursor at a line end
  // The cursor sits on the last visual line that starts at or before it.
  let cursorLine = 0;
  lines.forEach((l, i) => {
    if (l.start <= state.cursor) cursorLine = i;
  });
  const room = Math.max(1, height - 3); // borders and the label
  const first = Math.min(Math.max(0, cursorLine - room + 1), Math.max(0, lines.length - room));
  const shown = lines.slice(first, first + room);
  return (
    <Box flexDirection="column" borderStyle="single" paddingX={1} width={Math.min(width, inner + 4)} flexShrink={0}>
      <Text dimColor wrap="truncate-end">
        {label}
        {first > 0 ? ` (${first} more line${first === 1 ? '' : 's'} above)` : ''}
      </Text>
      {shown.map((line, i) => {
        const at = first + i === cursorLine ? state.cursor - line.start : -1;
        return (
          <Text key={first + i} wrap="truncate-end">
            {at < 0 ? (
              line.text || ' '
            ) : (
              <>
                {line.text.slice(0, at)}
                <Text inverse>{graphemeAt(line.text, at) || ' '}</Text>
                {line.text.slice(at + graphemeAt(line.text, at).length)}
              </>
            )}
          </Text>
        );
      })}
    </Box>
  );
}
