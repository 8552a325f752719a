/** The trend across cycles, answer expiry in the report at its boundary, and the sparkline. */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report.js';
import { takeSnapshot } from '../../src/core/snapshot.js';
import { sparkline } from '../../src/core/trend.js';
import { trendModelNote } from '../../src/export/diff-words.js';
import { putAnswer } from '../../src/core/journey-questions.js';
import type { Assessment } from '../../src/core/workbook-schema.js';
import { DAY, NOW, SCORING_BANK, assessment, journey, opt } from './model-fixtures.js';

const at = (days: number) => new Date(NOW.getTime() - days * DAY);

describe('the trend', () => {
  /** J1 q3 answered n (L4), then m (L0) verified over three quarters; J2 joins in the second. */
  function history(): Assessment {
    let a = assessment([journey('j1')], [opt('j1', 'q3', 'n', { at: at(200).toISOString() })]);
    a = takeSnapshot(a, buildReport(SCORING_BANK, a, at(180)), { label: 'Q2' }, at(180)).assessment;
    a = { ...a, journeys: [...a.journeys, journey('j2')] };
    a = putAnswer(a, opt('j2', 'q3', 'n', { at: at(100).toISOString() }));
    a = putAnswer(a, opt('j1', 'q1', 'b', { at: at(100).toISOString() }));
    a = takeSnapshot(a, buildReport(SCORING_BANK, a, at(90)), { label: 'Q3' }, at(90)).assessment;
    return putAnswer(a, opt('j1', 'q3', 'm'));
  }

  it('is absent with fewer than two snapshots', () => {
    const a = history();
    expect(buildReport(SCORING_BANK, { ...a, snapshots: a.snapshots.slice(0, 1) }, NOW).cycles.trend).toBeNull();
  });

  it('has a point per snapshot and now, per journey, with null where a journey had no figure', () => {
    const trend = buildReport(SCORING_BANK, history(), NOW).cycles.trend!;
    expect(trend.points.map((p) => [p.label, p.snapshotId])).toEqual([
      ['Q2', 'q2'],
      ['Q3', 'q3'],
      ['now', null],
    ]);
    // J1: Q2 q3 n 100; Q3 q1 b (2x2/4) + q3 n (3x4/4) over 5 = 80; now q1 b + q3 m = 1/5 = 20.
    expect(trend.journeys).toEqual([
      { journeyId: 'j1', journeyName: 'J1', exposure: [100, 80, 20], visibility: [100, 100, 100] },
      { journeyId: 'j2', journeyName: 'J2', exposure: [null, 100, 100], visibility: [null, 100, 100] },
    ]);
    expect(trend.overall.exposure).toEqual([100, 90, 60]);
  });

  it('leaves a snapshot of an older scoring model without figures, its point naming its model, and says so in one line', () => {
    const a = history();
    // Q2 as a model-1 snapshot stored it: figures of its own, never set beside model 2's.
    const v1 = { ...a.snapshots[0]!, scoringModel: 1, scores: { ...a.snapshots[0]!.scores, exposure: 12, visibility: 34 } };
    const trend = buildReport(SCORING_BANK, { ...a, snapshots: [v1, a.snapshots[1]!] }, NOW).cycles.trend!;
    expect(trend.points.map((p) => [p.label, p.scoringModel])).toEqual([
      ['Q2', 1],
      ['Q3', 2],
      ['now', 2],
    ]);
    expect(trend.overall.exposure[0]).toBeNull();
    expect(trend.overall.visibility[0]).toBeNull();
    expect(trend.journeys[0]).toEqual({ journeyId: 'j1', journeyName: 'J1', exposure: [null, 80, 20], visibility: [null, 100, 100] });
    expect(sparkline(trend.journeys[0]!.exposure)).toBe('·▇▂');
    expect(trendModelNote(trend, (s) => s)).toBe(
      'The snapshot “Q2” was scored with an older model and has no figure in the trend (·); compared on its own, it is recomputed from its answers.',
    );
    expect(trendModelNote(buildReport(SCORING_BANK, a, NOW).cycles.trend!, (s) => s)).toBeNull();
  });

  it('draws a sparkline on a fixed 0-100 scale, a dot for no figure', () => {
    expect(sparkline([0, 12.4, 12.5, 50, 87.4, 87.5, 100, null])).toBe('▁▁▂▅▇██·');
    expect(sparkline([])).toBe('');
  });
});

describe('answers that expire', () => {
  // q2 lasts 30 days.
  const answered = assessment([journey('j1')], [opt('j1', 'q2', 'x', { at: NOW.toISOString() })]);

  it('are fresh on day 30 and stale, counting as reported at best, on day 31', () => {
    const day30 = buildReport(SCORING_BANK, answered, new Date(NOW.getTime() + 30 * DAY));
    expect(day30.staleAnswers).toEqual([]);
    expect(day30.answers[0]).toMatchObject({ stale: false, effectiveConfidence: 'verified' });
    const day31 = buildReport(SCORING_BANK, answered, new Date(NOW.getTime() + 31 * DAY));
    expect(day31.staleAnswers).toEqual([
      expect.objectContaining({ questionId: 'q2', ageDays: 31, lifetimeDays: 30, confidence: 'verified', effectiveConfidence: 'reported' }),
    ]);
    expect(day31.overall.visibility).toBe(50);
  });
});
