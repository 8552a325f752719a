/**
 * Why the lists are our SelectList and not ink-select-input (README, "Dependencies"):
 * every list of the workbook moves with ↑↓, PgUp/PgDn and Home/End from the key table,
 * stops at its ends, says what is hidden above and below, and hears keys through the key
 * broker, so a question asked over it (remove? y/n) claims the keys first.
 * ink-select-input moves with ↑↓ (and j/k) only, wraps from the first row to the last,
 * and reads keys with its own useInput, which no modal can claim keys above.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import SelectInput from 'ink-select-input';
import { SelectList } from '../../src/ui/components/SelectList.js';
import { moveBy } from '../../src/ui/list-move.js';
import { KEYS, renderWorkbench, setUpWorkbook, tick } from './app.js';

afterEach(() => cleanup());

const items = Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, label: `Row ${i + 1}`, value: i }));
const highlighted = (frame: string) => /❯ (Row \d+)/.exec(frame)?.[1];

describe('ink-select-input, for comparison', () => {
  it('ignores End and PgDn, and wraps from the first row to the last on ↑', async () => {
    const view = render(<SelectInput items={items} limit={5} />);
    await tick();
    view.stdin.write(KEYS.end);
    await tick();
    expect(highlighted(view.lastFrame() ?? '')).toBe('Row 1');
    view.stdin.write(KEYS.pageDown);
    await tick();
    expect(highlighted(view.lastFrame() ?? '')).toBe('Row 1');
    view.stdin.write(KEYS.up);
    await tick();
    expect(highlighted(view.lastFrame() ?? '')).toBe('Row 30');
    // Nothing says that 25 rows are hidden.
    expect(view.lastFrame()).not.toMatch(/more/);
  });
});

describe('our lists', () => {
  it('stop at their ends and jump with Home, End and a page', () => {
    expect(moveBy(0, 30, 'up')).toBe(0);
    expect(moveBy(0, 30, 'end')).toBe(29);
    expect(moveBy(29, 30, 'down')).toBe(29);
    expect(moveBy(25, 30, 'page-down')).toBe(29);
    expect(moveBy(12, 30, 'home')).toBe(0);
  });

  it('say what is hidden above and below', () => {
    const view = render(<SelectList rows={items} index={15} height={7} />);
    expect(view.lastFrame()).toContain('↑ 13 more');
    expect(view.lastFrame()).toContain('↓ 12 more');
    expect(highlighted(view.lastFrame() ?? '')).toBe('Row 16');
  });

  it('in the app, End reaches the last row, and a question over the list claims the next key', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook() });
    await app.keys(KEYS.enter, KEYS.end);
    expect(app.frame()).toMatch(/❯ Controls/);
    await app.keys(KEYS.home, 'd');
    expect(app.frame()).toContain("Removing 'Phone support'");
    // ↓ answers the question (any key but y keeps the journey); it does not move the list.
    await app.keys(KEYS.down);
    expect(app.frame()).not.toContain('Removing');
    expect(app.frame()).toMatch(/❯ Phone support/);
    expect(app.store.data.assessments[0]!.journeys).toHaveLength(2);
  });
});
