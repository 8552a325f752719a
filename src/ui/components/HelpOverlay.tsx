import { Box, Text } from 'ink';
import { bindingsFor, keysText, SCOPE_TITLES, type KeyScope } from '../keybindings.js';
import { useShell } from '../shell.js';

/** Lines the help has for bindings on a terminal of `rows` rows (title, hint and borders take 5). */
export function helpRoom(rows: number): number {
  return Math.max(3, rows - 1 - 5);
}

/** Note lines shown under the keys of text-entry scopes. */
function notesFor(scope: KeyScope): string[] {
  if (scope === 'note') return ['Letters are text here: Enter starts a new line, Ctrl-S saves, Esc leaves (and asks before dropping unsaved text).'];
  if (scope === 'form') return ['Letters are text in the text fields; in lists of choices Space ticks and ←→ move.'];
  return [];
}

/** How many lines the help of a scope has. */
export function helpLines(scope: KeyScope): number {
  return bindingsFor(scope).length + notesFor(scope).length;
}

/**
 * Every key of the current screen, from the keybinding table, a page at a time when
 * the terminal is short (↓ or PgDn shows more; any other key closes it).
 */
export function HelpOverlay({ scope, offset = 0 }: { scope: KeyScope; offset?: number }) {
  const { size } = useShell();
  const bindings = bindingsFor(scope);
  const notes = notesFor(scope);
  const lines = [...bindings.map((b) => ({ keys: keysText(b), text: b.description })), ...notes.map((n) => ({ keys: '', text: n }))];
  const room = helpRoom(size.rows);
  const start = Math.max(0, Math.min(offset, lines.length - room));
  const shown = lines.slice(start, start + room);
  const more = start + shown.length < lines.length;
  const keyWidth = Math.min(16, Math.max(...lines.map((l) => l.keys.length)) + 2);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={Math.min(size.columns, 100)} flexShrink={0} overflow="hidden">
      <Text bold wrap="truncate-end">
        Keys · {SCOPE_TITLES[scope]}
        {start > 0 ? ` (from ${start + 1} of ${lines.length})` : ''}
      </Text>
      {shown.map((line, i) => (
        <Box key={start + i}>
          {line.keys ? (
            <Box width={keyWidth} flexShrink={0}>
              <Text bold>{line.keys}</Text>
            </Box>
          ) : null}
          <Text wrap="truncate-end" dimColor={!line.keys}>
            {line.text}
          </Text>
        </Box>
      ))}
      <Text dimColor wrap="truncate-end">
        {more ? '↓ more keys · any other key closes the help' : start > 0 ? '↑ back · any other key closes the help' : 'Press any key to close.'}
      </Text>
    </Box>
  );
}
