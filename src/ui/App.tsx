/**
 * The workbook's root: which screen is showing, the workbook as last changed, the save
 * state, the terminal size and the help overlay. Screens draw and call `apply` with
 * pure changes from src/core; the store saves them in the background.
 *
 * Keys: one Ink input handler hands them to the key broker (hooks/useKeys.ts), where
 * the app hears first (Ctrl-C), then the help while it is open, then a modal question,
 * then the screen showing. Screens are registered in routes.tsx; where the user is, is
 * a stack of them (navigation.ts).
 */
import { Fragment, useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Box, Text, useApp, useInput } from 'ink';
import type { Bank } from '../core/bank-schema.js';
import type { Workbook } from '../core/workbook-schema.js';
import type { SaveState, WorkbookStore } from '../store/workbook-store.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { DerivedContext, DerivedData } from './derived.js';
import { HelpOverlay, helpLines, helpRoom } from './components/HelpOverlay.js';
import { KeyBroker, KeyBrokerContext, splitKeys } from './hooks/useKeys.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import type { KeyScope } from './keybindings.js';
import { AssessmentGone } from './components/AssessmentGone.js';
import { NavContext, navigate, type Nav, type NavAction, type Screen } from './navigation.js';
import { parentOf, routeOf } from './routes.js';
import type { ScreenProps } from './screen-props.js';
import { MIN_SIZE, ShellContext, type QuitGuard, type Shell, type TerminalSize } from './shell.js';

export interface AppProps {
  store: WorkbookStore;
  bank: Bank;
  /** The clock, injectable for tests. */
  now?: () => Date;
  /** A fixed terminal size (tests); by default the terminal's, following resizes. */
  size?: TerminalSize;
  /** Colours on (false under NO_COLOR). */
  color?: boolean;
  /** The caches of what screens derive (tests: one with a counting builder); by default a new one. */
  derived?: DerivedData;
}

export function App(props: AppProps) {
  const { exit } = useApp();
  return (
    <ErrorBoundary onError={(error) => exit(error)}>
      <Workbench {...props} />
    </ErrorBoundary>
  );
}

/** The wall clock, one function for the app's whole life (a new one per render would make every screen's figures look new). */
const systemClock = () => new Date();

