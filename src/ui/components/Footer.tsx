import { Box, Text } from 'ink';
import { DEFAULT_SCOPE_NAMES, inScopeWords } from '../../core/bank-words.js';
import { footerHint, type KeyScope } from '../keybindings.js';
import { useShell, useTone } from '../shell.js';

/**
 * The one-line key hint under every screen, and a failed save when there is one. A
 * notice from the app (what Ctrl-P just parked) takes the hint's place until the next key.
 */
export function Footer({ scope, digits }: { scope: KeyScope; digits?: number | undefined }) {
  const { save, size, notice, scope: names = DEFAULT_SCOPE_NAMES } = useShell();
  const tone = useTone();
  return (
    <Box flexDirection="column" flexShrink={0}>
      {save.kind === 'failed' || save.kind === 'conflict' ? (
        <Text color={tone('red')} bold wrap="truncate-end">
          ✗ Not saved: {save.message}
        </Text>
      ) : null}
      {notice ? (
        <Text color={tone('green')} bold wrap="truncate-end">
          ✓ {notice}
        </Text>
      ) : (
        <Text dimColor wrap="truncate-end">
          {footerHint(scope, size.columns, (text) => inScopeWords(text, names), digits)}
        </Text>
      )}
    </Box>
  );
}
