/**
 * Where the user is: a stack of screens, the one showing on top. `go` opens a screen
 * above the one showing, `back` returns to the one below (so Back leads where the user
 * came from: the walk opened from the results' drill-down returns to it), `replace`
 * swaps the top (the walk of the next journey; a new assessment once saved). Each screen
 * is registered once in routes.tsx, with its scope, its parent and how it renders; the
 * parent says where Back goes when nothing is below, and which row to highlight there.
 */
import { createContext, useContext } from 'react';
import type { Measure } from './score-bands.js';

/** What the results screen showed when it was left, to show it again on coming back. */
export interface ResultsView {
  row: number;
  column: number;
  measure: Measure;
  /** The cell whose answers are shown, and the highlighted answer. */
  drill?: { row: number; column: number; index: number };
  /** The list of stale answers, and the highlighted one. */
  stale?: { index: number };
}

export type Screen =
  | { name: 'home'; focus?: string }
  | { name: 'assessment-form'; assessmentId?: string }
  | { name: 'assessment'; assessmentId: string; focus?: string }
  | { name: 'journey-form'; assessmentId: string; journeyId?: string }
  | { name: 'systems'; assessmentId: string; focus?: string }
  | { name: 'system-form'; assessmentId: string; systemId?: string }
  | { name: 'integrations'; assessmentId: string; focus?: string }
  | { name: 'integration-form'; assessmentId: string; integrationId?: string }
  | { name: 'walk'; assessmentId: string; journeyId: string; questionId?: string }
  /** The walk of the organisation-wide questions, answered once for every journey. */
  | { name: 'organisation'; assessmentId: string; questionId?: string }
  | { name: 'results'; assessmentId: string; view?: ResultsView }
  | { name: 'plan'; assessmentId: string; focus?: string }
  | { name: 'plan-status'; assessmentId: string; actionId: string }
  | { name: 'signoff'; assessmentId: string }
  | { name: 'compare'; assessmentId: string }
  /** The parking lot and the decision log; `focus` the item highlighted. */
  | { name: 'parking'; assessmentId: string; focus?: string }
  /** One item of it edited (`itemId`), or a new one. */
  | { name: 'parked-form'; assessmentId: string; itemId?: string }
  | { name: 'controls'; assessmentId: string }
  /** The workshop session: what the walks ask and its timebox. */
  | { name: 'session-form'; assessmentId: string }
  /**
   * Evidence added to one answer (journeyId null: the organisation's). `collectedBy`: who
   * the form names as having collected it (the walk's speaker; else the facilitator).
   * `requestId`: the request it answers (saving marks it accepted or rejected).
   */
  | { name: 'evidence-form'; assessmentId: string; journeyId: string | null; questionId: string; collectedBy?: string; requestId?: string }
  /** The evidence of one answer, listed: add, remove, accept or reject; `focus` the item highlighted. */
  | { name: 'evidence'; assessmentId: string; journeyId: string | null; questionId: string; collectedBy?: string; requestId?: string; focus?: string }
  /** The evidence requests by owner; `focus` the request highlighted (its id). */
  | { name: 'requests'; assessmentId: string; focus?: string };

export type ScreenKind = Screen['name'];

/** The row of the organisation-wide section on the assessment screen (no journey id can be this). */
export const ORGANISATION_ROW = '\u0000organisation';

export type NavAction =
  /** Opens `screen` above the one showing; `from`: the one showing as it should come back. */
  | { type: 'go'; screen: Screen; from?: Screen }
  /** Back to the screen below, `focus` highlighted there (else the row the parent names). */
  | { type: 'back'; focus?: string }
  | { type: 'replace'; screen: Screen };

/** The moves a screen can make (from useNav). */
export interface Nav {
  go: (screen: Screen, from?: Screen) => void;
  back: (focus?: string) => void;
  replace: (screen: Screen) => void;
}

export function checkExhaustive(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}

/** `screen` with `focus` highlighted, on the screens that highlight a row. */
function withFocus(screen: Screen, focus: string | undefined): Screen {
  if (focus === undefined || !('focus' in screen || ['home', 'assessment', 'systems', 'integrations', 'plan', 'parking', 'requests', 'evidence'].includes(screen.name))) return screen;
  return { ...screen, focus } as Screen;
}

/**
 * The stack after one move. `parentOf` is the route table's: the screen one level up,
 * with the row the child came from highlighted.
 */
export function navigate(stack: readonly Screen[], action: NavAction, parentOf: (screen: Screen) => Screen): Screen[] {
  const top = stack[stack.length - 1]!;
  switch (action.type) {
    case 'go':
      return [...stack.slice(0, -1), action.from ?? top, action.screen];
    case 'replace':
      return [...stack.slice(0, -1), action.screen];
    case 'back': {
      const parent = parentOf(top);
      if (stack.length === 1) return [withFocus(parent, action.focus)];
      const below = stack[stack.length - 2]!;
      // Coming back up to the parent: the row of the child highlighted, as the parent says.
      const again = below.name === parent.name && 'focus' in parent ? withFocus(below, parent.focus) : below;
      return [...stack.slice(0, -2), withFocus(again, action.focus)];
    }
    default:
      return checkExhaustive(action);
  }
}

export const NavContext = createContext<Nav | undefined>(undefined);

export function useNav(): Nav {
  const nav = useContext(NavContext);
  if (!nav) throw new Error('useNav() outside the app: render screens inside <App>.');
  return nav;
}
