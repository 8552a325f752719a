/** `cxray export`: the report as markdown, JSON or CSV, to standard output or a file. */
import { resolve } from 'node:path';
import { buildControlsView } from '../core/controls/view.js';
import { UserError } from '../core/errors.js';
import { renderCsvAnswers, renderCsvPlan } from '../export/csv-report.js';
import { renderJson } from '../export/json.js';
import { renderMarkdown } from '../export/markdown.js';
import { writeOutputFile } from './output-file.js';
import packageJson from '../../package.json' with { type: 'json' };
import { reportContext } from './context.js';
import type { Invocation, OptionValues } from './contract.js';
import type { EXPORT_OPTIONS } from './flags.js';

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

export async function run({ values, env, cwd, out }: Invocation<OptionValues<typeof EXPORT_OPTIONS>>): Promise<number> {
  const format = formatOf(values.format);
  if (values.answers && format !== 'csv') {
    throw new UserError('export: --answers goes with --format csv (one row per answer); the md and json exports always hold the answers.');
  }
  const output = values.output;
  if (output !== undefined && output.trim() === '') throw new UserError('export: --output needs a file name, e.g. --output plan.md.');
  if (values.force && output === undefined) throw new UserError('export: --force only makes sense with --output FILE.');

  const { report, bank, assessment } = await reportContext({ values, env, cwd });

  const text =
    format === 'md'
      ? renderMarkdown(report, { version: packageJson.version, controls: buildControlsView(bank, report, { claims: assessment.controlClaims }) })
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
