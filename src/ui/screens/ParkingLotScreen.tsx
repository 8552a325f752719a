/**
 * The room's parking lot and decision log: the open questions first (oldest first),
 * then the decisions, then the closed items, dimmed; one line each with its owner, its
 * due date in words and where it was raised, and the highlighted one in full below.
 * Enter edits the highlighted item (text, kind, owner, due date, open or closed), `a`
 * adds one, `x` closes it or opens it again. Ctrl-P adds one from any screen (App.tsx).
 */
import { useMemo } from 'react';
import { Box, Text } from 'ink';
import { updateParked } from '../../core/parking-lot.js';
import { dayOf } from '../../core/plan-status.js';
import { plainLine } from '../../core/terminal-text.js';
import { updateAssessment } from '../../core/workbook-ops.js';
import { Cell } from '../components/Cell.js';
import { ItemWindow, type ItemLine } from '../components/ItemWindow.js';
import { Screen, bodyRows } from '../components/Screen.js';
import { useKeys, useRefState } from '../hooks/useKeys.js';
import { commandFor, listMoveFor } from '../keybindings.js';
import { moveBy } from '../list-move.js';
import { useNav } from '../navigation.js';
import { GROUP_TITLES, parkedRows, parkingColumns, parkingSummary, type ParkedRow } from '../parking-lines.js';
import type { AssessmentProps } from '../screen-props.js';
import { sharedCommand, useShell, useTone } from '../shell.js';
import { kindWords } from './ParkedForm.js';
import { wrapAtMost } from '../wrap-lines.js';

export function ParkingLotScreen({ bank, apply, assessment, focus }: AssessmentProps & { focus?: string | undefined }) {
  const shell = useShell();
  const tone = useTone();
  const nav = useNav();
  const assessmentId = assessment.id;
  const today = dayOf(shell.now());
  const rows = useMemo(() => parkedRows(bank, assessment, today), [bank, assessment, today]);
  // The highlight follows an item, not a row: closing one moves it to the closed group.
  const [state, setState, ref] = useRefState<{ id: string | undefined }>(() => ({ id: focus ?? rows[0]?.item.id }));
  const indexOf = (id: string | undefined) => Math.max(0, rows.findIndex((r) => r.item.id === id));
  const index = indexOf(state.id);
  const row = rows[index];

  useKeys((input, key) => {
    const at = indexOf(ref.current.id);
    const move = listMoveFor('parking', input, key);
    if (move) {
      const next = moveBy(at, rows.length, move);
      if (next !== undefined) setState({ id: rows[next]!.item.id });
      return;
    }
    const command = commandFor('parking', input, key);
    const current = rows[at]?.item;
    switch (command) {
      case 'edit':
        if (current) nav.go({ name: 'parked-form', assessmentId, itemId: current.id });
        return;
      case 'add':
        return nav.go({ name: 'parked-form', assessmentId });
      case 'close': {
        if (!current) return;
        const status = current.status === 'closed' ? 'open' : 'closed';
        const now = shell.now();
        apply((w) =>
          updateAssessment(w, assessmentId, (a) =>
            updateParked(a, current.id, { kind: current.kind, text: current.text, owner: current.owner, due: current.due ?? '', status }, now),
          ),
        );
        shell.notify(`${current.id} ${status === 'closed' ? 'closed' : 'open again'}: x ${status === 'closed' ? 'opens it again' : 'closes it'}.`);
        return;
      }
      default:
        sharedCommand(shell, 'parking', command, key, () => nav.back());
    }
  }, shell.active);

  const width = shell.size.columns;
  const body = bodyRows(shell.size.rows);
  const detail = row ? detailLines(row, width, shell.size.rows < 20) : [];
  const listHeight = Math.max(3, body - 2 - (detail.length > 0 ? detail.length + 1 : 0));
  const lines = listLines(rows, width, tone);

  return (
    <Screen trail={[assessment.name, 'Parking lot']} scope="parking">
      <Text bold wrap="truncate-end">
        {parkingSummary(rows)}
      </Text>
      {rows.length === 0 ? (
        <Box marginTop={1}>
          <Text wrap="wrap" dimColor>
            a adds an open question or a decision here. Ctrl-P adds one from any screen of this assessment; in the walk it is linked to the question
            shown. A note typed on a question not answered yet is parked here too, and closed once the question is answered.
          </Text>
        </Box>
      ) : (
        <Box marginTop={1} flexShrink={0}>
          <ItemWindow lines={lines} index={index} count={rows.length} height={listHeight} />
        </Box>
      )}
      {detail.length > 0 ? (
        <Box flexDirection="column" marginTop={1} flexShrink={0}>
          {detail.map((line, i) => (
            <Text key={i} wrap="truncate-end" dimColor={line.dim}>
              {line.text}
            </Text>
          ))}
        </Box>
      ) : null}
    </Screen>
  );
}

/**
 * The highlighted item in full: its text, then its id, owner, due date and who raised it
 * (two lines at most), then where; the text and where in one line each on a short terminal.
 */
function detailLines(row: ParkedRow, width: number, short: boolean): { text: string; dim: boolean }[] {
  const most = short ? 1 : 2;
  const { item } = row;
  const facts = [
    `${item.id}, ${kindWords(item)}`,
    row.owner ? `owner ${row.owner}` : 'no owner yet',
    row.due.long || (item.status === 'closed' ? '' : 'no due date'),
    `raised ${item.at.slice(0, 10)}${item.by ? ` by ${plainLine(item.by)}` : ''}`,
  ].filter(Boolean);
  return [
    ...wrapAtMost(row.text, width, most).map((text) => ({ text, dim: false })),
    ...wrapAtMost(facts.join(' · '), width, 2).map((text) => ({ text, dim: true })),
    ...wrapAtMost(row.where ? `on ${row.where}` : 'not raised on a question', width, most).map((text) => ({ text, dim: true })),
  ];
}

/** The list: a heading over each group, then one line per item, cut to the width. */
function listLines(rows: readonly ParkedRow[], width: number, tone: (c: string) => string | undefined): ItemLine[] {
  const columns = parkingColumns(width);
  const lines: ItemLine[] = [];
  rows.forEach((row, i) => {
    if (i === 0 || rows[i - 1]!.group !== row.group) {
      const count = rows.filter((r) => r.group === row.group).length;
      lines.push({
        item: i,
        heading: true,
        node: (
          <Text bold color={tone('blue')} wrap="truncate-end">
            {GROUP_TITLES[row.group]} ({count})
          </Text>
        ),
      });
    }
    const closed = row.group === 'closed';
    // A closed item's column says when it was closed; its due date is in the detail.
    const due = columns.long && !closed ? row.due.long : row.due.short;
    lines.push({
      item: i,
      node: (
        <Box>
          <Cell width={columns.text} dim={closed}>
            {closed ? `✓ ${row.text}` : row.text}
          </Cell>
          <Cell width={columns.owner} dim>
            {row.owner || (closed ? '' : 'no owner')}
          </Cell>
          <Box width={columns.due} flexShrink={0} marginRight={1} overflow="hidden">
            <Text wrap="truncate-end" dimColor={!row.due.overdue} bold={row.due.overdue} color={row.due.overdue ? tone('red') : undefined}>
              {due}
            </Text>
          </Box>
          {columns.where > 0 ? (
            <Cell width={columns.where} dim>
              {row.where || '—'}
            </Cell>
          ) : null}
        </Box>
      ),
    });
  });
  return lines;
}
