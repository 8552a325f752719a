/** `cxray score`: the scores of an assessment as a terminal table, or as JSON. */
import { builtinBankPath } from '../bank/builtin.js';
import { openBank } from '../bank/open.js';
import { toJson } from '../core/json-text.js';
import { buildReport } from '../core/report.js';
import { reportDate } from '../core/report-date.js';
import { ReportSchema } from '../core/report-schema.js';
import { assertBankFits, selectAssessment } from '../core/select-assessment.js';
import { renderScoreTable } from '../export/score-table.js';
import { resolveDbPath } from '../store/db-path.js';
import { readWorkbook } from '../store/workbook-store.js';
import type { Invocation } from './registry.js';

/** What `score --json` prints: the report's scores, without the plan and the answers. */
export const ScoreJsonSchema = ReportSchema.pick({
  schemaVersion: true,
  scoringModel: true,
  generatedAt: true,
  assessment: true,
  bank: true,
  dimensions: true,
  journeys: true,
  overall: true,
});

export async function run({ values, env, cwd, out }: Invocation): Promise<number> {
  const workbook = await readWorkbook(resolveDbPath(values, env, cwd));
  const assessment = selectAssessment(workbook, values.assessment as string | undefined);
  const bank = await openBank((values.bank as string | undefined) ?? builtinBankPath());
  assertBankFits(bank, assessment);
  const report = buildReport(bank, assessment, reportDate(env));
  if (values.json) {
    const { schemaVersion, scoringModel, generatedAt, assessment: about, bank: bankInfo, dimensions, journeys, overall } = report;
    const scores = { schemaVersion, scoringModel, generatedAt, assessment: about, bank: bankInfo, dimensions, journeys, overall };
    out(toJson(ScoreJsonSchema.parse(scores)) + '\n');
    return 0;
  }
  const color = Boolean(process.stdout.isTTY) && !env.NO_COLOR;
  out(renderScoreTable(report, { color }), { styled: color });
  return 0;
}
