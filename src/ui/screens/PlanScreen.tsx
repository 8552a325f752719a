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
import { planSummaryLine } from '../plan-summary.js';
import { join, dirname, relative } from 'node:path';
import { plainLine } from '../../core/terminal-text.js';
import { renderMarkdown } from '../../export/markdown.js';
import { createFileAtomic, numberedNames, realFs } from '../../store/atomic-file.js';
import packageJson from '../../../package.json' with { type: 'json' };
import { useNav } from '../navigation.js';
import type { AssessmentProps } from '../screen-props.js';
import { PlanItemList, laneOrder } from '../components/PlanItemList.js';
import { assessmentItems } from '../../core/assessment-items.js';
import { filterChoices, matchesFilter, nextChoice, noFilter, type PlanFilter, type PlanFilterKind, type PlanHorizonChoice } from '../../core/plan-filter.js';
import { titleLookup } from '../../export/plan-words.js';
import { planDetailLines } from '../plan-detail.js';
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
  /** The action to keep highlighted after the capacity moved items between horizons, or a filter changed. */
  follow?: string | undefined;
  /** The filters of the list of items (j, h, o; f clears them). */
  filter: PlanFilter;
}

const FILTER_KEYS: Record<string, PlanFilterKind> = { j: 'journey', h: 'horizon', o: 'owner' };
const HORIZON_WORDS: Record<PlanHorizonChoice, string> = { 'find-out': 'Find out first', now: 'Now', next: 'Next', later: 'Later' };

/** How high the pane on the highlighted item is on a terminal of `rows` rows (0: none). */
export function detailHeight(rows: number): number {
  return rows >= 28 ? 6 : rows >= 22 ? 4 : rows >= 16 ? 2 : 0;
}

