/**
 * The plan: its items with where the team stands on each (status, owner, due date,
 * flags), Enter setting the status of the highlighted one; Tab shows the whole plan as
 * text instead (by horizon, with the reasons, the visibility gaps and the answers
 * documented on paper yet exposed), drawn from the markdown export with marked-terminal
 * and scrolled with the arrows, PgUp/PgDn, Home and End. `x` writes the whole markdown
 * report to a new file next to the workbook and says where.
 */
import { useMemo } from 'react';
import { Box, Text } from 'ink';
import { join, dirname, relative } from 'node:path';
import { plainLine } from '../../core/terminal-text.js';
import { renderMarkdown } from '../../export/markdown.js';
import { createFileAtomic, numberedNames, realFs } from '../../store/atomic-file.js';
import packageJson from '../../../package.json' with { type: 'json' };
import { useNav } from '../navigation.js';
import type { AssessmentProps } from '../screen-props.js';
import { PlanItemList } from '../components/PlanItemList.js';
import { useReport } from '../derived.js';
import { Screen, bodyRows } from '../components/Screen.js';
import { useKeys, useRefState } from '../hooks/useKeys.js';
import { commandFor, listMoveFor } from '../keybindings.js';
import { moveBy, scrollTop } from '../list-move.js';
import { useMarkdown } from '../markdown.js';
import { sharedCommand, useShell, useTone } from '../shell.js';
import { plural } from '../words.js';

/** The sections of the markdown report that make up the plan screen. */
const PLAN_SECTIONS = ['## Find out first', '## Fix', '## Visibility gaps', '## Documented but exposed'];

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
  view: 'items' | 'text';
  /** The highlighted item. */
  index: number;
  /** The first line of the text shown. */
  top: number;
  exporting: boolean;
  message?: { text: string; ok: boolean };
}

export function PlanScreen({ bank, assessment, focus }: AssessmentProps & { focus?: string | undefined }) {
  const shell = useShell();
  const tone = useTone();
  const nav = useNav();
  const assessmentId = assessment.id;
  const report = useReport(bank, assessment);
  const markdown = useMemo(() => renderMarkdown(report, { version: packageJson.version }), [report]);
  // The Find out lane first (the evidence sprint), then the Fix lane.
  const plan = useMemo(() => [...report.findOut, ...report.plan], [report]);
  const width = Math.max(20, shell.size.columns - 2);
  const [state, setState, ref] = useRefState<PlanState>(() => ({
    view: 'items',
    index: Math.max(0, plan.findIndex((p) => p.actionId === focus)),
    top: 0,
    exporting: false,
  }));
  const rendered = useMarkdown(planMarkdown(markdown), width, shell.color, state.view === 'text');
  const lines = useMemo(() => (rendered === undefined ? [] : rendered.split('\n')), [rendered]);
  const update = (change: Partial<PlanState>) => setState((s) => ({ ...s, ...change }));
  const height = Math.max(3, bodyRows(shell.size.rows) - 3);
  const maxTop = Math.max(0, lines.length - height);

  const exportPlan = async () => {
    if (ref.current.exporting) return;
    update({ exporting: true, message: { text: 'Writing the markdown export…', ok: true } });
    try {
      // A new file, never over an existing one: cxray-plan-q4.md, then cxray-plan-q4-2.md ...
      const written = await createFileAtomic(realFs, numberedNames(exportPathFor(shell.workbookPath, assessmentId)), Buffer.from(markdown, 'utf8'));
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
        const move = listMoveFor('plan', input, key)!;
        if (s.view === 'items') {
          const index = moveBy(Math.min(s.index, plan.length - 1), plan.length, move, Math.max(1, Math.floor(height / 2)));
          return index === undefined ? undefined : update({ index });
        }
        return update({ top: scrollTop(s.top, move, height, maxTop) });
      }
      case 'status': {
        const item = plan[Math.min(s.index, plan.length - 1)];
        if (s.view === 'items' && item) nav.go({ name: 'plan-status', assessmentId, actionId: item.actionId });
        else if (s.view === 'text') update({ message: { text: 'Tab shows the list of items; Enter there sets the status of one.', ok: true } });
        return;
      }
      case 'view':
        return update({ view: s.view === 'items' ? 'text' : 'items', message: undefined });
      case 'export':
        void exportPlan();
        return;
      default:
        sharedCommand(shell, 'plan', command, key, () => nav.back());
        return;
    }
  }, shell.active);

  const top = Math.min(state.top, maxTop);
  const index = Math.min(state.index, Math.max(0, plan.length - 1));
  const done = plan.filter((p) => p.tracking.status === 'done').length;
  const flagged = plan.filter((p) => p.tracking.flag !== null).length;
  const overdue = plan.filter((p) => p.tracking.overdue).length;
  // Items marked done that the answers no longer call for have left the plan: say so, or they seem lost.
  const closed = report.closedItems.length;
  const summary = [
    plural(plan.length, 'action'),
    done ? `${done} marked done` : '',
    closed ? `${closed} done and closed by the answers` : '',
    flagged ? `⚑ ${flagged} flagged` : '',
    overdue ? `${overdue} overdue` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Screen trail={[assessment.name, 'Plan']} scope="plan">
      {state.view === 'items' ? (
        <Text wrap="truncate-end">
          <Text bold>{summary}</Text>
          <Text dimColor>{plan.length > 0 ? ' · Enter sets the status · Tab: the plan as text' : ' · Tab: the plan as text'}</Text>
        </Text>
      ) : (
        <Text dimColor wrap="truncate-end">
          {rendered === undefined
            ? 'Preparing the plan…'
            : `Lines ${lines.length === 0 ? 0 : top + 1}-${Math.min(lines.length, top + height)} of ${lines.length} · Tab: the items · x exports the whole report as markdown`}
        </Text>
      )}
      {state.view === 'items' ? (
        <Box marginTop={1} flexDirection="column" flexShrink={0}>
          {plan.length === 0 ? (
            <Text dimColor wrap="wrap">
              Nothing in the plan: no answer so far calls for an action.
            </Text>
          ) : (
            <PlanItemList plan={plan} index={index} height={height} width={width} />
          )}
        </Box>
      ) : (
        <Box flexDirection="column" marginTop={1} height={height} overflow="hidden" flexShrink={0}>
          {lines.slice(top, top + height).map((line, i) => (
            <Text key={top + i} wrap="truncate-end">
              {line === '' ? ' ' : line}
            </Text>
          ))}
        </Box>
      )}
      {state.message ? (
        <Text color={tone(state.message.ok ? 'green' : 'red')} bold wrap="truncate-end">
          {state.message.ok ? '' : '✗ '}
          {plainLine(state.message.text)}
        </Text>
      ) : null}
    </Screen>
  );
}
