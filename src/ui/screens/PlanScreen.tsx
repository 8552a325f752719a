/**
 * The plan: what to fix first, by horizon, with the visibility gaps and the answers
 * documented on paper yet exposed, drawn from the markdown export with marked-terminal
 * and scrolled with the arrows, PgUp/PgDn, Home and End. `x` writes the whole markdown
 * report to a new file next to the workbook and says where.
 */
import { useMemo } from 'react';
import { Box, Text } from 'ink';
import { join, dirname, relative } from 'node:path';
import { buildReport } from '../../core/report.js';
import { plainLine } from '../../core/terminal-text.js';
import { renderMarkdown } from '../../export/markdown.js';
import packageJson from '../../../package.json' with { type: 'json' };
import type { ScreenProps } from '../App.js';
import { Screen, bodyRows } from '../components/Screen.js';
import { writeNewFile } from '../export-file.js';
import { useKeys, useRefState } from '../hooks/useKeys.js';
import { commandFor } from '../keybindings.js';
import { useMarkdown } from '../markdown.js';
import { useShell, useTone } from '../shell.js';

/** The sections of the markdown report that make up the plan screen. */
const PLAN_SECTIONS = ['## Plan', '## Visibility gaps', '## Documented but exposed'];

/** The plan sections of a markdown report, in order. */
export function planMarkdown(report: string): string {
  const sections = report.split(/\n(?=## )/);
  return sections
    .filter((s) => PLAN_SECTIONS.some((h) => s.startsWith(`${h}\n`) || s === h))
    .join('\n')
    .trim();
}

/** `cxray-plan-<assessment-id>.md` beside the workbook (":memory:" workbooks: the current folder). */
export function exportPathFor(workbookPath: string, assessmentId: string): string {
  const dir = workbookPath === ':memory:' ? process.cwd() : dirname(workbookPath);
  return join(dir, `cxray-plan-${assessmentId.replace(/[^a-z0-9-]/gi, '-')}.md`);
}

interface PlanState {
  top: number;
  exporting: boolean;
  message?: { text: string; ok: boolean };
}

export function PlanScreen({ workbook, bank, dispatch, assessmentId }: ScreenProps & { assessmentId: string }) {
  const shell = useShell();
  const tone = useTone();
  const assessment = workbook.assessments.find((a) => a.id === assessmentId);
  const markdown = useMemo(() => {
    if (!assessment) return undefined;
    return renderMarkdown(buildReport(bank, assessment, shell.now()), { version: packageJson.version });
  }, [bank, assessment, shell]);
  const width = Math.max(20, shell.size.columns - 2);
  const rendered = useMarkdown(markdown === undefined ? undefined : planMarkdown(markdown), width, shell.color);
  const lines = useMemo(() => (rendered === undefined ? [] : rendered.split('\n')), [rendered]);
  const [state, setState, ref] = useRefState<PlanState>({ top: 0, exporting: false });
  const update = (change: Partial<PlanState>) => setState((s) => ({ ...s, ...change }));
  const height = Math.max(3, bodyRows(shell.size.rows) - 3);
  const maxTop = Math.max(0, lines.length - height);

  const exportPlan = async () => {
    if (!markdown || ref.current.exporting) return;
    update({ exporting: true, message: { text: 'Writing the markdown export…', ok: true } });
    try {
      const written = await writeNewFile(exportPathFor(shell.workbookPath, assessmentId), markdown);
      const shown = relative(process.cwd(), written);
      update({ exporting: false, message: { text: `Exported to ${shown.startsWith('..') ? written : shown}`, ok: true } });
    } catch (error) {
      update({ exporting: false, message: { text: `Not exported: ${(error as Error).message}`, ok: false } });
    }
  };

  useKeys((input, key) => {
    const s = ref.current;
    const command = commandFor('plan', input, key);
    switch (command) {
      case 'scroll': {
        const step = key.pageUp || key.pageDown ? height - 1 : 1;
        const top = key.home ? 0 : key.end ? maxTop : key.upArrow || key.pageUp ? s.top - step : s.top + step;
        return update({ top: Math.max(0, Math.min(maxTop, top)) });
      }
      case 'export':
        void exportPlan();
        return;
      case 'help':
        return shell.showHelp('plan');
      case 'back':
        return dispatch({ type: 'back' });
      case 'quit':
        if (!key.ctrl) shell.quit();
        return;
      default:
        return;
    }
  }, shell.active);

  if (!assessment) {
    return (
      <Screen trail={['?']} scope="plan">
        <Text color={tone('red')}>This assessment is no longer in the workbook. Press Esc to go back.</Text>
      </Screen>
    );
  }
  const top = Math.min(state.top, maxTop);
  return (
    <Screen trail={[assessment.name, 'Plan']} scope="plan">
      <Text dimColor wrap="truncate-end">
        {rendered === undefined
          ? 'Preparing the plan…'
          : `Lines ${lines.length === 0 ? 0 : top + 1}-${Math.min(lines.length, top + height)} of ${lines.length} · x exports the whole report as markdown`}
      </Text>
      <Box flexDirection="column" marginTop={1} height={height} overflow="hidden" flexShrink={0}>
        {lines.slice(top, top + height).map((line, i) => (
          <Text key={top + i} wrap="truncate-end">
            {line === '' ? ' ' : line}
          </Text>
        ))}
      </Box>
      {state.message ? (
        <Text color={tone(state.message.ok ? 'green' : 'red')} bold wrap="truncate-end">
          {state.message.ok ? '' : '✗ '}
          {plainLine(state.message.text)}
        </Text>
      ) : null}
    </Screen>
  );
}
