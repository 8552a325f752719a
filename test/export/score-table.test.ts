import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report.js';
import { renderScoreTable } from '../../src/export/score-table.js';
import { GOLDEN_NOW, goldenBank, goldenReport } from './golden-fixtures.js';
import { hostileAssessment } from './hostile.js';

describe('the score table', () => {
  const report = goldenReport();

  it('aligns every row to the header, without colour unless asked', () => {
    const text = renderScoreTable(report);
    expect(text).not.toContain('\u001b');
    const rows = text.split('\n').slice(2, 2 + 1 + report.journeys.length);
    const width = rows[0]!.length;
    for (const row of rows) expect([...row].length).toBe(width);
  });

  it('colours only the exposure figures, by band, when asked', () => {
    const text = renderScoreTable(report, { color: true });
    const phone = text.split('\n')[3]!;
    const figure = Math.round(report.journeys[0]!.dimensions[0]!.exposure!);
    // Bands 0-24 green, 25-49 yellow, 50-74 orange, 75-100 red.
    const colour = ['32', '33', '38;5;208', '31'][Math.min(3, Math.floor(figure / 25))];
    expect(phone).toContain(`\u001b[${colour}m${figure}\u001b[0m / `);
    // Without the colour codes the table is the plain one.
    expect(text.replace(/\u001b\[[\d;]*m/g, '')).toBe(renderScoreTable(report));
  });

  it('strips terminal controls from names and cuts long ones', () => {
    const bank = goldenBank();
    const a = hostileAssessment(bank, GOLDEN_NOW.toISOString());
    a.journeys[0]!.name = `\u001b]0;title\u0007${'x'.repeat(80)}`;
    const text = renderScoreTable(buildReport(bank, a, GOLDEN_NOW));
    expect(text).not.toMatch(/[\u001b\u0007]/);
    expect(text).toContain(`${'x'.repeat(35)}…`);
  });
});
