/** `cxray score`: the scores of an assessment as a terminal table, or as JSON. */
import { toJson } from '../core/json-text.js';
import { renderScoreTable } from '../export/score-table.js';
import { reportContext } from './context.js';
import type { Invocation, OptionValues } from './contract.js';
import type { SCORE_OPTIONS } from './flags.js';

/**
 * What `score --json` prints: the report's scores, without the plan and the answers.
 * Built when asked for: the table needs no schema, and building one costs a command's start.
 */
const scoreJsonSchema = async () => (await import('../core/report-schema.js')).ReportSchema.pick({
  schemaVersion: true,
  scoringModel: true,
  generatedAt: true,
  assessment: true,
  bank: true,
  dimensions: true,
  journeys: true,
  overall: true,
});

export async function run({ values, env, cwd, out, columns, err }: Invocation<OptionValues<typeof SCORE_OPTIONS>>): Promise<number> {
  const { report } = await reportContext({ values, env, cwd, err });
  if (values.json) {
    const { schemaVersion, scoringModel, generatedAt, assessment: about, bank: bankInfo, dimensions, journeys, overall } = report;
    const scores = { schemaVersion, scoringModel, generatedAt, assessment: about, bank: bankInfo, dimensions, journeys, overall };
    out(toJson((await scoreJsonSchema()).parse(scores)) + '\n');
    return 0;
  }
  const color = Boolean(process.stdout.isTTY) && !env.NO_COLOR;
  out(renderScoreTable(report, { color, width: columns }), { styled: color });
  return 0;
}
