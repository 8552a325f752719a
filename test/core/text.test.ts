import { describe, expect, it } from 'vitest';
import { uniqueSlug } from '../../src/core/ids.js';
import { plainLine, plainText, terminalOutput, visibleKey } from '../../src/core/terminal-text.js';
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
    ['zero-width space, non-joiner, word joiner', 'Q\u200b4\u200c\u2060!', 'Q4!'],
    ['line and paragraph separators', 'one\u2028two\u2029', 'onetwo'],
    ['byte-order mark and invisible operators', '\ufeffa\u2062b\u2064', 'ab'],
    ['LRM, RLM, Arabic letter mark, LRE, PDF', 'a\u200e\u200f\u061c\u202a\u202cb', 'ab'],
    ['a joiner between letters', 'a\u200db', 'ab'],
    ['a joiner at the end of an emoji', '👩\u200d', '👩'],
    ['keeps the joiner inside an emoji sequence', '👩\u200d💻 and 👨🏽\u200d🚀 and 🏳\ufe0f\u200d🌈', '👩\u200d💻 and 👨🏽\u200d🚀 and 🏳\ufe0f\u200d🌈'],
  ])('%s', (_, input, expected) => {
    expect(plainText(input)).toBe(expected);
  });

  it('plainLine folds newlines and tabs into spaces', () => {
    expect(plainLine('a\n\tb\u001b[1m')).toBe('a b');
  });

  it('visibleKey: two labels that look the same are the same', () => {
    expect(visibleKey(' Q\u200b4 \ufeff2026')).toBe(visibleKey('q4 2026'));
    expect(visibleKey('Q\u20284')).toBe('q4');
    expect(visibleKey('Q4')).not.toBe(visibleKey('Q5'));
  });
});

describe('terminalOutput (what cxray prints)', () => {
  it('keeps CRLF line ends (a CSV file), removes a lone CR', () => {
    expect(terminalOutput('a,b\r\nc,\rd\r\n')).toBe('a,b\r\nc,d\r\n');
  });

  it('keeps SGR colours only in styled text, and nothing else a terminal acts on', () => {
    const text = '\u001b[1;31mred\u001b[0m \u001b]52;c;ZXZpbA==\u0007\u001b[6n\u001bc\u001b[2J\u009b31m\u200bx';
    expect(terminalOutput(text, { styled: true })).toBe('\u001b[1;31mred\u001b[0m x');
    expect(terminalOutput(text)).toBe('red x');
  });

  it('cannot be made to join two pieces into a sequence', () => {
    // ESC before a kept colour, an OSC opened before it: nothing but the colour survives.
    expect(terminalOutput('\u001b\u001b[31m]52;c;x\u0007', { styled: true })).toBe('\u001b[31m]52;c;x');
    expect(terminalOutput('\u001b]8;;http://evil\u001b[31mclick', { styled: true })).toBe('\u001b[31mclick');
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
