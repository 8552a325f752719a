/**
 * Runs the workbook in the terminal until the user quits. Loaded lazily by `cxray`.
 * The workbook takes the whole terminal (the alternate screen, as full-screen programs
 * do) and gives the shell back as it was when it ends, however it ends.
 */
import { render } from 'ink';
import type { Bank } from '../core/bank-schema.js';
import type { PresencePlace } from '../core/presence.js';
import { UserError } from '../core/errors.js';
import { adoptWorkbook } from '../core/organisation.js';
import type { WorkbookStore } from '../store/workbook-store.js';
import { enterAlternateScreen } from './alternate-screen.js';
import { App } from './App.js';
import { PacedStdin } from './paced-stdin.js';

export interface TuiOptions {
  store: WorkbookStore;
  bank: Bank;
  /** False under NO_COLOR: no colours, symbols carry every meaning anyway. */
  color?: boolean;
  /** What the first screen says of the bank's warnings, when it has some. */
  bankWarning?: string | undefined;
  /** Told where the walk is (the sidecar `cxray present` follows). */
  presence?: (place: PresencePlace) => void;
}

export async function runTui({ store, bank, color = true, bankWarning, presence }: TuiOptions): Promise<void> {
  // Journey answers to questions the bank marks organisation-wide become organisation
  // answers and overrides once, saved with the workbook (src/core/organisation.ts).
  const adopted = adoptWorkbook(bank, store.data);
  if (adopted !== store.data) store.update(() => adopted);
  const leave = enterAlternateScreen();
  const stdin = new PacedStdin(process.stdin);
  const instance = render(<App store={store} bank={bank} color={color} bankWarning={bankWarning} {...(presence ? { presence } : {})} />, {
    stdin: stdin as unknown as NodeJS.ReadStream,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  try {
    await instance.waitUntilExit();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UserError(
      `the workbook stopped on an unexpected error (${message.replace(/\s+/g, ' ').replace(/\.$/, '')}); every answer given before it is saved, and this is a bug in cxray worth reporting.`,
    );
  } finally {
    instance.cleanup();
    stdin.destroy();
    leave();
  }
}
