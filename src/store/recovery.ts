/**
 * What `cxray doctor` needs: the state of a workbook and of its backups (`.bak`,
 * `.v<N>.bak`, and copies of unsaved changes), and putting the newest valid backup in
 * place of a damaged workbook without ever deleting the damaged one.
 */
import { chmod, readdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { toJson } from '../core/json-text.js';
import { repairIntegrity } from '../core/workbook-integrity.js';
import { fileTimestamp, realFs, resolveWriteTarget, sameIdentity, writeFileAtomic, type FileIdentity } from './atomic-file.js';
import { acquireWorkbookLock, inspectLock, type HeldLock, type LockInfo } from './lock.js';
import { describeFsError } from './messages.js';
import { checkWorkbookBytes, type FileProblem } from './workbook-file.js';

/** One file as doctor sees it. */
export interface FileReport {
  /** The path as shown to the user. */
  path: string;
  /** The real path on disk. */
  realPath: string;
  role: 'workbook' | 'backup' | 'version-backup' | 'unsaved-copy';
  status: 'valid' | 'invalid' | 'newer' | 'missing' | 'unreadable';
  /** For valid files: the format version in the file. */
  fromVersion?: number;
  assessments?: number;
  answers?: number;
  modified?: Date;
  /** For invalid ones: every problem found. */
  problems?: FileProblem[];
  /** For newer and unreadable ones: the version, or why it cannot be read. */
  version?: number;
  reason?: string;
  /** For an invalid file: its only problems are duplicates or answers to no journey, which --repair mends. */
  repairable?: boolean;
  /** For a backup: why --restore will not use it, though valid (someone else's file, open to others, dated in the future). */
  distrust?: string;
  bytes?: Buffer;
  /** The file as it was inspected, to tell whether it changed since (not for a missing file). */
  identity?: FileIdentity;
}

export interface Diagnosis {
  workbook: FileReport;
  /** Backups, newest first. */
  backups: FileReport[];
  lock?: { path: string; info?: LockInfo; holder: 'running' | 'gone' | 'unknown' };
}

/** How far in the future a backup's modification time may be (clock skew) before it is distrusted. */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * Why a backup in the workbook's folder must not be put in its place, or undefined: in a
 * shared folder anyone may plant a file named like a backup. Trusted: a file of the
 * current user, that nobody else can read or write (cxray writes them 0600), not dated
 * in the future (which would make it look newest).
 */
export function distrustOf(stats: { uid?: number; mode?: number; mtimeMs: number }, uid = process.getuid?.(), now = Date.now()): string | undefined {
  if (uid !== undefined && stats.uid !== undefined && stats.uid !== uid) return `it belongs to another user (uid ${stats.uid})`;
  if (stats.mode !== undefined && (stats.mode & 0o077) !== 0) return `others can read or write it (mode ${(stats.mode & 0o777).toString(8)}; cxray writes 600)`;
  if (stats.mtimeMs > now + FUTURE_SLACK_MS) return 'it is dated in the future';
  return undefined;
}

async function inspectFile(path: string, realPath: string, role: FileReport['role']): Promise<FileReport> {
  const base: FileReport = { path, realPath, role, status: 'missing' };
  let bytes: Buffer;
  let modified: Date;
  let distrust: string | undefined;
  let identity: FileIdentity;
  try {
    const stats = await realFs.stat(realPath);
    modified = new Date(stats.mtimeMs);
    identity = { dev: stats.dev, ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs };
    base.identity = identity;
    if (role !== 'workbook') distrust = distrustOf(stats);
    if (!stats.isFile()) return { ...base, status: 'unreadable', modified, reason: 'not a regular file' };
    bytes = await realFs.readFile(realPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return base;
    return { ...base, status: 'unreadable', reason: describeFsError(error, realPath) };
  }
  const check = checkWorkbookBytes(bytes);
  if (check.ok) {
    return {
      ...base,
      status: 'valid',
      modified,
      bytes,
      fromVersion: check.fromVersion,
      assessments: check.workbook.assessments.length,
      answers: check.workbook.assessments.reduce((sum, a) => sum + a.answers.length, 0),
      ...(distrust ? { distrust } : {}),
    };
  }
  if (check.kind === 'newer') return { ...base, status: 'newer', modified, version: check.version };
  const repairable = checkWorkbookBytes(bytes, { allowIntegrityProblems: true }).ok;
  return { ...base, status: 'invalid', modified, problems: check.problems, ...(repairable ? { repairable } : {}) };
}

const BACKUP_NAME = (name: string) => {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}(?:\\.bak|\\.v(\\d+)\\.bak|\\.unsaved-[0-9TZ]+(?:-[0-9a-f]{8})?\\.json)$`);
};

/** Whether the lock found is the one this process holds (doctor --restore's own, not "still running"). */
function isOwnLock(found: NonNullable<Diagnosis['lock']>, own: HeldLock | undefined): boolean {
  return !!own && found.info?.pid === own.info.pid && found.info.since === own.info.since && found.info.hostname === own.info.hostname;
}

/** Checks a workbook, its backups and its lock (other than `ownLock`, held by the caller). Reads only. */
export async function diagnoseWorkbook(displayPath: string, ownLock?: HeldLock): Promise<Diagnosis> {
  let realPath: string;
  try {
    realPath = await resolveWriteTarget(displayPath);
  } catch (error) {
    throw new UserError(`cannot check ${displayPath}: ${describeFsError(error, resolve(displayPath))}, or check --db.`);
  }
  // Show backups beside the path the user gave, unless it is a symlink to elsewhere.
  const shownDir = resolve(displayPath) === realPath ? dirname(displayPath) : dirname(realPath);
  const workbook = await inspectFile(displayPath, realPath, 'workbook');
  const name = basename(realPath);
  const pattern = BACKUP_NAME(name);
  let names: string[] = [];
  try {
    names = (await readdir(dirname(realPath))).filter((n) => pattern.test(n) && n !== name);
  } catch {
    // An unreadable folder: no backups to list.
  }
  const backups = await Promise.all(
    names.map((n) =>
      inspectFile(
        join(shownDir, n),
        join(dirname(realPath), n),
        n.endsWith('.json') ? 'unsaved-copy' : /\.v\d+\.bak$/.test(n) ? 'version-backup' : 'backup',
      ),
    ),
  );
  backups.sort((a, b) => (b.modified?.getTime() ?? 0) - (a.modified?.getTime() ?? 0));
  // The lock beside the path given (a symlink's), else beside the real file.
  const lock = (await inspectLock(resolve(displayPath))) ?? (await inspectLock(realPath));
  return { workbook, backups, lock: lock && !isOwnLock(lock, ownLock) ? lock : undefined };
}

/**
 * Gives the damaged file a second name, `<file>.broken-<timestamp>`, before it is
 * replaced: a hard link (the rename that follows cannot lose it), or a copy where links
 * are not possible. Never overwrites an earlier one.
 */
async function keepAside(realPath: string): Promise<string> {
  const stamp = fileTimestamp();
  for (let n = 1; ; n += 1) {
    const aside = `${realPath}.broken-${stamp}${n === 1 ? '' : `-${n}`}`;
    try {
      await realFs.link(realPath, aside);
      // It holds the same sensitive answers: owner only, like every file cxray writes.
      await chmod(aside, 0o600).catch(() => undefined);
      return aside;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
    }
    const bytes = await realFs.readFile(realPath);
    const handle = await realFs.open(aside, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return aside;
  }
}

/**
 * Just before the workbook is replaced: throws a UserError, replacing nothing, when
 * another program changed (or created) it since it was inspected.
 */
async function assertAsInspected(displayPath: string, workbook: FileReport, keptAs: string | undefined): Promise<void> {
  let now: FileIdentity | undefined;
  try {
    const stats = await realFs.stat(workbook.realPath);
    now = { dev: stats.dev, ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs };
  } catch {
    // Gone: nothing of theirs to lose.
  }
  if (!now || sameIdentity(now, workbook.identity)) return;
  const kept = keptAs ? ` (the file as it was a moment ago is kept as ${keptAs})` : '';
  throw new UserError(`${displayPath} was changed by another program while doctor was mending it; nothing was replaced${kept}: run doctor again.`);
}

/** The backup `--restore` would use: the newest one this cxray can read. */
export function bestBackup(diagnosis: Diagnosis): FileReport | undefined {
  const usable = diagnosis.backups.filter((b) => b.status === 'valid' && !b.distrust);
  // The .bak first (cxray's own previous version), then the newest of the others.
  return usable.find((b) => b.role === 'backup') ?? usable[0];
}

export type RestoreResult =
  | { outcome: 'restored'; from: FileReport; brokenKeptAs?: string }
  | { outcome: 'not-needed'; diagnosis: Diagnosis }
  | { outcome: 'no-backup'; diagnosis: Diagnosis };

/**
 * Puts the newest valid backup in place of a damaged (or missing) workbook, under the
 * write lock. The damaged file is kept as `<file>.broken-<timestamp>`, never deleted.
 * A valid workbook, or one written by a newer cxray, is left alone.
 */
export async function restoreNewestBackup(displayPath: string, options: { command: string }): Promise<RestoreResult> {
  const realPath = await resolveWriteTarget(displayPath).catch((error: unknown) => {
    throw new UserError(`cannot restore ${displayPath}: ${describeFsError(error, resolve(displayPath))}.`);
  });
  const lock = await acquireWorkbookLock(displayPath, realPath, { displayPath, command: options.command });
  try {
    const diagnosis = await diagnoseWorkbook(displayPath, lock);
    const { workbook } = diagnosis;
    if (workbook.status === 'valid' || workbook.status === 'newer' || workbook.status === 'unreadable') {
      return { outcome: 'not-needed', diagnosis };
    }
    const from = bestBackup(diagnosis);
    if (!from?.bytes) return { outcome: 'no-backup', diagnosis };
    let brokenKeptAs: string | undefined;
    if (workbook.status === 'invalid') brokenKeptAs = await keepAside(realPath);
    await assertAsInspected(displayPath, workbook, brokenKeptAs);
    await writeFileAtomic(realFs, realPath, from.bytes);
    return { outcome: 'restored', from, brokenKeptAs };
  } finally {
    await lock.release();
  }
}

export type RepairResult =
  | { outcome: 'repaired'; setAside: string[]; brokenKeptAs: string }
  | { outcome: 'not-needed' | 'not-repairable'; diagnosis: Diagnosis };

/**
 * Mends a workbook whose only problems are those of integrityProblems (two answers to
 * one question, journeys sharing an id, answers to no journey), under the write lock:
 * the newest of duplicate answers and the first journey of an id are kept, the rest is
 * listed, and the file as it was is kept as `<file>.broken-<timestamp>`.
 */
export async function repairWorkbook(displayPath: string, options: { command: string }): Promise<RepairResult> {
  const realPath = await resolveWriteTarget(displayPath).catch((error: unknown) => {
    throw new UserError(`cannot repair ${displayPath}: ${describeFsError(error, resolve(displayPath))}.`);
  });
  const lock = await acquireWorkbookLock(displayPath, realPath, { displayPath, command: options.command });
  try {
    const diagnosis = await diagnoseWorkbook(displayPath, lock);
    const { workbook } = diagnosis;
    if (workbook.status !== 'invalid') return { outcome: 'not-needed', diagnosis };
    if (!workbook.repairable) return { outcome: 'not-repairable', diagnosis };
    const check = checkWorkbookBytes(await realFs.readFile(realPath), { allowIntegrityProblems: true });
    if (!check.ok) return { outcome: 'not-repairable', diagnosis };
    const repair = repairIntegrity(check.workbook);
    const brokenKeptAs = await keepAside(realPath);
    await assertAsInspected(displayPath, workbook, brokenKeptAs);
    await writeFileAtomic(realFs, realPath, Buffer.from(toJson(repair.workbook) + '\n', 'utf8'));
    return { outcome: 'repaired', setAside: repair.setAside, brokenKeptAs };
  } finally {
    await lock.release();
  }
}
