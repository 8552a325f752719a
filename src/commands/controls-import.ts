/**
 * `cxray controls import FILE.csv`: the audit's claims (framework, control id, status,
 * last audited, auditor or report) into the assessment. Every row is checked first;
 * nothing is written unless all are valid; `--dry-run` shows what would change.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CLAIM_STATUS_LABELS } from '../core/controls/claims.js';
import { applyClaims, planClaimsImport, type ClaimChange } from '../core/controls/claims-import.js';
import { UserError } from '../core/errors.js';
import { reportDate } from '../core/report-date.js';
import { plainLine } from '../core/terminal-text.js';
import { updateAssessment } from '../core/workbook-ops.js';
import type { Workbook } from '../core/workbook-schema.js';
import { CsvSyntaxError, parseCsv, restoreCell } from '../export/csv.js';
import { resolveDbPath, shownDbPath } from '../store/db-path.js';
import { openWorkbook, readWorkbook } from '../store/workbook-store.js';
import { commandAssessment, commandBank } from './context.js';
import type { Invocation, OptionValues } from './contract.js';
import type { CONTROLS_OPTIONS } from './flags.js';

function describe(change: ClaimChange): string {
  if (change.status === 'removed') return `  - ${change.before.framework} ${plainLine(change.before.controlId)}: no longer in the file`;
  const claim = change.after;
  const what = `${claim.framework} ${plainLine(claim.controlId)}: ${CLAIM_STATUS_LABELS[claim.status]}${claim.auditedOn ? `, audited ${claim.auditedOn}` : ''}`;
  if (change.status === 'added') return `  + line ${change.line}: ${what}`;
  if (change.status === 'changed') return `  ~ line ${change.line}: ${what} (was ${CLAIM_STATUS_LABELS[change.before.status]}${change.before.auditedOn ? `, audited ${change.before.auditedOn}` : ''})`;
  return '';
}

function summary(changes: readonly ClaimChange[], verbs: [string, string, string]): string {
  const n = (s: ClaimChange['status']) => changes.filter((c) => c.status === s).length;
  return `${verbs[0]} ${n('added')}, ${verbs[1]} ${n('changed')}, ${verbs[2]} ${n('removed')}, unchanged ${n('unchanged')}.`;
}

export async function runImport({ values, env, cwd, out, err }: Invocation<OptionValues<typeof CONTROLS_OPTIONS>>, file: string): Promise<number> {
  for (const option of ['framework', 'format', 'output', 'force'] as const) {
    if (values[option] !== undefined) throw new UserError(`controls import: --${option} is for the controls view, not for import; leave it out.`);
  }
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`controls import: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}.`);
  }
  let records;
  try {
    records = parseCsv(text.replace(/^\uFEFF/, '')).map((r) => ({ line: r.line, cells: r.cells.map(restoreCell) }));
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new UserError(`${file}:${error.line}: ${error.message}; nothing was imported.`, 1);
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) throw new UserError(`controls import: ${file} is empty; give a header (framework, control id, status, last audited, auditor or report reference) and one row per control.`, 1);

  const dbPath = resolveDbPath(values, env, cwd);
  const bank = await commandBank(values, err);
  const today = reportDate(env).toISOString().slice(0, 10);
  const check = (workbook: Workbook) => {
    const assessment = commandAssessment(workbook, values, bank);
    const result = planClaimsImport(assessment, header, rows, today, file);
    if (!result.ok) {
      for (const problem of result.problems) err(`${problem}\n`);
      throw new UserError(
        `controls import: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${file}; nothing was imported. Correct the rows above and run the import again.`,
        1,
      );
    }
    return { assessment, ...result };
  };

  if (values['dry-run']) {
    const { assessment, changes, frameworks } = check(await readWorkbook(dbPath, { displayPath: shownDbPath(values, env) }));
    out(`Dry run: nothing written. Into "${plainLine(assessment.name)}", ${file} would set the claims of ${frameworks.join(', ')}: ${summary(changes, ['add', 'change', 'remove'])}\n`);
    for (const change of changes) if (change.status !== 'unchanged') out(`${describe(change)}\n`);
    return 0;
  }

  const store = await openWorkbook(dbPath, { lock: true, displayPath: shownDbPath(values, env) });
  try {
    const { assessment, changes, claims, frameworks } = check(store.data);
    if (changes.some((c) => c.status !== 'unchanged')) {
      store.update((workbook) => updateAssessment(workbook, assessment.id, (a) => applyClaims(a, claims, frameworks)));
    }
    await store.flush();
    out(`Imported the claims of ${frameworks.join(', ')} from ${file} into "${plainLine(assessment.name)}": ${summary(changes, ['added', 'changed', 'removed'])}\n`);
    for (const change of changes) if (change.status !== 'unchanged') out(`${describe(change)}\n`);
    out('See what the answers show for them with `cxray controls`.\n');
  } finally {
    await store.close();
  }
  return 0;
}
