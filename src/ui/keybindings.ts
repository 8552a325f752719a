/**
 * Every key the workbook understands, as data: which screens it works on, the key as
 * shown, what it does, and how to recognise it. The footer hint and the `?` help are
 * rendered from this table, so they can never disagree with the code.
 */
import type { Key } from 'ink';

export type ScreenName = 'home' | 'new-assessment' | 'assessment' | 'new-journey' | 'walk';

export type Command =
  | 'quit'
  | 'back'
  | 'help'
  | 'select'
  | 'move'
  | 'unknown'
  | 'not-applicable'
  | 'previous'
  | 'next'
  | 'pick-number';

export interface KeyBinding {
  command: Command;
  /** The key as shown to people. */
  keys: string;
  description: string;
  /** The few words shown in the footer; bindings without one appear only in the help. */
  hint?: string;
  /** Screens where the key works; text-entry screens take letters as text. */
  screens: readonly ScreenName[];
  matches: (input: string, key: Key) => boolean;
}

const LIST_SCREENS: readonly ScreenName[] = ['home', 'assessment', 'walk'];
const ALL_SCREENS: readonly ScreenName[] = ['home', 'new-assessment', 'assessment', 'new-journey', 'walk'];

export const KEYBINDINGS: readonly KeyBinding[] = [
  { command: 'move', keys: '↑↓', description: 'move', screens: LIST_SCREENS, matches: (_, k) => k.upArrow || k.downArrow },
  { command: 'select', keys: 'Enter', description: 'choose', hint: 'choose', screens: ALL_SCREENS, matches: (_, k) => k.return },
  { command: 'pick-number', keys: '1-9', description: 'answer with option N (the list shows the numbers)', screens: ['walk'], matches: (i) => /^[1-9]$/.test(i) },
  { command: 'unknown', keys: 'u', description: "answer \"We don't know\"", hint: 'unknown', screens: ['walk'], matches: (i) => i === 'u' },
  { command: 'not-applicable', keys: 'x', description: 'answer "Not applicable"', hint: 'n/a', screens: ['walk'], matches: (i) => i === 'x' },
  { command: 'previous', keys: '←/b', description: 'previous question', hint: 'prev', screens: ['walk'], matches: (i, k) => k.leftArrow || i === 'b' },
  { command: 'next', keys: '→', description: 'next question', screens: ['walk'], matches: (_, k) => k.rightArrow },
  { command: 'back', keys: 'Esc', description: 'go back one level', hint: 'back', screens: ALL_SCREENS, matches: (_, k) => k.escape },
  { command: 'help', keys: '?', description: 'show the keys of this screen', hint: 'help', screens: LIST_SCREENS, matches: (i) => i === '?' },
  { command: 'quit', keys: 'q', description: 'quit (everything is saved)', hint: 'quit', screens: LIST_SCREENS, matches: (i) => i === 'q' },
  { command: 'quit', keys: 'Ctrl-C', description: 'quit from any screen (everything is saved)', screens: ALL_SCREENS, matches: (i, k) => k.ctrl && i === 'c' },
];

/** The bindings that work on a screen. */
export function bindingsFor(screen: ScreenName): KeyBinding[] {
  return KEYBINDINGS.filter((b) => b.screens.includes(screen));
}

/** The command a key press means on a screen, if any. */
export function commandFor(screen: ScreenName, input: string, key: Key): Command | undefined {
  return bindingsFor(screen).find((b) => b.matches(input, key))?.command;
}

/** The one-line footer hint of a screen: "Enter choose · u we don't know · ? help". */
export function footerHint(screen: ScreenName): string {
  return bindingsFor(screen)
    .filter((b) => b.hint !== undefined)
    .map((b) => `${b.keys} ${b.hint}`)
    .join(' · ');
}
