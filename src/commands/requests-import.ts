/**
 * `cxray requests import FILE.csv [--dry-run]`: evidence requests back from owners.
 * Every row is checked first, then every file path named is hashed (a file that cannot
 * be read is a problem of its row); nothing is written unless all rows are valid.
 * Accepted evidence attaches to its answer (verified); rejected evidence records why.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { buildRequests } from '../core/evidence-requests.js';
import { assessmentItems } from '../core/assessment-items.js';
import { UserError } from '../core/errors.js';
import { reportDate } from '../core/report-date.js';
import { applyRequestsImport, planRequestsImport, type RequestChange } from '../core/requests-import.js';
import { plainLine } from '../core/terminal-text.js';
import { updateAssessment } from '../core/workbook-ops.js';
import type { Workbook } from '../core/workbook-schema.js';
import { resolveDbPath, shownDbPath } from '../store/db-path.js';
import { EvidenceFileError, fingerprintFile } from '../store/evidence-files.js';
import { openWorkbook, readWorkbook } from '../store/workbook-store.js';
import { commandAssessment, commandBank } from './context.js';
import { readCsvRecords } from './csv-records.js';
import type { Invocation, OptionValues } from './contract.js';
import type { REQUESTS_OPTIONS } from './flags.js';

function describe(change: RequestChange): string {
  const what = [`${change.request.status === change.status ? change.status : `${change.request.status} → ${change.status}`}`];
  if (change.evidence?.status === 'accepted') what.push(`evidence accepted: ${plainLine(change.evidence.link ?? change.evidence.path ?? '')}`);
  if (change.evidence?.status === 'rejected') what.push(`evidence rejected: ${plainLine(change.note)}`);
  if (change.owner !== change.request.owner) what.push(`owner ${plainLine(change.owner) || 'none'}`);
  if (change.due !== change.request.due) what.push(`due ${change.due}`);
  return `  ~ line ${change.line}: ${change.request.id}: ${what.join('; ')}`;
}

function summary(changes: readonly RequestChange[], verb: string): string {
  const changed = changes.filter((c) => !c.unchanged);
  const accepted = changed.filter((c) => c.evidence?.status === 'accepted').length;
  const rejected = changed.filter((c) => c.status === 'rejected').length;
  return `${verb} ${changed.length} request${changed.length === 1 ? '' : 's'} (${accepted} with evidence accepted, ${rejected} rejected), ${changes.length - changed.length} unchanged.`;
}

export async function runImport({ values, env, cwd, out, err }: Invocation<OptionValues<typeof REQUESTS_OPTIONS>>, file: string): Promise<number> {
  for (const option of ['format', 'output', 'force'] as const) {
    if (values[option] !== undefined) throw new UserError(`requests import: --${option} is for listing requests, not for import; leave it out.`);
  }
  const { path, header, rows } = await readCsvRecords(cwd, file, 'requests import', `start from \`cxray requests --format csv --output ${file}\``);

  const dbPath = resolveDbPath(values, env, cwd);
  const bank = await commandBank(values, err);
  const now = reportDate(env);
  const fail = (problems: string[]): never => {
    for (const problem of problems) err(`${problem}\n`);
    throw new UserError(`requests import: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${file}; nothing was imported. Correct the rows above and run it again.`, 1);
  };
  const check = async (workbook: Workbook) => {
    const assessment = commandAssessment(workbook, values, bank);
    const requests = buildRequests(bank, assessment, assessmentItems(bank, assessment, now), now);
    const base = dirname(path);
    const result = planRequestsImport(bank, assessment, requests, header, rows, { file, now, resolvePath: (p) => (isAbsolute(p) ? p : resolve(base, p)) });
    if (!result.ok) return fail(result.problems);
    // Paths are relative to the file's folder; each file is hashed now, before anything is written.
    const problems: string[] = [];
    for (const change of result.changes) {
      const evidence = change.evidence;
      if (!evidence?.path) continue;
      const absolute = isAbsolute(evidence.path) ? evidence.path : resolve(base, evidence.path);
      try {
        const print = await fingerprintFile(absolute);
        Object.assign(evidence, { path: absolute, sha256: print.sha256, size: print.size });
      } catch (error) {
        if (!(error instanceof EvidenceFileError)) throw error;
        problems.push(`${file}:${change.line}: cannot read the evidence file ${plainLine(evidence.path)}: ${error.reason}; give a file that exists here, or a link.`);
      }
    }
    if (problems.length > 0) fail(problems);
    return { assessment, changes: result.changes };
  };

  if (values['dry-run']) {
    const { assessment, changes } = await check(await readWorkbook(dbPath, { displayPath: shownDbPath(values, env) }));
    out(`Dry run: nothing written. From ${file}, "${plainLine(assessment.name)}" would: ${summary(changes, 'update')}\n`);
    for (const change of changes) if (!change.unchanged) out(`${describe(change)}\n`);
    return 0;
  }

  // Read first: a missing or broken workbook is reported, never created.
  await check(await readWorkbook(dbPath, { displayPath: shownDbPath(values, env) }));
  const store = await openWorkbook(dbPath, { lock: true, displayPath: shownDbPath(values, env) });
  try {
    const { assessment, changes } = await check(store.data);
    if (changes.some((c) => !c.unchanged)) {
      store.update((workbook) => updateAssessment(workbook, assessment.id, (a) => applyRequestsImport(a, changes, a.facilitator, now)));
    }
    await store.flush();
    out(`Imported evidence requests from ${file} into "${plainLine(assessment.name)}": ${summary(changes, 'updated')}\n`);
    for (const change of changes) if (!change.unchanged) out(`${describe(change)}\n`);
  } finally {
    await store.close();
  }
  return 0;
}
