/**
 * `cxray import-status FILE.csv`: plan statuses back from a tracker's CSV export (or
 * cxray's own columns): status, owner, due date and ticket link of each plan item whose
 * cxray id a row carries. Every row is checked first; nothing is written unless all are
 * valid; `--dry-run` writes nothing at all.
 */
import { UserError } from '../core/errors.js';
import { applyStatusImport, planStatusImport, TRACKERS, type StatusChange, type Tracker } from '../core/import-status.js';
import { PLAN_STATUS_LABEL } from '../core/plan-status.js';
import { reportDate } from '../core/report-date.js';
import { plainLine } from '../core/terminal-text.js';
import { updateAssessment } from '../core/workbook-ops.js';
import type { Workbook } from '../core/workbook-schema.js';
import { resolveDbPath, shownDbPath } from '../store/db-path.js';
import { openWorkbook, readWorkbook } from '../store/workbook-store.js';
import { commandAssessment, commandBank } from './context.js';
import { readCsvRecords } from './csv-records.js';
import type { Invocation, OptionValues } from './contract.js';
import type { IMPORT_STATUS_OPTIONS } from './flags.js';

function trackerOf(value: string | undefined): Tracker | undefined {
  if (value === undefined) return undefined;
  const tracker = value.trim().toLowerCase();
  if (!(TRACKERS as readonly string[]).includes(tracker)) {
    throw new UserError(`import-status: unknown tracker "${plainLine(value)}"; use jira, gitlab, github or cxray.`);
  }
  return tracker as Tracker;
}

function describe(change: StatusChange): string {
  const before = change.before;
  const what: string[] = [];
  if (!before || before.status !== change.after.status) {
    what.push(`${before ? PLAN_STATUS_LABEL[before.status] : 'no status'} → ${PLAN_STATUS_LABEL[change.after.status]}`);
  }
  if ((before?.owner ?? '') !== change.after.owner) what.push(`owner ${change.after.owner ? plainLine(change.after.owner) : 'none'}`);
  if ((before?.due ?? '') !== change.after.due) what.push(`due ${change.after.due || 'none'}`);
  if ((before?.ticket ?? '') !== change.after.ticket) what.push(`ticket ${plainLine(change.after.ticket)}`);
  return `  ~ line ${change.line}: ${change.id}: ${what.join('; ')}`;
}

function summary(changes: readonly StatusChange[], withoutId: number, verb: string): string {
  const changed = changes.filter((c) => c.changed).length;
  const skipped = withoutId > 0 ? `; ${withoutId} ${withoutId === 1 ? 'row has' : 'rows have'} no cxray id and ${withoutId === 1 ? 'was' : 'were'} left alone` : '';
  return `${verb} ${changed} plan ${changed === 1 ? 'item' : 'items'}, ${changes.length - changed} unchanged${skipped}.`;
}

export async function run({ positionals, values, env, cwd, out, err }: Invocation<OptionValues<typeof IMPORT_STATUS_OPTIONS>>): Promise<number> {
  const file = positionals[0]!;
  const tracker = trackerOf(values.tracker);
  const { header, rows } = await readCsvRecords(cwd, file, 'import-status', 'export the tickets from the tracker as CSV (docs/exports.md says which columns)');

  const dbPath = resolveDbPath(values, env, cwd);
  const bank = await commandBank(values, err);
  const now = reportDate(env);
  const check = (workbook: Workbook) => {
    const assessment = commandAssessment(workbook, values, bank);
    const result = planStatusImport(bank, assessment, header, rows, { tracker, file });
    if (!result.ok) {
      for (const problem of result.problems) err(`${problem}\n`);
      throw new UserError(
        `import-status: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${file}; nothing was imported. Correct the rows above and run it again.`,
        1,
      );
    }
    return { assessment, ...result };
  };

  if (values['dry-run']) {
    const { assessment, changes, withoutId, tracker: read } = check(await readWorkbook(dbPath, { displayPath: shownDbPath(values, env) }));
    out(`Dry run: nothing written. From ${file} (read as ${read}), "${plainLine(assessment.name)}" would: ${summary(changes, withoutId, 'update')}\n`);
    for (const change of changes) if (change.changed) out(`${describe(change)}\n`);
    return 0;
  }

  // Read first: a missing or broken workbook is reported, never created.
  check(await readWorkbook(dbPath, { displayPath: shownDbPath(values, env) }));
  const store = await openWorkbook(dbPath, { lock: true, displayPath: shownDbPath(values, env) });
  try {
    const { assessment, changes, withoutId, tracker: read } = check(store.data);
    if (changes.some((c) => c.changed)) {
      store.update((workbook) => updateAssessment(workbook, assessment.id, (a) => applyStatusImport(a, changes, a.facilitator, now)));
    }
    await store.flush();
    out(`Imported statuses from ${file} (read as ${read}) into "${plainLine(assessment.name)}": ${summary(changes, withoutId, 'updated')}\n`);
    for (const change of changes) if (change.changed) out(`${describe(change)}\n`);
  } finally {
    await store.close();
  }
  return 0;
}
