/**
 * The plan screen's two lanes and its capacity. The starter bank, Phone support answered:
 * ticket notes "everything" (verified, level 4: note guidance, effort M), bulk exports
 * "days" (export alert, M: level 2, no worst case) and attachments "we don't know" (a Find out item).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, renderWorkbench, setUpWorkbook, widestLine, withAnswers } from './app.js';

afterEach(() => cleanup());

const answered = () =>
  withAnswers(setUpWorkbook(), [
    { journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'everything', confidence: 'verified' },
    { journeyId: 'phone-support', questionId: 'bulk-export-detection', kind: 'option', optionId: 'days' },
    { journeyId: 'phone-support', questionId: 'attachment-expiry', kind: 'unknown' },
  ]);

async function openPlan(size = { columns: 100, rows: 30 }) {
  const app = await renderWorkbench({ workbook: answered(), size });
  await app.keys(KEYS.enter, 'p');
  return app;
}

const capacityOf = (app: Awaited<ReturnType<typeof openPlan>>) => app.store.data.assessments[0]!.planCapacity;
const lineIndex = (frame: string, text: string) => frame.split('\n').findIndex((l) => l.includes(text));

describe('the plan screen', () => {
  it('shows Find out first by owner, then Fix by horizon, each Fix item saying why it is in its horizon', async () => {
    const app = await openPlan();
    const frame = app.frame();
    expect(frame).toContain('1 to find out · 2 to fix · capacity Now 12, Next 24 (c)');
    const findOut = lineIndex(frame, 'Find out first · ');
    const now = lineIndex(frame, 'Fix · Now · 12 effort points');
    expect(findOut).toBeGreaterThan(0);
    expect(now).toBeGreaterThan(findOut);
    // The highlight is on the first item, never on a heading.
    expect(frame.split('\n')[findOut + 1]).toMatch(/^❯ #1 +find /);
    expect(frame).toContain("capacity: 0 of Now's 12 effort points taken before it");
    expect(frame).toContain("capacity: 3 of Now's 12 effort points taken before it");
  });

  it('sets the capacity with c: the horizons are worked out again, a contained item stays in Now, the highlight follows its item', async () => {
    const app = await openPlan();
    // #2, export alerting, highlighted; #1 is note guidance, the main fix of a verified worst case.
    await app.keys(KEYS.down, KEYS.down, 'c');
    expect(app.frame()).toContain('Now holds  12');
    await app.keys(KEYS.backspace, KEYS.backspace, '0', KEYS.enter);
    expect(capacityOf(app)).toEqual({ now: 0, next: 24 });
    const frame = app.frame();
    expect(frame).toContain('Capacity saved: Now holds 0 effort points, Next 24 more');
    const lines = frame.split('\n');
    const now = lineIndex(frame, 'Fix · Now · 0 effort points');
    // Nothing fits in Now by capacity, but containment keeps the worst case's fix there; export alerting moves to Next.
    expect(lines[now + 1]).toMatch(/^ +#1 +now +Give agents a note template/);
    expect(lines[now + 2]).toMatch(/CX-[a-z2-7]{6}-note-guidance · contain: the main fix of a verified worst case/);
    expect(lines[now + 3]).toContain('Fix · Next · 24 effort points more');
    expect(lines[now + 4]).toMatch(/^❯ #2 +next +Log and alert on bulk exports/);
    expect(lines[now + 5]).toContain('capacity: 3 effort points before it; Now holds 0, Next 24');
    // The pane on the highlighted item says it whole.
    expect(frame).toContain('In Next because of capacity: 3 effort points before it; Now holds 0, Next 24 more');
  });

  it('refuses what is not a whole number from 0 to 10000, saying which figure, and saves nothing', async () => {
    const app = await openPlan();
    await app.keys('c', KEYS.tab, 'x', KEYS.enter);
    expect(app.frame()).toContain('Next must be a whole number of effort points from 0 to 10000, not "24x".');
    expect(capacityOf(app)).toEqual({ now: 12, next: 24 });
    await app.keys(KEYS.backspace, KEYS.tab, ...'99999', KEYS.enter);
    expect(app.frame()).toContain('Now must be a whole number of effort points from 0 to 10000, not "1299999".');
    await app.keys(KEYS.escape);
    expect(app.frame()).toContain('The capacity stays as it was.');
    expect(capacityOf(app)).toEqual({ now: 12, next: 24 });
    expect(app.store.saves).toHaveLength(0);
  });

  it.each([
    { columns: 80, rows: 24 },
    { columns: 200, rows: 50 },
  ])('fits at $columns x $rows, the capacity prompt too', async (size) => {
    const app = await openPlan(size);
    expect(widestLine(app.frame())).toBeLessThanOrEqual(size.columns);
    expect(app.frame().split('\n').length).toBeLessThanOrEqual(size.rows);
    await app.keys('c');
    const frame = app.frame();
    expect(widestLine(frame)).toBeLessThanOrEqual(size.columns);
    expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows);
    expect(frame).toContain('Enter saves');
    expect(frame).toContain('Find out first');
  });
});
