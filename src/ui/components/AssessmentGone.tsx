import { Text } from 'ink';
import type { KeyScope } from '../keybindings.js';
import { useTone } from '../shell.js';
import { Screen } from './Screen.js';

/** What a screen of one assessment shows once that assessment has left the workbook. */
export function AssessmentGone({ scope }: { scope: KeyScope }) {
  const tone = useTone();
  return (
    <Screen trail={['?']} scope={scope}>
      <Text color={tone('red')}>This assessment is no longer in the workbook. Press Esc to go back.</Text>
    </Screen>
  );
}
