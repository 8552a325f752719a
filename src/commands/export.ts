/**
 * `cxray export`: the report as markdown, JSON or CSV, the plan for a tracker (Jira's or
 * GitLab's CSV importer, a script of `gh issue create` commands for GitHub), to standard
 * output or a file.
 */
import { resolve } from 'node:path';
import { buildControlsView } from '../core/controls/view.js';
import { UserError } from '../core/errors.js';
import { renderCsvAnswers, renderCsvPlan } from '../export/csv-report.js';
import { githubItemCount, renderGithubScript } from '../export/github-script.js';
import { gitlabItems, renderGitlabCsv, renderJiraCsv } from '../export/tracker-csv.js';
import { questionHelp, renderMarkdown } from '../export/markdown.js';
import { writeOutputFile } from './output-file.js';
import packageJson from '../../package.json' with { type: 'json' };
import { reportContext } from './context.js';
import type { Bank } from '../core/bank-schema.js';
import type { Report } from '../core/report-schema.js';
import type { Assessment } from '../core/workbook-schema.js';
import type { Invocation, OptionValues } from './contract.js';
import type { EXPORT_OPTIONS } from './flags.js';

export const FORMATS = ['md', 'html', 'json', 'csv', 'jira', 'gitlab', 'github'] as const;
type Format = (typeof FORMATS)[number];
/** "md, json, csv … or github". */
const FORMAT_LIST = `${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)}`;

function formatOf(value: unknown): Format {
  if (value === undefined) throw new UserError(`export: choose a format with --format and one of ${FORMAT_LIST}, e.g. --format md.`);
  const format = String(value).toLowerCase();
  if (format === 'markdown') return 'md';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UserError(`export: unknown format "${String(value)}"; use ${FORMAT_LIST}.`);
  }
  return format as Format;
}

export async function run({ values, env, cwd, out, err }: Invocation<OptionValues<typeof EXPORT_OPTIONS>>): Promise<number> {
  const format = formatOf(values.format);
  if (values.answers && format !== 'csv') {
    throw new UserError('export: --answers goes with --format csv (one row per answer); the md and json exports always hold the answers.');
  }
  const output = values.output;
  if (output !== undefined && output.trim() === '') throw new UserError('export: --output needs a file name, e.g. --output plan.md.');
  if (values.force && output === undefined) throw new UserError('export: --force only makes sense with --output FILE.');

  const { report, bank, assessment } = await reportContext({ values, env, cwd, err });

  const text =
    format === 'html'
      ? await html(report, bank, assessment)
      : format === 'json'
        ? // The report's schema, which the JSON is checked against, is built only for this format.
          (await import('../export/json.js')).renderJson(report)
        : render(format, report, bank, assessment, Boolean(values.answers));

  if (output === undefined) {
    out(text);
    return 0;
  }
  await writeOutputFile(resolve(cwd, output), text, { force: Boolean(values.force), displayPath: output });
  out(`Wrote ${written(format, report, bank, Boolean(values.answers))} to ${output}.\n`);
  if (format === 'github') out(`Run it with: sh ${output}\n`);
  return 0;
}

/** The HTML report; the renderer and marked are loaded only for it, so other commands start without them. */
async function html(report: Report, bank: Bank, assessment: Assessment): Promise<string> {
  const [{ renderHtml }, { marked }] = await Promise.all([import('../export/html.js'), import('marked')]);
  return renderHtml(report, {
    version: packageJson.version,
    controls: buildControlsView(bank, report, { claims: assessment.controlClaims }),
    questionHelp: questionHelp(bank),
    markdownToHtml: (markdown) => marked.parse(markdown, { async: false, gfm: true }),
  });
}

function render(format: Exclude<Format, 'html' | 'json'>, report: Report, bank: Bank, assessment: Assessment, answers: boolean): string {
  switch (format) {
    case 'md':
      return renderMarkdown(report, {
        version: packageJson.version,
        controls: buildControlsView(bank, report, { claims: assessment.controlClaims }),
        questionHelp: questionHelp(bank),
      });
    case 'csv':
      return answers ? renderCsvAnswers(report) : renderCsvPlan(report);
    case 'jira':
      return renderJiraCsv(report, bank);
    case 'gitlab':
      return renderGitlabCsv(report, bank);
    case 'github':
      return renderGithubScript(report, bank);
  }
}

/** What the file holds, for the "Wrote ..." line. */
function written(format: Format, report: Report, bank: Bank, answers: boolean): string {
  const items = (n: number, what = 'plan items') => `${n} ${n === 1 ? what.replace(/s$/, '') : what}`;
  // Both lanes: Find out and Fix.
  const planItems = report.findOut.length + report.plan.length;
  switch (format) {
    case 'csv':
      return answers ? items(report.answers.length, 'answers') : items(planItems);
    case 'jira':
      return `${items(planItems)} for Jira's CSV importer`;
    case 'gitlab': {
      const n = gitlabItems(report, bank).length;
      const linked = planItems - n;
      return `${items(n)} for GitLab's CSV importer${linked > 0 ? ` (${linked} already linked to a ticket left out)` : ''}`;
    }
    case 'github':
      return `a script filing ${items(githubItemCount(report))} as GitHub issues`;
    default:
      return 'the report';
  }
}
