import { Text } from 'ink';
import { useKeys } from '../hooks/useKeys.js';
import { commandFor, type KeyScope } from '../keybindings.js';
import { useNav } from '../navigation.js';
import { sharedCommand, useShell, useTone } from '../shell.js';
import { Screen } from './Screen.js';

/**
 * What a screen shows once what it was about has left the workbook (another cxray, or
 * an undo elsewhere, removed it). It answers its own keys: Esc goes back, ? and q as
 * everywhere.
 */
export function Gone({ scope, what }: { scope: KeyScope; what: string }) {
  const tone = useTone();
  const shell = useShell();
  const nav = useNav();
  useKeys((input, key) => {
    sharedCommand(shell, scope, commandFor(scope, input, key), key, () => nav.back());
  }, shell.active);
  return (
    <Screen trail={['?']} scope={scope}>
      <Text color={tone('red')}>This {what} is no longer in the workbook. Press Esc to go back.</Text>
    </Screen>
  );
}

/** A screen of one assessment, once that assessment has left the workbook. */
export function AssessmentGone({ scope }: { scope: KeyScope }) {
  return <Gone scope={scope} what="assessment" />;
}
