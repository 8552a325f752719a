/** Plan tracking on the plan screen: the status form, validation, and the list's flags. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { setPlanStatus } from '../../src/core/plan-status.js';
import { updateAssessment } from '../../src/core/workbook-ops.js';
import { FIXED_NOW, KEYS, flat, renderWorkbench, setUpWorkbook, tick, withAnswers } from './app.js';

afterEach(() => cleanup());

const answered = () =>
  withAnswers(setUpWorkbook(), [
    { journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'everything', confidence: 'verified' },
    { journeyId: 'phone-support', questionId: 'bulk-export-detection', kind: 'option', optionId: 'never' },
  ]);

/** Opens the plan and the status form of its first item (Log and alert on bulk exports). */
async function openForm() {
  const app = await renderWorkbench({ workbook: answered() });
  await app.keys(KEYS.enter, 'p');
  expect(app.frame()).toMatch(/❯ #1 +now +Log and alert on bulk exports +○ open/);
  await app.keys(KEYS.enter);
  expect(app.frame()).toContain('Status of #1: Log and alert on bulk exports');
  return app;
}

const statusOf = (app: Awaited<ReturnType<typeof openForm>>) => app.store.data.assessments[0]!.planStatus;
const clear = (n = 12) => Array<string>(n).fill(KEYS.backspace);

describe('plan status', () => {
  it('marks an item done with an owner and a due date; the list shows it, flagged while the answers still show the gap', async () => {
    const app = await openForm();
    // The owner starts as the bank's suggestion: replaced by the person.
    expect(app.frame()).toContain('Security operations');
    await app.keys(KEYS.right, KEYS.right, KEYS.tab, ...clear(20), ...'Lee', KEYS.tab, ...'2026-12-01', KEYS.ctrlS);
    expect(statusOf(app)).toEqual([
      { actionId: 'export-alert', status: 'done', owner: 'Lee', due: '2026-12-01', reason: '', by: 'Ana', updatedAt: '2026-11-20T10:00:00.000Z' },
    ]);
    const frame = app.frame();
    expect(frame).toMatch(/❯ #1 +now +Log and alert on bulk exports +● done/);
    expect(frame).toContain('owner Lee · due 2026-12-01');
    expect(frame).toContain('⚑ marked done, but the answers still show the gap');
    expect(frame).toContain('by Phone support: How soon would a bulk export by one agent be noticed?');
    expect(frame).toContain('0 to find out · 2 to fix · 1 marked done · ⚑ 1 flagged');
    // The other item is untouched.
    expect(frame).toMatch(/#2 +\w+ +Give agents a note template.* +○ open/);
  });

  it('saves nothing while the form has a problem, and says it in one sentence', async () => {
    const app = await openForm();
    const saves = app.store.saves.length;
    await app.keys(KEYS.tab, KEYS.tab, ...'2026-02-30', KEYS.ctrlS);
    expect(flat(app.frame())).toContain('! The due date "2026-02-30" is not a day; write it as YYYY-MM-DD, e.g. 2027-01-31.');
    expect(app.store.saves.length).toBe(saves);
    await app.keys(...clear(), ...'2026-11-01', KEYS.shiftTab, KEYS.shiftTab, KEYS.left, KEYS.ctrlS);
    expect(flat(app.frame())).toContain('! An accepted risk needs a reason: say why the risk is accepted.');
    await app.keys(KEYS.tab, KEYS.tab, KEYS.tab, ...'Vendor contract ends in March', KEYS.ctrlS);
    expect(flat(app.frame())).toContain('! An accepted risk needs a review date');
    expect(app.store.saves.length).toBe(saves);
    await app.keys(KEYS.tab, ...'2026-11-10', KEYS.ctrlS);
    expect(statusOf(app)[0]).toMatchObject({ status: 'accepted-risk', reason: 'Vendor contract ends in March', reviewBy: '2026-11-10', due: '2026-11-01' });
    // 2026-11-10 is before today (2026-11-20): the risk counts as open again, and says so.
    const frame = app.frame();
    expect(frame).toMatch(/❯ #1 +now +Log and alert on bulk exports +○ open/);
    expect(frame).toContain('⚑ accepted risk past its review date: open again');
    // At 100 columns the list's line, after the item's stable id, is cut; the pane on the highlighted item has room for it.
    expect(frame).toMatch(/CX-[a-z2-7]{6}-export-alert · owner Security operations · due 2026-11-01, OVERDUE · revie…/);
    expect(flat(frame)).toContain('owner Security operations · due 2026-11-01, OVERDUE · review by 2026-11-10: Vendor contract ends in March');
  });

  it('keeps an accepted risk before its review date, and reopens the form with what was saved', async () => {
    const app = await openForm();
    await app.keys(KEYS.left, KEYS.tab, KEYS.tab, KEYS.tab, ...'Compensating control', KEYS.tab, ...'2027-03-31', KEYS.ctrlS);
    expect(app.frame()).toMatch(/❯ #1 +now +Log and alert on bulk exports +◇ accepted risk/);
    expect(app.frame()).not.toContain('⚑');
    await app.keys('e');
    expect(app.frame()).toMatch(/\(•\) accepted risk/);
    expect(app.frame()).toContain('Compensating control');
    await app.keys(KEYS.escape);
    await tick();
    expect(app.frame()).toMatch(/❯ #1 +now +Log and alert/);
  });

  it('moves between items and opens the status of the highlighted one', async () => {
    const app = await renderWorkbench({ workbook: answered() });
    await app.keys(KEYS.enter, 'p', KEYS.down, 'e');
    expect(app.frame()).toContain('Status of #2: Give agents a note template');
    await app.keys(KEYS.right, KEYS.ctrlS);
    expect(statusOf(app)).toMatchObject([{ actionId: 'note-guidance', status: 'in-progress' }]);
    expect(app.frame()).toMatch(/❯ #2 .*◐ in progress/);
  });
});

describe('items done and closed', () => {
  it('counts items marked done that the answers no longer call for, so they do not seem lost', async () => {
    const workbook = updateAssessment(answered(), 'q4', (a) =>
      setPlanStatus(a, { actionId: 'sample-notes', status: 'done', owner: 'Lee' }, 'Ana', FIXED_NOW),
    );
    const app = await renderWorkbench({ workbook });
    await app.keys(KEYS.enter, 'p');
    expect(app.frame()).toContain('0 to find out · 2 to fix · 1 done and closed by the answers');
    expect(app.frame()).not.toContain('⚑');
  });
});
