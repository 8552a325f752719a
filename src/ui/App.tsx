/**
 * The workbook's root: which screen is showing, the workbook as last changed, the save
 * state, the terminal size and the help overlay. Screens draw and call `apply` with
 * pure changes from src/core; the store saves them in the background.
 *
 * Keys: the showing screen reads them (one handler, gated by `shell.active`); the app
 * itself only listens for Ctrl-C, which quits from anywhere, and for the key that
 * closes the help while the help is open.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Box, Text, useApp, useInput } from 'ink';
import type { Bank } from '../core/bank-schema.js';
import type { Workbook } from '../core/workbook-schema.js';
import type { SaveState, WorkbookStore } from '../store/workbook-store.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { DerivedContext, DerivedData } from './derived.js';
import { HelpOverlay, helpLines, helpRoom } from './components/HelpOverlay.js';
import { KeyRouter, KeyRouterContext, splitKeys } from './hooks/useKeys.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import type { KeyScope } from './keybindings.js';
import { checkExhaustive, navigate, type Screen } from './navigation.js';
import { AssessmentForm } from './screens/AssessmentForm.js';
import { AssessmentScreen } from './screens/AssessmentScreen.js';
import { CompareScreen } from './screens/CompareScreen.js';
import { HomeScreen } from './screens/HomeScreen.js';
import { IntegrationForm } from './screens/IntegrationForm.js';
import { IntegrationsScreen } from './screens/IntegrationsScreen.js';
import { JourneyForm } from './screens/JourneyForm.js';
import { PlanScreen } from './screens/PlanScreen.js';
import { PlanStatusForm } from './screens/PlanStatusForm.js';
import { ResultsScreen } from './screens/ResultsScreen.js';
import { SystemForm } from './screens/SystemForm.js';
import { SystemsScreen } from './screens/SystemsScreen.js';
import { WalkScreen } from './screens/WalkScreen.js';
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
  const [screen, dispatch] = useReducer(navigate, { name: 'home' } satisfies Screen as Screen);
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

  // The one Ink input handler: Ctrl-C quits from anywhere, any key closes the help,
  // every other key goes to the screen showing (through the router).
  const router = useMemo(() => new KeyRouter(), []);
  const helpOpen = useRef(false);
  helpOpen.current = help !== undefined;
  const helpScope = useRef<KeyScope>('home');
  if (help) helpScope.current = help;
  const blocked = useRef(false);
  blocked.current = tooSmall;
  const sizeRef = useRef(size);
  sizeRef.current = size;
  useInput((input, key) => {
    for (const [one, k] of splitKeys(input, key)) {
      if (k.ctrl && one === 'c') {
        helpOpen.current = false;
        setHelp(undefined);
        quit();
      } else if (helpOpen.current) {
        // ↓/PgDn and ↑/PgUp page through a help taller than the terminal; anything else closes it.
        if (k.downArrow || k.pageDown) {
          const last = Math.max(0, helpLines(helpScope.current) - helpRoom(sizeRef.current.rows));
          setHelpOffset((o) => Math.min(last, o + helpRoom(sizeRef.current.rows)));
        }
        else if (k.upArrow || k.pageUp) setHelpOffset((o) => Math.max(0, o - helpRoom(sizeRef.current.rows)));
        else {
          helpOpen.current = false;
          setHelp(undefined);
        }
      } else if (!blocked.current) {
        router.dispatch(one, k);
      }
    }
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

  const props: ScreenProps = { workbook, bank, apply, dispatch };
  const body = (() => {
    switch (screen.name) {
      case 'home':
        return <HomeScreen {...props} focus={screen.focus} />;
      case 'assessment-form':
        return <AssessmentForm {...props} assessmentId={screen.assessmentId} />;
      case 'assessment':
        return <AssessmentScreen {...props} assessmentId={screen.assessmentId} focus={screen.focus} />;
      case 'journey-form':
        return <JourneyForm {...props} assessmentId={screen.assessmentId} journeyId={screen.journeyId} />;
      case 'systems':
        return <SystemsScreen {...props} assessmentId={screen.assessmentId} focus={screen.focus} />;
      case 'system-form':
        return <SystemForm {...props} assessmentId={screen.assessmentId} systemId={screen.systemId} />;
      case 'integrations':
        return <IntegrationsScreen {...props} assessmentId={screen.assessmentId} focus={screen.focus} />;
      case 'integration-form':
        return <IntegrationForm {...props} assessmentId={screen.assessmentId} integrationId={screen.integrationId} />;
      case 'walk':
        return (
          <WalkScreen
            key={`${screen.journeyId}\u0000${screen.questionId ?? ''}`}
            {...props}
            assessmentId={screen.assessmentId}
            journeyId={screen.journeyId}
            questionId={screen.questionId}
          />
        );
      case 'results':
        return <ResultsScreen {...props} assessmentId={screen.assessmentId} />;
      case 'plan':
        return <PlanScreen {...props} assessmentId={screen.assessmentId} focus={screen.focus} />;
      case 'plan-status':
        return <PlanStatusForm {...props} assessmentId={screen.assessmentId} actionId={screen.actionId} />;
      case 'compare':
        return <CompareScreen {...props} assessmentId={screen.assessmentId} />;
      default:
        return checkExhaustive(screen);
    }
  })();

  return (
    <KeyRouterContext.Provider value={router}>
      <DerivedContext.Provider value={derived}>
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
            {body}
          </Box>
        </Box>
      </ShellContext.Provider>
      </DerivedContext.Provider>
    </KeyRouterContext.Provider>
  );
}
