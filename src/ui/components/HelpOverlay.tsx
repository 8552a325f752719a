import { DEFAULT_SCOPE_NAMES, inScopeWords, type ScopeNames } from '../../core/bank-words.js';
import { Box, Text } from 'ink';
import wrapAnsi from 'wrap-ansi';
import { bindingsFor, keysText, SCOPE_TITLES, type KeyScope } from '../keybindings.js';
import { recent } from '../recent.js';
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

/** One row of the help: the keys on the first row of a binding, its description wrapped under them. */
export interface HelpRow {
  keys: string;
  text: string;
  note: boolean;
}

/** The overlay's width on a terminal of `columns` columns. */
const overlayWidth = (columns: number) => Math.min(columns, 100);

/**
 * The help of a scope as rows for a terminal of `columns` columns: each description
 * wrapped at word boundaries beside its keys (never cut: the definition of "disputed"
 * was), the notes under them. Pure.
 */
export const helpRows = recent(
  16,
  (scope: KeyScope, columns: number, names: ScopeNames = DEFAULT_SCOPE_NAMES) => `${scope}\u0000${columns}\u0000${names.singular}\u0000${names.plural}`,
  helpRowsOf,
);

function helpRowsOf(scope: KeyScope, columns: number, names: ScopeNames = DEFAULT_SCOPE_NAMES): HelpRow[] {
  const words = (text: string) => inScopeWords(text, names);
  const lines = [
    ...bindingsFor(scope).map((b) => ({ keys: keysText(b), text: words(b.description), note: false })),
    ...notesFor(scope).map((n) => ({ keys: '', text: words(n), note: true })),
  ];
  const keyWidth = Math.min(16, Math.max(...lines.map((l) => l.keys.length)) + 2);
  // The border (2) and the padding (2) inside the overlay.
  const inner = Math.max(20, overlayWidth(columns) - 4);
  return lines.flatMap((line) => {
    const width = Math.max(10, line.keys ? inner - keyWidth : inner);
    return wrapAnsi(line.text, width, { hard: true, trim: true })
      .split('\n')
      .map((text, i) => ({ keys: i === 0 ? line.keys : '', text, note: line.note }));
  });
}

/** How many rows the help of a scope has on a terminal of `columns` columns. */
export function helpLines(scope: KeyScope, columns: number, names: ScopeNames = DEFAULT_SCOPE_NAMES): number {
  return helpRows(scope, columns, names).length;
}

/**
 * Every key of the current screen, from the keybinding table, a page at a time when
 * the terminal is short (↓ or PgDn shows more; any other key closes it).
 */
export function HelpOverlay({ scope, offset = 0 }: { scope: KeyScope; offset?: number }) {
  const { size, scope: names = DEFAULT_SCOPE_NAMES } = useShell();
  const rows = helpRows(scope, size.columns, names);
  const room = helpRoom(size.rows);
  const start = Math.max(0, Math.min(offset, rows.length - room));
  const shown = rows.slice(start, start + room);
  const more = start + shown.length < rows.length;
  const keyWidth = Math.min(16, Math.max(...bindingsFor(scope).map((b) => keysText(b).length)) + 2);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={overlayWidth(size.columns)} flexShrink={0} overflow="hidden">
      <Text bold wrap="truncate-end">
        Keys · {inScopeWords(SCOPE_TITLES[scope], names)}
        {start > 0 ? ` (from row ${start + 1} of ${rows.length})` : ''}
      </Text>
      {shown.map((row, i) => (
        <Box key={start + i}>
          {row.note ? null : (
            <Box width={keyWidth} flexShrink={0}>
              <Text bold>{row.keys}</Text>
            </Box>
          )}
          <Text wrap="truncate-end" dimColor={row.note}>
            {row.text}
          </Text>
        </Box>
      ))}
      <Text dimColor wrap="truncate-end">
        {more ? '↓ more keys · any other key closes the help' : start > 0 ? '↑ back · any other key closes the help' : 'Press any key to close.'}
      </Text>
    </Box>
  );
}
