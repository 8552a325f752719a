/**
 * What the presenter's question keeps when rows run short (present-layout.ts): the block
 * digits only when everything under them fits, then the vote one row a group; hand
 * counted rows.
 */
import { describe, expect, it } from 'vitest';
import { presentLayout, type PresentLayoutInput } from '../../src/ui/present/present-layout.js';

// 80x24: 21 rows under the header. Body without digits: 1 + 1 + prompt 2 + 1 + options 8 = 13, plus the vote.
const base: PresentLayoutInput = { columns: 80, rows: 24, number: '20/20', prompt: 2, options: 8, problem: 0, vote: { wrapped: 0, compact: 0 } };

describe('presentLayout', () => {
  it('draws the number half-height under 40 rows when the rest fits under it (3 + 13 <= 21)', () => {
    expect(presentLayout(base)).toEqual({ big: 'half', compactVote: false });
  });

  it('draws it full-height from 40 rows, half when full is wider than the screen', () => {
    expect(presentLayout({ ...base, rows: 40 })).toEqual({ big: 'full', compactVote: false });
    // '20/20' full is 2 * (4 * 5 - 1) = 38 columns: 40 columns leave 36.
    expect(presentLayout({ ...base, columns: 40, rows: 40 })).toEqual({ big: 'half', compactVote: false });
  });

  it('drops the digits for a vote that would not fit under them: 3 + 13 + 7 > 21, 13 + 7 <= 21', () => {
    expect(presentLayout({ ...base, vote: { wrapped: 7, compact: 6 } })).toEqual({ big: undefined, compactVote: false });
  });

  it('puts each group of the vote on one row when even without digits it is too tall: 13 + 9 > 21', () => {
    expect(presentLayout({ ...base, vote: { wrapped: 9, compact: 7 } })).toEqual({ big: undefined, compactVote: true });
    // The problem line counts as well: 13 + 7 + 2 > 21.
    expect(presentLayout({ ...base, vote: { wrapped: 7, compact: 6 }, problem: 2 })).toEqual({ big: undefined, compactVote: true });
  });
});
