/**
 * The plan as a list of items in its two lanes: "Find out first" (the evidence sprint,
 * grouped by owner) and "Fix" (by horizon: Now, Next, Later), each group under a heading
 * line. Each item: rank, horizon, title and status on the first line; its stable id, owner,
 * due date (overdue said in words), the reason and review date of an accepted risk, and for a Fix
 * item why it is in its horizon, on the second; a flag on a third ("marked done, but the
 * answers still show the gap"). Symbols carry the status without colour.
 */
import { Box, Text } from 'ink';
import { PLAN_STATUS_LABEL, TRACKING_FLAG_TEXT } from '../../core/plan-status.js';
import type { FindOutItem, PlanItem } from '../../core/report-schema.js';
import { plainLine } from '../../core/terminal-text.js';
import { ORGANISATION_LABEL, horizonWhy, titleLookup } from '../../export/plan-words.js';
import type { PlanStatusKind } from '../../core/workbook-schema.js';
import { textColumn } from '../column-widths.js';
import { useTone } from '../shell.js';
import { Cell } from './Cell.js';
import { ItemWindow, type ItemLine } from './ItemWindow.js';

const STATUS_MARK: Record<PlanStatusKind, string> = { open: '○', 'in-progress': '◐', done: '●', 'accepted-risk': '◇' };
const STATUS_TONE: Record<PlanStatusKind, string | undefined> = { open: undefined, 'in-progress': 'cyan', done: 'green', 'accepted-risk': 'yellow' };

/** Effort points the Now and Next horizons hold. */
export interface Capacity {
  now: number;
  next: number;
}

/** The plan items in the order the list shows them: Find out by owner, then Fix by horizon (rank order within). */
export function laneOrder(findOut: readonly FindOutItem[], fix: readonly PlanItem[]): (PlanItem | FindOutItem)[] {
  const owners = new Map<string, FindOutItem[]>();
  for (const item of findOut) owners.set(item.owner, [...(owners.get(item.owner) ?? []), item]);
  return [...[...owners.values()].flat(), ...(['now', 'next', 'later'] as const).flatMap((h) => fix.filter((p) => p.horizon === h))];
}

/** The heading of an item's group: its lane and owner (Find out) or horizon (Fix). */
export function groupHeading(item: PlanItem | FindOutItem, capacity: Capacity): string {
  if (item.kind === 'discovery') return `Find out first · ${item.owner || 'no owner named'}`;
  if (item.horizon === 'now') return `Fix · Now · ${capacity.now} effort points`;
  if (item.horizon === 'next') return `Fix · Next · ${capacity.next} effort points more`;
  return 'Fix · Later';
}

/** "owner Ben · due 2027-01-31, overdue · review by 2027-03-31: vendor contract ends": '' when none. */
export function trackingDetail(item: PlanItem | FindOutItem): { text: string; overdue: boolean } {
  const t = item.tracking;
  const parts = [
    t.ticket ? `ticket ${plainLine(t.ticket)}` : '',
    t.owner ? `owner ${plainLine(t.owner)}` : '',
    t.due ? `due ${t.due}${t.overdue ? ', OVERDUE' : ''}` : '',
    t.recorded === 'accepted-risk' && t.reviewBy ? `review by ${t.reviewBy}${t.reason ? `: ${plainLine(t.reason)}` : ''}` : '',
  ].filter(Boolean);
  return { text: parts.join(' · '), overdue: t.overdue };
}

function linesOf(plan: readonly (PlanItem | FindOutItem)[], capacity: Capacity, width: number, tone: (c: string) => string | undefined): ItemLine[] {
  const lines: ItemLine[] = [];
  const titleOf = titleLookup(plan);
  let group = '';
  const statusWidth = 16;
  // The marker (2), rank (5) and horizon (6) with their gaps, the title and its gap, the
  // status. The title takes no more than the longest needs: at 200 columns the status
  // stood 100 columns away from the titles.
  const titleWidth = textColumn(width - 2 - 6 - 7 - 1 - statusWidth, plan.map((item) => plainLine(item.title)), 10);
  // Under the title when there is room, else further left so a flag is read whole.
  const indent = ' '.repeat(width >= 80 ? 13 : 4);
  plan.forEach((item, i) => {
    const heading = groupHeading(item, capacity);
    if (heading !== group) {
      group = heading;
      lines.push({
        item: i,
        heading: true,
        node: (
          <Text bold color={tone('blue')} wrap="truncate-end">
            {plainLine(heading)}
          </Text>
        ),
      });
    }
    const status = item.tracking.status;
    lines.push({
      item: i,
      node: (
        <Box>
          <Cell width={5}>{`#${item.rank}`}</Cell>
          <Cell width={6} dim>
            {item.kind === 'discovery' ? 'find' : item.horizon}
          </Cell>
          <Cell width={titleWidth}>{plainLine(item.title)}</Cell>
          <Box width={statusWidth} flexShrink={0}>
            <Text color={tone(STATUS_TONE[status] ?? '')} bold={status !== 'open'} wrap="truncate-end">
              {STATUS_MARK[status]} {PLAN_STATUS_LABEL[status]}
            </Text>
          </Box>
        </Box>
      ),
    });
    const detail = trackingDetail(item);
    const why = item.kind === 'remediation' ? plainLine(horizonWhy(item, capacity, titleOf)) : '';
    lines.push({
      item: i,
      node: (
        <Text wrap="truncate-end" color={detail.overdue ? tone('red') : undefined} dimColor={!detail.overdue} bold={detail.overdue}>
          {indent}
          {[item.id, detail.text, why].filter(Boolean).join(' · ')}
        </Text>
      ),
    });
    if (item.tracking.flag) {
      lines.push({
        item: i,
        node: (
          <Text wrap="truncate-end" color={tone(item.tracking.flag === 'done-but-gap' ? 'red' : 'yellow')} bold>
            {indent}⚑ {TRACKING_FLAG_TEXT[item.tracking.flag]}
          </Text>
        ),
      });
    }
    const [first, ...others] = item.reasons;
    if (item.tracking.flag === 'done-but-gap' && first) {
      // Which answers still show the gap: where to look before calling it done.
      lines.push({
        item: i,
        node: (
          <Text wrap="truncate-end" dimColor>
            {indent}  by {plainLine(first.journeyName ?? ORGANISATION_LABEL)}: {plainLine(first.questionPrompt)}
            {others.length > 0 ? ` (and ${others.length} more)` : ''}
          </Text>
        ),
      });
    }
  });
  return lines;
}

/** The plan items in `height` lines, scrolled to keep the highlighted one in view. */
export function PlanItemList({
  plan,
  capacity,
  index,
  height,
  width,
}: {
  /** In lane order (laneOrder). */
  plan: readonly (PlanItem | FindOutItem)[];
  capacity: Capacity;
  index: number;
  height: number;
  width: number;
}) {
  const tone = useTone();
  return <ItemWindow lines={linesOf(plan, capacity, width, tone)} index={index} count={plan.length} height={height} />;
}
