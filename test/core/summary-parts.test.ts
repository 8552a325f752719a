/**
 * The end of a walk shows parts of the report built without the rest of it
 * (src/core/summary-parts.ts). They must be the report's own, field for field: on the
 * demo workbook (people, votes, disputes, parking lot, several journeys) and on the small
 * workbooks the summary's hand-computed tests use (test/ui/section-summary.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { assessmentItems } from '../../src/core/assessment-items.js';
import { BankSchema, type Bank } from '../../src/core/bank-schema.js';
import { buildDemoWorkbook } from '../../src/core/demo.js';
import { buildReport, planFor } from '../../src/core/report.js';
import { scoreItems } from '../../src/core/score.js';
import { summaryParts, type SummaryParts } from '../../src/core/summary-parts.js';
import type { Workbook } from '../../src/core/workbook-schema.js';
import { sectionSummary } from '../../src/ui/section-summary.js';
import { FIXED_NOW, fixtureBank } from '../helpers/fixtures.js';
import { answered, organisationBank, withParked } from '../ui/summary-workbook.js';

const root = join(import.meta.dirname, '..', '..');
const builtin = (): Bank => BankSchema.parse(parse(readFileSync(join(root, 'questions', 'cx-data-exposure.yaml'), 'utf8')));

/** The fields SummaryParts names, and only them (a plan item carries more: the summary reads these). */
function projected(report: SummaryParts): SummaryParts {
  return {
    journeys: report.journeys.map(({ id, exposure, visibility, progress }) => ({ id, exposure, visibility, progress })),
    organisation: report.organisation,
    plan: report.plan.map(({ id, rank, title, horizon, reasons, riskRemoved }) => ({ id, rank, title, horizon, reasons, riskRemoved })),
    findOut: report.findOut.map(({ id, rank, title, owner, reasons }) => ({ id, rank, title, owner, reasons })),
    answers: report.answers.map(({ scope, journeyId, questionId, questionPrompt, kind, confidence, optionLabel, by }) => ({
      scope,
      journeyId,
      questionId,
      questionPrompt,
      kind,
      confidence,
      optionLabel,
      by,
    })),
    parkingLot: report.parkingLot,
  };
}

function partsOf(bank: Bank, workbook: Workbook): SummaryParts {
  const assessment = workbook.assessments[0]!;
  const items = assessmentItems(bank, assessment, FIXED_NOW);
  const parts = summaryParts(bank, assessment, FIXED_NOW, items, scoreItems(bank, items));
  // Only the fields named: nothing of the rest of the report is built.
  for (const plan of parts.plan) expect(plan).not.toHaveProperty('controls');
  return parts;
}

const cases: [string, () => { bank: Bank; workbook: Workbook }][] = [
  ['the demo workbook on the built-in bank', () => ({ bank: builtin(), workbook: buildDemoWorkbook(builtin(), FIXED_NOW) })],
  ['the demo workbook on the starter fixture bank', () => ({ bank: fixtureBank(), workbook: buildDemoWorkbook(fixtureBank(), FIXED_NOW) })],
  ['a small answered workbook with parking-lot questions', () => ({ bank: fixtureBank(), workbook: withParked(answered()) })],
  ['a workbook answered on a bank with organisation-wide questions', () => ({ bank: organisationBank(), workbook: withParked(answered(organisationBank())) })],
];

describe.each(cases)('the summary parts of %s', (_, make) => {
  const { bank, workbook } = make();
  const assessment = workbook.assessments[0]!;
  const report = buildReport(bank, assessment, FIXED_NOW);

  it('are the report’s own, field for field', () => {
    const parts = partsOf(bank, workbook);
    expect(projected(parts)).toEqual(projected(report));
    // Not trivially: the workbook has answers, plan items and journeys to compare.
    expect(parts.answers.length).toBeGreaterThan(3);
    expect(parts.plan.length + parts.findOut.length).toBeGreaterThan(0);
  });

  it('give every section the same end-of-walk summary as the report', () => {
    const parts = partsOf(bank, workbook);
    for (const journeyId of [null, ...assessment.journeys.map((j) => j.id)]) {
      expect(sectionSummary(parts, journeyId)).toEqual(sectionSummary(report, journeyId));
    }
  });

  it('and a report given the plan worked out already is the report built alone', () => {
    const items = assessmentItems(bank, assessment, FIXED_NOW);
    expect(buildReport(bank, assessment, FIXED_NOW, items, { plan: planFor(bank, assessment, FIXED_NOW, items) })).toEqual(report);
  });
});
