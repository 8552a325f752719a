/**
 * The held-out banks in the workbook at 80x24 and 100x30: the walk speaks of the bank's
 * scope and draws a question's help in the safe markdown subset (bold drawn, not shown
 * as asterisks; a link as its text and address), and the results name its dimensions.
 */
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { CLINIC_PATH, heldOutBank, heldOutWorkbook, SAMM_PATH } from '../helpers/held-out.js';
import { FIXED_NOW, KEYS, renderWorkbench, tick } from './app.js';

afterEach(() => cleanup());

/** The frame once the help's markdown renderer has loaded (it is loaded on first use). */
async function helpShown(app: Awaited<ReturnType<typeof renderWorkbench>>): Promise<string> {
  for (let i = 0; i < 200 && app.frame().includes('Loading the help…'); i++) await tick();
  return app.frame();
}

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 100, rows: 30 },
];

describe.each(SIZES)('a maturity model assessing applications at $columns x $rows', (size) => {
  const bank = heldOutBank(SAMM_PATH);

  it('lists applications, and the walk shows the help with its quality criteria and link', async () => {
    const app = await renderWorkbench({ bank, workbook: heldOutWorkbook(bank, ['Payments API', 'Customer portal'], FIXED_NOW), size, color: false });
    await app.keys(KEYS.enter);
    const assessment = app.frame();
    expect(assessment).toContain('Payments API');
    expect(assessment).not.toMatch(/journey/i);
    // The footer and the help, written once for every bank, speak of applications too.
    expect(assessment).toContain('a add application');
    await app.keys('?');
    const keys = app.frame();
    expect(keys).toContain('Keys ·');
    expect(keys).toContain('add an application');
    expect(keys).not.toMatch(/journey/i);
    await app.keys('?');
    // Customer portal: its first question is open, so its walk starts there.
    await app.keys(KEYS.down, KEYS.enter);
    let walk = app.frame();
    expect(walk).toMatch(/of 8 in the application/);
    expect(walk).not.toMatch(/journey/i);
    await app.keys('h');
    walk = await helpShown(app);
    expect(walk).toContain('Practice: Strategy and Metrics.');
    if (size.rows >= 30) expect(walk).toContain('Quality criteria for the top answer:');
    expect(walk).not.toContain('**');
    // The link's line is the help's last: at 80x24 the help comes a page at a time, with
    // a line saying which lines are shown, and Space turns to the rest.
    const link = /OWASP SAMM \(https:\/\/owaspsamm\.org\/model\/\)/;
    if (size.rows >= 30) expect(walk).toMatch(link);
    else {
      const marker = walk.match(/Help lines 1-(\d+) of (\d+) · Space: the next lines · h hides it/);
      expect(marker).not.toBeNull();
      expect(walk).not.toMatch(link);
      const pages = Math.ceil(Number(marker![2]) / Number(marker![1]));
      for (let p = 1; p < pages; p++) await app.keys(' ');
      walk = app.frame();
      expect(walk).toMatch(link);
      expect(walk).toMatch(/Help lines \d+-(\d+) of \1 · Space: from the top again/);
      expect(walk).toMatch(/of 8 in the application/);
    }
    for (const line of walk.split('\n')) expect(line.length).toBeLessThanOrEqual(size.columns);
  });
});

describe.each(SIZES)("a clinic's front desks at $columns x $rows", (size) => {
  const bank = heldOutBank(CLINIC_PATH);

  it('lists desks and walks one in its own words', async () => {
    const app = await renderWorkbench({ bank, workbook: heldOutWorkbook(bank, ['Reception', 'Phone line'], FIXED_NOW), size, color: false });
    await app.keys(KEYS.enter);
    expect(app.frame()).toContain('Reception');
    expect(app.frame()).not.toMatch(/journey/i);
    await app.keys(KEYS.down, KEYS.enter);
    let walk = app.frame();
    expect(walk).toMatch(/of 5 in the desk/);
    expect(walk).toContain('Can a patient standing at the desk read the receptionist');
    expect(walk).not.toMatch(/journey/i);
    await app.keys('h');
    walk = await helpShown(app);
    expect(walk).toContain('Good looks like: the screen faces away');
    expect(walk).not.toContain('**');
  });
});
