import { describe, expect, it } from 'vitest';
import { recent } from '../../src/ui/recent.js';

describe('recent: the last few results of a pure function', () => {
  const counted = (size: number) => {
    const calls: string[] = [];
    const f = recent(size, (a: string, n: number) => `${a}|${n}`, (a: string, n: number) => {
      calls.push(`${a}|${n}`);
      return [a.repeat(n)];
    });
    return { f, calls };
  };

  it('computes once per key and returns the same result again', () => {
    const { f, calls } = counted(2);
    const first = f('ab', 2);
    expect(first).toEqual(['abab']);
    expect(f('ab', 2)).toBe(first);
    expect(calls).toEqual(['ab|2']);
  });

  it('keeps at most `size` results, dropping the least recently used', () => {
    const { f, calls } = counted(2);
    f('a', 1); // kept: a|1
    f('b', 1); // kept: a|1, b|1
    f('a', 1); // a|1 used again: b|1 is now the oldest
    f('c', 1); // b|1 dropped
    f('a', 1); // still kept
    f('b', 1); // computed again
    expect(calls).toEqual(['a|1', 'b|1', 'c|1', 'b|1']);
  });

  it('keeps an undefined result as a result', () => {
    let calls = 0;
    const f = recent(4, (k: string) => k, () => {
      calls++;
      return undefined;
    });
    f('x');
    f('x');
    expect(calls).toBe(1);
  });
});
