/**
 * The workbook on disk, behind one small interface. Only src/store touches the file.
 * Changes apply in memory at once and are saved in the background; `flush()` waits
 * until everything given so far is durable.
 */
import { Low } from 'lowdb';
import { emptyWorkbook, type Workbook } from '../core/workbook-schema.js';
import { SafeFileAdapter } from './safe-file-adapter.js';

/** What the user should see about saving. */
export type SaveState = { kind: 'saved' } | { kind: 'pending' } | { kind: 'failed'; message: string };

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
  /** Saves what is pending and releases the file. */
  close(): Promise<void>;
}

/** Opens (or prepares to create) the workbook at `path`. */
export async function openWorkbook(path: string): Promise<WorkbookStore> {
  const db = new Low<Workbook>(new SafeFileAdapter(path), emptyWorkbook());
  await db.read();
  let saving: Promise<void> = Promise.resolve();
  let state: SaveState = { kind: 'saved' };
  const listeners = new Set<(s: SaveState) => void>();
  const setState = (s: SaveState) => {
    state = s;
    for (const l of listeners) l(s);
  };
  return {
    path,
    get data() {
      return db.data;
    },
    update(change) {
      db.data = change(db.data);
      setState({ kind: 'pending' });
      saving = saving
        .catch(() => undefined)
        .then(() => db.write())
        .then(
          () => setState({ kind: 'saved' }),
          (error: Error) => {
            setState({ kind: 'failed', message: error.message });
            throw error;
          },
        );
    },
    flush: () => saving,
    onSaveState(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
    async close() {
      await saving;
    },
  };
}
