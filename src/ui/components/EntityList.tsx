import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { useKeys, useRefState } from '../hooks/useKeys.js';
import { commandFor, listMoveFor, type KeyScope } from '../keybindings.js';
import { moveBy } from '../list-move.js';
import { sharedCommand, useShell } from '../shell.js';
import { Confirm } from './Confirm.js';
import { wrapLines } from '../wrap-lines.js';
import { Screen, bodyRows } from './Screen.js';
import { SelectList, type ListRow } from './SelectList.js';

const ADD = '\u0000add';

/**
 * A list of set-up entries (systems, integrations) with add, edit and remove. Removing
 * asks first, with a sentence that says what goes with the entry.
 */
export function EntityList({
  scope,
  trail,
  intro,
  header,
  rows,
  addLabel,
  focus,
  onAdd,
  onEdit,
  onBack,
  removal,
  onRemove,
}: {
  scope: KeyScope;
  trail: readonly string[];
  intro: string;
  header?: ReactNode;
  rows: readonly ListRow[];
  addLabel: string;
  focus?: string | undefined;
  onAdd: () => void;
  onEdit: (id: string) => void;
  onBack: () => void;
  /** The question asked before removing `id`. */
  removal: (id: string) => string;
  onRemove: (id: string) => void;
}) {
  const shell = useShell();
  const ids = [...rows.map((r) => r.key), ADD];
  const [state, setState, ref] = useRefState<{ index: number; removing?: string }>(() => ({
    index: Math.max(0, ids.indexOf(focus ?? (rows.length === 0 ? ADD : ''))),
  }));
  const index = Math.min(state.index, ids.length - 1);

  // The question asked before removing claims the next key, above the list.
  useKeys(
    (input, key) => {
      const { removing } = ref.current;
      if (!removing) return false;
      if (input === 'y' && !key.ctrl) onRemove(removing);
      setState({ index: Math.min(ref.current.index, ids.length - 1) });
      return true;
    },
    shell.active,
    'modal',
  );

  useKeys((input, key) => {
    const at = Math.min(ref.current.index, ids.length - 1);
    const move = listMoveFor(scope, input, key);
    if (move) return setState({ index: moveBy(at, ids.length, move) ?? at });
    const id = ids[at]!;
    const command = commandFor(scope, input, key);
    switch (command) {
      case 'select':
      case 'edit':
        if (id === ADD) onAdd();
        else onEdit(id);
        return;
      case 'add':
        return onAdd();
      case 'remove':
        if (id !== ADD) setState({ index: at, removing: id });
        return;
      default:
        sharedCommand(shell, scope, command, key, onBack);
        return;
    }
  }, shell.active);

  const all: ListRow[] = [...rows, { key: ADD, label: addLabel }];
  // The intro wrapped, not cut ("… whether anyone could see it happe…" at 80 columns).
  const introLines = wrapLines(intro, shell.size.columns - 1);
  return (
    <Screen trail={trail} scope={scope}>
      <Text dimColor wrap="truncate-end">
        {introLines.join('\n')}
      </Text>
      {header ? <Box marginTop={1} marginLeft={2}>{header}</Box> : null}
      <Box marginTop={header ? 0 : 1}>
        <SelectList rows={all} index={index} height={Math.max(3, bodyRows(shell.size.rows) - 2 - introLines.length - (state.removing ? 5 : 0))} />
      </Box>
      {state.removing ? <Confirm message={removal(state.removing)} /> : null}
    </Screen>
  );
}
