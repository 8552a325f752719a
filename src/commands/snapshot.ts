/**
 * `cxray snapshot`: freezes a dated copy of an assessment (its journeys, answers, plan
 * status, scores and plan) inside the workbook, to compare later cycles with.
 * `--new-cycle` also marks every answer as carried over, so the team can confirm or
 * change each one in the next cycle.
 */
import { lstat } from 'node:fs/promises';
import { UserError } from '../core/errors.js';
import { buildReport } from '../core/report.js';
import { reportDate } from '../core/report-date.js';
import { MAX_SNAPSHOT_LABEL, defaultSnapshotLabel, snapshotLabelProblem, startNewCycle, takeSnapshot } from '../core/snapshot.js';
import { plainLine } from '../core/terminal-text.js';
import { updateAssessment } from '../core/workbook-ops.js';
import type { Assessment, Snapshot } from '../core/workbook-schema.js';
import { resolveDbPath, shownDbPath } from '../store/db-path.js';
import { shellQuote } from '../store/messages.js';
import { openWorkbook } from '../store/workbook-store.js';
import { commandAssessment, commandBank } from './context.js';
import type { Invocation, OptionValues } from './contract.js';
import type { SNAPSHOT_OPTIONS } from './flags.js';

/** The label as given, checked (snapshotLabelProblem): a UserError in one sentence when it cannot be used. */
function checkedLabel(given: string | undefined, assessment: Assessment, now: Date): string {
  const label = given === undefined ? defaultSnapshotLabel(now) : given.trim();
  const problem = snapshotLabelProblem(assessment, label);
  switch (problem?.kind) {
    case undefined:
      return label;
    case 'empty':
      throw new UserError('snapshot: --label needs some text, e.g. --label "2026 Q4".');
    case 'too-long':
      throw new UserError(`snapshot: the label is ${problem.length} characters long; keep it to ${MAX_SNAPSHOT_LABEL} or fewer.`);
    case 'not-plain':
      throw new UserError('snapshot: the label holds line breaks, tabs, control or invisible characters; write it on one line of plain text.');
    case 'reserved':
      throw new UserError(`snapshot: "${label}" means something else to \`cxray diff\`; choose another label, e.g. --label "2026 Q4".`);
    case 'taken': {
      const taken = problem.snapshot;
      const hint = given === undefined ? 'name this one with --label TEXT' : 'choose another --label';
      throw new UserError(`snapshot: "${plainLine(assessment.name)}" already has a snapshot labelled "${plainLine(taken.label)}" (id ${taken.id}, taken ${taken.takenAt.slice(0, 10)}); ${hint}.`);
    }
  }
}

async function assertExists(path: string, shown: string): Promise<void> {
  try {
    await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError(`${shown} does not exist; check --db (or $CXRAY_DB), or create it with \`cxray\` or \`cxray demo\`.`);
    }
    throw new UserError(`snapshot: cannot read ${shown}: ${(error as Error).message}.`);
  }
}

const figure = (x: number | null) => (x === null ? '—' : String(Math.round(x)));

/** What was frozen, in one line. */
export function describeSnapshot(snapshot: Snapshot, assessmentName: string): string {
  const { scores } = snapshot;
  const plan = `${snapshot.plan.length} plan item${snapshot.plan.length === 1 ? '' : 's'}`;
  return `snapshot "${plainLine(snapshot.label)}" (id ${snapshot.id}) of "${plainLine(assessmentName)}": exposure ${figure(scores.exposure)}, visibility ${figure(scores.visibility)}; ${snapshot.answers.length} answer${snapshot.answers.length === 1 ? '' : 's'} and ${plan} frozen.`;
}

export async function run({ values, env, cwd, out, err }: Invocation<OptionValues<typeof SNAPSHOT_OPTIONS>>): Promise<number> {
  const dbPath = resolveDbPath(values, env, cwd);
  await assertExists(dbPath, shownDbPath(values, env));
  const bank = await commandBank(values, err);
  const now = reportDate(env);
  const newCycle = Boolean(values['new-cycle']);

  const store = await openWorkbook(dbPath, { lock: true, displayPath: shownDbPath(values, env) });
  let snapshot: Snapshot;
  let assessment: Assessment;
  try {
    assessment = commandAssessment(store.data, values, bank);
    const label = checkedLabel(values.label, assessment, now);
    if (assessment.answers.length === 0) {
      throw new UserError(`snapshot: "${plainLine(assessment.name)}" has no answers yet; answer some questions first, there is nothing to freeze.`);
    }
    const report = buildReport(bank, assessment, now);
    const input = { label, by: assessment.facilitator };
    const result = newCycle ? startNewCycle(assessment, report, input, now) : takeSnapshot(assessment, report, input, now);
    snapshot = result.snapshot;
    store.update((workbook) => updateAssessment(workbook, assessment.id, () => result.assessment));
    await store.flush();
  } finally {
    await store.close();
  }

  // How to compare: the same workbook and assessment as this command used.
  const compare = ['cxray diff'];
  if (typeof values.db === 'string') compare.push(`--db ${shellQuote(values.db)}`);
  if (typeof values.assessment === 'string') compare.push(`--assessment ${shellQuote(values.assessment)}`);
  if (typeof values.bank === 'string') compare.push(`--bank ${shellQuote(values.bank)}`);
  const what = describeSnapshot(snapshot, assessment.name);
  if (newCycle) {
    out(`Started a new cycle: took ${what}\n`);
    out(`All ${snapshot.answers.length} answers are marked as carried over until someone confirms or changes them. Later, see what changed: ${compare.join(' ')}\n`);
  } else {
    out(`Took ${what}\n`);
    out(`Later, see what changed since: ${compare.join(' ')}\n`);
  }
  return 0;
}
