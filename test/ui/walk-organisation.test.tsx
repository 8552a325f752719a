/**
 * Organisation-wide questions in the app: the assessment screen's "Organisation-wide"
 * entry walked like a journey, and a journey's walk that skips them, shows the
 * organisation's answer and who gave it on request (w), overrides one for the journey
 * (o) and drops the override (O). The starter bank with "bulk-export-detection" made
 * organisation-wide: each journey then has 3 questions of its own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Bank } from '../../src/core/bank-schema.js';
import { FIXED_NOW, KEYS, fixtureBank, flat, renderWorkbench, setUpWorkbook, widestLine } from './app.js';

afterEach(() => cleanup());

function organisationBank(): Bank {
  const bank = fixtureBank();
  return { ...bank, questions: bank.questions.map((q) => (q.id === 'bulk-export-detection' ? { ...q, scope: 'organisation' as const } : q)) };
}

async function open(size = { columns: 100, rows: 30 }) {
  const bank = organisationBank();
  const app = await renderWorkbench({ workbook: setUpWorkbook(bank), bank, size });
  await app.keys(KEYS.enter);
  return app;
}

const assessmentOf = (app: Awaited<ReturnType<typeof open>>) => app.store.data.assessments[0]!;

describe('the organisation-wide section', () => {
  it('comes first on the assessment screen with its own progress, and is walked like a journey', async () => {
    const app = await open();
    expect(app.frame()).toMatch(/❯ Organisation-wide +asked once +░+ 0 \/ 1/);
    expect(app.frame()).toMatch(/Phone support +high +░+ 0 \/ 3/);
    await app.keys(KEYS.enter);
    expect(app.frame()).toContain('Q4 › Organisation-wide');
    expect(app.frame()).toMatch(/Organisation-wide ░+ 0 \/ 1 +All ░+ 0 \/ 7/);
    expect(app.frame()).toContain('1 of 1 organisation-wide');
    await app.keys('3');
    expect(assessmentOf(app).organisationAnswers).toEqual([
      { questionId: 'bulk-export-detection', kind: 'option', optionId: 'never', confidence: 'reported', note: '', by: 'Ana', at: FIXED_NOW.toISOString() },
    ]);
    expect(assessmentOf(app).answers).toEqual([]);
    expect(app.frame()).toContain('All 1 questions of the organisation-wide section are answered.');
    await app.keys(KEYS.escape);
    expect(app.frame()).toMatch(/Organisation-wide +asked once +█+ 1 \/ 1/);
  });
});

describe("a journey's walk", () => {
  it('asks only its own questions, and says how many organisation-wide ones w shows', async () => {
    const app = await open();
    await app.keys(KEYS.down, KEYS.enter);
    expect(app.frame()).toContain('1 of 3 in the journey (w shows 1 organisation-wide)');
    await app.keys('1', '1', '1');
    expect(assessmentOf(app).answers.map((a) => a.questionId).sort()).toEqual(['access-log-answer-time', 'attachment-expiry', 'ticket-notes-content']);
    expect(app.frame()).toContain('All 3 questions of this journey are answered.');
  });

  it("shows the organisation's answer and who gave it, refuses to change it, overrides it with o and drops the override with O", async () => {
    const app = await open();
    await app.keys(KEYS.enter, '2', KEYS.escape, KEYS.down, KEYS.enter, 'w');
    expect(app.frame()).toContain('1 organisation-wide question shown');
    // Walking order: free text (2 questions), then detection: the organisation-wide one comes third.
    await app.keys(KEYS.right, KEYS.right);
    let frame = app.frame();
    expect(frame).toContain('3 of 4 in the journey · the organisation');
    expect(flat(frame)).toContain("◆ Organisation-wide, the organisation's answer: Within days, when someone reviews a report, by Ana on 2026-11-20 · o answers it");
    expect(frame).toMatch(/❯ 2 +Within days, when someone reviews a report +◆ the organisation's/);

    await app.keys('3');
    expect(assessmentOf(app).answers).toEqual([]);
    expect(app.frame()).toContain("The organisation's answer holds here. o answers it for this journey only.");

    await app.keys('o', 'n', ...'shared inbox here', KEYS.ctrlS, '3');
    expect(assessmentOf(app).answers).toEqual([
      { journeyId: 'phone-support', questionId: 'bulk-export-detection', kind: 'option', optionId: 'never', confidence: 'reported', note: 'shared inbox here', by: 'Ana', at: FIXED_NOW.toISOString() },
    ]);
    expect(assessmentOf(app).organisationAnswers).toHaveLength(1);

    await app.keys(KEYS.left);
    frame = app.frame();
    expect(frame).toContain('· overridden ·');
    expect(flat(frame)).toContain("⇄ Override for this journey · the organisation's answer: Within days, when someone reviews a report, by Ana on 2026-11-20 · O drops it");

    await app.keys('O');
    expect(assessmentOf(app).answers).toEqual([]);
    expect(assessmentOf(app).organisationAnswers).toHaveLength(1);
    expect(app.frame()).toContain("Override dropped: the organisation's answer holds for this journey again (z undoes).");
  });

  it('keeps an override in the walk with the organisation-wide questions hidden', async () => {
    const app = await open();
    await app.keys(KEYS.enter, '2', KEYS.escape, KEYS.down, KEYS.enter, 'w', KEYS.right, KEYS.right, 'o', '1', 'w');
    expect(app.frame()).toContain('in the journey');
    expect(app.frame()).not.toContain('(w shows');
    await app.keys(KEYS.home);
    // Its own 3 and the override: 4 in the walk, and 4 in the journey's progress, the override answered.
    expect(app.frame()).toMatch(/of 4 in the journey/);
    expect(app.frame()).toMatch(/Journey [█░]+ 1 \/ 4/);
  });

  it.each([
    { columns: 80, rows: 24 },
    { columns: 100, rows: 30 },
    { columns: 200, rows: 50 },
  ])('fits the organisation line at $columns x $rows', async (size) => {
    const app = await open(size);
    await app.keys(KEYS.enter, '2', KEYS.escape, KEYS.down, KEYS.enter, 'w', KEYS.right, KEYS.right);
    const frame = app.frame();
    expect(widestLine(frame)).toBeLessThanOrEqual(size.columns);
    expect(frame).toContain(size.columns < 80 ? '◆ Organisation-wide · o: this journey only' : "the organisation's answer: Within days");
    expect(flat(frame)).toContain('How soon would a bulk export by one agent be noticed?');
  });
});
