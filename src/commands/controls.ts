/**
 * `cxray controls`: for each control the bank cites, the answers behind it and its
 * verdict in practice (src/core/controls/view.ts), as text, markdown, CSV or JSON; with
 * the audit's claims stored in the assessment, the controls claimed implemented that the
 * answers show exposed come first. `cxray controls import FILE.csv` loads those claims.
 */
import { resolve } from 'node:path';
import { FRAMEWORKS, type Framework } from '../core/controls/catalogue.js';
import { buildControlsView } from '../core/controls/view.js';
import { UserError } from '../core/errors.js';
import { renderControlsCsv, renderControlsMarkdown, renderControlsText, type ControlsAbout } from '../export/controls.js';
import { reportContext } from './context.js';
import type { Invocation, OptionValues } from './contract.js';
import type { CONTROLS_OPTIONS } from './flags.js';
import { writeOutputFile } from './output-file.js';

export const CONTROLS_FORMATS = ['text', 'md', 'csv', 'json'] as const;
type Format = (typeof CONTROLS_FORMATS)[number];

type Values = OptionValues<typeof CONTROLS_OPTIONS>;

const squash = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** --framework ISO27001,soc2 -> ['ISO27001', 'SOC2']; forgiving about case and dashes. */
export function frameworksOf(value: string | undefined): Framework[] {
  if (value === undefined) return [...FRAMEWORKS];
  const names = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0) throw new UserError(`controls: --framework needs a name; use ${FRAMEWORKS.join(', ')}.`);
  return names.map((name) => {
    const found = FRAMEWORKS.find((f) => squash(f) === squash(name) || (squash(name) === 'ISO27002' && f === 'ISO27001'));
    if (!found) throw new UserError(`controls: unknown framework "${name}"; use ${FRAMEWORKS.join(', ')}.`);
    return found;
  });
}

function formatOf(value: string | undefined): Format {
  if (value === undefined) return 'text';
  const format = value.toLowerCase() === 'markdown' ? 'md' : value.toLowerCase();
  if (!(CONTROLS_FORMATS as readonly string[]).includes(format)) throw new UserError(`controls: unknown format "${value}"; use text, md, csv or json.`);
  return format as Format;
}

export async function run(invocation: Invocation<Values>): Promise<number> {
  const { positionals, values } = invocation;
  if (positionals[0] === 'import') {
    if (positionals.length < 2) throw new UserError('controls import: name the claims file, e.g. `cxray controls import claims.csv`.');
    const { runImport } = await import('./controls-import.js');
    return runImport(invocation, positionals[1]!);
  }
  if (positionals.length > 0) throw new UserError(`controls: unexpected argument "${positionals[0]}"; use \`cxray controls\` or \`cxray controls import FILE.csv\`.`);
  if (values['dry-run']) throw new UserError('controls: --dry-run goes with `controls import FILE.csv`.');
  return runView(invocation);
}

async function runView({ values, env, cwd, out, err }: Invocation<Values>): Promise<number> {
  const frameworks = frameworksOf(values.framework);
  const format = formatOf(values.format);
  const output = values.output;
  if (output !== undefined && output.trim() === '') throw new UserError('controls: --output needs a file name, e.g. --output controls.md.');
  if (values.force && output === undefined) throw new UserError('controls: --force only makes sense with --output FILE.');

  const { bank, assessment, report } = await reportContext({ values, env, cwd, err });
  const view = buildControlsView(bank, report, { frameworks, claims: assessment.controlClaims });
  const about: ControlsAbout = { assessment: assessment.name, bank: { id: bank.id, version: bank.version }, date: report.generatedAt.slice(0, 10), levels: bank.levels ?? null };
  const text =
    format === 'md'
      ? renderControlsMarkdown(view, about)
      : format === 'csv'
        ? renderControlsCsv(view)
        : format === 'json'
          ? // Its schema is built only for this format.
            (await import('../export/controls-json.js')).renderControlsJson(view, about)
          : renderControlsText(view, about);
  if (output === undefined) {
    out(text);
    return 0;
  }
  await writeOutputFile(resolve(cwd, output), text, { force: Boolean(values.force), displayPath: output });
  out(`Wrote ${view.controls.length} controls to ${output}.\n`);
  return 0;
}
