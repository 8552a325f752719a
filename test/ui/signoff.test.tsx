/** The report's sign-off recorded in the TUI (S on the plan): checked as `cxray signoff` checks it, shown on the plan. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { FIXED_NOW, KEYS, renderWorkbench, setUpWorkbook, widestLine } from './app.js';

afterEach(() => cleanup());

const clear = (n: number) => Array<string>(n).fill(KEYS.backspace);

async function openForm(size = { columns: 100, rows: 30 }) {
  const app = await renderWorkbench({ workbook: setUpWorkbook(), size });
  await app.keys(KEYS.enter, 'p', 'S');
  expect(app.frame()).toContain('Sign-off of the report');
  return app;
}

describe('the sign-off form', () => {
  it('records who signs, the role, the decision with its conditions and the day, then shows it on the plan', async () => {
    const app = await openForm();
    // The date starts as today.
    expect(app.frame()).toContain('2026-11-20');
    await app.keys(...'Dana Reyes', KEYS.tab, ...'Head of CX', KEYS.tab, KEYS.right, KEYS.tab, KEYS.tab, KEYS.ctrlS);
    expect(app.frame()).toContain('A decision accepted-with-conditions needs its conditions.');
    expect(app.store.data.assessments[0]!.signoff).toBeUndefined();
    await app.keys(...'export alerting live by March', KEYS.ctrlS);
    expect(app.store.data.assessments[0]!.signoff).toEqual({
      name: 'Dana Reyes',
      role: 'Head of CX',
      date: '2026-11-20',
      decision: 'accepted-with-conditions',
      conditions: 'export alerting live by March',
      recordedAt: FIXED_NOW.toISOString(),
    });
    expect(app.frame()).toContain('Signed off: accepted with conditions, Dana Reyes (Head of CX), 2026-11-20 · S changes it');
  });

  it('refuses an empty name and a date that is not a day, in one sentence, and saves nothing', async () => {
    const app = await openForm();
    await app.keys(KEYS.ctrlS);
    expect(app.frame()).toContain('The sign-off needs the name of the person who signs.');
    await app.keys(...'Dana', KEYS.tab, KEYS.tab, KEYS.tab, ...clear(10), ...'31/01/2027', KEYS.ctrlS);
    expect(app.frame()).toContain('The date "31/01/2027" is not a day; write it as YYYY-MM-DD, e.g. 2027-01-31.');
    expect(app.store.saves).toHaveLength(0);
    await app.keys(KEYS.escape);
  });

  it('fits at 80 x 24', async () => {
    const app = await openForm({ columns: 80, rows: 24 });
    expect(widestLine(app.frame())).toBeLessThanOrEqual(80);
    expect(app.frame().split("\n").length).toBeLessThanOrEqual(23);
  });
});
