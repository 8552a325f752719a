/**
 * A small Chrome DevTools Protocol client over --remote-debugging-pipe (no port, no
 * network): starts Debian's headless Chromium, opens a page, and sends commands. Messages
 * are JSON, each ended by a NUL byte; Chromium reads ours on fd 3 and writes on fd 4.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';

/** The Chromium binary, or null when none is installed. */
export function chromiumPath(): string | null {
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(path)) return path;
  return null;
}

/**
 * Chromium, installed from Debian's packages where it is missing and apt-get can (as
 * root); null with the reason otherwise.
 */
export function ensureChromium(): { path: string } | { path: null; reason: string } {
  const found = chromiumPath();
  if (found) return { path: found };
  if (process.getuid?.() !== 0) return { path: null, reason: 'Chromium is not installed and the tests do not run as root to install it (apt-get install chromium).' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'ignore', timeout: 300_000 });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'poppler-utils'], { stdio: 'ignore', timeout: 600_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }) : update;
  const path = chromiumPath();
  if (path) return { path };
  return { path: null, reason: `Chromium could not be installed with apt-get (exit ${install.status ?? 'none'}).` };
}

export interface CdpEvent {
  method: string;
  params: Record<string, unknown>;
  sessionId?: string;
}

export class Browser {
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private buffer = '';
  readonly events: CdpEvent[] = [];

  private constructor(private readonly child: ChildProcess) {
    const output = child.stdio[4] as Readable;
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\0')) >= 0) {
        const message = JSON.parse(this.buffer.slice(0, end)) as { id?: number; result?: unknown; error?: { message: string } } & CdpEvent;
        this.buffer = this.buffer.slice(end + 1);
        if (message.id !== undefined) {
          const waiter = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (message.error) waiter?.reject(new Error(message.error.message));
          else waiter?.resolve(message.result);
        } else this.events.push(message);
      }
    });
  }

  /** Starts headless Chromium with a throwaway profile in `profileDir`. */
  static launch(path: string, profileDir: string): Browser {
    const child = spawn(
      path,
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check', `--user-data-dir=${profileDir}`, '--remote-debugging-pipe', 'about:blank'],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    return new Browser(child);
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    const message = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      (this.child.stdio[3] as Writable).write(`${message}\0`);
    });
  }

  /** Waits for an event, checking every 50 ms, up to `ms`. */
  async waitFor(predicate: (e: CdpEvent) => boolean, ms = 30_000): Promise<CdpEvent> {
    const until = Date.now() + ms;
    for (;;) {
      const found = this.events.find(predicate);
      if (found) return found;
      if (Date.now() > until) throw new Error('timed out waiting for a DevTools event');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.send('Browser.close'), new Promise((r) => setTimeout(r, 3000))]);
    } catch {
      // Already gone.
    }
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((r) => this.child.once('exit', r));
      this.child.kill('SIGKILL');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    }
  }
}
