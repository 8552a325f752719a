/** Rendering the whole app for component tests, with a chosen terminal size and colour. */
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { createElement } from 'react';
import type { Bank } from '../../src/core/bank-schema.js';
import { addIntegration, addSystem } from '../../src/core/setup-ops.js';
import { addAssessment, addJourney, recordAnswer, updateAssessment } from '../../src/core/workbook-ops.js';
import { emptyWorkbook, type Answer, type Workbook } from '../../src/core/workbook-schema.js';
import { App } from '../../src/ui/App.js';
import type { DerivedData } from '../../src/ui/derived.js';
import type { TerminalSize } from '../../src/ui/shell.js';
import { FIXED_NOW, fixtureBank, memoryStore, press, tick } from '../helpers/fixtures.js';
import { KEYS as TERMINAL_KEYS } from '../helpers/terminal.js';

export { FIXED_NOW, fixtureBank, press, tick };

/** The helper's keys, and the few more the workbook uses. */
export const KEYS = {
  ...TERMINAL_KEYS,
  pageUp: '\u001b[5~',
  pageDown: '\u001b[6~',
  home: '\u001b[H',
  end: '\u001b[F',
  shiftTab: '\u001b[Z',
  ctrlS: '\u0013',
  ctrlR: '\u0012',
  ctrlP: '\u0010',
} as const;

export interface AppOptions {
  workbook?: Workbook;
  bank?: Bank;
  size?: TerminalSize;
  color?: boolean;
  /** The workbook's path as the store reports it (exports go beside it). */
  path?: string;
  /** Changes to the memory store before the app opens it (e.g. a failing save). */
  adjustStore?: (store: ReturnType<typeof memoryStore>) => void;
  /** The app's caches of derived figures (by default a fresh one per app). */
  derived?: DerivedData;
  /** The clock (by default fixed at FIXED_NOW). */
  now?: () => Date;
  /** What the first screen says of the bank's warnings. */
  bankWarning?: string;
}

/** The app on a memory store, 100x30 unless told, the clock fixed. */
export async function renderWorkbench(options: AppOptions = {}) {
  const store = memoryStore(options.workbook);
  if (options.path) Object.defineProperty(store, 'path', { value: options.path });
  options.adjustStore?.(store);
  const bank = options.bank ?? fixtureBank();
  const now = options.now ?? (() => FIXED_NOW);
  const app = (size: TerminalSize) =>
    createElement(App, { store, bank, now, size, color: options.color ?? true, ...(options.derived ? { derived: options.derived } : {}), bankWarning: options.bankWarning });
  let size = options.size ?? { columns: 100, rows: 30 };
  const view = render(app(size));
  // ink-testing-library's stdout is always 100 columns wide, and Ink lays the frame out
  // in the terminal's width: give it the size the test names, as a terminal would.
  Object.defineProperty(view.stdout, 'columns', { get: () => size.columns, configurable: true });
  view.rerender(app(size));
  await tick();
  const frame = () => view.lastFrame() ?? '';
  /**
   * Sends keys one at a time, as a person types: after each, until the app has drawn a
   * new frame (on a loaded machine that takes longer than the usual pause), or a quarter
   * of a second has passed for a key that changes nothing on screen.
   */
  const keys = async (...k: string[]) => {
    for (const key of k) {
      const drawn = view.frames.length;
      await press(view.stdin, key);
      for (let i = 0; i < 10 && view.frames.length === drawn; i++) await tick();
    }
  };
  /** The terminal resized: the same app drawn at another size. */
  const resize = async (next: TerminalSize) => {
    size = next;
    view.rerender(app(size));
    await tick();
  };
  return { ...view, store, bank, frame, keys, resize };
}

/** "Q4" with journeys "Phone support" (voice, payment data) and "Chat", two systems and an integration. */
export function setUpWorkbook(bank: Bank = fixtureBank()): Workbook {
  const { workbook, id } = addAssessment(emptyWorkbook(), { name: 'Q4', facilitator: 'Ana' }, bank, FIXED_NOW);
  return updateAssessment(workbook, id, (a) => {
    let next = addSystem(a, { name: 'Zendesk', kind: 'help-desk', owner: 'Support', vendor: 'Zendesk' }).assessment;
    next = addSystem(next, { name: 'Salesforce', kind: 'crm', owner: 'CRM admin', vendor: 'Salesforce' }).assessment;
    next = addIntegration(next, { from: 'salesforce', to: 'zendesk', access: 'write', fields: ['name', 'email'], logged: 'no' }).assessment;
    next = addJourney(next, {
      name: 'Phone support',
      channels: ['voice'],
      dataCategories: ['payment-data'],
      sensitivity: 'high',
      systemIds: ['zendesk', 'salesforce'],
    }).assessment;
    return addJourney(next, { name: 'Chat', channels: ['chat'], sensitivity: 'low', systemIds: ['zendesk'] }).assessment;
  });
}

/** The workbook with answers recorded for (journey, question, kind/option). */
export function withAnswers(workbook: Workbook, answers: (Pick<Answer, 'journeyId' | 'questionId' | 'kind'> & Partial<Answer>)[]): Workbook {
  return answers.reduce(
    (w, a) => recordAnswer(w, 'q4', { note: '', by: 'Ana', at: FIXED_NOW.toISOString(), ...a }),
    workbook,
  );
}

/** The widest line of a frame, in terminal columns (string-width: escape sequences take none, wide characters two). */
export function widestLine(frame: string): number {
  return Math.max(...frame.split('\n').map((l) => stringWidth(l)));
}

/** A frame as one line of words: box borders gone, wrapping undone (for sentences in boxes). */
export function flat(frame: string): string {
  return frame.replace(/[│┌┐└┘─]/g, ' ').replace(/\s+/g, ' ');
}
