/**
 * `cxray diff`: what changed between two cycles of an assessment: by default from its
 * latest snapshot to the answers as they stand now, with the controls whose verdict
 * changed. As terminal text, markdown or JSON (the DiffDocument, checked against its
 * schema), to standard output or a file.
 */
import { resolve } from 'node:path';
import { controlChanges } from '../core/controls/view-diff.js';
import { diffStates, stateOfCurrent, stateOfSnapshot, type CycleState } from '../core/diff.js';
import { DIFF_SCHEMA_VERSION, DiffDocumentSchema, type DiffDocument } from '../core/diff-schema.js';
import { UserError } from '../core/errors.js';
import { toJson } from '../core/json-text.js';
import { buildReport } from '../core/report.js';
import { findSnapshot } from '../core/snapshot.js';
import { plainLine } from '../core/terminal-text.js';
import { trendOf } from '../core/trend.js';
import type { Assessment, Snapshot } from '../core/workbook-schema.js';
import { renderDiffMarkdown } from '../export/diff-markdown.js';
import { renderDiffText } from '../export/diff-text.js';
import { writeOutputFile } from './output-file.js';
import packageJson from '../../package.json' with { type: 'json' };
import { reportContext } from './context.js';
import type { Invocation, OptionValues } from './contract.js';
import type { DIFF_OPTIONS } from './flags.js';

type DiffValues = OptionValues<typeof DIFF_OPTIONS>;

export const DIFF_FORMATS = ['text', 'md', 'json'] as const;
type Format = (typeof DIFF_FORMATS)[number];

/** What `--to` reads as the answers as they stand. */
const CURRENT = ['current', 'now'];

function formatOf(value: unknown): Format {
  if (value === undefined) return 'text';
  const format = String(value).toLowerCase();
  if (format === 'markdown') return 'md';
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) {
    throw new UserError(`diff: unknown format "${String(value)}"; use text, md or json.`);
  }
  return format as Format;
}

function optionText(values: DiffValues, name: 'from' | 'to'): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  const text = String(value).trim();
  if (text === '') throw new UserError(`diff: --${name} needs a snapshot: its label, its id, its number (1 = the oldest) or "latest".`);
  return text;
}

/** Which snapshots to compare: `to` null means the answers as they stand. */
export function chooseSides(assessment: Assessment, fromQuery: string | undefined, toQuery: string | undefined): { from: Snapshot; to: Snapshot | null } {
  if (fromQuery !== undefined && CURRENT.includes(fromQuery.toLowerCase())) {
    throw new UserError('diff: --from must be a snapshot (the earlier side); the answers as they stand can only be --to.');
  }
  const to = toQuery === undefined || CURRENT.includes(toQuery.toLowerCase()) ? null : findSnapshot(assessment, toQuery);
  let from: Snapshot;
  if (fromQuery !== undefined) from = findSnapshot(assessment, fromQuery);
  else if (to === null) from = findSnapshot(assessment, 'latest');
  else {
    const index = assessment.snapshots.indexOf(to);
    if (index === 0) {
      throw new UserError(`diff: "${plainLine(to.label)}" is the first snapshot, there is nothing before it; name the other side with --from, or leave out --to to compare it with now.`);
    }
    from = assessment.snapshots[index - 1]!;
  }
  if (to !== null) {
    if (from === to) throw new UserError(`diff: --from and --to both name the snapshot "${plainLine(from.label)}"; name two different cycles.`);
    if (assessment.snapshots.indexOf(from) > assessment.snapshots.indexOf(to)) {
      throw new UserError(`diff: "${plainLine(from.label)}" was taken after "${plainLine(to.label)}"; swap --from and --to (--from is the earlier cycle).`);
    }
  }
  return { from, to };
}

export async function run({ values, env, cwd, out, err }: Invocation<DiffValues>): Promise<number> {
  const format = formatOf(values.format);
  const output = values.output;
  if (output !== undefined && output.trim() === '') throw new UserError('diff: --output needs a file name, e.g. --output changes.md.');
  if (values.force && output === undefined) throw new UserError('diff: --force only makes sense with --output FILE.');
  const fromQuery = optionText(values, 'from');
  const toQuery = optionText(values, 'to');

  const { assessment, bank, report } = await reportContext({ values, env, cwd, err });
  const sides = chooseSides(assessment, fromQuery, toQuery);

  // Two models are never subtracted: the older side is recomputed with the newer one.
  const model = sides.to === null ? report.scoringModel : Math.max(sides.from.scoringModel, sides.to.scoringModel);
  const context = { bank, assessment, model, build: buildReport };
  const toState: CycleState = sides.to === null ? stateOfCurrent(assessment, report) : stateOfSnapshot(sides.to, context);
  // Controls whose verdict changed: each side's controls view, a snapshot re-read with today's bank.
  const controls = controlChanges(bank, assessment, report, sides.from, sides.to);
  const diff: DiffDocument = DiffDocumentSchema.parse({
    schemaVersion: DIFF_SCHEMA_VERSION,
    ...diffStates(bank, stateOfSnapshot(sides.from, context), toState),
    controls,
  });
  // The trend spans every cycle; the plan's status is today's, so it goes with "now" only.
  const trend = trendOf(assessment, report);
  const plan = sides.to === null ? report.plan : undefined;

  const color = format === 'text' && output === undefined && Boolean(process.stdout.isTTY) && !env.NO_COLOR;
  const text =
    format === 'json'
      ? toJson(diff) + '\n'
      : format === 'md'
        ? renderDiffMarkdown(diff, { assessmentName: assessment.name, trend, plan, version: packageJson.version, words: { scope: report.bank.scope, levels: report.bank.levels } })
        : renderDiffText(diff, { assessmentName: assessment.name, trend, plan, color, words: { scope: report.bank.scope, levels: report.bank.levels } });

  if (output === undefined) {
    out(text, { styled: color });
    return 0;
  }
  await writeOutputFile(resolve(cwd, output), text, { force: Boolean(values.force), displayPath: output });
  out(`Wrote the changes from "${plainLine(diff.from.label)}" to "${plainLine(diff.to.label)}" to ${output}.\n`);
  return 0;
}
