/**
 * Derived figures belong to one app, and a redraw does not recompute them: the report
 * is built once per change of the assessment, whatever the help, the terminal size or
 * the save state do, and the results, the plan and the comparison share it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { buildReport } from '../../src/core/report.js';
import { DerivedData } from '../../src/ui/derived.js';
import { KEYS, renderWorkbench, setUpWorkbook, tick, withAnswers } from './app.js';

afterEach(() => cleanup());

function counting() {
  const built: string[] = [];
  const derived = new DerivedData({
    buildReport: (bank, assessment, now) => {
      built.push(assessment.name);
      return buildReport(bank, assessment, now);
    },
  });
  return { derived, built };
}

const workbook = () => withAnswers(setUpWorkbook(), [{ journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'some', confidence: 'reported' }]);

describe('the report of the results, the plan and the comparison', () => {
  it('is built once, not again for the help, a resize or another screen on the same answers', async () => {
    const { derived, built } = counting();
    const app = await renderWorkbench({ workbook: workbook(), derived });
    await app.keys(KEYS.enter, 'r');
    expect(app.frame()).toContain('by journey and dimension');
    expect(built).toEqual(['Q4']);
    await app.keys('?');
    expect(app.frame()).toContain('Keys · Results');
    await app.keys('?');
    await app.resize({ columns: 120, rows: 40 });
    await app.resize({ columns: 100, rows: 30 });
    expect(app.frame()).toContain('by journey and dimension');
    await app.keys('p');
    expect(app.frame()).toContain('Enter sets the status');
    await app.keys(KEYS.escape, 'c');
    await tick();
    expect(built).toEqual(['Q4']);
  });

  it('is built again once an answer changes', async () => {
    const { derived, built } = counting();
    const app = await renderWorkbench({ workbook: workbook(), derived });
    await app.keys(KEYS.enter, 'r');
    await app.keys(KEYS.escape, KEYS.home, KEYS.enter, '3', KEYS.escape, 'r');
    expect(app.frame()).toContain('by journey and dimension');
    expect(built).toEqual(['Q4', 'Q4']);
  });

  it('is not shared between two apps', async () => {
    const first = counting();
    const second = counting();
    const w = workbook();
    const a = await renderWorkbench({ workbook: w, derived: first.derived });
    await a.keys(KEYS.enter, 'r');
    const b = await renderWorkbench({ workbook: w, derived: second.derived });
    await b.keys(KEYS.enter, 'r');
    expect(first.built).toEqual(['Q4']);
    expect(second.built).toEqual(['Q4']);
  });
});
