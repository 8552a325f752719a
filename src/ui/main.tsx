/** Renders the workbook in the terminal until the user quits. Loaded lazily by `cxray`. */
import { render } from 'ink';
import type { Bank } from '../core/bank-schema.js';
import type { WorkbookStore } from '../store/workbook-store.js';
import { App } from './App.js';

export async function runTui({ store, bank }: { store: WorkbookStore; bank: Bank }): Promise<void> {
  const instance = render(<App store={store} bank={bank} />, { exitOnCtrlC: false });
  const stop = () => instance.unmount();
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
  try {
    await instance.waitUntilExit();
  } finally {
    process.off('SIGTERM', stop);
    process.off('SIGHUP', stop);
  }
}
