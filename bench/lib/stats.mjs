/** Order statistics for small samples (nearest-rank percentiles: no interpolation). */
export function summarise(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { n: 0 };
  const pct = (p) => v[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))];
  return { n: v.length, min: v[0], max: v[v.length - 1], median: pct(50), p95: pct(95), mean: v.reduce((a, b) => a + b, 0) / v.length };
}

export const ms = (x) => (x === undefined ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
export const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? undefined : a / b);
export const fmtRatio = (r) => (r === undefined ? '–' : `${r.toFixed(2)}x`);
