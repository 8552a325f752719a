/**
 * The plan screen's first line: how many items each lane holds, how many are done,
 * closed, flagged or overdue, and the horizons' capacity (c changes it). It says all of
 * that in the widest form that fits the line, then in shorter words, and only then on a
 * second line, so that no count is cut at the edge. Pure.
 */
import stringWidth from 'string-width';

export interface PlanCounts {
  findOut: number;
  fix: number;
  done: number;
  closed: number;
  flagged: number;
  overdue: number;
}

export interface PlanSummaryLine {
  /** The counts (drawn bold). */
  counts: string;
  /** The capacity (drawn dim), after the counts on the same line or on a line of its own. */
  capacity: string;
  /** Whether the capacity goes on a second line. */
  wrapped: boolean;
}

function countsText({ findOut, fix, done, closed, flagged, overdue }: PlanCounts, short: boolean): string {
  return [
    `${findOut} to find out`,
    `${fix} to fix`,
    done ? (short ? `${done} done` : `${done} marked done`) : '',
    closed ? (short ? `${closed} closed` : `${closed} done and closed by the answers`) : '',
    flagged ? `⚑ ${flagged} flagged` : '',
    overdue ? `${overdue} overdue` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The summary in `width` columns. */
export function planSummaryLine(counts: PlanCounts, capacity: { now: number; next: number }, width: number): PlanSummaryLine {
  const long = `capacity Now ${capacity.now}, Next ${capacity.next} (c)`;
  const short = `Now ${capacity.now}, Next ${capacity.next} (c)`;
  const tries: [boolean, string][] = [
    [false, long],
    [true, long],
    [true, short],
  ];
  for (const [shortCounts, cap] of tries) {
    const text = countsText(counts, shortCounts);
    if (stringWidth(`${text} · ${cap}`) <= width) return { counts: text, capacity: ` · ${cap}`, wrapped: false };
  }
  return { counts: countsText(counts, true), capacity: long, wrapped: true };
}
