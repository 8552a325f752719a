/** The block-digit font of the end-of-walk summary, glyph by glyph as drawn by hand. */
import { describe, expect, it } from 'vitest';
import { BIG_ROWS, bigText, bigWidth, isBigDrawable } from '../../src/ui/big-digits.js';

describe('bigText at half scale (two pixel rows a line)', () => {
  it('draws 0 as a ring', () => {
    expect(bigText('0', 'half')).toEqual(['█▀█', '█ █', '▀▀▀']);
  });

  it('draws 42 with a blank column between the digits', () => {
    // 4: #.# #.# ### ..# ..#   2: ### ..# ### #.. ###
    expect(bigText('42', 'half')).toEqual(['█ █ ▀▀█', '▀▀█ █▀▀', '  ▀ ▀▀▀']);
  });

  it('draws 1, 7 and the slash of a count', () => {
    expect(bigText('1', 'half')).toEqual(['▄█ ', ' █ ', '▀▀▀']);
    expect(bigText('7', 'half')).toEqual(['▀▀█', '  █', '  ▀']);
    expect(bigText('1/7', 'half')).toEqual(['▄█    █ ▀▀█', ' █  ▄▀    █', '▀▀▀ ▀     ▀']);
  });

  it('draws the dash of a figure not computed yet', () => {
    expect(bigText('—', 'half')).toEqual(['   ', '▀▀▀', '   ']);
  });
});

describe('bigText at full scale (a pixel is two cells wide, one row high)', () => {
  it('draws 7 in five rows', () => {
    expect(bigText('7', 'full')).toEqual(['██████', '    ██', '    ██', '    ██', '    ██']);
  });

  it('draws 10 with a two-cell gap', () => {
    // 1: .#. ##. .#. .#. ###   0: ### #.# #.# #.# ###
    expect(bigText('10', 'full')).toEqual([
      '  ██    ██████',
      '████    ██  ██',
      '  ██    ██  ██',
      '  ██    ██  ██',
      '██████  ██████',
    ]);
  });
});

describe('sizes', () => {
  it.each([
    { text: '0', half: 3, full: 6 },
    { text: '58', half: 7, full: 14 },
    { text: '100', half: 11, full: 22 },
    { text: '52/52', half: 19, full: 38 },
    { text: '', half: 0, full: 0 },
  ])('$text is $half columns at half scale, $full at full', ({ text, half, full }) => {
    expect(bigWidth(text, 'half')).toBe(half);
    expect(bigWidth(text, 'full')).toBe(full);
    for (const scale of ['half', 'full'] as const) {
      const lines = bigText(text, scale);
      expect(lines).toHaveLength(BIG_ROWS[scale]);
      for (const line of lines) expect([...line]).toHaveLength(bigWidth(text, scale));
    }
  });

  it('refuses a character it has no glyph for, and says which', () => {
    expect(isBigDrawable('62/100 —')).toBe(true);
    expect(isBigDrawable('6.2')).toBe(false);
    expect(() => bigText('6.2', 'half')).toThrow(/not "\."/);
  });
});