export function PlanScreen({ bank, apply, assessment, focus }: AssessmentProps & { focus?: string | undefined }) {
  const shell = useShell();
  const tone = useTone();
  const nav = useNav();
  const assessmentId = assessment.id;
  const report = useReport(bank, assessment);
  const markdown = useMemo(() => renderMarkdown(report, { version: packageJson.version }), [report]);
  // The Find out lane first (the evidence sprint, by owner), then the Fix lane by horizon.
  const all = useMemo(() => laneOrder(report.findOut, report.plan), [report]);
  // Which journeys each organisation-wide answer holds for: the journey filter counts them.
  const now = shell.now;
  const heldBy = useMemo(() => {
    const items = assessmentItems(bank, assessment, now());
    return new Map(items.organisation.map((o) => [o.question.id, o.journeys.map((j) => j.id)]));
  }, [bank, assessment, now]);
  const width = Math.max(20, shell.size.columns - 2);
  const [state, setState, ref] = useRefState<PlanState>(() => ({
    view: 'items',
    index: Math.max(0, all.findIndex((p) => p.actionId === focus)),
    top: 0,
    exporting: false,
    filter: {},
  }));
  const plan = useMemo(() => all.filter((item) => matchesFilter(item, state.filter, heldBy)), [all, state.filter, heldBy]);
  const planOf = (s: PlanState) => (s === state ? plan : all.filter((item) => matchesFilter(item, s.filter, heldBy)));
  const rendered = useMarkdown(planMarkdown(markdown), width, shell.color, state.view === 'text');
  const lines = useMemo(() => (rendered === undefined ? [] : rendered.split('\n')), [rendered]);
  const update = (change: Partial<PlanState>) => setState((s) => ({ ...s, ...change }));
  /** The item highlighted: the one followed after a capacity change, else the one moved to. */
  const indexOf = (s: PlanState): number => {
    const shown = planOf(s);
    const followed = s.follow === undefined ? -1 : shown.findIndex((p) => p.actionId === s.follow);
    return followed >= 0 ? followed : Math.min(s.index, Math.max(0, shown.length - 1));
  };
  /** The filter `kind` at its next choice; the highlight stays on its item when the item is still shown. */
  const stepFilter = (s: PlanState, kind: PlanFilterKind | undefined) => {
    const highlighted = planOf(s)[indexOf(s)]?.actionId;
    const choices = kind === undefined ? [] : filterChoices(all, assessment.journeys, heldBy, s.filter)[kind];
    const filter = kind === undefined ? {} : { ...s.filter, [kind]: nextChoice(s.filter[kind], choices) };
    const shown = all.filter((item) => matchesFilter(item, filter, heldBy));
    const kept = shown.findIndex((p) => p.actionId === highlighted);
    update({ filter, index: Math.max(0, kept), follow: undefined, message: undefined });
  };
  const filterWords = (filter: PlanFilter): string[] =>
    [
      filter.journey !== undefined ? `${report.bank.scope.singular} ${plainLine(assessment.journeys.find((j) => j.id === filter.journey)?.name ?? filter.journey)}` : '',
      filter.horizon !== undefined ? `horizon ${HORIZON_WORDS[filter.horizon]}` : '',
      filter.owner !== undefined ? (filter.owner === '' ? 'no owner' : `owner ${plainLine(filter.owner)}`) : '',
    ].filter(Boolean);
  const done = all.filter((p) => p.tracking.status === 'done').length;
  const flagged = all.filter((p) => p.tracking.flag !== null).length;
  const overdue = all.filter((p) => p.tracking.overdue).length;
  // Items marked done that the answers no longer call for have left the plan: say so, or they seem lost.
  const closed = report.closedItems.length;
  const summary = planSummaryLine({ findOut: report.findOut.length, fix: report.plan.length, done, closed, flagged, overdue }, report.planCapacity, shell.size.columns - 1);
  const signoff = assessment.signoff;
  // The summary takes a second row when it does not fit on one (plan-summary.ts).
  const height = Math.max(3, bodyRows(shell.size.rows) - 3 - (signoff ? 1 : 0) - (summary.wrapped && state.view === 'items' ? 1 : 0));
  const filtered = !noFilter(state.filter);
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
    const highlighted = planOf(ref.current)[indexOf(ref.current)]?.actionId;
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
          const index = moveBy(indexOf(s), planOf(s).length, move, Math.max(1, Math.floor(height / 2)));
          return index === undefined ? undefined : update({ index, follow: undefined });
        }
        return update({ top: scrollTop(s.top, move, height, maxTop) });
      }
      case 'status': {
        const item = planOf(s)[indexOf(s)];
        if (s.view === 'items' && item) nav.go({ name: 'plan-status', assessmentId, actionId: item.actionId });
        else if (s.view === 'text') update({ message: { text: 'Tab shows the list of items; Enter there sets the status of one.', ok: true } });
        return;
      }
      case 'view':
        return update({ view: s.view === 'items' ? 'text' : 'items', message: undefined });
      case 'filter':
      case 'clear-filters': {
        if (s.view === 'text') return update({ message: { text: 'The filters work on the list of items: Tab shows it.', ok: true } });
        const kind = command === 'filter' ? FILTER_KEYS[input] : undefined;
        if (command === 'filter' && kind === undefined) return;
        return stepFilter(s, kind);
      }
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
  const titleOf = titleLookup(all);
  // The capacity prompt takes the bottom rows: its box (2), its lines (3, more when a problem shows).
  const prompt = state.capacity ? 5 + (state.capacity.problem ? 1 : 0) : 0;
  const item = plan[index];
  const paneHeight = item && !state.capacity ? detailHeight(shell.size.rows) : 0;
  const pane = item ? planDetailLines(item, report.planCapacity, titleOf, width, paneHeight, report.bank.levels) : [];
  const listHeight = Math.max(3, height - prompt - (filtered ? 1 : 0) - (pane.length > 0 ? pane.length + 1 : 0));
  return (
    <Screen trail={[assessment.name, 'Plan']} scope={state.capacity ? 'capacity' : 'plan'}>
      {state.view === 'items' ? (
        summary.wrapped ? (
          <Box flexDirection="column">
            <Text bold wrap="truncate-end">
              {summary.counts}
            </Text>
            <Text dimColor wrap="truncate-end">
              {summary.capacity}
            </Text>
          </Box>
        ) : (
          <Text wrap="truncate-end">
            <Text bold>{summary.counts}</Text>
            <Text dimColor>{summary.capacity}</Text>
          </Text>
        )
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
      {state.view === 'items' && filtered ? (
        <Text wrap="truncate-end">
          <Text bold>{`Showing ${plan.length} of ${all.length}: ${filterWords(state.filter).join(' · ')}`}</Text>
          <Text dimColor> · f shows all</Text>
        </Text>
      ) : null}
      {state.view === 'items' ? (
        <Box marginTop={1} flexDirection="column" flexShrink={0}>
          {plan.length === 0 ? (
            <Text dimColor wrap="wrap">
              {all.length === 0 ? 'Nothing in the plan: no answer so far calls for an action.' : 'No item matches these filters: f shows every item again.'}
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
      {state.view === 'items' && pane.length > 0 ? (
        <Box marginTop={1} flexDirection="column" flexShrink={0}>
          {pane.map((line, i) => (
            <Text key={i} wrap="truncate-end" bold={line.bold} dimColor={line.dim}>
              {line.text}
            </Text>
          ))}
        </Box>
      ) : null}
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
