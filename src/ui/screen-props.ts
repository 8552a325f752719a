/**
 * What every screen gets from the app. A module of its own, so that the screens do not
 * import App.tsx, which imports them (test/import-cycles.test.ts).
 */
import type { Bank } from '../core/bank-schema.js';
import type { Assessment, Workbook } from '../core/workbook-schema.js';

/** What every screen gets: the workbook, the bank, and a way to change the workbook (moves: useNav). */
export interface ScreenProps {
  workbook: Workbook;
  bank: Bank;
  apply: (change: (w: Workbook) => Workbook) => void;
  /** What the home screen says of the bank's warnings, when it has some. */
  bankWarning?: string | undefined;
}

/** A screen of one assessment: the app has looked it up (and shows "gone" instead when it is not there). */
export interface AssessmentProps extends ScreenProps {
  assessment: Assessment;
}
