import { createContext, useCallback, useContext, useLayoutEffect, useRef, useState, type MutableRefObject } from 'react';
import type { Key } from 'ink';

/** A key with nothing pressed but text, to build keys from. */
export const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** The key a control character stands for: Enter, Tab, Backspace or Ctrl plus a letter. */
function controlKey(ch: string): [string, Key] {
  if (ch === '\r' || ch === '\n') return ['', { ...NO_KEY, return: true }];
  if (ch === '\t') return ['', { ...NO_KEY, tab: true }];
  if (ch === '\u007f') return ['', { ...NO_KEY, delete: true }];
  if (ch === '\b') return ['', { ...NO_KEY, backspace: true }];
  return [String.fromCharCode(ch.charCodeAt(0) + 96), { ...NO_KEY, ctrl: true }];
}

/**
 * One input from Ink as the key presses it holds. Ink hands over a whole chunk of
 * stdin as one input when it holds no escape sequence: text typed faster than it is
 * read, tmux send-keys, or a paste ("Chat\t" or "Q4 workshop\r"). Each character
 * then counts as its own key, and control characters as the keys they stand for.
 */
export function splitKeys(input: string, key: Key): [string, Key][] {
  if (input.length <= 1 || key.ctrl || key.meta || input.startsWith('\u001b')) return [[input, key]];
  return Array.from(input, (ch): [string, Key] =>
    /[\u0000-\u001f\u007f]/.test(ch) ? controlKey(ch) : [ch, { ...NO_KEY, shift: /[A-Z]/.test(ch) }],
  );
}

/**
 * Who claims a key first: the app (Ctrl-C, a terminal too small), then an overlay (the
 * help), then a modal question (a confirmation, the customer-data warning, a label
 * asked for), then the screen.
 */
export type KeyPriority = 'screen' | 'modal' | 'overlay' | 'app';
const RANK: Record<KeyPriority, number> = { screen: 0, modal: 100, overlay: 200, app: 300 };

/** A key handler: true when it handled the key, which then goes no further. */
export type KeyHandler = (input: string, key: Key) => boolean | void;

interface KeyListener {
  handle: KeyHandler;
  active: () => boolean;
  priority: KeyPriority;
  /** Order of joining: within a priority the latest joined hears first. */
  order: number;
}

/**
 * One broker for every key (as gemini-cli's KeypressContext): the app reads keys with
 * one Ink `useInput` and hands each to `dispatch`; listeners hear it by priority, the
 * latest joined first within a priority, until one returns true. Listeners join with
 * `useKeys`, in a layout effect, so a screen that a key has just opened receives the
 * very next key. (Ink's own `useInput` subscribes in a passive effect: a key arriving
 * before that effect runs would go to the screen that was left, or nowhere.)
 */
export class KeyBroker {
  private readonly listeners = new Set<KeyListener>();
  private joined = 0;

  add(handle: KeyHandler, active: () => boolean, priority: KeyPriority = 'screen'): () => void {
    const listener = { handle, active, priority, order: this.joined++ };
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Hands a key to the listeners in turn; true when one handled it. */
  dispatch(input: string, key: Key): boolean {
    const order = [...this.listeners].sort((a, b) => RANK[b.priority] - RANK[a.priority] || b.order - a.order);
    for (const listener of order) if (listener.active() && listener.handle(input, key) === true) return true;
    return false;
  }
}

export const KeyBrokerContext = createContext<KeyBroker | undefined>(undefined);

/**
 * Hears keys while `isActive`, at `priority`, with a handler that always sees the
 * latest render (it is kept in a ref, so several keys handled before the next render
 * are not handled with the state of two keys ago). Return true to stop a key there.
 */
export function useKeys(handler: KeyHandler, isActive: boolean, priority: KeyPriority = 'screen'): void {
  const broker = useContext(KeyBrokerContext);
  if (!broker) throw new Error('useKeys() outside the app: render screens inside <App>.');
  const latest = useRef(handler);
  const active = useRef(isActive);
  // Written during render, not in an effect: a key that arrives after this render and
  // before its commit must already see this render's state, or fast typing loses keys
  // (the pseudo-terminal resize test types a note at 25 ms a key and caught it).
  // eslint-disable-next-line react-hooks/refs
  latest.current = handler;
  // eslint-disable-next-line react-hooks/refs
  active.current = isActive;
  useLayoutEffect(
    () =>
      broker.add(
        (input, key) => latest.current(input, key),
        () => active.current,
        priority,
      ),
    [broker, priority],
  );
}

/**
 * State whose latest value is readable at once from a ref, so several keys handled
 * before the next render each see the change made by the one before.
 */
export function useRefState<T>(initial: T | (() => T)): [T, (next: T | ((previous: T) => T)) => void, MutableRefObject<T>] {
  const [state, setState] = useState(initial);
  const ref = useRef(state);
  const set = useCallback((next: T | ((previous: T) => T)) => {
    const value = typeof next === 'function' ? (next as (previous: T) => T)(ref.current) : next;
    ref.current = value;
    setState(() => value);
  }, []);
  return [state, set, ref];
}
