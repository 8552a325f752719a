/**
 * A session that fits, in the app (issue 16): S on the assessment sets what the walks ask
 * and the timebox; the walk asks only that; the header keeps the time with an injected
 * clock, and a reopened app goes on from the time written (the old clock restarted at
 * 0:00). At 100x30, 80x24 (the minimum) and 200x50, without colour.
 */
import { describe, expect, it } from 'vitest';
import type { Bank } from '../../src/core/bank-schema.js';
import { currentSession, startSession } from '../../src/core/session.js';
import { updateAssessment } from '../../src/core/workbook-ops.js';
import { FIXED_NOW, KEYS, fixtureBank, flat, renderWorkbench, setUpWorkbook, widestLine } from './app.js';

/** The starter bank with two core questions: ticket-notes-content (free text) and bulk-export-detection (detection). */
function coreBank(): Bank {
  const bank = fixtureBank();
  return { ...bank, questions: bank.questions.map((q) => (q.id === 'ticket-notes-content' || q.id === 'bulk-export-detection' ? { ...q, core: true } : q)) };
}

const MIN = 60_000;

describe('a session in the app', () => {
  it('S sets a core session of 30 minutes; the walk asks its two questions; the clock goes on across a reopen', async () => {
    const bank = coreBank();
    let t = Date.parse('2026-12-01T09:00:00Z');
    const now = () => new Date(t);
    const app = await renderWorkbench({ workbook: setUpWorkbook(bank), bank, now, color: false });
    await app.keys(KEYS.enter);
    expect(app.frame()).toContain('Session: all questions, no timebox · S: core questions, chosen dimensions, a timebox');
    await app.keys('S');
    expect(app.frame()).toContain('(•) core (2)');
    expect(flat(app.frame())).toContain('Asks 2 in Phone support, 2 in Chat; at a minute a question, the first journey takes 2 min.');
    // The timebox: 90 offered, 30 typed.
    await app.keys(KEYS.tab, KEYS.tab, KEYS.backspace, KEYS.backspace, '3', '0', KEYS.ctrlS);
    expect(app.frame()).toContain('Session s1: core questions · 0 min used of 30 min · S changes it or starts a new one');
    expect(currentSession(app.store.data.assessments[0]!)).toMatchObject({ id: 's1', scope: 'core', timeboxMinutes: 30, usedSeconds: 0 });

    await app.keys(KEYS.enter);
    let frame = app.frame();
    expect(frame).toContain('cxray › Q4 › Phone support (core)');
    expect(frame).toContain('0 min · 2 questions left · of 30 min');
    expect(frame).toContain('1 of 2 in the journey');
    expect(frame).toContain('Journey ░░░░░░░░░░░░░░░░░░░░ 0 / 2');
    t += 6 * MIN;
    await app.keys('1');
    frame = app.frame();
    // 6 minutes for one answer: the one left needs 6 more, 12 of 30.
    expect(frame).toContain('6 min · at this pace: 6 min left for 1 question · fits 30 min');
    expect(frame).toContain('2 of 2 in the journey');
    t += 24 * MIN + 30_000;
    await app.keys('3');
    // 30.5 minutes used: the timebox is used up.
    expect(app.frame()).toContain('30 min · all answered · ! 30 min used up');
    app.unmount();
    expect(currentSession(app.store.data.assessments[0]!)?.usedSeconds).toBe(1830);

    // An hour later cxray is opened again: the hour does not count.
    t += 60 * MIN;
    const again = await renderWorkbench({ workbook: app.store.data, bank, now, color: false });
    await again.keys(KEYS.enter);
    expect(again.frame()).toContain('Session s1: core questions · 30 min used of 30 min');
    await again.keys(KEYS.enter);
    t += 2 * MIN;
    await again.keys('b');
    expect(again.frame()).toContain('32 min · all answered · ! 30 min used up');
    again.unmount();
    expect(currentSession(again.store.data.assessments[0]!)?.usedSeconds).toBe(1950);
  });

  it('a first walk with no session starts one asking every question, its clock at 0', async () => {
    const bank = coreBank();
    const app = await renderWorkbench({ workbook: setUpWorkbook(bank), bank, color: false });
    await app.keys(KEYS.enter, KEYS.enter);
    expect(app.frame()).toContain('1 of 4 in the journey');
    expect(app.frame()).toContain('0 min · 4 questions left');
    expect(currentSession(app.store.data.assessments[0]!)).toMatchObject({ id: 's1', scope: 'all', usedSeconds: 0 });
    expect(currentSession(app.store.data.assessments[0]!)?.timeboxMinutes).toBeUndefined();
    app.unmount();
  });

  it("draws the walk's first frame with its clock: no second frame to add it", async () => {
    const bank = coreBank();
    for (const workbook of [setUpWorkbook(bank), (() => { const w = setUpWorkbook(bank); return updateAssessment(w, 'q4', (a) => startSession(a, { scope: 'all' }, 'Ana', FIXED_NOW).assessment); })()]) {
      const app = await renderWorkbench({ workbook, bank, color: false });
      await app.keys(KEYS.enter);
      const before = app.frames.length;
      await app.keys(KEYS.enter);
      const walkFrames = app.frames.slice(before).filter((f) => f.includes('1 of 4 in the journey'));
      expect(walkFrames.length).toBeGreaterThan(0);
      expect(walkFrames[0]).toContain('0 min · 4 questions left');
      app.unmount();
    }
  });

  it('a new session starts its clock at 0; chosen dimensions need one ticked', async () => {
    const bank = coreBank();
    let t = Date.parse('2026-12-01T09:00:00Z');
    const app = await renderWorkbench({ workbook: setUpWorkbook(bank), bank, now: () => new Date(t), color: false });
    await app.keys(KEYS.enter, KEYS.enter);
    t += 10 * MIN;
    await app.keys(KEYS.escape);
    expect(app.frame()).toContain('Session s1: all questions · 10 min used · S changes it or starts a new one');
    await app.keys('S');
    expect(app.frame()).toContain('Session s1: what the walks ask, and the timebox');
    expect(app.frame()).toContain('go on (10 min used)');
    // Chosen dimensions, none ticked: refused with what to do.
    await app.keys(KEYS.right, KEYS.right, KEYS.ctrlS);
    expect(flat(app.frame())).toContain('Tick at least one dimension (Space)');
    // Detection ticked, the clock a new session's.
    await app.keys(KEYS.tab, KEYS.right, ' ', KEYS.tab, KEYS.tab, KEYS.right, KEYS.ctrlS);
    expect(app.frame()).toContain('Session s2: 1 dimension · 0 min used · S changes it or starts a new one');
    expect(app.store.data.assessments[0]!.sessions?.map((s) => [s.id, s.scope, s.dimensions, s.usedSeconds])).toEqual([
      ['s1', 'all', [], 600],
      ['s2', 'dimensions', ['detection'], 0],
    ]);
    await app.keys(KEYS.enter);
    expect(app.frame()).toContain('Phone support (1 dimension)');
    expect(app.frame()).toContain('1 of 2 in the journey');
    app.unmount();
  });

  for (const size of [
    { columns: 80, rows: 24 },
    { columns: 100, rows: 30 },
    { columns: 200, rows: 50 },
  ]) {
    it(`fits the form, the session line and the walk's header at ${size.columns}x${size.rows}`, async () => {
      const bank = coreBank();
      let t = Date.parse('2026-12-01T09:00:00Z');
      const app = await renderWorkbench({ workbook: setUpWorkbook(bank), bank, now: () => new Date(t), color: false, size });
      await app.keys(KEYS.enter, 'S');
      expect(app.frame()).toContain('[ Save ]');
      expect(widestLine(app.frame())).toBeLessThanOrEqual(size.columns);
      expect(app.frame().split('\n').length).toBeLessThanOrEqual(size.rows);
      await app.keys(KEYS.ctrlS);
      // The long form where it fits whole (81 columns), else the short one, never cut.
      if (size.columns < 82) expect(app.frame()).toMatch(/^Session s1: core questions · 0 min used of 1h30 · S$/m);
      else expect(app.frame()).toContain('Session s1: core questions · 0 min used of 1h30 · S changes it or starts a new one');
      await app.keys(KEYS.enter);
      t += 40 * MIN;
      await app.keys('1');
      const header = app.frame().split('\n')[0]!;
      // 40 minutes for one answer: the one left would end 80 minutes in, inside 1h30.
      expect(header).toContain(
        size.columns < 100 ? '40 min · 40 min left, 1 q · fits 1h30' : size.columns < 120 ? '40 min · at this pace: 40 min left for 1 question · fits 1h30' : '40 min used · at this pace: 40 min left for 1 question · fits the 1h30 timebox',
      );
      expect(header).toMatch(/^cxray › Q4/);
      // At 80 columns the clock's short words leave the trail whole.
      if (size.columns === 80) expect(header).toMatch(/^cxray › Q4 › Phone support /);
      expect(widestLine(app.frame())).toBeLessThanOrEqual(size.columns);
      app.unmount();
    });
  }
});
