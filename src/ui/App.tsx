/**
 * The workbook's root: which screen is showing, the workbook as last changed, the save
 * state, the terminal size and the help overlay. Screens draw and call `apply` with
 * pure changes from src/core; the store saves them in the background.
 *
 * Keys: one Ink input handler hands them to the key broker (hooks/useKeys.ts), where
 * the app hears first (Ctrl-C), then its own question when another program changed the
 * workbook (conflict-prompt.ts), then the help while it is open, then a modal question,
 * then the screen showing. Screens are registered in routes.tsx; where the user is, is
 * a stack of them (navigation.ts).
 *
 * Ctrl-P, on any screen of an assessment, opens the form of a new parking-lot item over
 * the screen (ParkedForm): the screen stays mounted, hidden, so nothing typed on it is
 * lost, and shows again as it was once the item is saved or the form left; in the walk
 * the item is linked to the question shown (useParkPlace).
 */
import { scopeNamesOf } from '../core/bank-words.js';
import { Fragment, useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Box, useApp, useInput } from 'ink';
import type { Bank } from '../core/bank-schema.js';
import { adoptWorkbook } from '../core/organisation.js';
import type { ParkedPlace } from '../core/parking-lot.js';
import type { PresencePlace } from '../core/presence.js';
import type { Workbook } from '../core/workbook-schema.js';
import type { SaveState, WorkbookStore } from '../store/workbook-store.js';
import { ConflictPrompt } from './components/ConflictPrompt.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { isTooSmall, TooSmall } from './components/TooSmall.js';
import { CONFLICT_CLOSED, conflictKey, keptMessage, reloadedMessage, conflictPrompt, type ConflictChoice, type ConflictPromptAction } from './conflict-prompt.js';
import { DerivedContext, DerivedData } from './derived.js';
import { HelpOverlay, helpLines, helpRoom } from './components/HelpOverlay.js';
import { KeyBroker, KeyBrokerContext, splitKeys, useRefState } from './hooks/useKeys.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import { commandFor, type KeyScope } from './keybindings.js';
import { AssessmentGone } from './components/AssessmentGone.js';
import { NavContext, navigate, type Nav, type NavAction, type Screen } from './navigation.js';
import { parentOf, routeOf } from './routes.js';
import type { ScreenProps } from './screen-props.js';
import { ParkedForm } from './screens/ParkedForm.js';
import { ShellContext, type QuitGuard, type Shell, type TerminalSize } from './shell.js';

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
  /** What the first screen says of the bank's warnings (src/bank/files.ts warningSentence). */
  bankWarning?: string | undefined;
  /** Told where the walk is (the sidecar `cxray present` follows); none in tests unless given. */
  presence?: (place: PresencePlace) => void;
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

