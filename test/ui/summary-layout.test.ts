/** How the end-of-walk summary shares the rows: worked out line by line for named sizes. */
import { describe, expect, it } from 'vitest';
import { summaryLayout, type SummaryLayoutInput } from '../../src/ui/summary-layout.js';

const input = (over: Partial<SummaryLayoutInput>): SummaryLayoutInput => ({
  columns: 100,
  rows: 30,
  fixedLines: 4,
  items: { fix: 3, findOut: 5, disputed: 5, parked: 5 },
  figureWidth: { half: 70, full: 90 },
  ...over,
});

describe('summaryLayout', () => {
  it('at 100x30: full figures, gaps, and the room left shared in turn', () => {
    // Body 26: fixed 4 + plain figure line 1 + 4 headings + 4 first items = 13; full figures +4 = 17;
    // 6 gaps = 23; 3 more items, one per list in turn: Fix, Find out, disputed.
    expect(summaryLayout(input({}))).toEqual({ figures: 'full', lists: 'headed', shown: { fix: 2, findOut: 2, disputed: 2, parked: 1 }, gap: 1 });
  });

  it('takes half-height figures when the full ones are too wide', () => {
    // 13 + 2 = 15; gaps 21; 5 more, in turn: Fix, Find out, disputed, parked, Fix again.
    expect(summaryLayout(input({ figureWidth: { half: 70, full: 101 } }))).toEqual({
      figures: 'half',
      lists: 'headed',
      shown: { fix: 3, findOut: 2, disputed: 2, parked: 2 },
      gap: 1,
    });
  });

  it('at 60x16: plain figures, no gaps, the first items while they fit', () => {
    // Body 12: fixed 4 + 1 + 4 headings = 9; three first items (Fix, Find out, disputed); the parking lot keeps its heading.
    expect(summaryLayout(input({ columns: 60, rows: 16, figureWidth: { half: 61, full: 90 } }))).toEqual({
      figures: 'plain',
      lists: 'headed',
      shown: { fix: 1, findOut: 1, disputed: 1, parked: 0 },
      gap: 0,
    });
  });

  it('gives an empty list no line but its heading, and caps each list', () => {
    // 200x50: body 46, far more than needed: Fix 3 at most, the others 5; nothing disputed.
    expect(summaryLayout(input({ columns: 200, rows: 50, items: { fix: 7, findOut: 9, disputed: 0, parked: 2 } }))).toEqual({
      figures: 'full',
      lists: 'headed',
      shown: { fix: 3, findOut: 5, disputed: 0, parked: 2 },
      gap: 1,
    });
  });

  it('drops the big figures before the first item of each list', () => {
    // Body 16: 4 + 1 + 4 + 4 = 13; half figures need 2 more: 15 fits, full (4 more) does not; no room for 6 gaps.
    expect(summaryLayout(input({ rows: 20 }))).toEqual({ figures: 'half', lists: 'headed', shown: { fix: 2, findOut: 1, disputed: 1, parked: 1 }, gap: 0 });
  });

  it('turns the lists into one line of counts when a prompt box leaves no room for their headings', () => {
    // Body 12: fixed 4 + a prompt box of 5 + 1 = 10; the 4 headings would make 14.
    expect(summaryLayout(input({ columns: 60, rows: 16, fixedLines: 9 }))).toEqual({
      figures: 'plain',
      lists: 'counts',
      shown: { fix: 0, findOut: 0, disputed: 0, parked: 0 },
      gap: 0,
    });
  });
});
