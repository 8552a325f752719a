/**
 * The write lock: `<workbook>.lock`, created with O_EXCL, holding who holds it. Only one
 * cxray process writes a workbook at a time; readers need no lock because every save
 * is an atomic rename. A lock whose process is gone (same host, `kill(pid, 0)` says
 * ESRCH) is stale and is taken over.
 */
import * as nodeFs from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { toJson } from '../core/json-text.js';
import { PRIVATE_MODE, processIsAlive } from './atomic-file.js';
import { describeFsError } from './messages.js';

/** What the lock file holds. */
export interface LockInfo {
  pid: number;
  hostname: string;
  /** When the lock was taken (ISO 8601). */
  since: string;
  /** The command line that holds it, e.g. "cxray --db workshop.json". */
  command: string;
}

/** A lock this process holds. */
export interface HeldLock {
  readonly path: string;
  readonly info: LockInfo;
  /** Removes the lock file if it is still ours. Never throws. */
  release(): Promise<void>;
  /** The same, synchronously (for a process 'exit' listener). */
  releaseSync(): void;
}

/** The lock file's path for a workbook (already resolved to its real path). */
export function lockPathFor(realWorkbookPath: string): string {
  return `${realWorkbookPath}.lock`;
}

/** Parses a lock file's content; undefined if it is not a lock we understand. */
export function parseLockInfo(text: string): LockInfo | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
    if (
      typeof value === 'object' &&
      value !== null &&
      Number.isInteger(value.pid) &&
      typeof value.hostname === 'string' &&
      typeof value.since === 'string'
    ) {
      return { pid: value.pid!, hostname: value.hostname, since: value.since, command: typeof value.command === 'string' ? value.command : '' };
    }
  } catch {
    // Not JSON: a lock being written, or a stranger's file.
  }
  return undefined;
}

/** Whether the holder still runs: 'running', 'gone', or 'unknown' (another host). */
export function lockHolderState(info: LockInfo, host = hostname()): 'running' | 'gone' | 'unknown' {
  if (info.hostname !== host) return 'unknown';
  return processIsAlive(info.pid) ? 'running' : 'gone';
}

/** "14:02" today, "2026-11-19 14:02" on another day (local time). */
export function formatSince(iso: string, now = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return 'an unknown time';
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const sameDay = at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
  return sameDay ? time : `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`;
}

/** The refusal a second writer gets. */
export function lockHeldMessage(displayPath: string, info: LockInfo, lockPath: string, host = hostname()): string {
  if (info.hostname !== host) {
    return (
      `${displayPath} is open in another cxray (pid ${info.pid} on ${info.hostname}, since ${formatSince(info.since)}); ` +
      `close it there, or wait (if that cxray no longer runs, delete ${lockPath}).`
    );
  }
  return `${displayPath} is open in another cxray (pid ${info.pid}, since ${formatSince(info.since)}); close it there, or wait.`;
}

/**
 * The lock files this process holds. Process-wide on purpose, as the lock itself is (it
 * names a pid): a second store of this process on the same file must see the first.
 */
const heldHere = new Set<string>();

/** How old an unreadable lock file must be before it counts as left by a crash. */
const UNREADABLE_LOCK_STALE_MS = 10_000;

