/** "Did you mean …?": the closest of a few known words to a misspelt one. */

/** The closest candidate by edit distance (adjacent swaps count once), if it is close enough. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const key = `${candidates.join('\u0000')}\u0001${word}`;
  if (closestCache.has(key)) return closestCache.get(key);
  const found = findClosest(word, candidates);
  if (closestCache.size > 10_000) closestCache.clear();
  closestCache.set(key, found);
  return found;
}

const closestCache = new Map<string, string | undefined>();

function findClosest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  return bestDistance <= allowed ? best : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3 || a.length > 100 || b.length > 100) return Infinity;
  const width = b.length + 1;
  const d = new Uint8Array((a.length + 1) * width);
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    d[i * width] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * width + j]! + 1, d[i * width + j - 1]! + 1, d[(i - 1) * width + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * width + j - 2]! + 1);
      d[i * width + j] = v;
    }
  }
  return d[a.length * width + b.length]!;
}

