import { Text } from 'ink';
import type { KeyScope } from '../keybindings.js';
import { useTone } from '../shell.js';
import { Screen } from './Screen.js';

/** What a screen shows once what it was about has left the workbook. */
function Gone({ scope, what }: { scope: KeyScope; what: string }) {
  const tone = useTone();
  return (
    <Screen trail={['?']} scope={scope}>
      <Text color={tone('red')}>This {what} is no longer in the workbook. Press Esc to go back.</Text>
    </Screen>
  );
}

/** What a screen of one assessment shows once that assessment has left the workbook. */
export function AssessmentGone({ scope }: { scope: KeyScope }) {
  return <Gone scope={scope} what="assessment" />;
}

/** The walk of a journey that has left the workbook. */
export function JourneyGone({ scope }: { scope: KeyScope }) {
  return <Gone scope={scope} what="journey" />;
}
