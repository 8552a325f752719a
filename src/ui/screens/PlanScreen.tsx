/**
 * The plan in its two lanes, Find out first (by owner) and Fix (by horizon), each item
 * with where the team stands on it (status, owner, due date, flags) and why it is in its
 * horizon; Enter sets the status of the highlighted one, `c` the effort points Now and
 * Next hold (the horizons are worked out again at once); Tab shows the whole plan as
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
import { PlanItemList, laneOrder } from '../components/PlanItemList.js';
import { CapacityPrompt } from '../components/CapacityPrompt.js';
import { DECISION_LABEL } from './SignoffForm.js';
import { readCapacity, type CapacityEdit } from '../capacity-edit.js';
import { updateAssessment } from '../../core/workbook-ops.js';
import { editText, textAt } from '../text-edit.js';
import { useReport } from '../derived.js';
import { Screen, bodyRows } from '../components/Screen.js';
import { useKeys, useRefState } from '../hooks/useKeys.js';
import { commandFor, listMoveFor } from '../keybindings.js';
import { moveBy, scrollTop } from '../list-move.js';
import { useMarkdown } from '../markdown.js';
import { sharedCommand, useShell, useTone } from '../shell.js';

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
  /** The capacity being typed (c). */
  capacity?: CapacityEdit;
  /** The action to keep highlighted after the capacity moved items between horizons. */
  follow?: string;
}

