/** `cxray signoff`: records who accepts the report's risk, in which role, when, and the decision. */
import { UserError } from '../core/errors.js';
import { dayOf } from '../core/plan-status.js';
import { reportDate } from '../core/report-date.js';
import { setSignoff, signoffProblem, type SignoffInput } from '../core/signoff.js';
import { plainLine } from '../core/terminal-text.js';
import { updateAssessment } from '../core/workbook-ops.js';
import { resolveDbPath, shownDbPath } from '../store/db-path.js';
import { openWorkbook, readWorkbook } from '../store/workbook-store.js';
import { commandAssessment, commandBank } from './context.js';
import type { Invocation, OptionValues } from './contract.js';
import type { SIGNOFF_OPTIONS } from './flags.js';

export async function run({ values, env, cwd, out, err }: Invocation<OptionValues<typeof SIGNOFF_OPTIONS>>): Promise<number> {
  if (values.name === undefined) throw new UserError('signoff: give the name of the person who signs with --name, e.g. --name "Dana Reyes".');
  if (values.decision === undefined) throw new UserError('signoff: give the decision with --decision accepted, accepted-with-conditions or not-accepted.');
  const now = reportDate(env);
  const input: SignoffInput = { name: values.name, role: values.role, decision: values.decision.trim().toLowerCase(), date: values.date ?? dayOf(now), conditions: values.conditions };
  if (input.decision === 'accepted-with-conditions' && (values.conditions ?? '').trim() === '') {
    throw new UserError('signoff: a decision accepted-with-conditions needs its conditions (--conditions).');
  }
  const problem = signoffProblem(input);
  if (problem) throw new UserError(`signoff: ${problem}`);
  const dbPath = resolveDbPath(values, env, cwd);
  const bank = await commandBank(values, err);
  // Read first: a missing or broken workbook is reported, never created.
  commandAssessment(await readWorkbook(dbPath, { displayPath: shownDbPath(values, env) }), values, bank);
  const store = await openWorkbook(dbPath, { lock: true, displayPath: shownDbPath(values, env) });
  try {
    const assessment = commandAssessment(store.data, values, bank);
    store.update((workbook) => updateAssessment(workbook, assessment.id, (a) => setSignoff(a, input, now)));
    await store.flush();
    out(`Recorded the sign-off of "${plainLine(assessment.name)}": ${plainLine(input.name).trim()}, ${input.decision.replace(/-/g, ' ')}, ${input.date}. It closes the markdown and HTML reports.\n`);
  } finally {
    await store.close();
  }
  return 0;
}
