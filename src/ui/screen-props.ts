/**
 * What every screen gets from the app. A module of its own, so that the screens do not
 * import App.tsx, which imports them (test/import-cycles.test.ts).
 */
import type { Bank } from '../core/bank-schema.js';
import type { Workbook } from '../core/workbook-schema.js';
import type { Navigation } from './navigation.js';

/** What every screen gets: the workbook, the bank, a way to change the workbook and to move. */
export interface ScreenProps {
  workbook: Workbook;
  bank: Bank;
  apply: (change: (w: Workbook) => Workbook) => void;
  dispatch: (action: Navigation) => void;
}
