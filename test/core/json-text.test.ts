import { describe, expect, it } from 'vitest';
import { escapeJsonText, toJson } from '../../src/core/json-text.js';

describe('JSON as cxray writes it', () => {
  const hostile = 'a\u0085b\u009bc\u007f\u202ed\u2066e\u200bf\u2028g\u2029h\ufeffi\u061cj\u200d';

  it('writes DEL, C1, bidi and invisible format characters as \\u escapes', () => {
    const json = toJson({ note: hostile, [`key\u202e`]: 1 });
    expect(json).toContain('"a\\u0085b\\u009bc\\u007f\\u202ed\\u2066e\\u200bf\\u2028g\\u2029h\\ufeffi\\u061cj\\u200d"');
    expect(json).toContain('"key\\u202e": 1');
    expect(json).not.toMatch(/[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/);
  });

  it('reads back as the same value', () => {
    const value = { note: hostile, list: [hostile, 'Café 👩\u200d💻 日本'], n: 1.5 };
    expect(JSON.parse(toJson(value))).toEqual(value);
  });

  it('leaves text without such characters as JSON.stringify wrote it', () => {
    const json = JSON.stringify({ a: 'Café — ✓ "quoted" \\ \n' }, null, 2);
    expect(escapeJsonText(json)).toBe(json);
  });
});
