import type { ReactNode } from 'react';
import { Box } from 'ink';
import type { KeyScope } from '../keybindings.js';
import { useShell } from '../shell.js';
import { Footer } from './Footer.js';
import { Header } from './Header.js';

/**
 * The frame of every screen: the header line, the body (clipped, never wider or taller
 * than the terminal) and the footer hint of the active key scope at the bottom (`digits`:
 * how many options the number keys choose among, for the hint to say "1-5").
 */
export function Screen({ trail, scope, digits, children }: { trail: readonly string[]; scope: KeyScope; digits?: number; children: ReactNode }) {
  const { presenting } = useShell();
  return (
    <Box flexDirection="column" flexGrow={1}>
      <Header trail={trail} />
      <Box flexDirection="column" flexGrow={1} flexShrink={1} overflow="hidden" marginTop={1}>
        {children}
      </Box>
      {presenting ? null : <Footer scope={scope} digits={digits} />}
    </Box>
  );
}

/** Rows a screen body has: the terminal minus the header, its gap, the footer and Ink's last line. */
export function bodyRows(rows: number): number {
  return Math.max(4, rows - 4);
}
