/**
 * The workbook's root: which screen is showing, the workbook as last changed, the save
 * state, and the keys that work everywhere (quit, back, help). Screens draw and call
 * `apply` with pure changes from src/core; the store saves them in the background.
 */
import { useCallback, useEffect, useReducer, useState } from 'react';
import { Box, useApp, useInput } from 'ink';
import type { Bank } from '../core/bank-schema.js';
import type { Workbook } from '../core/workbook-schema.js';
import type { SaveState, WorkbookStore } from '../store/workbook-store.js';
import { Footer } from './components/Footer.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { commandFor } from './keybindings.js';
import { navigate, type Screen } from './navigation.js';
import { AssessmentScreen } from './screens/AssessmentScreen.js';
import { HomeScreen } from './screens/HomeScreen.js';
import { NewAssessmentScreen } from './screens/NewAssessmentScreen.js';
import { NewJourneyScreen } from './screens/NewJourneyScreen.js';
import { WalkScreen } from './screens/WalkScreen.js';

export interface AppProps {
  store: WorkbookStore;
  bank: Bank;
  /** The clock, injectable for tests. */
  now?: () => Date;
}

export function App({ store, bank, now = () => new Date() }: AppProps) {
  const { exit } = useApp();
  const [screen, dispatch] = useReducer(navigate, { name: 'home' } satisfies Screen as Screen);
  const [workbook, setWorkbook] = useState<Workbook>(store.data);
  const [save, setSave] = useState<SaveState>({ kind: 'saved' });
  const [showHelp, setShowHelp] = useState(false);

  useEffect(() => store.onSaveState(setSave), [store]);

  const apply = useCallback(
    (change: (w: Workbook) => Workbook) => {
      store.update(change);
      setWorkbook(store.data);
    },
    [store],
  );

  useInput((input, key) => {
    if (showHelp) {
      setShowHelp(false);
      return;
    }
    const command = commandFor(screen.name, input, key);
    if (command === 'quit') exit();
    else if (command === 'help') setShowHelp(true);
    else if (command === 'back') {
      if (screen.name === 'home') exit();
      else dispatch({ type: 'back' });
    }
  });

  const body = (() => {
    switch (screen.name) {
      case 'home':
        return <HomeScreen workbook={workbook} bank={bank} dispatch={dispatch} active={!showHelp} />;
      case 'new-assessment':
        return <NewAssessmentScreen workbook={workbook} bank={bank} apply={apply} dispatch={dispatch} now={now} />;
      case 'assessment':
        return <AssessmentScreen workbook={workbook} bank={bank} assessmentId={screen.assessmentId} dispatch={dispatch} active={!showHelp} />;
      case 'new-journey':
        return <NewJourneyScreen workbook={workbook} assessmentId={screen.assessmentId} apply={apply} dispatch={dispatch} />;
      case 'walk':
        return (
          <WalkScreen
            workbook={workbook}
            bank={bank}
            assessmentId={screen.assessmentId}
            journeyId={screen.journeyId}
            apply={apply}
            dispatch={dispatch}
            now={now}
            active={!showHelp}
          />
        );
    }
  })();

  return (
    <Box flexDirection="column">
      {showHelp ? <HelpOverlay screen={screen.name} /> : body}
      <Footer screen={screen.name} save={save} />
    </Box>
  );
}