async function readLock(lockPath: string): Promise<{ info?: LockInfo; mtimeMs: number } | undefined> {
  try {
    const [text, stats] = await Promise.all([fsPromises.readFile(lockPath, 'utf8'), fsPromises.stat(lockPath)]);
    return { info: parseLockInfo(text), mtimeMs: stats.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Takes a stale lock away without racing another process doing the same: the lock is
 * renamed to a private name first (atomic), then checked to be the one judged stale.
 * If someone else took the lock meanwhile, theirs is put back. Returns whether the
 * stale lock is gone.
 */
async function removeStaleLock(lockPath: string, stale: { info?: LockInfo; mtimeMs: number }): Promise<boolean> {
  const aside = `${lockPath}.stale-${process.pid}-${Date.now()}`;
  try {
    await fsPromises.rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const moved = await readLock(aside).catch(() => undefined);
  const same =
    moved !== undefined &&
    (stale.info ? moved.info?.pid === stale.info.pid && moved.info.since === stale.info.since : moved.info === undefined);
  if (!same) {
    // A live lock taken between our read and our rename: give it back.
    await fsPromises.link(aside, lockPath).catch(() => undefined);
  }
  await fsPromises.unlink(aside).catch(() => undefined);
  return same;
}

/**
 * Takes the write lock of a workbook, or throws the UserError a second writer gets.
 * `displayPath` is the workbook as the user named it.
 */
export async function acquireLock(realWorkbookPath: string, options: { displayPath: string; command: string }): Promise<HeldLock> {
  const lockPath = lockPathFor(realWorkbookPath);
  const host = hostname();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const info: LockInfo = { pid: process.pid, hostname: host, since: new Date().toISOString(), command: options.command };
    let handle: fsPromises.FileHandle | undefined;
    try {
      handle = await fsPromises.open(lockPath, 'wx', PRIVATE_MODE);
      await handle.chmod(PRIVATE_MODE);
      await handle.writeFile(toJson(info, 0) + '\n');
      await handle.close();
      heldHere.add(lockPath);
      return heldLock(lockPath, info);
    } catch (error) {
      await handle?.close().catch(() => undefined);
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        if (handle) await fsPromises.unlink(lockPath).catch(() => undefined);
        throw new UserError(
          `cannot open ${options.displayPath} for writing (its lock file ${lockPath} cannot be created): ${describeFsError(error, lockPath)}, or choose another --db.`,
        );
      }
    }
    const existing = await readLock(lockPath).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'EISDIR') {
        throw new UserError(`cannot open ${options.displayPath} for writing: ${lockPath} is a folder, not cxray's lock file; move it out of the way and try again.`);
      }
      throw new UserError(`cannot open ${options.displayPath} for writing: its lock file ${lockPath} cannot be read (${describeFsError(error, lockPath)}).`);
    });
    if (!existing) continue; // Released meanwhile: try again.
    if (!existing.info) {
      // Unreadable: being written right now, or left half-written by a crash.
      if (Date.now() - existing.mtimeMs < UNREADABLE_LOCK_STALE_MS) {
        await new Promise((r) => setTimeout(r, 100));
        const again = await readLock(lockPath);
        if (!again?.info && again && Date.now() - again.mtimeMs < UNREADABLE_LOCK_STALE_MS) {
          throw new UserError(
            `${options.displayPath} is being opened by another cxray (its lock ${lockPath} is being written); wait a moment and try again.`,
          );
        }
        continue;
      }
      await removeStaleLock(lockPath, existing);
      continue;
    }
    const ownPid = existing.info.pid === process.pid && existing.info.hostname === host;
    if (ownPid && heldHere.has(lockPath)) {
      throw new UserError(`${options.displayPath} is already open in this cxray; close it before opening it again.`);
    }
    // Our own pid on a lock we do not hold: left by an earlier process that had the same
    // pid (pids repeat, in containers especially), so it is stale.
    if (!ownPid && lockHolderState(existing.info, host) !== 'gone') {
      throw new UserError(lockHeldMessage(options.displayPath, existing.info, lockPath, host));
    }
    await removeStaleLock(lockPath, existing);
  }
  throw new UserError(`cannot take the lock ${lockPath}: other cxray processes keep taking it; close them and try again.`);
}

/**
 * Locks not yet removed from disk, for the 'exit' listener: a process that exits while
 * an asynchronous release is still under way (`cxray import … | head`: the closed pipe
 * ends the process mid-close) removes them synchronously on its way out.
 */
const notYetRemoved = new Set<HeldLock>();
let exitListenerInstalled = false;

function releaseAllSync(): void {
  for (const lock of [...notYetRemoved]) lock.releaseSync();
}

function heldLock(path: string, info: LockInfo): HeldLock {
  // Removed only once its file is gone (or found not to be ours): until then the exit
  // listener still removes it, even while release() waits on the disk.
  let removed = false;
  const isOurs = (text: string) => {
    const current = parseLockInfo(text);
    return current?.pid === info.pid && current.since === info.since && current.hostname === info.hostname;
  };
  const done = () => {
    removed = true;
    notYetRemoved.delete(lock);
    heldHere.delete(path);
  };
  const lock: HeldLock = {
    path,
    info,
    async release() {
      if (removed) return;
      try {
        if (isOurs(await fsPromises.readFile(path, 'utf8'))) await fsPromises.unlink(path);
      } catch {
        // Already gone: nothing to release.
      }
      done();
    },
    releaseSync() {
      if (removed) return;
      try {
        if (isOurs(nodeFs.readFileSync(path, 'utf8'))) nodeFs.unlinkSync(path);
      } catch {
        // Already gone.
      }
      done();
    },
  };
  notYetRemoved.add(lock);
  if (!exitListenerInstalled) {
    exitListenerInstalled = true;
    process.on('exit', releaseAllSync);
  }
  return lock;
}

/** The lock of a workbook as doctor reports it. */
export async function inspectLock(realWorkbookPath: string): Promise<{ path: string; info?: LockInfo; holder: 'running' | 'gone' | 'unknown' } | undefined> {
  const lockPath = lockPathFor(realWorkbookPath);
  const found = await readLock(lockPath).catch(() => undefined);
  if (!found) return undefined;
  return { path: lockPath, info: found.info, holder: found.info ? lockHolderState(found.info) : 'unknown' };
}

/**
 * The write lock of the workbook the user named `givenPath` (resolved to `realPath`):
 * beside the path given, where the user looks for it, and, when that path is a symlink
 * to a file elsewhere, beside the real file too, so that two links to one file still
 * have one writer at a time. Released together.
 */
export async function acquireWorkbookLock(givenPath: string, realPath: string, options: { displayPath: string; command: string }): Promise<HeldLock> {
  const besideGiven = resolve(givenPath);
  const first = await acquireLock(besideGiven, options);
  if (besideGiven === realPath) return first;
  let second: HeldLock;
  try {
    second = await acquireLock(realPath, options);
  } catch (error) {
    await first.release();
    throw error;
  }
  return {
    path: first.path,
    info: first.info,
    async release() {
      await second.release();
      await first.release();
    },
    releaseSync() {
      second.releaseSync();
      first.releaseSync();
    },
  };
}
