import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { NO_KEY, splitKeys } from '../../src/ui/hooks/useKeys.js';
import { splitInput } from '../../src/ui/paced-stdin.js';
import { editText, textAt, visibleSlice, type TextState } from '../../src/ui/text-edit.js';

const key = (k: Partial<Key> = {}): Key => ({ ...NO_KEY, ...k });

describe('splitInput (keys that arrive together)', () => {
  it.each([
    ['abc', ['a', 'b', 'c']],
    ['\rQ4\t', ['\r', 'Q', '4', '\t']],
    ['\u001b[A\u001b[B1', ['\u001b[A', '\u001b[B', '1']],
    ['\u001b[6~x', ['\u001b[6~', 'x']],
    ['\u001bp', ['\u001b', 'p']],
    ['\u001b', ['\u001b']],
    ['\u001b\u001b[A', ['\u001b\u001b[A']],
    ['a\r\nb\nc', ['a', '\r', 'b', '\r', 'c']],
    ['é😀', ['é', '😀']],
  ])('%j -> %j', (chunk, keys) => {
    expect(splitInput(chunk)).toEqual(keys);
  });
});

describe('splitKeys (one Ink input as key presses)', () => {
  it('splits text with control characters into the keys they stand for', () => {
    const keys = splitKeys('Ab\t\r\u0013\u007f', key());
    expect(keys.map(([i]) => i)).toEqual(['A', 'b', '', '', 's', '']);
    expect(keys[0]![1].shift).toBe(true);
    expect(keys[2]![1].tab).toBe(true);
    expect(keys[3]![1].return).toBe(true);
    expect(keys[4]![1].ctrl).toBe(true);
    expect(keys[5]![1].delete).toBe(true);
  });

  it('leaves single keys and Ctrl keys alone', () => {
    expect(splitKeys('a', key())).toEqual([['a', key()]]);
    expect(splitKeys('c', key({ ctrl: true }))).toEqual([['c', key({ ctrl: true })]]);
  });
});

describe('editText', () => {
  const at = (value: string, cursor: number): TextState => ({ value, cursor });
  it.each<[string, TextState, string, Partial<Key>, boolean, TextState | undefined]>([
    ['types at the cursor', at('ac', 1), 'b', {}, false, at('abc', 2)],
    ['deletes left with Backspace', at('abc', 2), '', { backspace: true }, false, at('ac', 1)],
    ['deletes left with the DEL byte terminals send', at('abc', 3), '', { delete: true }, false, at('ab', 2)],
    ['moves left and right', at('abc', 1), '', { rightArrow: true }, false, at('abc', 2)],
    ['goes home on one line', at('abc', 2), '', { home: true }, false, at('abc', 0)],
    ['leaves Enter to the form on one line', at('abc', 3), '', { return: true }, false, undefined],
    ['starts a new line in a note', at('ab', 1), '', { return: true }, true, at('a\nb', 2)],
    ['moves up a line keeping the column', at('abcd\nef', 7), '', { upArrow: true }, true, at('abcd\nef', 2)],
    ['moves down to a shorter line', at('abcd\nef', 4), '', { downArrow: true }, true, at('abcd\nef', 7)],
    ['ignores Ctrl keys', at('a', 1), 's', { ctrl: true }, true, undefined],
    ['drops control characters from a paste', at('', 0), 'x\u001b]0;t\u0007y\u202e', {}, false, at('x]0;ty', 6)],
    ['turns pasted line ends into spaces on one line', at('', 0), 'a\r\nb', {}, false, at('a b', 3)],
  ])('%s', (_name, state, input, k, multiline, expected) => {
    expect(editText(state, input, key(k), multiline)).toEqual(expected);
  });

  it('keeps the cursor in view on a narrow field', () => {
    expect(visibleSlice('abcdefghij', 10, 5)).toEqual({ text: 'ghij', cursor: 4 });
    expect(visibleSlice('abcdefghij', 0, 5)).toEqual({ text: 'abcd', cursor: 0 });
    expect(visibleSlice('abc', 1, 10)).toEqual({ text: 'abc', cursor: 1 });
    expect(textAt('ab')).toEqual({ value: 'ab', cursor: 2 });
  });
});