export function PlanScreen({ bank, apply, assessment, focus }: AssessmentProps & { focus?: string | undefined }) {
  const shell = useShell();
  const tone = useTone();
  const nav = useNav();
  const assessmentId = assessment.id;
  const report = useReport(bank, assessment);
  const markdown = useMemo(() => renderMarkdown(report, { version: packageJson.version }), [report]);
  // The Find out lane first (the evidence sprint, by owner), then the Fix lane by horizon.
  const plan = useMemo(() => laneOrder(report.findOut, report.plan), [report]);
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
  /** The item highlighted: the one followed after a capacity change, else the one moved to. */
  const indexOf = (s: PlanState): number => {
    const followed = s.follow === undefined ? -1 : plan.findIndex((p) => p.actionId === s.follow);
    return followed >= 0 ? followed : Math.min(s.index, Math.max(0, plan.length - 1));
  };
  const signoff = assessment.signoff;
  const height = Math.max(3, bodyRows(shell.size.rows) - 3 - (signoff ? 1 : 0));
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

  /** Saves the capacity typed, or says what is wrong with it; the item highlighted stays highlighted. */
  const saveCapacity = (edit: CapacityEdit) => {
    const read = readCapacity(edit.now.value, edit.next.value);
    if ('problem' in read) return update({ capacity: { ...edit, problem: read.problem } });
    const highlighted = plan[indexOf(ref.current)]?.actionId;
    apply((w) => updateAssessment(w, assessmentId, (a) => ({ ...a, planCapacity: read.capacity })));
    const { now, next } = read.capacity;
    update({ capacity: undefined, follow: highlighted, message: { text: `Capacity saved: Now holds ${now} effort points, Next ${next} more; the horizons are worked out again.`, ok: true } });
  };

  // The capacity being typed claims the keys.
  useKeys(
    (input, key) => {
      const edit = ref.current.capacity;
      if (!edit) return false;
      const command = commandFor('capacity', input, key);
      if (command === 'save') saveCapacity(edit);
      else if (command === 'back') update({ capacity: undefined, message: { text: 'The capacity stays as it was.', ok: true } });
      else if (command === 'next-field') update({ capacity: { ...edit, field: edit.field === 'now' ? 'next' : 'now' } });
      else if (command !== 'quit') {
        const next = editText(edit[edit.field], input, key, false);
        if (next) update({ capacity: { ...edit, [edit.field]: next, problem: undefined } });
      }
      return true;
    },
    shell.active,
    'modal',
  );

  useKeys((input, key) => {
    const s = ref.current;
    const command = commandFor('plan', input, key);
    switch (command) {
      case 'scroll': {
        const move = listMoveFor('plan', input, key)!;
        if (s.view === 'items') {
          const index = moveBy(indexOf(s), plan.length, move, Math.max(1, Math.floor(height / 2)));
          return index === undefined ? undefined : update({ index, follow: undefined });
        }
        return update({ top: scrollTop(s.top, move, height, maxTop) });
      }
      case 'status': {
        const item = plan[indexOf(s)];
        if (s.view === 'items' && item) nav.go({ name: 'plan-status', assessmentId, actionId: item.actionId });
        else if (s.view === 'text') update({ message: { text: 'Tab shows the list of items; Enter there sets the status of one.', ok: true } });
        return;
      }
      case 'view':
        return update({ view: s.view === 'items' ? 'text' : 'items', message: undefined });
      case 'export':
        void exportPlan();
        return;
      case 'signoff':
        return nav.go({ name: 'signoff', assessmentId });
      case 'capacity': {
        const { now, next } = report.planCapacity;
        return update({ capacity: { field: 'now', now: textAt(String(now)), next: textAt(String(next)) }, message: undefined });
      }
      default:
        sharedCommand(shell, 'plan', command, key, () => nav.back());
        return;
    }
  }, shell.active);

  const top = Math.min(state.top, maxTop);
  const index = indexOf(state);
  // The capacity prompt takes the bottom rows: its box (2), its lines (3, more when a problem shows).
  const listHeight = Math.max(3, height - (state.capacity ? 5 + (state.capacity.problem ? 1 : 0) : 0));
  const done = plan.filter((p) => p.tracking.status === 'done').length;
  const flagged = plan.filter((p) => p.tracking.flag !== null).length;
  const overdue = plan.filter((p) => p.tracking.overdue).length;
  // Items marked done that the answers no longer call for have left the plan: say so, or they seem lost.
  const closed = report.closedItems.length;
  const { now: nowPoints, next: nextPoints } = report.planCapacity;
  const summary = [
    `${report.findOut.length} to find out`,
    `${report.plan.length} to fix`,
    done ? `${done} marked done` : '',
    closed ? `${closed} done and closed by the answers` : '',
    flagged ? `⚑ ${flagged} flagged` : '',
    overdue ? `${overdue} overdue` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Screen trail={[assessment.name, 'Plan']} scope={state.capacity ? 'capacity' : 'plan'}>
      {state.view === 'items' ? (
        <Text wrap="truncate-end">
          <Text bold>{summary}</Text>
          <Text dimColor>{` · capacity Now ${nowPoints}, Next ${nextPoints} (c)`}</Text>
        </Text>
      ) : (
        <Text dimColor wrap="truncate-end">
          {rendered === undefined
            ? 'Preparing the plan…'
            : `Lines ${lines.length === 0 ? 0 : top + 1}-${Math.min(lines.length, top + height)} of ${lines.length} · Tab: the items · x exports the whole report as markdown`}
        </Text>
      )}
      {signoff ? (
        <Text wrap="truncate-end" dimColor>
          {`Signed off: ${DECISION_LABEL[signoff.decision]}, ${plainLine(signoff.name)}${signoff.role ? ` (${plainLine(signoff.role)})` : ''}, ${signoff.date} · S changes it`}
        </Text>
      ) : null}
      {state.view === 'items' ? (
        <Box marginTop={1} flexDirection="column" flexShrink={0}>
          {plan.length === 0 ? (
            <Text dimColor wrap="wrap">
              Nothing in the plan: no answer so far calls for an action.
            </Text>
          ) : (
            <PlanItemList plan={plan} capacity={report.planCapacity} index={index} height={listHeight} width={width} />
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
      {state.capacity ? <CapacityPrompt edit={state.capacity} /> : null}
    </Screen>
  );
}
