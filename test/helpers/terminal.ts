/**
 * Drives the built cxray in a real pseudo-terminal, the way a person would: wait for
 * the screen to show something, press one key, wait again. The screen is read from a
 * headless xterm that interprets everything the program writes.
 */
import { spawn, type IPty } from 'node-pty';
import xterm from '@xterm/headless';
import { join } from 'node:path';

export const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

export const KEYS = {
  enter: '\r',
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  escape: '\u001b',
  ctrlC: '\u0003',
  tab: '\t',
  backspace: '\u007f',
} as const;

export interface StartOptions {
  cols?: number;
  rows?: number;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** The environment a person's terminal would have: no CI (Ink then prints only its last frame). */
function personEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, TERM: 'xterm-256color', ...extra })) {
    if (v !== undefined && k !== 'CI' && !k.startsWith('VITEST') && k !== 'NODE_ENV') env[k] = v;
  }
  return env;
}

export class TerminalSession {
  private readonly terminal: InstanceType<typeof xterm.Terminal>;
  private readonly process: IPty;
  private pending = Promise.resolve();
  readonly exited: Promise<{ exitCode: number; signal?: number }>;
  output = '';

  constructor(args: string[], options: StartOptions = {}) {
    const cols = options.cols ?? 100;
    const rows = options.rows ?? 30;
    this.terminal = new xterm.Terminal({ cols, rows, allowProposedApi: true });
    this.process = spawn(process.execPath, [CLI, ...args], {
      name: 'xterm-256color',
      cols,
      rows,
      cwd: options.cwd ?? process.cwd(),
      env: personEnv(options.env),
    });
    this.process.onData((data) => {
      this.output += data;
      this.pending = this.pending.then(() => new Promise<void>((resolve) => this.terminal.write(data, resolve)));
    });
    this.exited = new Promise((resolve) => this.process.onExit(resolve));
  }

  /** The visible screen, one string per line, trailing spaces trimmed. */
  async screen(): Promise<string> {
    await this.pending;
    const buffer = this.terminal.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < this.terminal.rows; y++) {
      lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    }
    return lines.join('\n');
  }

  /** Waits until the screen shows `pattern`; fails with the screen when it does not. */
  async waitFor(pattern: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = await this.screen();
      if (typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen)) return screen;
      if (Date.now() > deadline) {
        throw new Error(`the screen never showed ${String(pattern)}; it shows:\n${screen}`);
      }
      await sleep(25);
    }
  }

  /** Presses one key, then gives the program time to see it before the next. */
  async press(key: string, settleMs = 60): Promise<void> {
    this.process.write(key);
    await sleep(settleMs);
  }

  /** Types text one character per write. */
  async type(text: string): Promise<void> {
    for (const ch of text) await this.press(ch, 25);
  }

  resize(cols: number, rows: number): void {
    this.process.resize(cols, rows);
    this.terminal.resize(cols, rows);
  }

  kill(signal = 'SIGKILL'): void {
    try {
      this.process.kill(signal);
    } catch {
      // already gone
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
