/**
 * Controls in practice: for each control the bank cites, its verdict from the answers
 * (holds, exposed, unknown, not tested), with the controls the audit claims implemented
 * but the answers show exposed first. `f` shows one framework at a time; scrolled like
 * the comparison.
 */
import { useMemo } from 'react';
import { Box, Text } from 'ink';
import { FRAMEWORKS, FRAMEWORK_INFO } from '../../core/controls/catalogue.js';
import { buildControlsView } from '../../core/controls/view.js';
import { useNav } from '../navigation.js';
import type { AssessmentProps } from '../screen-props.js';
import { Screen, bodyRows } from '../components/Screen.js';
import { sectionStarts } from '../compare-lines.js';
import { controlsLines } from '../controls-lines.js';
import { useReport } from '../derived.js';
import { useKeys, useRefState } from '../hooks/useKeys.js';
import { commandFor, listMoveFor } from '../keybindings.js';
import { scrollTop } from '../list-move.js';
import { sharedCommand, useShell, useTone } from '../shell.js';

export function ControlsScreen({ bank, assessment }: AssessmentProps) {
  const shell = useShell();
  const nav = useNav();
  const tone = useTone();
  // -1: every framework; else the index of the one shown.
  const [state, setState, ref] = useRefState({ framework: -1, top: 0 });
  const report = useReport(bank, assessment);
  const frameworks = useMemo(() => (state.framework < 0 ? [...FRAMEWORKS] : [FRAMEWORKS[state.framework]!]), [state.framework]);
  const view = useMemo(() => buildControlsView(bank, report, { frameworks, claims: assessment.controlClaims }), [bank, report, frameworks, assessment.controlClaims]);
  const width = Math.max(20, shell.size.columns - 1);
  const lines = useMemo(() => controlsLines(view, width, bank.levels ?? null), [view, width, bank.levels]);
  const height = Math.max(3, bodyRows(shell.size.rows) - 2);
  const maxTop = Math.max(0, lines.length - height);
  const sections = useMemo(() => sectionStarts(lines), [lines]);

  useKeys((input, key) => {
    const s = ref.current;
    const command = commandFor('controls', input, key);
    switch (command) {
      case 'framework':
        return setState({ framework: s.framework + 1 >= FRAMEWORKS.length ? -1 : s.framework + 1, top: 0 });
      case 'scroll':
        return setState({ ...s, top: scrollTop(s.top, listMoveFor('controls', input, key)!, height, maxTop) });
      case 'section': {
        const target = key.shift ? [...sections].reverse().find((n) => n < s.top) : sections.find((n) => n > s.top);
        return setState({ ...s, top: Math.max(0, Math.min(maxTop, target ?? (key.shift ? 0 : maxTop))) });
      }
      default:
        sharedCommand(shell, 'controls', command, key, () => nav.back());
        return;
    }
  }, shell.active);

  const top = Math.min(state.top, maxTop);
  const shown = state.framework < 0 ? 'all frameworks' : FRAMEWORK_INFO[FRAMEWORKS[state.framework]!].label;
  return (
    <Screen trail={[assessment.name, 'Controls']} scope="controls">
      <Text wrap="truncate-end">
        <Text bold>Controls in practice: {shown}</Text>
        <Text dimColor>
          {' '}
          · f another · lines {lines.length === 0 ? 0 : top + 1}-{Math.min(lines.length, top + height)} of {lines.length}
        </Text>
      </Text>
      <Box flexDirection="column" marginTop={1} height={height} overflow="hidden" flexShrink={0}>
        {lines.slice(top, top + height).map((line, i) => (
          <Text key={top + i} wrap="truncate-end">
            {line.length === 0
              ? ' '
              : line.map((seg, n) => (
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
