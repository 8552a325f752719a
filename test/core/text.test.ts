import { describe, expect, it } from 'vitest';
import { uniqueSlug } from '../../src/core/ids.js';
import { plainLine, plainText } from '../../src/core/terminal-text.js';
import { suggestSensitivity } from '../../src/core/vocabulary.js';

describe('plainText', () => {
  it.each([
    ['CSI colour and cursor moves', 'a\u001b[31mb\u001b[2J\u001b[10;5Hc', 'abc'],
    ['OSC window title with BEL', 'a\u001b]0;owned\u0007b', 'ab'],
    ['OSC 8 hyperlink with ST', '\u001b]8;;http://evil\u001b\\click\u001b]8;;\u001b\\', 'click'],
    ['OSC 52 clipboard write', 'x\u001b]52;c;ZXZpbA==\u0007y', 'xy'],
    ['unterminated OSC', 'safe\u001b]0;never ends', 'safe'],
    ['DCS', 'a\u001bPq#0;2;0;0;0\u001b\\b', 'ab'],
    ['8-bit CSI and OSC', 'a\u009b31mb\u009d0;t\u009cc', 'abc'],
    ['carriage return, backspace, bell', 'over\rwrite\b\u0007!', 'overwrite!'],
    ['bidi override and isolate', 'abc\u202edef\u2066g\u2069', 'abcdefg'],
    ['keeps newlines and tabs', 'a\n\tb', 'a\n\tb'],
    ['keeps ordinary unicode', 'Café — 日本 ✓', 'Café — 日本 ✓'],
  ])('%s', (_, input, expected) => {
    expect(plainText(input)).toBe(expected);
  });

  it('plainLine folds newlines and tabs into spaces', () => {
    expect(plainLine('a\n\tb\u001b[1m')).toBe('a b');
  });
});

describe('uniqueSlug', () => {
  it.each([
    ['Phone support — UK', [], 'phone-support-uk'],
    ['Café returns', [], 'cafe-returns'],
    ['Chat', ['chat'], 'chat-2'],
    ['Chat', ['chat', 'chat-2'], 'chat-3'],
    ['!!!', [], 'item'],
  ])('%s with %j taken -> %s', (name, taken, expected) => {
    expect(uniqueSlug(name, taken)).toBe(expected);
  });
});

describe('suggestSensitivity', () => {
  it.each([
    [[], 'low'],
    [['contact-details'], 'low'],
    [['contact-details', 'location'], 'moderate'],
    [['contact-details', 'payment-data'], 'high'],
    [['health-data'], 'high'],
  ] as const)('%j -> %s', (categories, expected) => {
    expect(suggestSensitivity(categories)).toBe(expected);
  });
});
