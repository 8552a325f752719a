/**
 * The stated minimum (80x24) with the demo workbook and the built-in bank, where real
 * names and texts are long: everything a person needs can be read there, if not at
 * once then a key away (the question's help a page at a time).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { BankSchema, type Bank } from '../../src/core/bank-schema.js';
import { buildDemoWorkbook } from '../../src/core/demo.js';
import { builtinBankPath } from '../../src/bank/builtin.js';
import { MIN_SIZE } from '../../src/ui/shell.js';
import { FIXED_NOW, KEYS, renderWorkbench, tick, widestLine } from './app.js';

afterEach(() => cleanup());

const bank: Bank = BankSchema.parse(parse(readFileSync(builtinBankPath(), 'utf8')));
const demo = () => buildDemoWorkbook(bank, FIXED_NOW);

async function open(size: { columns: number; rows: number }, ...keys: string[]) {
  const app = await renderWorkbench({ workbook: demo(), bank, size, color: false });
  await app.keys(...keys);
  return app;
}

/** The frame once the help's markdown renderer has loaded. */
async function settled(app: Awaited<ReturnType<typeof open>>): Promise<string> {
  for (let i = 0; i < 200 && app.frame().includes('Loading the help…'); i++) await tick();
  return app.frame();
}

/** The lines of the question's help in a walk frame: after the note line, before the marker (or the footer). */
function helpText(frame: string): string[] {
  const lines = frame.split('\n');
  const from = lines.findIndex((l) => /^Note /.test(l)) + 1;
  const marker = lines.findIndex((l) => /^Help lines /.test(l));
  return lines.slice(from, marker >= 0 ? marker : lines.length - 1).filter((l) => l.trim() !== '');
}

describe('the question help at the minimum size', () => {
  it('can be read whole, a page at a time with Space, with a line saying which lines are shown', async () => {
    // The last organisation-wide question: its help is 20 lines and more at 80 columns.
    const tall = await open({ columns: MIN_SIZE.columns, rows: 80 }, KEYS.enter, KEYS.enter, 'b', 'h');
    const whole = helpText(await settled(tall));
    expect(whole.length).toBeGreaterThan(15);
    cleanup();

    const app = await open(MIN_SIZE, KEYS.enter, KEYS.enter, 'b', 'h');
    let frame = await settled(app);
    const read: string[] = [];
    for (let page = 0; page < 10; page++) {
      const marker = frame.match(/Help lines (\d+)-(\d+) of (\d+) · Space: (the next lines|from the top again) · h hides it/);
      expect(marker, frame).not.toBeNull();
      expect(Number(marker![3])).toBeGreaterThan(Number(marker![2]) - Number(marker![1]) + 1);
      // Every option stays on screen while the help is read.
      for (const option of ['1  ', '2  ', '3  ', '4  ', '5  ', 'u  We', 'x  Not']) expect(frame).toContain(option);
      expect(widestLine(frame)).toBeLessThanOrEqual(MIN_SIZE.columns);
      expect(frame.split('\n').length).toBeLessThanOrEqual(MIN_SIZE.rows - 1);
      read.push(...helpText(frame));
      if (marker![4] === 'from the top again') break;
      await app.keys(' ');
      frame = app.frame();
    }
    expect(read).toEqual(whole);
    // After the last page, the first again.
    await app.keys(' ');
    expect(app.frame()).toMatch(/Help lines 1-\d+ of/);
  });
});
