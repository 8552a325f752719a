/** The markdown summary's count of answers: given once, and added up per journey where organisation-wide questions make them differ. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BankSchema } from '../../src/core/bank-schema.js';
import { buildDemoWorkbook } from '../../src/core/demo.js';
import { buildReport } from '../../src/core/report.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { NOW } from '../core/model-fixtures.js';

const root = join(import.meta.dirname, '..', '..');
const load = (path: string) => BankSchema.parse(parse(readFileSync(join(root, path), 'utf8')));

describe("the summary's count of answers", () => {
  it('with organisation-wide questions: once as the workbook counts them, then per journey', () => {
    const bank = load('questions/cx-data-exposure.yaml');
    const a = buildDemoWorkbook(bank, NOW).assessments[0]!;
    const report = buildReport(bank, a, NOW);
    const once = a.organisationAnswers.length + a.answers.length;
    const org = a.organisationAnswers.length;
    const perJourney = report.overall.progress.total;
    expect(perJourney).toBeGreaterThan(once);
    expect(renderMarkdown(report)).toContain(
      `${once} of ${once} questions answered (100%), the organisation-wide ones once (${org} of ${org}); counted in every journey they hold for, ${perJourney} of ${perJourney}.`,
    );
  });

  it('without them: one count', () => {
    const bank = load('test/fixtures/golden/bank.yaml');
    const report = buildReport(bank, buildDemoWorkbook(bank, NOW).assessments[0]!, NOW);
    expect(renderMarkdown(report)).toMatch(/^29 of 29 questions answered \(100%\)\.$/m);
  });
});
