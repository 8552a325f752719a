/**
 * Compare: what changed between a snapshot (the latest unless another is picked with
 * ←→) and the answers as they stand: overall and per journey x dimension, the trend,
 * the answers that changed, new and resolved unknowns, the plan, and the controls whose
 * verdict changed (the same words as `cxray diff`). Scrolled like the plan's text.
 */
import { useMemo } from 'react';
import { Box, Text } from 'ink';
import { controlChanges } from '../../core/controls/view-diff.js';
import { diffStates, stateOfCurrent, stateOfSnapshot } from '../../core/diff.js';
import { buildReport } from '../../core/report.js';
import { plainLine } from '../../core/terminal-text.js';
import { useNav } from '../navigation.js';
import type { AssessmentProps } from '../screen-props.js';
import { Screen, bodyRows } from '../components/Screen.js';
import { compareLines, sectionStarts } from '../compare-lines.js';
import { useReport } from '../derived.js';
import { useKeys, useRefState } from '../hooks/useKeys.js';
import { commandFor, listMoveFor } from '../keybindings.js';
import { scrollTop } from '../list-move.js';
import { sharedCommand, useShell, useTone } from '../shell.js';

export function CompareScreen({ bank, assessment }: AssessmentProps) {
  const shell = useShell();
  const nav = useNav();
  const tone = useTone();
  const snapshots = assessment.snapshots;
  const [state, setState, ref] = useRefState({ pick: snapshots.length - 1, top: 0 });
  const pick = Math.max(0, Math.min(state.pick, snapshots.length - 1));
  const snapshot = snapshots[pick];
  const report = useReport(bank, assessment);
  // The report already compares the latest snapshot with now; an earlier one is compared here.
  const diff = useMemo(() => {
    if (!snapshot) return undefined;
    const changes =
      snapshot === snapshots[snapshots.length - 1] && report.cycles.sinceLastCycle
        ? report.cycles.sinceLastCycle
        : diffStates(bank, stateOfSnapshot(snapshot, { bank, assessment, model: report.scoringModel, build: buildReport }), stateOfCurrent(assessment, report));
    // The report leaves the controls out of its comparison (they cost a report of the snapshot): built here.
    return { ...changes, controls: controlChanges(bank, assessment, report, snapshot, null) };
  }, [bank, assessment, report, snapshot, snapshots]);
  const width = Math.max(20, shell.size.columns - 1);
  const lines = useMemo(() => (diff ? compareLines(diff, report.cycles.trend ?? null, width, { scope: report.bank.scope, levels: report.bank.levels }) : []), [diff, report, width]);
  const height = Math.max(3, bodyRows(shell.size.rows) - 2);
  const maxTop = Math.max(0, lines.length - height);
  const sections = useMemo(() => sectionStarts(lines), [lines]);

  useKeys((input, key) => {
    const s = ref.current;
    const command = commandFor('compare', input, key);
    switch (command) {
      case 'other-snapshot': {
        const next = Math.max(0, Math.min(snapshots.length - 1, Math.min(s.pick, snapshots.length - 1) + (key.leftArrow ? -1 : 1)));
        return setState({ pick: next, top: 0 });
      }
      case 'scroll':
        return setState({ ...s, top: scrollTop(s.top, listMoveFor('compare', input, key)!, height, maxTop) });
      case 'section': {
        const target = key.shift ? [...sections].reverse().find((n) => n < s.top) : sections.find((n) => n > s.top);
        return setState({ ...s, top: Math.max(0, Math.min(maxTop, target ?? (key.shift ? 0 : maxTop))) });
      }
      default:
        sharedCommand(shell, 'compare', command, key, () => nav.back());
        return;
    }
  }, shell.active);

  if (!snapshot) {
    return (
      <Screen trail={[assessment.name, 'Compare']} scope="compare">
        <Text wrap="wrap">
          No snapshot to compare with yet. On the assessment screen, t takes a snapshot of the answers as they are, and N starts a new cycle
          (a snapshot, then every answer carried forward to confirm or change). Come back here after the answers change.
        </Text>
      </Screen>
    );
  }
  const top = Math.min(state.top, maxTop);
  return (
    <Screen trail={[assessment.name, `Compare with "${plainLine(snapshot.label)}"`]} scope="compare">
      <Text wrap="truncate-end">
        <Text bold>
          Snapshot {pick + 1} of {snapshots.length}
        </Text>
        <Text dimColor>
          {snapshots.length > 1 ? ' · ←→ another' : ''} · lines {lines.length === 0 ? 0 : top + 1}-{Math.min(lines.length, top + height)} of {lines.length}
        </Text>
      </Text>
      <Box flexDirection="column" marginTop={1} height={height} overflow="hidden" flexShrink={0}>
        {lines.slice(top, top + height).map((line, i) => (
          <Text key={top + i} wrap="truncate-end">
            {line.map((seg, n) => (
              <Text key={n} color={seg.tone ? tone(seg.tone) : undefined} bold={seg.bold} dimColor={seg.dim}>
                {seg.text === '' ? ' ' : seg.text}
              </Text>
            ))}
          </Text>
        ))}
      </Box>
    </Screen>
  );
}
