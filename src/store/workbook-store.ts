/**
 * The workbook on disk, behind one small interface. Only src/store touches the file.
 * Changes apply in memory at once (`update` is synchronous, so typing never waits for
 * the disk) and are saved in the background, coalesced: at most one save every
 * ~150 ms, the last change on disk well within a second. `flush()` waits until
 * everything given so far is durable; `close()` saves what is left and releases the
 * lock. A failed save (full disk, read-only disk, no permission) is reported through
 * `onSaveState`, keeps the data in memory and is retried with backoff. A save that finds
 * the file changed by another program writes nothing (src/store/conflict.ts): a command
 * fails, the TUI stops saving until the user reloads theirs or keeps theirs aside and
 * saves this session's (`reloadTheirs`, `keepMine`).
 *
 * Writers (the TUI, import, demo --force, snapshot, doctor --restore) use
 * `openWorkbook`, which takes the write lock; readers (score, export, validate, doctor,
 * diff) use `readWorkbook`, which needs no lock because every save is an atomic rename.
 */
import { Low } from 'lowdb';
import { UserError } from '../core/errors.js';
import { writeTerminal } from '../terminal-write.js';
import { reapplyMine } from '../core/workbook-merge.js';
import { emptyWorkbook, type Workbook } from '../core/workbook-schema.js';
import { cleanupTempFiles, resolveWriteTarget } from './atomic-file.js';
import { acquireWorkbookLock, type HeldLock } from './lock.js';
import { assertReplaceable } from './replace-check.js';
import { rescueFolders, writeRescueCopy, type RescueResult } from './rescue.js';
import {
  WorkbookChangedOnDisk,
  closedInConflictMessage,
  conflictMessage,
  refusedMessage,
  shownBeside,
  writeConflictCopy,
  writeConflictCopySync,
  type ConflictPolicy,
  type TheirFile,
} from './conflict.js';
import { InvalidWorkbookInMemory, describeFsError, saveFailedMessage, shellQuote } from './messages.js';
import { SafeFileAdapter, loadWorkbookFile, type AdapterOptions } from './safe-file-adapter.js';

/** What the user should see about saving. */
export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'failed'; message: string }
  /** Another program changed the file: saving stops until reloadTheirs() or keepMine(). */
  | { kind: 'conflict'; message: string; theirs: TheirFile };

export interface WorkbookStore {
  readonly path: string;
  /** The current workbook, including changes not yet on disk. */
  readonly data: Workbook;
  /** Applies a change in memory now and schedules a save. */
  update(change: (workbook: Workbook) => Workbook): void;
  /** Resolves once every change given so far is on disk (rejects if the save fails). */
  flush(): Promise<void>;
  /** Called whenever the save state changes; returns an unsubscribe function. */
  onSaveState(listener: (state: SaveState) => void): () => void;
  /**
   * Saves what is pending and releases the file. Throws a UserError when the last
   * changes cannot be saved (saying so, and where a copy of them was put).
   */
  close(): Promise<void>;
  /**
   * In a conflict: the other program's file becomes the workbook (`data`), with this
   * session's unsaved changes that they did not touch re-applied (src/core/workbook-merge.ts,
   * then saved); this session's whole workbook is first written to
   * `<file>.conflict-<time>.json` beside it. Resolves to that copy's path and the count
   * of changes re-applied and left out; throws a UserError, changing nothing, when their
   * file is not a workbook this cxray can open or the copy cannot be written.
   */
  reloadTheirs(): Promise<Reloaded>;
  /**
   * In a conflict: their file is first kept as `<file>.conflict-<time>.json`, then this
   * session's workbook is saved over it. Resolves to the copy's path once saved
   * (undefined when their file had gone meanwhile); throws a UserError when the copy or
   * the save fails (the save state then says which).
   */
  keepMine(): Promise<string | undefined>;
}

/** What reloadTheirs() did. */
export interface Reloaded {
  /** This session's whole workbook, as it was before the reload. */
  copy: string;
  /** This session's unsaved changes carried into theirs, and those left out (they changed the same). */
  applied: number;
  conflicting: number;
}

