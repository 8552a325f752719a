/**
 * `cxray doctor [--db FILE] [--restore]`: checks a workbook and its backups and says
 * which is usable, one line each; `--restore` puts the newest valid backup in place of
 * a damaged workbook (keeping the damaged file aside). Exit 0: the workbook is usable
 * (or was restored); 1: it is damaged or missing (and, with --restore, no valid backup
 * exists); 2: it cannot be checked, or a newer cxray wrote it.
 */
import { UserError } from '../core/errors.js';
import { plainLine } from '../core/terminal-text.js';
import { WORKBOOK_SCHEMA_VERSION } from '../core/workbook-schema.js';
import { resolveDbPath } from '../store/db-path.js';
import { formatSince } from '../store/lock.js';
import { shellQuote } from '../store/messages.js';
import { bestBackup, diagnoseWorkbook, repairWorkbook, restoreNewestBackup, type Diagnosis, type FileReport } from '../store/recovery.js';
import { checkEvidenceFiles } from '../store/evidence-files.js';
import { checkWorkbookBytes, problemLine, problemPhrase } from '../store/workbook-file.js';
import type { Invocation, OptionValues } from './contract.js';
import type { DOCTOR_OPTIONS } from './flags.js';

/** How many problems of one file are listed under it. */
const MAX_PROBLEMS_LISTED = 20;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "2026-11-20 14:02:11", local time. */
export function formatModified(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

/** One file's line, and under it the problems of an invalid file. */
export function describeFile(report: FileReport): string[] {
  const modified = report.modified ? `, modified ${formatModified(report.modified)}` : '';
  switch (report.status) {
    case 'missing':
      return [`${report.path}: does not exist`];
    case 'unreadable':
      return [`${report.path}: cannot be read (${report.reason})${modified}`];
    case 'newer':
      return [`${report.path}: written by a newer cxray (workbook format ${report.version}; this one reads up to ${WORKBOOK_SCHEMA_VERSION})${modified}`];
    case 'valid': {
      const format =
        report.fromVersion !== undefined && report.fromVersion < WORKBOOK_SCHEMA_VERSION
          ? ` (workbook format ${report.fromVersion}, converted when opened)`
          : '';
      const skipped = report.distrust ? `; --restore skips it: ${report.distrust}` : '';
      return [`${report.path}: valid${format}, ${plural(report.assessments ?? 0, 'assessment')}, ${plural(report.answers ?? 0, 'answer')}${modified}${skipped}`];
    }
    case 'invalid': {
      const problems = report.problems ?? [];
      const [first] = problems;
      const where = first?.position ? `line ${first.position.line}, column ${first.position.column}: ` : '';
      const more = problems.length > 1 ? `, and ${plural(problems.length - 1, 'more problem')}` : '';
      const lines = [`${report.path}: invalid (${where}${first ? problemPhrase(first) : 'unknown problem'}${more})${modified}`];
      if (problems.length > 1) {
        for (const p of problems.slice(0, MAX_PROBLEMS_LISTED)) lines.push(`  ${problemLine(report.path, p)}`);
        if (problems.length > MAX_PROBLEMS_LISTED) lines.push(`  ... and ${problems.length - MAX_PROBLEMS_LISTED} more`);
      }
      return lines;
    }
  }
}

function describeLock(lock: NonNullable<Diagnosis['lock']>): string {
  if (!lock.info) return `${lock.path}: a lock file that cannot be read; the next cxray takes it over if it is older than 10 seconds`;
  const who = `pid ${lock.info.pid}${lock.holder === 'unknown' ? ` on ${lock.info.hostname}` : ''}${lock.info.command ? ` (${lock.info.command})` : ''}`;
  switch (lock.holder) {
    case 'running':
      return `${lock.path}: held by ${who} since ${formatSince(lock.info.since)}; that cxray is still running`;
    case 'gone':
      return `${lock.path}: left by ${who} since ${formatSince(lock.info.since)}, which no longer runs; the next cxray takes it over`;
    case 'unknown':
      return `${lock.path}: held by ${who} since ${formatSince(lock.info.since)}; if that cxray no longer runs, delete the lock file`;
  }
}

export async function run({ values, env, cwd, out }: Invocation<OptionValues<typeof DOCTOR_OPTIONS>>): Promise<number> {
  const path = resolveDbPath(values, env, cwd);
  const restore = values.restore === true;
  const db = shellQuote(path);

  if (values.repair === true) {
    if (restore) throw new UserError('doctor: choose --restore or --repair, not both.');
    const result = await repairWorkbook(path, { command: 'cxray doctor --repair' });
    if (result.outcome === 'repaired') {
      out(`repaired ${path}; the file as it was is kept as ${result.brokenKeptAs}. Set aside:\n`);
      for (const line of result.setAside) out(`  ${plainLine(line)}\n`);
      return 0;
    }
    for (const line of report(result.diagnosis)) out(line + '\n');
    if (result.outcome === 'not-needed') {
      out(`${path} has nothing --repair mends; ${result.diagnosis.workbook.status === 'valid' ? 'it is usable' : 'see above'}.\n`);
      return result.diagnosis.workbook.status === 'valid' ? 0 : 1;
    }
    out(`${path} has problems --repair cannot mend; \`cxray doctor --db ${db} --restore\` puts a backup in its place, or fix it in a text editor.\n`);
    return 1;
  }

  if (restore) {
    const result = await restoreNewestBackup(path, { command: 'cxray doctor --restore' });
    if (result.outcome === 'restored') {
      const modified = result.from.modified ? ` (modified ${formatModified(result.from.modified)})` : '';
      const aside = result.brokenKeptAs ? `; the damaged file is kept as ${result.brokenKeptAs}` : '';
      out(`restored ${path} from ${result.from.path}${modified}${aside}.\n`);
      return 0;
    }
    for (const line of report(result.diagnosis)) out(line + '\n');
    const { workbook } = result.diagnosis;
    if (result.outcome === 'not-needed') {
      if (workbook.status === 'valid') {
        out(`${path} is valid; nothing to restore.\n`);
        return 0;
      }
      if (workbook.status === 'newer') {
        throw new UserError(`${path} was written by a newer cxray (workbook format ${workbook.version}); it is not damaged, so it was left alone; upgrade cxray to open it.`);
      }
      throw new UserError(`${path} cannot be read (${workbook.reason}); fix its permissions before restoring anything.`);
    }
    out(`${path} is ${workbook.status === 'missing' ? 'missing' : 'damaged'} and no valid backup was found; nothing was changed.\n`);
    return 1;
  }

  const diagnosis = await diagnoseWorkbook(path);
  const { workbook } = diagnosis;
  if (workbook.status === 'missing' && diagnosis.backups.length === 0) {
    throw new UserError(`${path} does not exist, and there are no backups of it; check --db (or $CXRAY_DB).`);
  }
  for (const line of report(diagnosis)) out(line + '\n');
  const backup = bestBackup(diagnosis);
  switch (workbook.status) {
    case 'valid': {
      const evidence = await evidenceFileLines(workbook);
      for (const line of evidence.lines) out(line + '\n');
      out(
        `${path} is usable.${evidence.changed > 0 ? ` ${plural(evidence.changed, 'evidence file')} changed since accepted: look at ${evidence.changed === 1 ? 'it' : 'them'} again; in cxray, e on the answer lists its evidence, to reject the old file or add it anew.` : ''}\n`,
      );
      return 0;
    }
    case 'newer':
      out(`${path} was written by a newer cxray; it is not damaged: upgrade cxray to open it.\n`);
      return 2;
    case 'unreadable':
      out(`${path} cannot be read; fix its permissions (it should be readable and writable by you: chmod 600).\n`);
      return 2;
    case 'missing':
    case 'invalid': {
      const state = workbook.status === 'missing' ? 'is missing' : 'is damaged';
      if (workbook.repairable) {
        out(`${path} ${state}: duplicates or answers to no journey; \`cxray doctor --db ${db} --repair\` keeps the newest of each, lists the rest and keeps the file as it was aside.\n`);
        return 1;
      }
      out(
        backup
          ? `${path} ${state}; \`cxray doctor --db ${db} --restore\` puts ${backup.path} in its place${workbook.status === 'invalid' ? ' and keeps the damaged file aside' : ''}.\n`
          : `${path} ${state} and no valid backup was found; fix it in a text editor (\`cxray schema workbook\` describes the format).\n`,
      );
      return 1;
    }
  }
}

/**
 * The accepted evidence files of every assessment that no longer match what was
 * accepted (another SHA-256 or size), or cannot be read here, one line each with the
 * path, filtered for the terminal. Links are not checked.
 */
async function evidenceFileLines(report: FileReport): Promise<{ lines: string[]; changed: number }> {
  const check = report.bytes ? checkWorkbookBytes(report.bytes) : undefined;
  if (!check?.ok) return { lines: [], changed: 0 };
  const lines: string[] = [];
  let changed = 0;
  for (const assessment of check.workbook.assessments) {
    const checks = await checkEvidenceFiles(assessment.evidence);
    for (const e of assessment.evidence ?? []) {
      const verdict = checks.get(e.id);
      if (!verdict) continue;
      const journey = e.journeyId === null ? 'organisation-wide' : (assessment.journeys.find((j) => j.id === e.journeyId)?.name ?? e.journeyId);
      const about = `evidence ${e.id} of "${plainLine(assessment.name)}" (${plainLine(journey)}, ${plainLine(e.questionId)})`;
      if (verdict === 'changed') {
        changed++;
        lines.push(`${plainLine(e.path!)}: changed since it was accepted (then SHA-256 ${(e.sha256 ?? '').slice(0, 12)}…, ${e.size} bytes); ${about}`);
      } else lines.push(`${plainLine(e.path!)}: cannot be read here to check it; ${about}`);
    }
  }
  return { lines, changed };
}

function report(diagnosis: Diagnosis): string[] {
  const lines = describeFile(diagnosis.workbook);
  for (const backup of diagnosis.backups) lines.push(...describeFile(backup));
  if (diagnosis.lock) lines.push(describeLock(diagnosis.lock));
  return lines;
}
