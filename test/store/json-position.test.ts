import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, locateJsonPath, positionAt } from '../../src/store/json-position.js';

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a": 1}', undefined],
    ['[1, 2.5e3, -0, true, false, null, "\\u00e9\\n"]', undefined],
    ['', { line: 1, column: 1, message: /empty/ }],
    ['{"a":', { line: 1, column: 6, message: /ends where a value should be; it looks truncated/ }],
    ['{\n  "a": 1,\n}', { line: 3, column: 1, message: /trailing comma before "}"/ }],
    ['[1,]', { line: 1, column: 4, message: /trailing comma before "]"/ }],
    ['{"a" 1}', { line: 1, column: 6, message: /expected ":" after the property name but found "1"/ }],
    ['{"a": "b}', { line: 1, column: 7, message: /never closed/ }],
    ['{"a": tru}', { line: 1, column: 10, message: /expected "true" but found "}"/ }],
    ['\0\0', { line: 1, column: 1, message: /a NUL byte/ }],
    ['{"a": 1} x', { line: 1, column: 10, message: /after the end of the JSON document/ }],
    ['{"a": "line\nbreak"}', { line: 1, column: 12, message: /U\+000A inside a string/ }],
    ["{'a': 1}", { line: 1, column: 2, message: /expected a property name in double quotes but found "'"/ }],
    ['{"a": 01}', { line: 1, column: 8, message: /expected "," or "}" after a property but found "1"/ }],
  ])('%j', (text, expected) => {
    const found = findJsonSyntaxError(text);
    if (expected === undefined) {
      expect(found).toBeUndefined();
      expect(() => JSON.parse(text)).not.toThrow();
      return;
    }
    expect(() => JSON.parse(text)).toThrow();
    expect(found).toBeDefined();
    expect(positionAt(text, found!.offset)).toEqual({ line: expected.line, column: expected.column });
    expect(found!.message).toMatch(expected.message);
  });

  it('agrees with JSON.parse on what is valid, for random texts', () => {
    const alphabet = ['{', '}', '[', ']', ',', ':', '"a"', '"', '1', '-', '.', 'e', 'true', 'nul', ' ', '\n', '\\', '0'];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 5000; n += 1) {
      const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(findJsonSyntaxError(text) === undefined, text).toBe(valid);
    }
  });
});

describe('locateJsonPath', () => {
  const text = '{\n  "assessments": [\n    {\n      "answers": [\n        {"kind": "maybe"},\n        {"kind": 3}\n      ]\n    }\n  ]\n}';
  it('finds the value at a path', () => {
    expect(positionAt(text, locateJsonPath(text, ['assessments', 0, 'answers', 1, 'kind'])!)).toEqual({ line: 6, column: 18 });
  });
  it('points a missing field at the object that lacks it', () => {
    expect(positionAt(text, locateJsonPath(text, ['assessments', 0, 'answers', 0, 'at'])!)).toEqual({ line: 5, column: 9 });
  });
  it('handles the top level and escaped keys', () => {
    expect(locateJsonPath(text, [])).toBe(0);
    expect(locateJsonPath('{"a\\"b": 1}', ['a"b'])).toBe(9);
  });
});