export interface OpenOptions extends AdapterOptions {
  /** Take the write lock (default true). Every writer must; readers use readWorkbook. */
  lock?: boolean;
  /** Recorded in the lock file (default: the command line, e.g. "cxray --db workshop.json"). */
  command?: string;
  /** Save in the background after changes (default true). false: only flush() and close() save. */
  autoSave?: boolean;
  /** Least time between the starts of two background saves (default 150 ms). */
  saveIntervalMs?: number;
  /** Waits before each retry of a failed save (default 1, 2, 5, 10 s; the last repeats). */
  retryDelaysMs?: readonly number[];
  /** Where close() puts a copy of unsaved changes, tried in turn (default: rescueFolders: the state folder, the workbook's, the temp folder). */
  rescueDirs?: readonly string[];
  /** When another program changed the file: 'refuse' (default: fail, write nothing) or 'ask' (the TUI). */
  onConflict?: ConflictPolicy;
}

const DEFAULT_SAVE_INTERVAL_MS = 150;
const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 5000, 10_000] as const;
/** Saves closer together than this belong to one batch: only its first keeps a `.bak`. */
const BATCH_GAP_MS = 1000;

/**
 * Stores holding a lock, for the last-chance save and unlock when the process exits.
 * Process-wide on purpose, as the 'exit' event is; everything a store remembers between
 * saves is its own (SaveCaches, created with its adapter).
 */
const openStores = new Set<FileWorkbookStore>();
let exitListenerInstalled = false;

function onProcessExit(): void {
  for (const store of openStores) store.emergencyCloseSync();
}

function register(store: FileWorkbookStore): void {
  openStores.add(store);
  if (!exitListenerInstalled) {
    exitListenerInstalled = true;
    // First of the 'exit' listeners: the last save happens before the lock's own
    // listener (src/store/lock.ts) removes any lock still on disk.
    process.prependListener('exit', onProcessExit);
  }
}

interface FlushWaiter {
  seq: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

class FileWorkbookStore implements WorkbookStore {
  private readonly listeners = new Set<(state: SaveState) => void>();
  private state: SaveState = { kind: 'saved' };
  /** Changes given (changeSeq) and changes on disk (savedSeq). */
  private changeSeq = 0;
  private savedSeq = 0;
  private writing: Promise<boolean> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastWriteStart = -Infinity;
  private lastWriteEnd = -Infinity;
  private lastWriteMs = 0;
  private failures = 0;
  /** The workbook as last read or written: the base the changes since are counted from. */
  private saved: Workbook;
  /** Set while another program's change to the file stops the saves. */
  private conflict: TheirFile | undefined;
  private lastFailure: Error | undefined;
  private firstUnsavedAt: Date | undefined;
  private waiters: FlushWaiter[] = [];
  private closing: Promise<void> | undefined;
  private readonly interval: number;
  private readonly retryDelays: readonly number[];

  constructor(
    readonly path: string,
    private readonly db: Low<Workbook>,
    private readonly adapter: SafeFileAdapter,
    private readonly lock: HeldLock | undefined,
    private readonly options: OpenOptions,
  ) {
    this.saved = db.data;
    this.interval = options.saveIntervalMs ?? DEFAULT_SAVE_INTERVAL_MS;
    this.retryDelays = options.retryDelaysMs?.length ? options.retryDelaysMs : DEFAULT_RETRY_DELAYS_MS;
  }

  get data(): Workbook {
    return this.db.data;
  }

  update(change: (workbook: Workbook) => Workbook): void {
    if (this.closing) throw new Error(`the workbook store of ${this.path} is closed; this change would not be saved`);
    this.db.data = change(this.db.data);
    this.changeSeq += 1;
    this.firstUnsavedAt ??= new Date();
    if (this.state.kind === 'saved') this.setState({ kind: 'pending' });
    this.schedule();
  }

  flush(): Promise<void> {
    if (this.savedSeq === this.changeSeq && !this.lastFailure) return Promise.resolve();
    const promise = new Promise<void>((resolve, reject) => this.waiters.push({ seq: this.changeSeq, resolve, reject }));
    // Now, not at the next tick of the interval: the caller is waiting.
    if (!this.writing) {
      this.cancelTimer();
      void this.writeOnce();
    }
    return promise;
  }

  onSaveState(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => {
      this.listeners.delete(listener);
    };
  }

  close(): Promise<void> {
    this.closing ??= this.closeNow();
    return this.closing;
  }

  private async closeNow(): Promise<void> {
    this.cancelTimer();
    try {
      if (this.writing) await this.writing;
      // One final attempt, even when saves have been failing: the fault may be gone.
      if (this.savedSeq !== this.changeSeq && !this.conflict) await this.writeOnce();
      if (this.savedSeq !== this.changeSeq) throw this.conflict ? await this.conflictOnClose() : this.unsavedError(await this.rescue());
    } finally {
      openStores.delete(this);
      await this.lock?.release();
    }
  }

