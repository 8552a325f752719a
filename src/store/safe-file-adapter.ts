/**
 * The lowdb adapter for the workbook file. lowdb's own JSONFile adapter checks nothing on
 * read and its writer (steno) never fsyncs, reuses one temp name, writes 0644 and turns
 * a symlink into a regular file; this one:
 * - reads: validates with the zod schema, migrates older formats in memory, and refuses
 *   (UserError, exit 2) a file it cannot read, naming file:line:column or the field and
 *   the way out, without ever writing to it;
 * - writes: atomically and durably (atomic-file.ts), 0600, through symlinks; keeps the
 *   previous good version as `<file>.bak` (once per batch of saves, when asked) and the
 *   original of a migrated file as `<file>.v<N>.bak` before its first save;
 * - never replaces a file another program changed since (WorkbookChangedOnDisk), and
 *   reads that file for the store to offer both versions (src/store/conflict.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Adapter } from 'lowdb';
import { UserError } from '../core/errors.js';
import { WORKBOOK_SCHEMA_VERSION, type Workbook } from '../core/workbook-schema.js';
import {
  PRIVATE_MODE,
  linkFileAtomic,
  realFs,
  resolveWriteTarget,
  sameIdentity,
  writeFileAtomic,
  writeFileAtomicSync,
  type FileIdentity,
  type StoreFs,
} from './atomic-file.js';
import { WorkbookChangedOnDisk, type TheirFile } from './conflict.js';
import { describeFsError, shellQuote } from './messages.js';
import type { Migration } from './migrations.js';
import { SaveCaches } from './save-caches.js';
import { checkWorkbookBytes, problemLine, unreadableMessage } from './workbook-file.js';

export interface AdapterOptions {
  /** The file system (tests inject faults). */
  fs?: StoreFs;
  /** The migration chain and the version to reach (tests inject synthetic ones). */
  migrations?: readonly Migration[];
  targetVersion?: number;
  /** What the saves remember between them (default: a new one for this adapter). */
  caches?: SaveCaches;
  /** The workbook as the user named it, for messages (default: the path opened). */
  displayPath?: string;
}

/** A workbook as read from disk, with what the writer needs to know about the file. */
export interface LoadedWorkbook {
  workbook: Workbook;
  /** The bytes on disk and their identity: the last known good version. */
  bytes: Buffer;
  identity: FileIdentity;
  /** The file's format version (below the current one when it was migrated). */
  fromVersion: number;
}

/** The backups of a workbook (real path) by kind. */
export function backupPathFor(realPath: string): string {
  return `${realPath}.bak`;
}
export function versionBackupPathFor(realPath: string, version: number): string {
  return `${realPath}.v${version}.bak`;
}

/** What to do about a workbook that cannot be opened, as a clause. */
export function wayOut(displayPath: string, realPath: string): string {
  const bak = backupPathFor(realPath);
  const db = shellQuote(displayPath);
  if (existsSync(bak)) {
    const shown = resolve(displayPath) === realPath ? `${displayPath}.bak` : bak;
    return `the previous version is in ${shown}, and \`cxray doctor --db ${db} --restore\` checks it and puts it back`;
  }
  return `run \`cxray doctor --db ${db}\` to look for backups, or fix it in a text editor (\`cxray schema workbook\` describes the format)`;
}

/**
 * Reads and checks a workbook file. Returns null when it does not exist; throws a
 * UserError when it cannot be read or is not a valid workbook for this cxray.
 */
