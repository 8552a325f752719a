/**
 * The trend of an assessment across cycles: exposure and visibility at each snapshot
 * and now, overall and per journey, and a sparkline to draw it in one line of text.
 * Shown from two snapshots on (with "now", three points). Pure: no I/O.
 */
import type { Trend } from './report-schema.js';
import type { Assessment } from './workbook-schema.js';

/** Snapshots needed before a trend is worth showing (with "now", three points). */
export const TREND_MIN_SNAPSHOTS = 2;

const BARS = '▁▂▃▄▅▆▇█';

interface Now {
  generatedAt: string;
  overall: { exposure: number | null; visibility: number | null };
  journeys: { id: string; name: string; exposure: number | null; visibility: number | null }[];
}

/** The trend over the assessment's snapshots and `now` (its report), or null with too few snapshots. */
export function trendOf(assessment: Pick<Assessment, 'snapshots'>, now: Now): Trend | null {
  const { snapshots } = assessment;
  if (snapshots.length < TREND_MIN_SNAPSHOTS) return null;
  return {
    points: [
      ...snapshots.map((s) => ({ label: s.label, snapshotId: s.id, at: s.takenAt })),
      { label: 'now', snapshotId: null, at: now.generatedAt },
    ],
    overall: {
      exposure: [...snapshots.map((s) => s.scores.exposure), now.overall.exposure],
      visibility: [...snapshots.map((s) => s.scores.visibility), now.overall.visibility],
    },
    journeys: now.journeys.map((j) => {
      const past = snapshots.map((s) => s.scores.journeys.find((x) => x.journeyId === j.id));
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
