/**
 * Runs `cxray present` until q: the presenter takes the whole terminal (the alternate
 * screen) and gives it back as it was. Loaded lazily by src/commands/present.ts.
 */
import { render } from 'ink';
import type { Bank } from '../../core/bank-schema.js';
import type { PresentSource } from '../../store/present-source.js';
import { PresentApp } from './PresentApp.js';

const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';

export async function runPresenter({ source, bank, color, workbookPath }: { source: PresentSource; bank: Bank; color: boolean; workbookPath: string }): Promise<void> {
  const stdout = process.stdout;
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    stdout.write(LEAVE_ALTERNATE_SCREEN);
  };
  stdout.write(ENTER_ALTERNATE_SCREEN);
  process.once('exit', leave);
  const instance = render(<PresentApp source={source} bank={bank} color={color} workbookPath={workbookPath} />, { exitOnCtrlC: false, patchConsole: false });
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    leave();
    process.off('exit', leave);
  }
}