export async function loadWorkbookFile(displayPath: string, realPath: string, options: AdapterOptions = {}): Promise<LoadedWorkbook | null> {
  const fs = options.fs ?? realFs;
  let bytes: Buffer;
  let identity: FileIdentity;
  try {
    const stats = await fs.stat(realPath);
    if (!stats.isFile()) throw new UserError(`${displayPath} is not a regular file; --db needs a workbook file.`);
    bytes = await fs.readFile(realPath);
    identity = { dev: stats.dev, ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs };
  } catch (error) {
    if (error instanceof UserError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UserError(`cannot read ${displayPath}: ${describeFsError(error, displayPath, 'read')}.`);
  }
  const check = checkWorkbookBytes(bytes, options);
  if (!check.ok) {
    throw new UserError(unreadableMessage(displayPath, check, wayOut(displayPath, realPath), options.targetVersion ?? WORKBOOK_SCHEMA_VERSION));
  }
  return { workbook: check.workbook, bytes, identity, fromVersion: check.fromVersion };
}

/** The file on disk as found after another program changed it: its bytes, whatever they are. */
export interface TheirBytes {
  bytes: Buffer;
  identity: FileIdentity;
  file: TheirFile;
  /** When it is a valid workbook: what reading it gave. */
  loaded?: LoadedWorkbook;
}

function identityOf(stats: FileIdentity): FileIdentity {
  return { dev: stats.dev, ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs };
}

export class SafeFileAdapter implements Adapter<Workbook> {
  readonly fs: StoreFs;
  /** What this workbook's saves have checked and written (src/store/save-caches.ts). */
  readonly caches: SaveCaches;
  /** The file a save replaces: the path with its symlinks resolved. Set by read(). */
  realPath: string | undefined;
  /** Set by the store: the next write first keeps the file on disk as `.bak`. */
  backupBeforeNextWrite = true;
  /** The last version known good on disk (what we read or wrote), for the backup. */
  private lastGood: { bytes: Buffer; identity: FileIdentity } | undefined;
  /** The file a save may replace: the one last read or written, or theirs once the user chose to overwrite it. */
  private expected: FileIdentity | undefined;
  /** A file read in an older format: its original goes to `.v<N>.bak` before the first save. */
  private pendingVersionBackup: { version: number; bytes: Buffer } | undefined;

  constructor(
    /** The workbook as the user named it (for messages). */
    readonly path: string,
    readonly options: AdapterOptions = {},
  ) {
    this.fs = options.fs ?? realFs;
    this.caches = options.caches ?? new SaveCaches();
  }

  /** The workbook as messages name it: as the user gave it. */
  get shown(): string {
    return this.options.displayPath ?? this.path;
  }

  /** Resolves the file's real path (symlinks followed); fails clearly when its folder is missing. */
  async resolve(): Promise<string> {
    if (this.realPath) return this.realPath;
    try {
      this.realPath = await resolveWriteTarget(this.path);
    } catch (error) {
      throw new UserError(`cannot open ${this.shown}: ${describeFsError(error, this.shown)}, or choose another --db.`);
    }
    return this.realPath;
  }

  async read(): Promise<Workbook | null> {
    const realPath = await this.resolve();
    const loaded = await loadWorkbookFile(this.shown, realPath, this.options);
    if (!loaded) return null;
    // The schema has just accepted it: the first save checks only what changed since.
    this.caches.trustRead(loaded.workbook);
    this.lastGood = { bytes: loaded.bytes, identity: loaded.identity };
    this.expected = loaded.identity;
    const target = this.options.targetVersion ?? WORKBOOK_SCHEMA_VERSION;
    if (loaded.fromVersion < target) this.pendingVersionBackup = { version: loaded.fromVersion, bytes: loaded.bytes };
    return loaded.workbook;
  }

  async write(workbook: Workbook): Promise<void> {
    // Everything that reads `workbook` happens before the first await: the bytes are a
    // snapshot of this moment, whatever changes arrive while the disk works.
    this.caches.assertWritable(this.shown, workbook);
    const bytes = this.caches.serialize(workbook);
    const realPath = await this.resolve();
    await this.assertUnchangedOnDisk(realPath);

    if (this.pendingVersionBackup) {
      await writeFileAtomic(this.fs, versionBackupPathFor(realPath, this.pendingVersionBackup.version), this.pendingVersionBackup.bytes);
      this.pendingVersionBackup = undefined;
      this.backupBeforeNextWrite = false;
    } else if (this.backupBeforeNextWrite) {
      try {
        await this.backUpCurrentFile(realPath);
        this.backupBeforeNextWrite = false;
      } catch {
        // A backup that cannot be written must not keep the answers from being saved
        // (the save itself is atomic and validated); it is tried again at the next save.
        // If the disk is full, the save below fails too and says so.
      }
    }
    const identity = await writeFileAtomic(this.fs, realPath, bytes);
    this.lastGood = { bytes, identity };
    this.expected = identity;
  }

  /**
   * The file on disk now, as it is (after another program changed it): its bytes and,
   * when it is a valid workbook, what it holds. Undefined when it no longer exists.
   */
  async readTheirs(): Promise<TheirBytes | undefined> {
    const realPath = await this.resolve();
    let stats;
    let bytes: Buffer;
    try {
      stats = await this.fs.stat(realPath);
      bytes = await this.fs.readFile(realPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new UserError(`cannot read ${this.shown}: ${describeFsError(error, this.shown, 'read')}.`);
    }
    const identity = identityOf(stats);
    const modifiedAt = new Date(stats.mtimeMs);
    const check = checkWorkbookBytes(bytes, this.options);
    if (!check.ok) {
      const problem = check.kind === 'newer' ? `${this.shown}: written by a newer cxray (workbook format ${check.version})` : problemLine(this.shown, check.problems[0]!);
      return { bytes, identity, file: { modifiedAt, problem } };
    }
    return { bytes, identity, file: { modifiedAt, workbook: check.workbook }, loaded: { workbook: check.workbook, bytes, identity, fromVersion: check.fromVersion } };
  }

  /** Theirs becomes the workbook this adapter knows (as if just read): the next save replaces it. */
  acceptTheirs(loaded: LoadedWorkbook): void {
    this.caches.trustRead(loaded.workbook);
    this.lastGood = { bytes: loaded.bytes, identity: loaded.identity };
    this.expected = loaded.identity;
    const target = this.options.targetVersion ?? WORKBOOK_SCHEMA_VERSION;
    this.pendingVersionBackup = loaded.fromVersion < target ? { version: loaded.fromVersion, bytes: loaded.bytes } : undefined;
  }

  /**
   * The next save may replace the file with this identity (theirs, kept elsewhere first).
   * It is not known good: the backup reads and checks it before keeping it as `.bak`.
   */
  overwriteNext(identity: FileIdentity): void {
    this.expected = identity;
  }

  /**
   * Copies the file on disk to `.bak`, atomically, but only when it is a valid workbook:
   * a damaged file must never replace a good backup. When the file is the one we last
   * read or wrote (same inode, size and mtime) its bytes are known good without reading.
   */
  private async backUpCurrentFile(realPath: string): Promise<void> {
    let current: { bytes: Buffer; identity: FileIdentity };
    try {
      const stats = await this.fs.stat(realPath);
      const identity = identityOf(stats);
      if (this.lastGood && sameIdentity(identity, this.lastGood.identity)) {
        // Ours, and only ever replaced by rename: the backup can be the same file under a
        // second name, instead of a second durable write of every byte. The save that
        // follows syncs the folder, which makes the link durable too. Only for a 0600
        // file (a link shares the mode); else, or without hard links, a copy.
        if (stats.mode !== undefined && (stats.mode & 0o777) === PRIVATE_MODE) {
          try {
            await linkFileAtomic(this.fs, realPath, backupPathFor(realPath));
            return;
          } catch {
            // No hard links on this file system (or the link failed): copy below.
          }
        }
        current = this.lastGood;
      } else {
        const bytes = await this.fs.readFile(realPath);
        // Changed behind our back (another program, or a cxray without the lock).
        if (!checkWorkbookBytes(bytes, this.options).ok) return;
        current = { bytes, identity };
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // Nothing saved yet.
      throw error;
    }
    await writeFileAtomic(this.fs, backupPathFor(realPath), current.bytes);
  }

  /**
   * Throws WorkbookChangedOnDisk when the file is no longer the one last read or written
   * (its identity: device, inode, size, modification time), so that a save never
   * replaces what another program wrote meanwhile. A file that is gone is not refused.
   * (A change in the instant between this check and the rename cannot be seen: POSIX
   * has no compare-and-rename.)
   */
  private async assertUnchangedOnDisk(realPath: string): Promise<void> {
    if (!this.expected) return;
    let stats;
    try {
      stats = await this.fs.stat(realPath);
    } catch {
      return; // Gone, or unreadable: the save says what is wrong.
    }
    if (!sameIdentity(identityOf(stats), this.expected)) throw new WorkbookChangedOnDisk(this.shown);
  }

  /**
   * The last-chance save when the process exits: synchronous, real file system, no
   * backup (there is no time for it; the previous `.bak` stays). Throws
   * WorkbookChangedOnDisk, writing nothing, when another program changed the file.
   */
  writeSync(workbook: Workbook): void {
    if (!this.realPath) return;
    this.caches.assertWritable(this.shown, workbook);
    const bytes = this.caches.serialize(workbook);
    if (this.expected) {
      let stats;
      try {
        stats = statSync(this.realPath);
      } catch {
        // Gone, or unreadable: the write says what is wrong.
      }
      if (stats && !sameIdentity(identityOf(stats), this.expected)) throw new WorkbookChangedOnDisk(this.shown);
    }
    if (this.pendingVersionBackup) {
      writeFileAtomicSync(versionBackupPathFor(this.realPath, this.pendingVersionBackup.version), this.pendingVersionBackup.bytes);
      this.pendingVersionBackup = undefined;
    }
    writeFileAtomicSync(this.realPath, bytes);
  }
}
