/**
 * The presence sidecar on disk (`<workbook>.present.json`, src/core/presence.ts): the
 * driving TUI writes where it is, atomically and 0600 (writeFileAtomic), one write at a
 * time with only the latest place kept while one runs; `cxray present` reads it as any
 * file a stranger could have put there: only a regular file, at most PRESENCE_MAX_BYTES,
 * never blocking (a FIFO or a device is refused before it is opened for reading). The
 * driver removes it when it quits.
 */
import * as nodeFs from 'node:fs';
import { hostname } from 'node:os';
import { parsePresence, presenceText, PRESENCE_MAX_BYTES, samePlace, type Presence, type PresencePlace } from '../core/presence.js';
import { processIsAlive, realFs, writeFileAtomic, type StoreFs } from './atomic-file.js';

/** The sidecar's path for a workbook (its real path, as the lock's). */
export function presencePathFor(realWorkbookPath: string): string {
  return `${realWorkbookPath}.present.json`;
}

/**
 * Writes the driver's place to the sidecar. A place equal to the last one is not written
 * again; while a write runs only the latest place waits. A failed write is a lost comfort,
 * never a failed walk: it is remembered (`failed`) and the next place is tried again.
 */
export class PresenceWriter {
  private written: PresencePlace | undefined;
  /** The place being written now: a place equal to it is not written again, one equal to `written` is (the sidecar is about to change). */
  private writing: PresencePlace | undefined;
  private pending: PresencePlace | undefined;
  private running: Promise<void> | undefined;
  failed = false;

  constructor(
    readonly path: string,
    private readonly now: () => Date = () => new Date(),
    private readonly fs: StoreFs = realFs,
    private readonly pid = process.pid,
    private readonly host = hostname(),
  ) {}

  set(place: PresencePlace): void {
    if (samePlace(place, this.pending ?? this.writing ?? this.written)) return;
    this.pending = place;
    this.running ??= this.drain();
  }

  /** Resolves once every place given so far is written (or failed). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending) {
        const place = this.pending;
        this.pending = undefined;
        this.writing = place;
        try {
          await writeFileAtomic(this.fs, this.path, new TextEncoder().encode(presenceText(place, this.pid, this.host, this.now())));
          this.written = place;
          this.failed = false;
        } catch {
          this.failed = true;
        } finally {
          this.writing = undefined;
        }
      }
    } finally {
      this.running = undefined;
    }
  }

  /**
   * On quit or exit, synchronously (an 'exit' listener cannot wait), never throwing: the
   * sidecar is removed, so nothing is left beside the workbook once cxray is closed. One
   * that cannot be removed reads as closed anyway once this process is gone.
   */
  closeSync(): void {
    this.pending = undefined;
    try {
      nodeFs.unlinkSync(this.path);
    } catch {
      // Gone already, or not ours to remove: see above.
    }
    this.written = { screen: 'closed' };
  }
}

/** What a presenter makes of the sidecar. */
export type PresenceRead =
  | { kind: 'none' }
  /** A file is there but is not a sidecar cxray wrote (torn, too big, another shape, not a regular file). */
  | { kind: 'unreadable' }
  | { kind: 'presence'; presence: Presence };

/**
 * Reads the sidecar. A sidecar whose process is gone (same host) reads as closed: the
 * driver was killed before it could say so.
 */
export function readPresence(path: string, host = hostname()): PresenceRead {
  let fd: number | undefined;
  try {
    const before = nodeFs.lstatSync(path);
    if (!before.isFile() || before.size > PRESENCE_MAX_BYTES) return { kind: 'unreadable' };
    fd = nodeFs.openSync(path, nodeFs.constants.O_RDONLY | nodeFs.constants.O_NONBLOCK | (nodeFs.constants.O_NOFOLLOW ?? 0));
    const stat = nodeFs.fstatSync(fd);
    if (!stat.isFile() || stat.size > PRESENCE_MAX_BYTES) return { kind: 'unreadable' };
    const buffer = Buffer.alloc(PRESENCE_MAX_BYTES + 1);
    const n = nodeFs.readSync(fd, buffer, 0, buffer.length, 0);
    const presence = n > PRESENCE_MAX_BYTES ? undefined : parsePresence(buffer.subarray(0, n).toString('utf8'));
    if (!presence) return { kind: 'unreadable' };
    if (presence.screen !== 'closed' && presence.hostname === host && !processIsAlive(presence.pid)) return { kind: 'presence', presence: { ...presence, screen: 'closed' } };
    return { kind: 'presence', presence };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'none' } : { kind: 'unreadable' };
  } finally {
    if (fd !== undefined) nodeFs.closeSync(fd);
  }
}