  /**
   * Synchronously, when the process exits without close(): one last save of pending
   * changes, then the lock is removed. Never throws (an exit listener must not).
   */
  emergencyCloseSync(): void {
    openStores.delete(this);
    if (this.savedSeq !== this.changeSeq) {
      try {
        if (this.conflict) throw new WorkbookChangedOnDisk(this.path);
        this.adapter.writeSync(this.db.data);
        this.savedSeq = this.changeSeq;
      } catch (error) {
        // Theirs stays; ours goes beside it. Else nothing more can be done while exiting.
        if (error instanceof WorkbookChangedOnDisk && this.adapter.realPath) {
          try {
            writeConflictCopySync(this.adapter.realPath, this.adapter.caches.serialize(this.db.data));
          } catch {
            // As above.
          }
        }
      }
    }
    this.lock?.releaseSync();
  }

  async reloadTheirs(): Promise<Reloaded> {
    await this.settleForChoice();
    const theirs = await this.adapter.readTheirs();
    if (!theirs) throw new UserError(`${this.path} no longer exists, so there is nothing to reload; keep yours to save it again.`);
    if (!theirs.loaded) {
      this.setState({ kind: 'conflict', message: conflictMessage(this.path), theirs: theirs.file });
      throw new UserError(`their version cannot be opened (${theirs.file.problem}); keep yours instead: theirs is then kept beside it as a conflict copy.`);
    }
    const copy = await this.keepCopy(this.adapter.caches.serialize(this.db.data), 'yours');
    const merged = reapplyMine(this.saved, this.db.data, theirs.loaded.workbook);
    this.adapter.acceptTheirs(theirs.loaded);
    this.saved = theirs.loaded.workbook;
    this.db.data = merged.workbook;
    this.savedSeq = this.changeSeq;
    this.resolveConflict();
    this.setState({ kind: 'saved' });
    // Mine re-applied: a change like any other, saved in the background.
    if (merged.applied > 0) this.update(() => merged.workbook);
    return { copy, applied: merged.applied, conflicting: merged.conflicting };
  }

  async keepMine(): Promise<string | undefined> {
    await this.settleForChoice();
    const theirs = await this.adapter.readTheirs();
    const copy = theirs ? await this.keepCopy(theirs.bytes, 'theirs') : undefined;
    if (theirs) this.adapter.overwriteNext(theirs.identity);
    this.resolveConflict();
    this.setState({ kind: 'pending' });
    const saved = await this.writeOnce();
    if (!saved) {
      const kept = copy ? `their version is kept in ${copy}, but ` : '';
      throw new UserError(`${kept}${(this.lastFailure?.message ?? 'the save failed').replace(/\.$/, '')}.`);
    }
    return copy;
  }

  /** Waits for a save under way; throws when there is no conflict to settle. */
  private async settleForChoice(): Promise<void> {
    if (this.closing) throw new Error(`the workbook store of ${this.path} is closed`);
    if (this.writing) await this.writing;
    if (!this.conflict) throw new Error(`${this.path} has no conflict to settle; this is a bug in cxray`);
  }

  /** Writes one side as a conflict copy beside the workbook; its path as messages show it. */
  private async keepCopy(bytes: Uint8Array, side: 'yours' | 'theirs'): Promise<string> {
    const realPath = await this.adapter.resolve();
    try {
      return shownBeside(this.path, realPath, await writeConflictCopy(this.adapter.fs, realPath, bytes));
    } catch (error) {
      throw new UserError(`cannot keep ${side} as a copy beside ${this.path} (${describeFsError(error, realPath)}), so nothing was changed; fix that and choose again.`);
    }
  }

  private resolveConflict(): void {
    this.conflict = undefined;
    this.failures = 0;
    this.lastFailure = undefined;
    this.firstUnsavedAt = this.savedSeq === this.changeSeq ? undefined : this.firstUnsavedAt;
  }