function Workbench({ store, bank, now = systemClock, size: fixedSize, color = true, derived: given, bankWarning, presence }: AppProps) {
  const [derived] = useState(() => given ?? new DerivedData());
  const { exit } = useApp();
  const [stack, dispatch] = useReducer((st: readonly Screen[], action: NavAction) => navigate(st, action, parentOf), [{ name: 'home' }] satisfies Screen[]);
  const screen = stack[stack.length - 1]!;
  const [workbook, setWorkbook] = useState<Workbook>(store.data);
  const [save, setSave] = useState<SaveState>({ kind: 'saved' });
  const [help, setHelp] = useState<KeyScope | undefined>();
  const [helpOffset, setHelpOffset] = useState(0);
  const size = useTerminalSize(fixedSize);
  const guard = useRef<QuitGuard | undefined>(undefined);
  // Ctrl-P: the form of a new parking-lot item, over the screen, and the question the walk shows.
  const [parking, setParking, parkingRef] = useRefState<{ assessmentId: string; place: ParkedPlace | undefined } | undefined>(undefined);
  const parkGuard = useRef<QuitGuard | undefined>(undefined);
  const parkPlace = useRef<ParkedPlace | undefined>(undefined);
  /** True once the form Ctrl-P opened is drawn (and hears keys): until then keys are held back from the screen. */
  const parkShown = useRef(false);
  const [notice, setNotice, noticeRef] = useRefState<string | undefined>(undefined);
  const tooSmall = isTooSmall(size);

  const apply = useCallback(
    (change: (w: Workbook) => Workbook) => {
      store.update(change);
      setWorkbook(store.data);
    },
    [store],
  );

  const forceQuit = useCallback(() => exit(), [exit]);
  const closePark = useCallback(() => setParking(undefined), [setParking]);
  // The parking form's question about unsaved typing comes first; then the screen's, shown once the form is closed.
  const quit = useCallback(() => {
    if (parkingRef.current) {
      if (parkGuard.current?.()) return;
      closePark();
    }
    if (guard.current?.()) return;
    exit();
  }, [exit, parkingRef, closePark]);
  /** The parking form's "quit without saving": the screen below may still ask about its own typing. */
  const parkForceQuit = useCallback(() => {
    closePark();
    if (guard.current?.()) return;
    exit();
  }, [exit, closePark]);
  const setQuitGuard = useCallback((g: QuitGuard | undefined) => {
    guard.current = g;
  }, []);
  const setParkGuard = useCallback((g: QuitGuard | undefined) => {
    parkGuard.current = g;
  }, []);
  const setParkPlace = useCallback((place: ParkedPlace | undefined) => {
    parkPlace.current = place;
  }, []);
  const notify = useCallback((sentence: string) => setNotice(sentence), [setNotice]);
  const setPresence = useCallback((place: PresencePlace | undefined) => presence?.(place ?? { screen: 'elsewhere' }), [presence]);

  // The one Ink input handler hands every key to the broker. The app hears first: Ctrl-C
  // quits from anywhere, and on a terminal too small no key reaches a screen; then the
  // help, while it is open (any key closes it); then modal questions; then the screen.
  const broker = useMemo(() => new KeyBroker(), []);
  const helpOpen = useRef(false);
  const helpScope = useRef<KeyScope>('home');
  const blocked = useRef(false);
  const sizeRef = useRef(size);
  const screenRef = useRef(screen);
  useLayoutEffect(() => {
    helpOpen.current = help !== undefined;
    if (help) helpScope.current = help;
    blocked.current = tooSmall;
    sizeRef.current = size;
    screenRef.current = screen;
    parkShown.current = parking !== undefined;
  });
  // Another program changed the workbook: the app asks what to do, in place of the screen.
  const [conflict, setConflict, conflictRef] = useRefState(CONFLICT_CLOSED);
  const [generation, setGeneration] = useState(0);
  const saveRef = useRef(save);
  const act = useCallback((action: ConflictPromptAction) => setConflict((state) => conflictPrompt(state, action)), [setConflict]);
  useEffect(
    () =>
      store.onSaveState((state) => {
        saveRef.current = state;
        setSave(state);
        if (state.kind === 'conflict') {
          helpOpen.current = false;
          setHelp(undefined);
          act({ type: 'conflict', theirs: state.theirs });
        }
      }),
    [store, act],
  );
  const choose = useCallback(
    async (choice: ConflictChoice) => {
      try {
        if (choice === 'mine') {
          act({ type: 'chosen', message: keptMessage(store.path, await store.keepMine()), ok: true });
          return;
        }
        const reloaded = await store.reloadTheirs();
        // Their file as the walk reads it (organisation answers adopted, as on opening),
        // every screen drawn afresh from it.
        const adopted = adoptWorkbook(bank, store.data);
        if (adopted !== store.data) store.update(() => adopted);
        setWorkbook(store.data);
        setGeneration((g) => g + 1);
        act({ type: 'chosen', message: reloadedMessage(store.path, reloaded), ok: true });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // Still in conflict: ask again, saying why; else settled, but the save failed.
        act(saveRef.current.kind === 'conflict' ? { type: 'failed', message } : { type: 'chosen', message, ok: false });
      }
    },
    [store, bank, act],
  );

  useLayoutEffect(() => {
    const offApp = broker.add(
      (input, k) => {
        if (k.ctrl && input === 'c') {
          helpOpen.current = false;
          setHelp(undefined);
          // During the conflict question the screen is hidden and cannot ask its own: quit now
          // (closing the store keeps this session's workbook in a conflict copy).
          const phase = conflictRef.current.phase;
          if (phase === 'asking' || phase === 'working') forceQuit();
          else quit();
          return true;
        }
        if (blocked.current) return true;
        // Keys typed while the parking form opens wait for it, never reach the screen below.
        if (parkingRef.current) return !parkShown.current;
        const top = screenRef.current;
        const route = routeOf(top);
        if (route.ofAssessment && !helpOpen.current && conflictRef.current.phase === 'closed' && commandFor(route.scope, input, k) === 'park') {
          const assessmentId = (top as { assessmentId: string }).assessmentId;
          if (!store.data.assessments.some((a) => a.id === assessmentId)) return false;
          parkShown.current = false;
          setParking({ assessmentId, place: parkPlace.current });
          return true;
        }
        return false;
      },
      () => true,
      'app',
    );
    const offHelp = broker.add(
      (_, k) => {
        // ↓/PgDn and ↑/PgUp page through a help taller than the terminal; anything else closes it.
        const room = helpRoom(sizeRef.current.rows);
        if (k.downArrow || k.pageDown) setHelpOffset((o) => Math.min(Math.max(0, helpLines(helpScope.current, sizeRef.current.columns, scopeNamesOf(bank)) - room), o + room));
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
    // Registered after the help: it hears first (the help is closed when it opens anyway).
    const offConflict = broker.add(
      (input, k) => {
        const action = conflictKey(conflictRef.current, input, k);
        if (action === 'quit') forceQuit();
        else if (action) {
          act(action);
          if (action.type === 'choose') void choose(action.choice);
        }
        return true;
      },
      () => conflictRef.current.phase !== 'closed',
      'overlay',
    );
    return () => {
      offApp();
      offHelp();
      offConflict();
    };
  }, [broker, quit, forceQuit, act, choose, conflictRef, parkingRef, setParking, store, bank]);
  useInput((input, key) => {
    // A notice shows until the next key.
    if (noticeRef.current !== undefined) setNotice(undefined);
    for (const [one, k] of splitKeys(input, key)) broker.dispatch(one, k);
  });
  const showHelp = useCallback((scope: KeyScope) => {
    helpOpen.current = true;
    helpScope.current = scope;
    setHelpOffset(0);
    setHelp(scope);
  }, []);

  const parkAssessment = parking ? workbook.assessments.find((a) => a.id === parking.assessmentId) : undefined;
  const shown = help === undefined && !tooSmall && conflict.phase === 'closed';
  const shell = useMemo<Shell>(
    () => ({
      active: shown && !parkAssessment,
      size,
      color,
      save,
      now,
      workbookPath: store.path,
      quit,
      forceQuit,
      showHelp,
      setQuitGuard,
      notice,
      notify,
      setParkPlace,
      setPresence,
      scope: scopeNamesOf(bank),
    }),
    [shown, parkAssessment, size, color, save, now, store.path, quit, forceQuit, showHelp, setQuitGuard, notice, notify, setParkPlace, setPresence, bank],
  );
  // The parking form's own: it hears keys while it shows, and its quit guard is its own.
  const parkShell = useMemo<Shell>(
    () => ({ ...shell, active: shown, forceQuit: parkForceQuit, setQuitGuard: setParkGuard, setParkPlace: () => {} }),
    [shell, shown, parkForceQuit, setParkGuard],
  );

  const nav = useMemo<Nav>(
    () => ({
      go: (screen, from) => dispatch({ type: 'go', screen, ...(from ? { from } : {}) }),
      back: (focus) => dispatch({ type: 'back', ...(focus !== undefined ? { focus } : {}) }),
      replace: (screen) => dispatch({ type: 'replace', screen }),
    }),
    [],
  );

  const props: ScreenProps = { workbook, bank, apply, bankWarning };
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
          {tooSmall ? <TooSmall size={size} /> : null}
          {conflict.phase !== 'closed' && !tooSmall ? <ConflictPrompt state={conflict} message={save.kind === 'conflict' ? save.message : ''} mine={store.data} /> : null}
          {help !== undefined && !tooSmall && conflict.phase === 'closed' ? <HelpOverlay scope={help} offset={helpOffset} /> : null}
          {/* Hidden, not unmounted, so nothing typed on the screen is lost while the help, the conflict question or the parking form shows. */}
          <Box display={!shown || parkAssessment ? 'none' : 'flex'} flexDirection="column" flexGrow={1}>
            {/* Keyed on the stack (every move draws the screen afresh from its entry) and on reloads of the file. */}
            <Fragment key={`${generation}\u0000${stack.length}\u0000${JSON.stringify(screen)}`}>{body}</Fragment>
          </Box>
          {parking && parkAssessment ? (
            <Box display={shown ? 'flex' : 'none'} flexDirection="column" flexGrow={1}>
              <ShellContext.Provider value={parkShell}>
                <ParkedForm
                  bank={bank}
                  assessment={parkAssessment}
                  apply={apply}
                  place={parking.place}
                  trail={[parkAssessment.name, 'Parking lot', 'New']}
                  onSaved={(said) => {
                    closePark();
                    setNotice(said);
                  }}
                  onLeave={closePark}
                />
              </ShellContext.Provider>
            </Box>
          ) : null}
        </Box>
      </ShellContext.Provider>
      </NavContext.Provider>
      </DerivedContext.Provider>
    </KeyBrokerContext.Provider>
  );
}
