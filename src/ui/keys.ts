/**
 * Keys as data: a binding names its keys as patterns ('ctrl+s', 'shift+tab', 'pagedown',
 * 'D', '?'), parsed once. A key press from Ink is parsed into the same shape, so that
 * matching is comparing two values, and the text people read ("Ctrl-S", "Shift-Tab",
 * "PgDn", "↑↓", "1-9") is formatted from the same patterns: it cannot drift from what
 * the key does.
 */
import type { Key } from 'ink';

/** The named keys a pattern may use; any other pattern is one character. */
const NAMED = ['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'enter', 'escape', 'tab', 'space', 'backspace', 'delete'] as const;
export type KeyName = (typeof NAMED)[number];

/** A key: a named key or one character (its case is the shift), and the modifiers held. */
export interface ParsedKey {
  name: string;
  ctrl: boolean;
  shift: boolean;
  meta: boolean;
}

const isNamed = (name: string): name is KeyName => (NAMED as readonly string[]).includes(name);

/** A pattern such as 'ctrl+s', 'shift+tab' or '?' as a key; throws on a pattern that names no key. */
export function parsePattern(pattern: string): ParsedKey {
  let rest = pattern;
  const key: ParsedKey = { name: '', ctrl: false, shift: false, meta: false };
  for (;;) {
    const m = /^(ctrl|shift|meta)\+(.+)$/.exec(rest);
    if (!m) break;
    key[m[1] as 'ctrl' | 'shift' | 'meta'] = true;
    rest = m[2]!;
  }
  if (!isNamed(rest) && [...rest].length !== 1) throw new Error(`the key pattern "${pattern}" names no key: use one character or one of ${NAMED.join(', ')}.`);
  key.name = rest;
  // A character's case is its shift: 'D' is Shift-d, and shift+ is not written for it.
  if (!isNamed(rest)) key.shift = false;
  return key;
}

/** One key press from Ink, in the patterns' terms. */
export function parseKey(input: string, key: Key): ParsedKey {
  // Ink sets meta for Esc and for some arrow sequences: it means nothing on a named key.
  const named = (name: KeyName): ParsedKey => ({ name, ctrl: key.ctrl, meta: false, shift: key.shift });
  if (key.upArrow) return named('up');
  if (key.downArrow) return named('down');
  if (key.leftArrow) return named('left');
  if (key.rightArrow) return named('right');
  if (key.pageUp) return named('pageup');
  if (key.pageDown) return named('pagedown');
  if (key.home) return named('home');
  if (key.end) return named('end');
  if (key.return) return named('enter');
  if (key.escape) return named('escape');
  if (key.tab) return named('tab');
  if (key.backspace) return named('backspace');
  if (key.delete) return named('delete');
  if (input === ' ') return named('space');
  return { name: input, ctrl: key.ctrl, meta: key.meta, shift: false };
}

/** True when the key press is the key of the pattern. */
export function sameKey(a: ParsedKey, b: ParsedKey): boolean {
  return a.name === b.name && a.ctrl === b.ctrl && a.meta === b.meta && a.shift === b.shift;
}

const SHOWN: Record<KeyName, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  space: 'Space',
  backspace: 'Backspace',
  delete: 'Delete',
};
const ARROWS = new Set(['↑', '↓', '←', '→']);

/** One pattern as people read it: "Ctrl-S", "Shift-Tab", "PgDn", "?". */
export function formatPattern(pattern: string): string {
  const key = parsePattern(pattern);
  const name = isNamed(key.name) ? SHOWN[key.name] : key.ctrl ? key.name.toUpperCase() : key.name;
  return `${key.ctrl ? 'Ctrl-' : ''}${key.meta ? 'Meta-' : ''}${key.shift ? 'Shift-' : ''}${name}`;
}

/**
 * A binding's keys as people read them: "↑↓", "Tab Shift-Tab", "v r d", and digits in a
 * row as a range ("1-9"). Arrows side by side need no space between them.
 */
export function formatPatterns(patterns: readonly string[]): string {
  const shown = patterns.map(formatPattern);
  const parts: string[] = [];
  for (let i = 0; i < shown.length; i++) {
    let j = i;
    while (j + 1 < shown.length && /^\d$/.test(shown[j]!) && Number(shown[j + 1]) === Number(shown[j]) + 1) j++;
    if (j - i >= 2) {
      parts.push(`${shown[i]}-${shown[j]}`);
      i = j;
      continue;
    }
    const previous = parts[parts.length - 1];
    if (previous !== undefined && ARROWS.has(shown[i]!) && ARROWS.has(previous.slice(-1))) parts[parts.length - 1] = previous + shown[i];
    else parts.push(shown[i]!);
  }
  return parts.join(' ');
}

/** The digits 1 to 9, as patterns. */
export const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
