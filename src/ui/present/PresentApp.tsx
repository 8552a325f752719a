/**
 * The presenter's app: what the source says (the workbook and where the driving cxray
 * is), drawn for the room. No key changes anything; q, Esc or Ctrl-C leave. The screens
 * are the walk's own components under a Shell that says `presenting` (no key hints).
 */
import { useEffect, useMemo, useState } from 'react';
import { Box, useApp, useInput } from 'ink';
import type { Bank } from '../../core/bank-schema.js';
import type { PresentSnapshot, PresentSource } from '../../store/present-source.js';
import { isTooSmall, TooSmall } from '../components/TooSmall.js';
import { DerivedContext, DerivedData } from '../derived.js';
import { useTerminalSize } from '../hooks/useTerminalSize.js';
import { ShellContext, type Shell, type TerminalSize } from '../shell.js';
import { PresentBody } from './PresentBody.js';

export interface PresentAppProps {
  source: Pick<PresentSource, 'current' | 'subscribe'>;
  bank: Bank;
  color?: boolean;
  /** A fixed size (tests); by default the terminal's. */
  size?: TerminalSize;
  now?: () => Date;
  /** The workbook as the user named it, for the waiting line. */
  workbookPath: string;
  /** The bank as the user named it (--bank), for the waiting line's command; undefined: the built-in bank. */
  bankPath?: string | undefined;
}

/** Why the presenter needs the same size as the workbook, for its too-small screen. */
const PRESENT_TOO_SMALL_WHY = 'smaller, a question and its answers no longer fit';

const systemClock = () => new Date();
const nothing = () => {};

export function PresentApp({ source, bank, color = true, size: fixed, now = systemClock, workbookPath, bankPath }: PresentAppProps) {
  const { exit } = useApp();
  const [snapshot, setSnapshot] = useState<PresentSnapshot>(() => source.current());
  useEffect(() => source.subscribe(() => setSnapshot(source.current())), [source]);
  useInput((input, key) => {
    if (input === 'q' || key.escape || (key.ctrl && input === 'c')) exit();
  });
  const size = useTerminalSize(fixed);
  const [derived] = useState(() => new DerivedData());
  const shell = useMemo<Shell>(
    () => ({
      active: false,
      size,
      color,
      save: { kind: 'saved' },
      now,
      workbookPath,
      quit: exit,
      forceQuit: exit,
      showHelp: nothing,
      setQuitGuard: nothing,
      notice: undefined,
      notify: nothing,
      setParkPlace: nothing,
      presenting: true,
    }),
    [size, color, now, workbookPath, exit],
  );
  return (
    <DerivedContext.Provider value={derived}>
      <ShellContext.Provider value={shell}>
        <Box flexDirection="column" width={size.columns} height={Math.max(1, size.rows - 1)} overflow="hidden">
          {isTooSmall(size) ? (
            <TooSmall size={size} why={PRESENT_TOO_SMALL_WHY} />
          ) : (
            <PresentBody snapshot={snapshot} bank={bank} workbookPath={workbookPath} bankPath={bankPath} />
          )}
        </Box>
      </ShellContext.Provider>
    </DerivedContext.Provider>
  );
}
