import { describe, expect, it } from 'vitest';
import { shareColumns, textColumn, widest } from '../../src/ui/column-widths.js';

describe('columns sharing the room', () => {
  it('take their shares when every text is longer than its share', () => {
    // 100 columns, shares 0.4 / 0.3 / 0.3: 40, 30, and the last the rest (30).
    expect(shareColumns(100, [{ share: 0.4, longest: 60 }, { share: 0.3, longest: 50 }, { share: 0.3, longest: 40 }])).toEqual([40, 30, 30]);
  });

  it('give a column no more than its longest text, and what it leaves to the others', () => {
    // 100 columns: the second needs only 10 of its 30. The 90 left go 0.4:0.3 to the others:
    // 90 x 0.4 / 0.7 = 51.4 -> 51 (its text needs 60), and the last the rest, 90 - 51 = 39
    // (90 x 0.3 / 0.7 = 38.6 is under its 40, so it is not capped).
    expect(shareColumns(100, [{ share: 0.4, longest: 60 }, { share: 0.3, longest: 10 }, { share: 0.3, longest: 40 }])).toEqual([51, 10, 39]);
  });

  it('leave the room unused when every text fits', () => {
    expect(shareColumns(180, [{ share: 0.4, longest: 37 }, { share: 0.3, longest: 20 }, { share: 0.3, longest: 15 }])).toEqual([37, 20, 15]);
  });

  it('caps in turn: a column capped after the first round frees room again', () => {
    // 60: shares 20 each; the first needs 5 (capped), the 55 left give 27 each; the second needs 25 (capped); the third takes 30.
    expect(shareColumns(60, [{ share: 1, longest: 5 }, { share: 1, longest: 25 }, { share: 1, longest: 100 }])).toEqual([5, 25, 30]);
  });

  it('gives nothing out of no room', () => {
    expect(shareColumns(0, [{ share: 1, longest: 5 }, { share: 1, longest: 7 }])).toEqual([0, 0]);
  });
});

describe("a list's one growing column", () => {
  it('takes the room, but no more than its widest text and a gap', () => {
    // "Phone support" is 13 columns: 14 of the 180 offered.
    expect(textColumn(180, ['Chat', 'Phone support'], 12)).toBe(14);
    // Less room than the text needs: the room.
    expect(textColumn(10 + 8, ['Phone support with call recording'], 12)).toBe(18);
    // Never under the least, neither for short texts nor for little room.
    expect(textColumn(180, ['Q4'], 12)).toBe(12);
    expect(textColumn(3, ['Phone support'], 12)).toBe(12);
  });

  it('measures wide characters by their columns', () => {
    expect(widest(['全角', 'ab'])).toBe(4);
    expect(widest([])).toBe(0);
  });
});
