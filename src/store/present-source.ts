/**
 * What `cxray present` follows: the workbook and the presence sidecar beside it, read
 * without the lock and never written. The folder is watched (fs.watch: a save renames a
 * new file over the workbook, so watching the file itself would lose it after the first
 * save) and both files are polled as well, for file systems where watching says nothing.
 * A change is read at once; a workbook that cannot be read keeps the last good one and
 * says why.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Workbook } from '../core/workbook-schema.js';
import { readPresence, type PresenceRead } from './presence-file.js';
import { readWorkbook } from './workbook-store.js';

export interface PresentSnapshot {
  /** The workbook as last read; undefined before it exists. */
  workbook: Workbook | undefined;
  /** Why the workbook could not be read just now (the last good one is kept), if so. */
  problem: string | undefined;
  presence: PresenceRead;
}

export interface PresentSource {
  current(): PresentSnapshot;
  /** Calls `listener` after each change; returns the way to stop. */
  subscribe(listener: () => void): () => void;
  close(): void;
}

/** How often both files are looked at when no watch event came. */
export const POLL_MS = 1000;

const identity = (path: string): string => {
  try {
    const s = nodeFs.statSync(path);
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return 'absent';
  }
};

export async function watchPresent(realWorkbookPath: string, sidecarPath: string, displayPath: string): Promise<PresentSource> {
  const listeners = new Set<() => void>();
  let snapshot: PresentSnapshot = { workbook: undefined, problem: undefined, presence: { kind: 'none' } };
  let seen = { workbook: '', sidecar: '' };
  let reading: Promise<void> | undefined;
  let again = false;
  let closed = false;

  const notify = () => listeners.forEach((l) => l());

  const look = async (): Promise<void> => {
    const now = { workbook: identity(realWorkbookPath), sidecar: identity(sidecarPath) };
    let next = snapshot;
    if (now.sidecar !== seen.sidecar) next = { ...next, presence: readPresence(sidecarPath) };
    else if (next.presence.kind === 'presence' && next.presence.presence.screen !== 'closed') {
      // The driver may have died since: the pid is checked again.
      const fresh = readPresence(sidecarPath);
      if (fresh.kind !== 'presence' || fresh.presence.screen !== next.presence.presence.screen) next = { ...next, presence: fresh };
    }
    if (now.workbook !== seen.workbook) {
      if (now.workbook === 'absent') next = { ...next, problem: undefined };
      else {
        try {
          next = { ...next, workbook: await readWorkbook(realWorkbookPath, { displayPath }), problem: undefined };
        } catch (error) {
          next = { ...next, problem: error instanceof Error ? error.message : String(error) };
        }
      }
    }
    seen = now;
    if (next !== snapshot) {
      snapshot = next;
      notify();
    }
  };

  const refresh = () => {
    if (closed) return;
    if (reading) {
      again = true;
      return;
    }
    reading = look()
      .catch(() => undefined)
      .finally(() => {
        reading = undefined;
        if (again) {
          again = false;
          refresh();
        }
      });
  };

  await look();
  let watcher: nodeFs.FSWatcher | undefined;
  const names = new Set([basename(realWorkbookPath), basename(sidecarPath)]);
  try {
    watcher = nodeFs.watch(dirname(realWorkbookPath), { persistent: false }, (_event, name) => {
      if (name === null || names.has(String(name))) refresh();
    });
    watcher.on('error', () => {
      watcher?.close();
      watcher = undefined;
    });
  } catch {
    // No watching here: the polling below still follows.
  }
  const timer = setInterval(refresh, POLL_MS);

  return {
    current: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      clearInterval(timer);
      watcher?.close();
      listeners.clear();
    },
  };
}
