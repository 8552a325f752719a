/**
 * The terminal's input, one key press at a time. Ink reads whatever stdin holds as one
 * input, so keys that arrive together (typed while the screen was busy, sent by tmux or
 * a script, pasted) would all reach the screen that was showing when they arrived: Enter
 * on "+ New assessment" followed by "Q4" would type "Q4" into the list, not the form.
 * This stream hands Ink one key per turn of the event loop instead, after React has
 * drawn the screen the key before led to, and after Ink has settled a lone Esc.
 */
import { Readable } from 'node:stream';

/**
 * A chunk of terminal input as key presses: each escape sequence (arrows, PgUp, F-keys)
 * whole, every other character on its own. An Esc followed by a letter is two keys
 * (Esc, then the letter), not Alt and the letter: cxray binds no Alt keys, and "Esc then
 * p" typed quickly means just that. CR LF and a lone LF (from a paste) count as Enter.
 */
export function splitInput(chunk: string): string[] {
  const keys: string[] = [];
  const sequence = /^\u001b(?:\u001b?(?:\[[0-?]*[ -/]*[@-~]|O.))/;
  let i = 0;
  while (i < chunk.length) {
    const rest = chunk.slice(i);
    const escape = sequence.exec(rest);
    if (escape) {
      keys.push(escape[0]);
      i += escape[0].length;
      continue;
    }
    if (rest.startsWith('\r\n')) {
      keys.push('\r');
      i += 2;
      continue;
    }
    const ch = String.fromCodePoint(rest.codePointAt(0)!);
    keys.push(ch === '\n' ? '\r' : ch);
    i += ch.length;
  }
  return keys;
}

/** A stdin for Ink that passes the real one's keys on one at a time (see `splitInput`). */
export class PacedStdin extends Readable {
  readonly isTTY = true;
  private readonly queue: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private listening = false;

  constructor(private readonly source: NodeJS.ReadStream) {
    super({ encoding: 'utf8' });
  }

  override _read(): void {
    // Keys are pushed as they come; nothing to fetch on demand.
  }

  setRawMode(enabled: boolean): this {
    this.source.setRawMode?.(enabled);
    if (enabled && !this.listening) {
      this.source.setEncoding('utf8');
      this.source.on('data', this.onData);
      this.source.resume();
      this.listening = true;
    } else if (!enabled && this.listening) {
      this.source.off('data', this.onData);
      this.source.pause();
      this.listening = false;
    }
    return this;
  }

  ref(): this {
    this.source.ref?.();
    return this;
  }

  unref(): this {
    this.source.unref?.();
    return this;
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.timer) clearTimeout(this.timer);
    this.setRawMode(false);
    callback(error);
  }

  private readonly onData = (chunk: string | Buffer) => {
    this.queue.push(...splitInput(String(chunk)));
    this.pump();
  };

  /** Passes one key on, then waits a turn of the event loop before the next (even one not yet here). */
  private pump(): void {
    if (this.timer || this.queue.length === 0) return;
    this.push(this.queue.shift());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, 0);
  }
}
