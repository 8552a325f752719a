/**
 * Runs `cxray present` until q: the presenter takes the whole terminal (the alternate
 * screen) and gives it back as it was. Loaded lazily by src/commands/present.ts.
 */
import { render } from 'ink';
import type { Bank } from '../../core/bank-schema.js';
import type { PresentSource } from '../../store/present-source.js';
import { enterAlternateScreen } from '../alternate-screen.js';
import { PresentApp } from './PresentApp.js';

export async function runPresenter({ source, bank, color, workbookPath, bankPath }: { source: PresentSource; bank: Bank; color: boolean; workbookPath: string; bankPath?: string | undefined }): Promise<void> {
  const leave = enterAlternateScreen();
  const instance = render(<PresentApp source={source} bank={bank} color={color} workbookPath={workbookPath} bankPath={bankPath} />, { exitOnCtrlC: false, patchConsole: false });
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    leave();
  }
}
