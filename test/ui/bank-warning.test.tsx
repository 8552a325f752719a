/** The bank's warnings on the workbook's first screen, at the minimum size and a projector's. */
import { afterEach, describe, expect, it } from 'vitest';
import { validateBankSource } from '../../src/bank/validate/index.js';
import { warningSentence } from '../../src/bank/files.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/fixtures.js';
import { KEYS, press, renderWorkbench } from './app.js';

const FILE = join(FIXTURES, 'banks', 'warnings', 'every-warning.yaml');

describe('a bank with warnings opened in the workbook', () => {
  let app: Awaited<ReturnType<typeof renderWorkbench>> | undefined;
  afterEach(() => app?.unmount());

  it.each([
    [{ columns: 80, rows: 24 }],
    [{ columns: 100, rows: 30 }],
  ])('says so under the list at %o, in at most three lines, and the list still works', async (size) => {
    const { bank, warnings = [] } = validateBankSource(readFileSync(FILE, 'utf8'), 'every-warning.yaml');
    const sentence = warningSentence(warnings, 'every-warning.yaml')!;
    app = await renderWorkbench({ bank: bank!, size, color: false, bankWarning: sentence });
    const frame = app.lastFrame()!;
    const lines = frame.split('\n');
    const first = lines.findIndex((l) => l.startsWith('! The question bank has 5 warnings'));
    expect(first).toBeGreaterThan(0);
    const shown = lines.slice(first, first + 3).join(' ');
    expect(shown).toContain('every-warning.yaml:13:53: the prompt of question');
    expect(lines.slice(first, first + 3).at(-1)).toMatch(/…$/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(size.columns);
    expect(frame).toContain('+ New assessment');
    await press(app.stdin, KEYS.enter);
    expect(app.lastFrame()).toMatch(/New assessment|Name/);
  });

  it('shows nothing of the kind for a bank without warnings', async () => {
    app = await renderWorkbench({ size: { columns: 80, rows: 24 }, color: false });
    expect(app.lastFrame()).not.toContain('warning');
  });
});
