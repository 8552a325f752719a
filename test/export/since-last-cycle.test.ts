/**
 * The "Since last cycle", "Trend" and "Plan" sections of the markdown report for a
 * hand-made assessment where every kind of change happens (test/export/cycle-fixtures.ts),
 * compared byte for byte with test/fixtures/golden/since-last-cycle.md. After a
 * deliberate change, rewrite it with `UPDATE_GOLDEN=1 npx vitest run test/export` and
 * read the diff before committing it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { CYCLE_NOW, cycleAssessment } from './cycle-fixtures.js';
import { GOLDEN_DIR, goldenBank } from './golden-fixtures.js';

const GOLDEN = join(GOLDEN_DIR, 'since-last-cycle.md');

/** The lines from the heading `start` up to the next heading of its level or above. */
function section(md: string, start: string): string {
  const lines = md.split('\n');
  const from = lines.indexOf(start);
  if (from < 0) throw new Error(`no "${start}" in the markdown`);
  const level = start.match(/^#+/)![0].length;
  let to = from + 1;
  while (to < lines.length && !(lines[to]!.match(/^#+ /) && lines[to]!.match(/^#+/)![0].length <= level)) to++;
  return lines.slice(from, to).join('\n');
}

describe('the markdown report of an assessment with earlier cycles', () => {
  const bank = goldenBank();
  const report = buildReport(bank, cycleAssessment(bank), CYCLE_NOW);
  const md = renderMarkdown(report, { version: '1.0.0' });
  const since = report.cycles.sinceLastCycle!;

  it('rests on a fixture with every kind of change', () => {
    expect(report.ignoredAnswers).toEqual([]);
    const directions = since.answers.map((a) => a.direction);
    expect(directions).toEqual(expect.arrayContaining(['better', 'worse', 'same']));
    expect(since.answers.some((a) => a.from?.optionId === a.to?.optionId && a.from?.confidence !== a.to?.confidence)).toBe(true);
    expect(since.newUnknowns).toHaveLength(1);
    expect(since.resolvedUnknowns).toHaveLength(1);
    expect(since.journeys.map((j) => j.presence)).toEqual(['both', 'both', 'added']);
    expect(since.plan.appeared.length).toBeGreaterThan(0);
    expect(since.plan.disappeared.length).toBeGreaterThan(0);
    expect(since.plan.moved.length).toBeGreaterThan(0);
    expect(report.plan.map((p) => p.tracking.flag)).toEqual(expect.arrayContaining(['done-but-gap', 'risk-review-passed']));
    expect(report.plan.some((p) => p.tracking.overdue)).toBe(true);
    expect(report.cycles.trend?.points).toHaveLength(3);
  });

  it('matches the golden file', () => {
    const actual = ['## Summary', '## Since last cycle', '## Trend', '## Find out first', '## Fix'].map((h) => section(md, h)).join('\n') + '\n';
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) {
      writeFileSync(GOLDEN, actual);
      if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`${GOLDEN} did not exist and was written; check it and commit it.`);
    }
    expect(actual).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('puts the changes and the trend right after the summary', () => {
    const order = ['## Summary', '## Since last cycle', '## Trend', '## Heat map', '## Find out first', '## Fix', '## Answers'].map((h) => md.indexOf(`\n${h}\n`));
    expect(order.every((p) => p > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('escapes the labels of snapshots and the names of journeys', () => {
    expect(md).toContain('From **2026 Q3 \\*final\\*** (2026-08-20) to **now** (2026-11-20).');
    expect(md).toContain('| Journey | 2026 Q2 | 2026 Q3 \\*final\\* | Now | Trend |');
    expect(md).not.toContain('<b>');
  });

  it('shows the status of each plan item that has one, and the flags where anyone reading will see them', () => {
    expect(md).toMatch(/^- \[x\] \*\*Log and alert on bulk exports\*\* — .*\n {2}- Status: \*\*done\*\* · assigned to Tom · updated 2026-11-15 by Tom\n {2}- ⚠ \*\*marked done, but the answers still show the gap\*\*$/m);
    expect(md).toMatch(
      /^ {2}- Status: \*\*open\*\* \(recorded as accepted risk\) · review by 2026-11-19 · reason: Only two apps; both vendors audited\. · updated 2026-11-15 by Sam\n {2}- ⚠ \*\*accepted risk past its review date: open again\*\*$/m,
    );
    expect(md).toMatch(/^ {2}- Status: \*\*accepted risk\*\* · review by 2026-11-20 · reason: Covered by the SIEM project\. · updated 2026-11-15 by Sam$/m);
    expect(md).toMatch(/^ {2}- Status: \*\*in progress\*\* · assigned to Grace · due 2026-11-19 \(\*\*overdue\*\*\) · updated 2026-11-15 by Grace$/m);
  });
});
