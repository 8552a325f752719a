/** The plan screen's first line at the widths it meets: every count whole, never cut at the edge. */
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { planSummaryLine } from '../../src/ui/plan-summary.js';

// The demo's plan: 5 to find out, 71 to fix, 1 done, 1 closed, 1 flagged, 1 overdue.
const demo = { findOut: 5, fix: 71, done: 1, closed: 1, flagged: 1, overdue: 1 };
const capacity = { now: 12, next: 24 };

describe('the plan summary line', () => {
  it('says everything in full where it fits (199 columns: a 200-column terminal)', () => {
    expect(planSummaryLine(demo, capacity, 199)).toEqual({
      counts: '5 to find out · 71 to fix · 1 marked done · 1 done and closed by the answers · ⚑ 1 flagged · 1 overdue',
      capacity: ' · capacity Now 12, Next 24 (c)',
      wrapped: false,
    });
  });

  it('at 99 columns (a 100-column terminal) takes the short words: the full line is 131 columns, short counts with the full capacity 102, with the short one 93', () => {
    const line = planSummaryLine(demo, capacity, 99);
    expect(line).toEqual({ counts: '5 to find out · 71 to fix · 1 done · 1 closed · ⚑ 1 flagged · 1 overdue', capacity: ' · Now 12, Next 24 (c)', wrapped: false });
    expect(stringWidth(line.counts + line.capacity)).toBe(93);
    // With fewer counts, the short counts and the full capacity fit: 16 + 9 + 3 + 6 + 3 + 9 + 31 = 77.
    expect(planSummaryLine({ ...demo, closed: 0, flagged: 0 }, capacity, 79)).toEqual({
      counts: '5 to find out · 71 to fix · 1 done · 1 overdue',
      capacity: ' · capacity Now 12, Next 24 (c)',
      wrapped: false,
    });
  });

  it('goes to a second line when even the short words do not fit (the demo at 79 columns: 93)', () => {
    expect(planSummaryLine(demo, capacity, 79)).toEqual({ counts: '5 to find out · 71 to fix · 1 done · 1 closed · ⚑ 1 flagged · 1 overdue', capacity: 'capacity Now 12, Next 24 (c)', wrapped: true });
    const many = { findOut: 105, fix: 1710, done: 120, closed: 130, flagged: 140, overdue: 150 };
    expect(planSummaryLine(many, { now: 1000, next: 2000 }, 79)).toEqual({
      counts: '105 to find out · 1710 to fix · 120 done · 130 closed · ⚑ 140 flagged · 150 overdue',
      capacity: 'capacity Now 1000, Next 2000 (c)',
      wrapped: true,
    });
  });

  it('leaves out the counts that are zero', () => {
    expect(planSummaryLine({ findOut: 0, fix: 3, done: 0, closed: 0, flagged: 0, overdue: 0 }, capacity, 79)).toEqual({
      counts: '0 to find out · 3 to fix',
      capacity: ' · capacity Now 12, Next 24 (c)',
      wrapped: false,
    });
  });
});