  private setState(state: SaveState): void {
    const same = state.kind === this.state.kind && (state.kind !== 'failed' || (this.state.kind === 'failed' && state.message === this.state.message));
    this.state = state;
    if (same) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(state);
      } catch {
        // A listener's failure is not the store's.
      }
    }
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Arranges the next background save: coalesced, rate-limited, backed off after failures. */
  private schedule(): void {
    if (this.timer || this.writing || this.closing || this.conflict || this.savedSeq === this.changeSeq) return;
    if (this.options.autoSave === false && this.waiters.length === 0) return;
    const now = Date.now();
    let delay: number;
    if (this.failures > 0) {
      delay = this.lastWriteEnd + this.retryDelays[Math.min(this.failures, this.retryDelays.length) - 1]! - now;
    } else {
      // At most one save per interval; and when saves are slow (a huge workbook), rest at
      // least as long as the last one took, so that saving never takes over.
      delay = Math.max(this.lastWriteStart + this.interval, this.lastWriteEnd + this.lastWriteMs) - now;
    }
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.writeOnce();
      },
      Math.max(0, delay),
    );
  }

  /** One save of everything given so far. Resolves to whether it succeeded; never rejects. */
  private writeOnce(): Promise<boolean> {
    if (this.writing) return this.writing;
    const seq = this.changeSeq;
    const started = Date.now();
    if (started - this.lastWriteEnd >= BATCH_GAP_MS) this.adapter.backupBeforeNextWrite = true;
    this.lastWriteStart = started;
    const data = this.db.data;
    this.writing = (async () => {
      try {
        await this.db.write();
        this.saved = data;
        this.savedSeq = Math.max(this.savedSeq, seq);
        this.failures = 0;
        this.lastFailure = undefined;
        if (this.savedSeq === this.changeSeq) this.firstUnsavedAt = undefined;
        this.settleWaiters();
        this.setState(this.savedSeq === this.changeSeq ? { kind: 'saved' } : { kind: 'pending' });
        return true;
      } catch (error) {
        this.failures += 1;
        if (error instanceof WorkbookChangedOnDisk) {
          await this.enterConflict();
          return false;
        }
        const message = saveFailedMessage(this.path, error, !this.closing);
        this.lastFailure = error instanceof InvalidWorkbookInMemory ? error : Object.assign(new UserError(message), { cause: error });
        this.rejectWaiters(this.lastFailure);
        this.setState({ kind: 'failed', message });
        return false;
      } finally {
        this.lastWriteEnd = Date.now();
        this.lastWriteMs = this.lastWriteEnd - started;
        this.writing = undefined;
        // A flush() waiting for changes newer than this save goes at once.
        if (!this.closing && this.waiters.length > 0 && this.failures === 0) void this.writeOnce();
        else this.schedule();
      }
    })();
    return this.writing;
  }

  /** A save found the file changed by another program: nothing more is saved until a choice. */
  private async enterConflict(): Promise<void> {
    const refuse = this.options.onConflict !== 'ask';
    const message = refuse ? refusedMessage(this.path) : conflictMessage(this.path);
    const theirs = refuse ? undefined : await this.adapter.readTheirs().catch(() => undefined);
    this.conflict = theirs?.file ?? { modifiedAt: new Date() };
    this.lastFailure = new UserError(message);
    this.rejectWaiters(this.lastFailure);
    this.setState({ kind: 'conflict', message, theirs: this.conflict });
  }

  private settleWaiters(): void {
    const done = this.waiters.filter((w) => w.seq <= this.savedSeq);
    this.waiters = this.waiters.filter((w) => w.seq > this.savedSeq);
    for (const w of done) w.resolve();
  }

  private rejectWaiters(error: Error): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w.reject(error);
  }

  /**
   * Closing while another program's version is on disk: a command wrote nothing, and says
   * so; the TUI's session goes to a conflict copy beside the workbook (else a rescue copy).
   */
  private async conflictOnClose(): Promise<UserError> {
    if (this.options.onConflict !== 'ask') return this.lastFailure as UserError;
    let copy: string | undefined;
    try {
      copy = await this.keepCopy(this.adapter.caches.serialize(this.db.data), 'yours');
    } catch {
      copy = (await this.rescue()).path;
    }
    if (!copy) return this.unsavedError(await this.rescue());
    this.savedSeq = this.changeSeq;
    return new UserError(closedInConflictMessage(this.path, copy, this.since()));
  }

  private since(): string {
    return this.firstUnsavedAt ? ` since ${this.firstUnsavedAt.toTimeString().slice(0, 5)}` : '';
  }

  /** Puts unsaved changes somewhere, as a last resort (src/store/rescue.ts). */
  private rescue(): Promise<RescueResult> {
    const realPath = this.adapter.realPath ?? this.path;
    const bytes = this.adapter.caches.serialize(this.db.data);
    return writeRescueCopy(this.adapter.fs, realPath, bytes, this.options.rescueDirs ?? rescueFolders(realPath));
  }

  private unsavedError(rescue: RescueResult): UserError {
    const rescuedTo = rescue.path;
    const since = this.since();
    const cause = this.lastFailure instanceof InvalidWorkbookInMemory ? this.lastFailure.message : describeFsError((this.lastFailure as { cause?: unknown })?.cause ?? this.lastFailure, this.path);
    const where = rescuedTo
      ? `a copy of them is in ${rescuedTo}; once the problem is fixed, check it with \`cxray doctor --db ${shellQuote(rescuedTo)}\` and put it in place of ${this.path}`
      : `no copy of them could be written anywhere (${rescue.failures.join(', ')})`;
    return new UserError(`the changes${since} are NOT saved in ${this.path} (${cause.replace(/\.$/, '')}); ${where}.`);
  }
}

