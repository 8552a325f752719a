/** `cxray export`: the report as markdown, JSON or CSV, to standard output or a file. */
import { resolve } from 'node:path';
import { builtinBankPath } from '../bank/builtin.js';
import { openBank } from '../bank/open.js';
import { UserError } from '../core/errors.js';
import { buildReport } from '../core/report.js';
import { reportDate } from '../core/report-date.js';
import { assertBankFits, selectAssessment } from '../core/select-assessment.js';
import { renderCsvAnswers, renderCsvPlan } from '../export/csv-report.js';
import { renderJson } from '../export/json.js';
import { renderMarkdown } from '../export/markdown.js';
import { writeOutputFile } from './output-file.js';
import { resolveDbPath } from '../store/db-path.js';
import { readWorkbook } from '../store/workbook-store.js';
import packageJson from '../../package.json' with { type: 'json' };
import type { Invocation } from './registry.js';

export const FORMATS = ['md', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

function formatOf(value: unknown): Format {
  if (value === undefined) throw new UserError('export: choose a format with --format md, --format json or --format csv.');
  const format = String(value).toLowerCase();
  if (format === 'markdown') return 'md';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UserError(`export: unknown format "${String(value)}"; use md, json or csv.`);
  }
  return format as Format;
}

export async function run({ values, env, cwd, out }: Invocation): Promise<number> {
  const format = formatOf(values.format);
  if (values.answers && format !== 'csv') {
    throw new UserError('export: --answers goes with --format csv (one row per answer); the md and json exports always hold the answers.');
  }
  const output = values.output as string | undefined;
  if (output !== undefined && output.trim() === '') throw new UserError('export: --output needs a file name, e.g. --output plan.md.');
  if (values.force && output === undefined) throw new UserError('export: --force only makes sense with --output FILE.');

  const workbook = await readWorkbook(resolveDbPath(values, env, cwd));
  const assessment = selectAssessment(workbook, values.assessment as string | undefined);
  const bank = await openBank((values.bank as string | undefined) ?? builtinBankPath());
  assertBankFits(bank, assessment);
  const report = buildReport(bank, assessment, reportDate(env));

  const text =
    format === 'md'
      ? renderMarkdown(report, { version: packageJson.version })
      : format === 'json'
        ? renderJson(report)
        : values.answers
          ? renderCsvAnswers(report)
          : renderCsvPlan(report);

  if (output === undefined) {
    out(text);
    return 0;
  }
  await writeOutputFile(resolve(cwd, output), text, { force: Boolean(values.force), displayPath: output });
  const what = format === 'csv' ? (values.answers ? `${report.answers.length} answers` : `${report.plan.length} plan items`) : 'the report';
  out(`Wrote ${what} to ${output}.\n`);
  return 0;
}
