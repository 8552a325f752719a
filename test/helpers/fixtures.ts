/** Test fixtures: a small fixed bank, a workbook store in memory, an app under test. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { BankSchema, type Bank } from '../../src/core/bank-schema.js';
import { emptyWorkbook, type Workbook } from '../../src/core/workbook-schema.js';
import type { SaveState, WorkbookStore } from '../../src/store/workbook-store.js';
import { App } from '../../src/ui/App.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** A bank from test/fixtures/banks/, parsed with the real schema. */
export function fixtureBank(name = 'starter'): Bank {
  return BankSchema.parse(parse(readFileSync(join(FIXTURES, 'banks', `${name}.yaml`), 'utf8')));
}

/** A store that keeps the workbook in memory and records every save. */
export function memoryStore(initial: Workbook = emptyWorkbook()): WorkbookStore & { saves: Workbook[] } {
  let data = initial;
  const saves: Workbook[] = [];
  const listeners = new Set<(s: SaveState) => void>();
  return {
    path: ':memory:',
    saves,
    get data() {
      return data;
    },
    update(change) {
      data = change(data);
      saves.push(data);
    },
    flush: async () => undefined,
    onSaveState(listener) {
      listeners.add(listener);
      listener({ kind: 'saved' });
      return () => listeners.delete(listener);
    },
    close: async () => undefined,
    // A memory store never finds its file changed by another program.
    reloadTheirs: () => Promise.reject(new Error('a memory store has no conflict to settle')),
    keepMine: () => Promise.reject(new Error('a memory store has no conflict to settle')),
  };
}

/** A fixed clock for answers' timestamps. */
export const FIXED_NOW = new Date('2026-11-20T10:00:00.000Z');

/** Renders the whole app on a memory store with the fixture bank. */
export function renderApp(options: { workbook?: Workbook; bank?: Bank } = {}) {
  const store = memoryStore(options.workbook);
  const bank = options.bank ?? fixtureBank();
  const view = render(createElement(App, { store, bank, now: () => FIXED_NOW }));
  return { ...view, store, bank };
}

/** Lets Ink and React see a key before the next one (one tick is not enough). */
export function tick(ms = 25): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sends keys one at a time, waiting between them as a person's typing would. */
export async function press(stdin: { write(data: string): void }, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    stdin.write(key);
    await tick();
  }
}