/** The command line, for the lock file. */
function currentCommand(): string {
  return ['cxray', ...process.argv.slice(2)].join(' ');
}

/**
 * Opens (or prepares to create) the workbook at `path` for writing: takes the write
 * lock (unless `lock: false`), removes temp files left by a crash, reads and validates
 * the file (migrating an older format in memory). A file that does not exist starts
 * empty and is created by the first save. Throws a UserError (exit 2) when the file
 * cannot be read, is damaged (it is never overwritten), was written by a newer cxray,
 * or is open in another cxray.
 */
export async function openWorkbook(path: string, options: OpenOptions = {}): Promise<WorkbookStore> {
  const adapter = new SafeFileAdapter(path, options);
  const shown = adapter.shown;
  const realPath = await adapter.resolve();
  // A writer: refuse a read-only workbook, or another user's, before taking the lock.
  await assertReplaceable(adapter.fs, shown, realPath);
  const lock = options.lock === false ? undefined : await acquireWorkbookLock(path, realPath, { displayPath: shown, command: options.command ?? currentCommand() });
  try {
    if (lock) await cleanupTempFiles(adapter.fs, realPath);
    const db = new Low<Workbook>(adapter, emptyWorkbook());
    await db.read();
    const store = new FileWorkbookStore(shown, db, adapter, lock, options);
    if (lock) register(store);
    return store;
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

/**
 * Reads a workbook without the lock and without ever writing: validated, and migrated
 * in memory if older. For commands that only read (score, export, diff, doctor).
 * Throws a UserError (exit 2) when it does not exist or cannot be used.
 */
export async function readWorkbook(path: string, options: AdapterOptions = {}): Promise<Workbook> {
  const shown = options.displayPath ?? path;
  let realPath: string;
  try {
    realPath = await resolveWriteTarget(path);
  } catch (error) {
    throw new UserError(`cannot read ${shown}: ${describeFsError(error, shown, 'read')}.`);
  }
  const loaded = await loadWorkbookFile(shown, realPath, options);
  if (!loaded) {
    throw new UserError(`${shown} does not exist; check --db (or $CXRAY_DB), or create it with \`cxray\` or \`cxray demo\`.`);
  }
  return loaded.workbook;
}

/**
 * For a process that owns a store: on Ctrl-C (SIGINT), SIGTERM and SIGHUP, saves and
 * releases the workbook (store.close()), then calls `onExit` with the exit code (0 for
 * Ctrl-C, which is not an error; 143 and 129 for the others; 2 if the save failed,
 * after printing why). A second signal while saving leaves at once (the 'exit'
 * listener still makes a last synchronous save and removes the lock). Ink handles
 * Ctrl-C itself in raw mode, so the TUI also calls store.close() on its own quit path.
 * Returns a function that removes the handlers.
 */
export function installExitHandlers(store: WorkbookStore, onExit: (code: number) => void = (code) => process.exit(code)): () => void {
  const codes: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 0, SIGTERM: 143, SIGHUP: 129 };
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    const code = codes[signal] ?? 1;
    if (stopping) return onExit(code);
    stopping = true;
    store.close().then(
      () => onExit(code),
      (error: Error) => {
        writeTerminal('stderr', `cxray: ${error.message}\n`);
        onExit(2);
      },
    );
  };
  const signals = Object.keys(codes) as NodeJS.Signals[];
  for (const signal of signals) process.on(signal, handler);
  return () => {
    for (const signal of signals) process.off(signal, handler);
  };
}
