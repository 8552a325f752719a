/**
 * The trend of an assessment across cycles: exposure and visibility at each snapshot
 * and now, overall and per journey, and a sparkline to draw it in one line of text.
 * Shown from two snapshots on (with "now", three points). A snapshot scored with another
 * model than now has no figure in it (null): figures of two models are never set side by
 * side (SCORING.md, "Cycles"); its point names its model, and a comparison with it
 * (`cxray diff --from`, the compare screen) recomputes it from its answers. Pure: no I/O.
 */
import type { Trend } from './report-schema.js';
import type { Assessment, Snapshot } from './workbook-schema.js';

/** Snapshots needed before a trend is worth showing (with "now", three points). */
export const TREND_MIN_SNAPSHOTS = 2;

const BARS = '▁▂▃▄▅▆▇█';

interface Now {
  generatedAt: string;
  scoringModel: number;
  overall: { exposure: number | null; visibility: number | null };
  journeys: { id: string; name: string; exposure: number | null; visibility: number | null }[];
}

/** The trend over the assessment's snapshots and `now` (its report), or null with too few snapshots. */
export function trendOf(assessment: Pick<Assessment, 'snapshots'>, now: Now): Trend | null {
  const { snapshots } = assessment;
  if (snapshots.length < TREND_MIN_SNAPSHOTS) return null;
  const same = (s: Snapshot) => s.scoringModel === now.scoringModel;
  return {
    points: [
      ...snapshots.map((s) => ({ label: s.label, snapshotId: s.id, at: s.takenAt, scoringModel: s.scoringModel })),
      { label: 'now', snapshotId: null, at: now.generatedAt, scoringModel: now.scoringModel },
    ],
    overall: {
      exposure: [...snapshots.map((s) => (same(s) ? s.scores.exposure : null)), now.overall.exposure],
      visibility: [...snapshots.map((s) => (same(s) ? s.scores.visibility : null)), now.overall.visibility],
    },
    journeys: now.journeys.map((j) => {
      const past = snapshots.map((s) => (same(s) ? s.scores.journeys.find((x) => x.journeyId === j.id) : undefined));
      return {
        journeyId: j.id,
        journeyName: j.name,
        exposure: [...past.map((p) => p?.exposure ?? null), j.exposure],
        visibility: [...past.map((p) => p?.visibility ?? null), j.visibility],
      };
    }),
  };
}

/**
 * One character per value on a fixed 0-100 scale (so a small change looks small):
 * ▁ for 0-12.5 ... █ for 87.5-100, and a middle dot where there is no figure.
 */
export function sparkline(values: readonly (number | null)[]): string {
  return values
    .map((v) => (v === null ? '·' : BARS[Math.min(BARS.length - 1, Math.max(0, Math.floor((v / 100) * BARS.length)))]))
    .join('');
}
