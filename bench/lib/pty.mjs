/**
 * A pseudo-terminal driver for timing: every chunk the program writes is kept with the
 * moment it arrived, so a keypress can be timed to its first output byte and to output
 * quiescence (the frame complete). No screen emulation: the texts waited for are
 * searched in the output with escape sequences removed.
 */
import pty from 'node-pty';
import xterm from '@xterm/headless';
import { performance } from 'node:perf_hooks';

const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78MDEc]/g;
export const strip = (s) => s.replace(ANSI, '');

export const KEYS = { enter: '\r', up: '\u001b[A', down: '\u001b[B', right: '\u001b[C', left: '\u001b[D', escape: '\u001b', ctrlC: '\u0003' };

/** The environment of a person's terminal: no CI (Ink would print only its last frame). */
function personEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries({ ...process.env, TERM: 'xterm-256color', ...extra })) {
    if (v !== undefined && k !== 'CI' && k !== 'NODE_ENV' && !k.startsWith('VITEST')) env[k] = v;
  }
  return env;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class Session {
  constructor(file, args, { cwd, env, cols = 100, rows = 40 } = {}) {
    this.chunks = [];
    this.text = '';
    this.lastAt = 0;
    this.waiters = new Set();
    this.startedAt = performance.now();
    this.pty = pty.spawn(file, args, { name: 'xterm-256color', cols, rows, cwd, env: personEnv(env) });
    // A headless terminal for checking what the screen shows; fed lazily, off the timed path.
    this.terminal = new xterm.Terminal({ cols, rows, allowProposedApi: true });
    this.fed = 0;
    this.pty.onData((data) => {
      const at = performance.now();
      this.lastAt = at;
      this.chunks.push({ at, data });
      this.text += data;
      for (const w of [...this.waiters]) w(at);
    });
    this.exited = new Promise((resolve) => this.pty.onExit(resolve));
  }

  /** Resolves with the arrival time of the chunk after which the stripped output contains `needle` (searched from `from`). */
  waitForText(needle, { from = 0, timeoutMs = 20_000 } = {}) {
    const found = () => strip(this.text.slice(from)).includes(needle);
    if (found()) return Promise.resolve(this.lastAt);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`never saw ${JSON.stringify(needle)}; last output:\n${strip(this.text.slice(-2000))}`));
      }, timeoutMs);
      const check = (at) => {
        if (found()) {
          clearTimeout(timer);
          this.waiters.delete(check);
          resolve(at);
        }
      };
      this.waiters.add(check);
    });
  }

  /** Resolves once nothing has been written for `quietMs`; returns the time of the last chunk. */
  async waitQuiet(quietMs = 60, timeoutMs = 10_000) {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const idle = performance.now() - this.lastAt;
      if (idle >= quietMs) return this.lastAt;
      if (performance.now() > deadline) throw new Error('the program never went quiet');
      await sleep(Math.max(1, quietMs - idle));
    }
  }

  /**
   * Writes `key` once the program is quiet, then waits for its output to go quiet again.
   * Returns ms to the first output byte and to the last byte before quiescence (or null
   * when the key drew nothing within `noOutputMs`).
   */
  async timeKey(key, options = {}) {
    return this.timeAction(() => this.pty.write(key), options);
  }

  /** Resizes the terminal once the program is quiet, and times the redraw as `timeKey` times a key. */
  async timeResize(cols, rows, options = {}) {
    return this.timeAction(() => {
      this.pty.resize(cols, rows);
      this.terminal.resize(cols, rows);
    }, options);
  }

  /** `act` once the program is quiet, then the time to its first output byte and to quiescence. */
  async timeAction(act, { quietMs = 60, noOutputMs = 1500 } = {}) {
    await this.waitQuiet(quietMs);
    const index = this.chunks.length;
    const from = this.text.length;
    const t0 = performance.now();
    act();
    const drew = await new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(seen);
        resolve(false);
      }, noOutputMs);
      const seen = () => {
        clearTimeout(timer);
        this.waiters.delete(seen);
        resolve(true);
      };
      this.waiters.add(seen);
    });
    if (!drew) return { first: null, frame: null, output: '' };
    const first = this.chunks[index].at - t0;
    const last = await this.waitQuiet(quietMs);
    return { first, frame: last - t0, output: this.text.slice(from) };
  }

  /** The visible screen now (feeds the headless terminal everything written so far). */
  async screen() {
    const pending = this.text.slice(this.fed);
    this.fed = this.text.length;
    if (pending) await new Promise((resolve) => this.terminal.write(pending, resolve));
    const buffer = this.terminal.buffer.active;
    const lines = [];
    for (let y = 0; y < this.terminal.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  write(data) {
    this.pty.write(data);
  }

  /** Quits as a person would (Ctrl-C: cxray saves and releases its lock), else kills. */
  async stop() {
    try {
      this.pty.write(KEYS.ctrlC);
    } catch {
      // already gone
    }
    const quit = await Promise.race([this.exited.then(() => true), sleep(3000).then(() => false)]);
    if (quit) return;
    try {
      this.pty.kill('SIGKILL');
    } catch {
      // already gone
    }
    await Promise.race([this.exited, sleep(2000)]);
  }
}
