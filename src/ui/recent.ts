/**
 * A pure function's last few results, by key: for text wrapped again on every frame
 * (a note, the help) whose inputs rarely change between frames. Bounded, so a long
 * session keeps at most `size` results; the oldest goes first.
 */
export function recent<A extends unknown[], R>(size: number, key: (...args: A) => string, compute: (...args: A) => R): (...args: A) => R {
  const kept = new Map<string, R>();
  return (...args: A): R => {
    const k = key(...args);
    const hit = kept.get(k);
    if (hit !== undefined || kept.has(k)) {
      // Refreshed: a result in use stays while others come and go.
      kept.delete(k);
      kept.set(k, hit as R);
      return hit as R;
    }
    const value = compute(...args);
    kept.set(k, value);
    if (kept.size > size) kept.delete(kept.keys().next().value as string);
    return value;
  };
}
