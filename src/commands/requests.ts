/**
 * `cxray requests`: the evidence requests of an assessment (issue 18), grouped by owner:
 * a markdown checklist, the CSV owners fill in, or JSON; to standard output or to a
 * private file written whole, never over an existing one without --force. Evidence
 * files that changed since they were accepted are flagged on standard error.
 * `cxray requests import FILE.csv` reads the filled CSV back (requests-import.ts).
 */
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { plainLine } from '../core/terminal-text.js';
import { renderRequestsCsv, renderRequestsJson, renderRequestsMarkdown } from '../export/requests.js';
import { reportContext } from './context.js';
import type { Invocation, OptionValues } from './contract.js';
import type { REQUESTS_OPTIONS } from './flags.js';
import { writeOutputFile } from './output-file.js';

export const REQUESTS_FORMATS = ['md', 'csv', 'json'] as const;
type Format = (typeof REQUESTS_FORMATS)[number];
type Values = OptionValues<typeof REQUESTS_OPTIONS>;

function formatOf(value: string | undefined): Format {
  if (value === undefined) return 'md';
  const format = value.toLowerCase() === 'markdown' ? 'md' : value.toLowerCase();
  if (!(REQUESTS_FORMATS as readonly string[]).includes(format)) throw new UserError(`requests: unknown format "${plainLine(value)}"; use md, csv or json.`);
  return format as Format;
}

export async function run(invocation: Invocation<Values>): Promise<number> {
  const { positionals, values } = invocation;
  if (positionals[0] === 'import') {
    if (positionals.length < 2) throw new UserError('requests import: name the filled-in file, e.g. `cxray requests import requests.csv`.');
    const { runImport } = await import('./requests-import.js');
    return runImport(invocation, positionals[1]!);
  }
  if (positionals.length > 0) throw new UserError(`requests: unexpected argument "${plainLine(positionals[0]!)}"; use \`cxray requests\` or \`cxray requests import FILE.csv\`.`);
  if (values['dry-run']) throw new UserError('requests: --dry-run goes with `requests import FILE.csv`.');
  return runList(invocation);
}

async function runList({ values, env, cwd, out, err }: Invocation<Values>): Promise<number> {
  const format = formatOf(values.format);
  const output = values.output;
  if (output !== undefined && output.trim() === '') throw new UserError('requests: --output needs a file name, e.g. --output requests.csv.');
  if (values.force && output === undefined) throw new UserError('requests: --force only makes sense with --output FILE.');
  const { assessment, report } = await reportContext({ values, env, cwd, err });
  const section = report.evidence!;
  const about = { assessment: assessment.name, date: report.generatedAt.slice(0, 10) };
  const text = format === 'csv' ? renderRequestsCsv(section) : format === 'json' ? renderRequestsJson(section, about) : renderRequestsMarkdown(section, about);
  for (const e of section.items) {
    if (e.fileCheck === 'changed') err(`warning: evidence ${e.id} (${plainLine(e.reference)}) changed since it was accepted; check it again.\n`);
    if (e.fileCheck === 'missing') err(`warning: evidence ${e.id} (${plainLine(e.reference)}) cannot be read here to check it.\n`);
  }
  if (output === undefined) {
    out(text);
    return 0;
  }
  await writeOutputFile(resolve(cwd, output), text, { force: Boolean(values.force), displayPath: output });
  const open = section.requests.filter((r) => r.status !== 'accepted').length;
  out(`Wrote ${section.requests.length} evidence request${section.requests.length === 1 ? '' : 's'} (${open} open) to ${output}.\n`);
  return 0;
}
