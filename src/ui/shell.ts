/**
 * What every screen needs from the app around it, through one React context: whether
 * it may read keys now, the terminal size, colour, the save state, the clock (`now`),
 * and the ways to quit or show the help.
 */
import type { ScopeNames } from '../core/bank-words.js';
import { createContext, useContext, useLayoutEffect } from 'react';
import type { ParkedPlace } from '../core/parking-lot.js';
import type { PresencePlace } from '../core/presence.js';
import type { SaveState } from '../store/workbook-store.js';
import type { KeyScope } from './keybindings.js';

export interface TerminalSize {
  columns: number;
  rows: number;
}

/**
 * Below this size the app shows a message instead of drawing a screen. 80x24, the size a
 * terminal opens at: at 60x16 the walk hid answers and keys behind "↓ more", the results
 * showed one journey and the help cut its lines; at 80x24 every screen holds what it
 * must (test/ui/layout.test.tsx draws each one at exactly this size).
 */
export const MIN_SIZE: TerminalSize = { columns: 80, rows: 24 };

/** Why the minimum is what it is, for the message on a terminal below it. */
export const MIN_SIZE_WHY = "smaller, a question's answers, the results table and the help no longer fit";

/**
 * Something a screen would lose on quit (an unsaved note, a half-filled form). It
 * returns true when it took over the quit (by asking first), false to let it go ahead.
 */
export type QuitGuard = () => boolean;

export interface Shell {
  /** False while the help is open or the terminal is too small: screens ignore keys. */
  active: boolean;
  size: TerminalSize;
  /** False under NO_COLOR: meaning is then carried by symbols alone (it always is). */
  color: boolean;
  save: SaveState;
  now: () => Date;
  /** The workbook file, to say where exports go. */
  workbookPath: string;
  /** Quits (after the screen's quit guard, if it has one). */
  quit: () => void;
  /** Quits at once, whatever a guard would say. */
  forceQuit: () => void;
  showHelp: (scope: KeyScope) => void;
  setQuitGuard: (guard: QuitGuard | undefined) => void;
  /** A sentence the footer shows in place of the key hint until the next key ("Open question p3 parked."). */
  notice: string | undefined;
  notify: (sentence: string) => void;
  /** The question shown, where Ctrl-P links what it parks (the walk sets it; undefined elsewhere). */
  setParkPlace: (place: ParkedPlace | undefined) => void;
  /** Where the walk is, for `cxray present` to follow (the walk sets it; undefined: another screen). */
  setPresence?: (place: PresencePlace | undefined) => void;
  /** True in `cxray present`: screens are drawn for the room, with no keys to offer. */
  presenting?: boolean;
  /** What the bank calls what it assesses, for the footer and the help (default: journeys). */
  scope?: ScopeNames;
}

export const ShellContext = createContext<Shell | undefined>(undefined);

export function useShell(): Shell {
  const shell = useContext(ShellContext);
  if (!shell) throw new Error('useShell() outside the app: render screens inside <App>.');
  return shell;
}

/** A colour when colours are on, nothing under NO_COLOR. */
export function useTone(): (color: string) => string | undefined {
  const { color } = useShell();
  return (name: string) => (color ? name : undefined);
}

/** Registers the screen's quit guard while `guard` is given; removes it on unmount. */
export function useQuitGuard(guard: QuitGuard | undefined): void {
  const { setQuitGuard } = useShell();
  // A layout effect: the guard is in place before the next key can ask for it.
  useLayoutEffect(() => {
    setQuitGuard(guard);
    return () => setQuitGuard(undefined);
  }, [guard, setQuitGuard]);
}

/**
 * Says which question is shown while the component is drawn: an open question or a
 * decision added with Ctrl-P is then linked to it. Cleared on unmount.
 */
export function useParkPlace(place: ParkedPlace | undefined): void {
  const { setParkPlace } = useShell();
  const journeyId = place?.journeyId;
  const questionId = place?.questionId;
  useLayoutEffect(() => {
    setParkPlace(questionId === undefined ? undefined : { journeyId: journeyId ?? null, questionId });
    return () => setParkPlace(undefined);
  }, [journeyId, questionId, setParkPlace]);
}

/**
 * The commands every screen answers alike: `help` shows the keys of `scope`, `back`
 * calls `back`, `quit` quits (on q: Ctrl-C is the app's own). True when `command` was
 * one of them.
 */
export function sharedCommand(
  shell: Pick<Shell, 'showHelp' | 'quit'>,
  scope: KeyScope,
  command: string | undefined,
  key: { ctrl: boolean },
  back: () => void,
): boolean {
  switch (command) {
    case 'help':
      shell.showHelp(scope);
      return true;
    case 'back':
      back();
      return true;
    case 'quit':
      if (!key.ctrl) shell.quit();
      return true;
    default:
      return false;
  }
}
