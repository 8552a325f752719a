/**
 * The exports of the demo workbook (built from the fixture bank test/fixtures/golden/
 * bank.yaml on a fixed date), compared byte for byte with the files beside that bank.
 * After a deliberate change, rewrite them with `UPDATE_GOLDEN=1 npx vitest run test/export`
 * and read the diff before committing it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { controlChanges } from '../../src/core/controls/view-diff.js';
import { ReportSchema } from '../../src/core/report-schema.js';
import { WorkbookSchema } from '../../src/core/workbook-schema.js';
import { renderCsvAnswers, renderCsvPlan } from '../../src/export/csv-report.js';
import { renderDiffMarkdown } from '../../src/export/diff-markdown.js';
import { renderDiffText } from '../../src/export/diff-text.js';
import { renderJson } from '../../src/export/json.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { DEMO_DIR, GOLDEN_DIR, goldenBank, goldenReport, goldenWorkbook } from './golden-fixtures.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

function expectGolden(path: string, actual: string): void {
  if (UPDATE || !existsSync(path)) {
    writeFileSync(path, actual);
    if (!UPDATE) throw new Error(`${path} did not exist and was written; check it and commit it.`);
  }
  const expected = readFileSync(path, 'utf8');
  // Compare as strings (a readable diff), then as bytes (line ends, BOM).
  expect(actual).toBe(expected);
  expect(Buffer.from(actual, 'utf8').equals(readFileSync(path))).toBe(true);
}

describe('golden exports of the demo workbook', () => {
  const bank = goldenBank();
  const report = goldenReport(bank);

  it('demo workbook', () => {
    const workbook = goldenWorkbook(bank);
    expect(WorkbookSchema.safeParse(workbook).success).toBe(true);
    expectGolden(join(DEMO_DIR, 'northwind.json'), JSON.stringify(workbook, null, 2) + '\n');
  });

  it('markdown', () => {
    expectGolden(join(GOLDEN_DIR, 'demo.md'), renderMarkdown(report, { version: '1.0.0' }));
  });

  it('json', () => {
    const json = renderJson(report);
    expect(ReportSchema.safeParse(JSON.parse(json)).success).toBe(true);
    expectGolden(join(GOLDEN_DIR, 'demo.json'), json);
  });

  it('csv plan', () => {
    expectGolden(join(GOLDEN_DIR, 'demo-plan.csv'), renderCsvPlan(report));
  });

  it('csv answers', () => {
    expectGolden(join(GOLDEN_DIR, 'demo-answers.csv'), renderCsvAnswers(report));
  });

  it('diff since the last cycle with the controls whose verdict changed, as `cxray diff` writes it in terminal text and markdown', () => {
    const assessment = goldenWorkbook(bank).assessments[0]!;
    const diff = { ...report.cycles.sinceLastCycle!, controls: controlChanges(bank, assessment, report, assessment.snapshots.at(-1)!, null) };
    const options = { assessmentName: report.assessment.name, trend: report.cycles.trend, plan: report.plan };
    expectGolden(join(GOLDEN_DIR, 'demo-diff.txt'), renderDiffText(diff, options));
    expectGolden(join(GOLDEN_DIR, 'demo-diff.md'), renderDiffMarkdown(diff, { ...options, version: '1.0.0' }));
  });
});
