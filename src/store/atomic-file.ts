/**
 * The one writer of files that must be whole: the workbook and its backups, and the
 * exports (`cxray export --output`, `cxray diff --output`, `x` on the plan screen).
 * Written here rather than taken from lowdb's steno writer: steno never fsyncs, reuses
 * one temp name, writes 0644 and replaces a symlink with a regular file. Here: a uniquely
 * named temp file in the same folder, created 0600 (and chmod'ed, whatever the umask),
 * written, fsync'ed, then renamed over the target (writeFileAtomic) or linked under a
 * name that must be new (createFileAtomic), then the folder fsync'ed, so after a crash
 * the target holds either the old bytes or the new ones, never a mix.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';

/** The part of a file handle the store uses. */
export interface StoreFileHandle {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  chmod(mode: number): Promise<void>;
  stat(): Promise<{ dev: number; ino: number; size: number; mtimeMs: number }>;
  close(): Promise<void>;
}

/**
 * The file-system calls the store makes when it reads and saves, behind one small
 * interface so that tests can inject faults (a full disk, a read-only disk) at any step.
 */
export interface StoreFs {
  open(path: string, flags: string, mode?: number): Promise<StoreFileHandle>;
  readFile(path: string): Promise<Buffer>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<{ dev: number; ino: number; size: number; mtimeMs: number; mode?: number; uid?: number; isFile(): boolean }>;
  link(existing: string, newPath: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
}

/** The real file system. */
export const realFs: StoreFs = {
  open: (path, flags, mode) => fsPromises.open(path, flags, mode),
  readFile: (path) => fsPromises.readFile(path),
  rename: (from, to) => fsPromises.rename(from, to),
  unlink: (path) => fsPromises.unlink(path),
  stat: (path) => fsPromises.stat(path),
  link: (existing, newPath) => fsPromises.link(existing, newPath),
  readdir: (path) => fsPromises.readdir(path),
};

/** Who wrote a file and how it looked right after: enough to tell whether it changed since. */
export interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

export function sameIdentity(a: FileIdentity | undefined, b: FileIdentity | undefined): boolean {
  return !!a && !!b && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** "20261120T140203Z": a timestamp for file names, sortable, without colons. */
export function fileTimestamp(at = new Date()): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** The only mode cxray gives the files it writes: the owner reads and writes, nobody else. */
export const PRIVATE_MODE = 0o600;

/**
 * A fresh temp name beside `target`: `.<name>.<pid>.<random>.tmp`. Hidden, unique per
 * write, and recognisable by `cleanupTempFiles` after a crash.
 */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Escapes a string for use inside a RegExp. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches the temp files of `name` and of its backups: `.<name>.*.<pid>.<hex>.tmp`. */
export function tempFilePattern(name: string): RegExp {
  return new RegExp(`^\\.${escapeRegExp(name)}\\.(?:.+\\.)?(\\d+)\\.[0-9a-f]{12}\\.tmp$`);
}

/** Whether a process with this id runs on this machine (EPERM: it runs, as someone else). */
export function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temp files a crashed save left beside `target` (its own and its backups'):
 * those whose process is gone, or that are older than `maxAgeMs` (a pid can be reused).
 * Returns the paths removed. Never throws: a leftover temp file is only clutter.
 */
export async function cleanupTempFiles(fs: StoreFs, target: string, maxAgeMs = 60_000, now = Date.now()): Promise<string[]> {
  const dir = dirname(target);
  const pattern = tempFilePattern(basename(target));
  const removed: string[] = [];
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const path = join(dir, name);
    try {
      const { mtimeMs } = await fs.stat(path);
      if (processIsAlive(Number(match[1])) && now - mtimeMs < maxAgeMs) continue;
      await fs.unlink(path);
      removed.push(path);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

/** Errors a folder fsync may give on file systems that cannot sync folders; not worth failing a save. */
const UNSUPPORTED_DIR_SYNC = new Set(['EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EISDIR', 'EBADF', 'EPERM', 'EACCES']);

async function syncFolder(fs: StoreFs, dir: string): Promise<void> {
  let handle: StoreFileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!UNSUPPORTED_DIR_SYNC.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Replaces `target` with `bytes`, atomically and durably, as a 0600 file. On failure the
 * temp file is removed and `target` is unchanged. Returns the identity of the new file.
 * `target` must already be resolved (a symlink's target, not the link).
 */
export async function writeFileAtomic(fs: StoreFs, target: string, bytes: Uint8Array): Promise<FileIdentity> {
  const temp = tempPathFor(target);
  const identity = await writeTempFile(fs, temp, bytes);
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(fs, dirname(target));
  return identity;
}

/** Writes `bytes` to the new file `temp` (0600), synced to disk; removes it on failure. */
async function writeTempFile(fs: StoreFs, temp: string, bytes: Uint8Array): Promise<FileIdentity> {
  let handle: StoreFileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', PRIVATE_MODE);
    // The mode given to open() passes through the umask; set it exactly.
    await handle.chmod(PRIVATE_MODE);
    await handle.writeFile(bytes);
    await handle.sync();
    const { dev, ino, size, mtimeMs } = await handle.stat();
    await handle.close();
    handle = undefined;
    return { dev, ino, size, mtimeMs };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** What link() answers on file systems without hard links (some network and FUSE mounts). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Creates a new file holding `bytes` (0600), whole or not at all, under the first of
 * `names` that is free; every name must be in the same folder. Never replaces anything,
 * not even a file another process created a moment before, nor a dangling symlink: the
 * temp file is hard-linked to the name, and link() refuses an existing name as O_EXCL
 * does. Where the file system has no hard links, the name is claimed with O_EXCL and the
 * temp file renamed over the claim (a crash in between leaves that name empty). Returns
 * the name used; throws EEXIST when every name is taken.
 */
export async function createFileAtomic(fs: StoreFs, names: Iterable<string>, bytes: Uint8Array): Promise<string> {
  let temp: string | undefined;
  let first: string | undefined;
  try {
    for (const name of names) {
      first ??= name;
      if (temp === undefined) {
        temp = tempPathFor(name);
        await writeTempFile(fs, temp, bytes);
      }
      if (await claim(fs, temp, name)) {
        await syncFolder(fs, dirname(name));
        return name;
      }
    }
    throw Object.assign(new Error(`every name like ${first ?? 'this'} is taken`), { code: 'EEXIST' });
  } finally {
    if (temp !== undefined) await fs.unlink(temp).catch(() => undefined);
  }
}

/** Puts the temp file's bytes under `name` if the name is free; false when it is taken. */
async function claim(fs: StoreFs, temp: string, name: string): Promise<boolean> {
  try {
    await fs.link(temp, name);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) throw error;
  }
  try {
    await (await fs.open(name, 'wx', PRIVATE_MODE)).close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  await fs.rename(temp, name);
  return true;
}

/** `path`, then `path` with -2, -3 ... before its extension: names to try for a new file. */
export function* numberedNames(path: string, most = 9_999): Generator<string> {
  const ext = extname(path);
  const stem = path.slice(0, path.length - ext.length);
  yield path;
  for (let n = 2; n <= most; n++) yield `${stem}-${n}${ext}`;
}

/**
 * Gives the file `existing` a second name, `target` (a hard link), replacing whatever
 * `target` was, atomically: no bytes are copied, so there is nothing to fsync but the
 * folder. For a backup of a file that is only ever replaced by rename (never written in
 * place): the link keeps the old bytes when the file is replaced. Throws when the file
 * system has no hard links (the caller copies instead).
 */
export async function linkFileAtomic(fs: StoreFs, existing: string, target: string): Promise<void> {
  const temp = tempPathFor(target);
  await fs.link(existing, temp);
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  // When `target` already was `existing` (one inode, two names: a .bak linked before a
  // save that then failed), rename(2) of two links to the same file does nothing and
  // leaves `temp` in place: remove it (ENOENT, the usual case, is fine).
  await fs.unlink(temp).catch(() => undefined);
}

/**
 * The same as writeFileAtomic, synchronously, with the real file system: for the last
 * save when the process exits (an 'exit' listener cannot wait for promises).
 */
export function writeFileAtomicSync(target: string, bytes: Uint8Array): void {
  const temp = tempPathFor(target);
  let fd: number | undefined;
  try {
    fd = nodeFs.openSync(temp, 'wx', PRIVATE_MODE);
    nodeFs.fchmodSync(fd, PRIVATE_MODE);
    nodeFs.writeFileSync(fd, bytes);
    nodeFs.fsyncSync(fd);
    nodeFs.closeSync(fd);
    fd = undefined;
    nodeFs.renameSync(temp, target);
    try {
      const dirFd = nodeFs.openSync(dirname(target), 'r');
      try {
        nodeFs.fsyncSync(dirFd);
      } finally {
        nodeFs.closeSync(dirFd);
      }
    } catch {
      // As in syncFolder: the rename is done; a folder that cannot sync is not a failed save.
    }
  } catch (error) {
    if (fd !== undefined) nodeFs.closeSync(fd);
    try {
      nodeFs.unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    throw error;
  }
}

/**
 * The same as createFileAtomic, synchronously, with the real file system: for the last
 * copy of unsaved changes when the process exits. Returns the name used.
 */
export function createFileAtomicSync(names: Iterable<string>, bytes: Uint8Array): string {
  let temp: string | undefined;
  let first: string | undefined;
  try {
    for (const name of names) {
      first ??= name;
      if (temp === undefined) {
        temp = tempPathFor(name);
        const fd = nodeFs.openSync(temp, 'wx', PRIVATE_MODE);
        try {
          nodeFs.fchmodSync(fd, PRIVATE_MODE);
          nodeFs.writeFileSync(fd, bytes);
          nodeFs.fsyncSync(fd);
        } finally {
          nodeFs.closeSync(fd);
        }
      }
      if (claimSync(temp, name)) return name;
    }
    throw Object.assign(new Error(`every name like ${first ?? 'this'} is taken`), { code: 'EEXIST' });
  } finally {
    if (temp !== undefined) {
      try {
        nodeFs.unlinkSync(temp);
      } catch {
        // Renamed over its claim, or never created.
      }
    }
  }
}

function claimSync(temp: string, name: string): boolean {
  try {
    nodeFs.linkSync(temp, name);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) throw error;
  }
  try {
    nodeFs.closeSync(nodeFs.openSync(name, 'wx', PRIVATE_MODE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  nodeFs.renameSync(temp, name);
  return true;
}

/**
 * The file that writing to `path` should replace: the end of its symlink chain (so a
 * symlinked workbook stays a symlink), resolved to a real path. Works for a file that
 * does not exist yet, and for a dangling symlink (its target is created). Throws ENOENT
 * when the folder does not exist.
 */
export async function resolveWriteTarget(path: string): Promise<string> {
  try {
    return await fsPromises.realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops += 1) {
    let link: string;
    try {
      link = await fsPromises.readlink(current);
    } catch {
      break;
    }
    current = resolve(dirname(current), link);
  }
  return join(await fsPromises.realpath(dirname(current)), basename(current));
}