function Workbench({ store, bank, now = systemClock, size: fixedSize, color = true, derived: given }: AppProps) {
  const [derived] = useState(() => given ?? new DerivedData());
  const { exit } = useApp();
  const [stack, dispatch] = useReducer((st: readonly Screen[], action: NavAction) => navigate(st, action, parentOf), [{ name: 'home' }] satisfies Screen[]);
  const screen = stack[stack.length - 1]!;
  const [workbook, setWorkbook] = useState<Workbook>(store.data);
  const [save, setSave] = useState<SaveState>({ kind: 'saved' });
  const [help, setHelp] = useState<KeyScope | undefined>();
  const [helpOffset, setHelpOffset] = useState(0);
  const [startedAt] = useState(() => now());
  const size = useTerminalSize(fixedSize);
  const guard = useRef<QuitGuard | undefined>(undefined);
  const tooSmall = size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows;

  useEffect(() => store.onSaveState(setSave), [store]);

  const apply = useCallback(
    (change: (w: Workbook) => Workbook) => {
      store.update(change);
      setWorkbook(store.data);
    },
    [store],
  );

  const forceQuit = useCallback(() => exit(), [exit]);
  const quit = useCallback(() => {
    if (guard.current?.()) return;
    exit();
  }, [exit]);
  const setQuitGuard = useCallback((g: QuitGuard | undefined) => {
    guard.current = g;
  }, []);

  // The one Ink input handler hands every key to the broker. The app hears first: Ctrl-C
  // quits from anywhere, and on a terminal too small no key reaches a screen; then the
  // help, while it is open (any key closes it); then modal questions; then the screen.
  const broker = useMemo(() => new KeyBroker(), []);
  const helpOpen = useRef(false);
  const helpScope = useRef<KeyScope>('home');
  const blocked = useRef(false);
  const sizeRef = useRef(size);
  useLayoutEffect(() => {
    helpOpen.current = help !== undefined;
    if (help) helpScope.current = help;
    blocked.current = tooSmall;
    sizeRef.current = size;
  });
  useLayoutEffect(() => {
    const offApp = broker.add(
      (input, k) => {
        if (k.ctrl && input === 'c') {
          helpOpen.current = false;
          setHelp(undefined);
          quit();
          return true;
        }
        return blocked.current;
      },
      () => true,
      'app',
    );
    const offHelp = broker.add(
      (_, k) => {
        // ↓/PgDn and ↑/PgUp page through a help taller than the terminal; anything else closes it.
        const room = helpRoom(sizeRef.current.rows);
        if (k.downArrow || k.pageDown) setHelpOffset((o) => Math.min(Math.max(0, helpLines(helpScope.current) - room), o + room));
        else if (k.upArrow || k.pageUp) setHelpOffset((o) => Math.max(0, o - room));
        else {
          helpOpen.current = false;
          setHelp(undefined);
        }
        return true;
      },
      () => helpOpen.current,
      'overlay',
    );
    return () => {
      offApp();
      offHelp();
    };
  }, [broker, quit]);
  useInput((input, key) => {
    for (const [one, k] of splitKeys(input, key)) broker.dispatch(one, k);
  });
  const showHelp = useCallback((scope: KeyScope) => {
    helpOpen.current = true;
    helpScope.current = scope;
    setHelpOffset(0);
    setHelp(scope);
  }, []);

  const shell = useMemo<Shell>(
    () => ({
      active: help === undefined && !tooSmall,
      size,
      color,
      save,
      startedAt,
      now,
      workbookPath: store.path,
      quit,
      forceQuit,
      showHelp,
      setQuitGuard,
    }),
    [help, tooSmall, size, color, save, startedAt, now, store.path, quit, forceQuit, showHelp, setQuitGuard],
  );

  const nav = useMemo<Nav>(
    () => ({
      go: (screen, from) => dispatch({ type: 'go', screen, ...(from ? { from } : {}) }),
      back: (focus) => dispatch({ type: 'back', ...(focus !== undefined ? { focus } : {}) }),
      replace: (screen) => dispatch({ type: 'replace', screen }),
    }),
    [],
  );

  const props: ScreenProps = { workbook, bank, apply };
  const route = routeOf(screen);
  // A screen of one assessment gets it looked up here, once; "gone" when it has left the workbook.
  const assessment = route.ofAssessment ? workbook.assessments.find((a) => a.id === (screen as { assessmentId: string }).assessmentId) : undefined;
  const body = !route.ofAssessment ? (
    route.render(screen, props)
  ) : assessment ? (
    route.render(screen as Screen & { assessmentId: string }, { ...props, assessment })
  ) : (
    <AssessmentGone scope={route.scope} />
  );

  return (
    <KeyBrokerContext.Provider value={broker}>
      <DerivedContext.Provider value={derived}>
      <NavContext.Provider value={nav}>
      <ShellContext.Provider value={shell}>
        <Box flexDirection="column" width={size.columns} height={Math.max(1, size.rows - 1)} overflow="hidden">
          {tooSmall ? (
            <Text wrap="wrap">
              The terminal is too small ({size.columns}x{size.rows}); make it at least {MIN_SIZE.columns}x{MIN_SIZE.rows}.
            </Text>
          ) : null}
          {help !== undefined && !tooSmall ? <HelpOverlay scope={help} offset={helpOffset} /> : null}
          {/* Hidden, not unmounted, so nothing typed on the screen is lost while the help shows. */}
          <Box display={help !== undefined || tooSmall ? 'none' : 'flex'} flexDirection="column" flexGrow={1}>
            {/* Keyed on the stack: every move draws the screen afresh from its entry. */}
            <Fragment key={`${stack.length}\u0000${JSON.stringify(screen)}`}>{body}</Fragment>
          </Box>
        </Box>
      </ShellContext.Provider>
      </NavContext.Provider>
      </DerivedContext.Provider>
    </KeyBrokerContext.Provider>
  );
}
