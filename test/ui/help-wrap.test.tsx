/** The help overlay wraps its descriptions instead of cutting them (issue 17: "disputed" was cut at 100 columns). */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { helpRows } from '../../src/ui/components/HelpOverlay.js';
import { KEYS, flat, renderWorkbench, setUpWorkbook, widestLine } from './app.js';

afterEach(() => cleanup());

const DISPUTED = 'confidence: verified (evidence seen), reported (someone says so), disputed (people disagree); before answering it is kept for the answer';

describe('the help overlay', () => {
  it.each([
    { columns: 100, rows: 30 },
    { columns: 200, rows: 50 },
  ])('shows every description whole at $columns x $rows', async (size) => {
    const app = await renderWorkbench({ workbook: setUpWorkbook(), size });
    await app.keys(KEYS.enter, KEYS.enter, '?');
    const frame = app.frame();
    expect(widestLine(frame)).toBeLessThanOrEqual(size.columns);
    expect(flat(frame)).toContain(DISPUTED);
  });

  it('pages the wrapped rows at 80 x 24, none wider than the terminal, and every word reachable', async () => {
    const rows = helpRows('walk', 60);
    expect(rows.map((r) => r.text).join(' ')).toContain(DISPUTED);
    const app = await renderWorkbench({ workbook: setUpWorkbook(), size: { columns: 80, rows: 24 } });
    await app.keys(KEYS.enter, KEYS.enter, '?');
    let seen = flat(app.frame());
    for (let i = 0; i < 12 && app.frame().includes('↓ more keys'); i++) {
      await app.keys(KEYS.down);
      expect(widestLine(app.frame())).toBeLessThanOrEqual(80);
      seen += ' ' + flat(app.frame());
    }
    for (const row of rows) expect(seen).toContain(row.text.trim());
  });
});
