/**
 * Derived figures belong to one app, and a redraw does not recompute them: the report
 * is built once per change of the assessment, whatever the help, the terminal size or
 * the save state do, and the results, the plan and the comparison share it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { withSpeaker } from '../../src/core/participants.js';
import { cleanup } from 'ink-testing-library';
import { buildReport } from '../../src/core/report.js';
import { scoreItems } from '../../src/core/score.js';
import { startSession, recordSessionTime, currentSession } from '../../src/core/session.js';
import type { Workbook } from '../../src/core/workbook-schema.js';
import { DerivedData, NOT_DERIVED_FROM } from '../../src/ui/derived.js';
import { FIXED_NOW, KEYS, fixtureBank, renderWorkbench, setUpWorkbook, tick, withAnswers } from './app.js';
import { answered } from './summary-workbook.js';

afterEach(() => cleanup());

function counting() {
  const built: string[] = [];
  const derived = new DerivedData({
    buildReport: (bank, assessment, now, items) => {
      built.push(assessment.name);
      return buildReport(bank, assessment, now, items);
    },
  });
  return { derived, built };
}

/** Presses `key`, then waits (a loaded machine is slow) until the frame shows `text`. */
async function step(app: Awaited<ReturnType<typeof renderWorkbench>>, key: string, text: string) {
  await app.keys(key);
  for (let i = 0; i < 80 && !app.frame().includes(text); i++) await tick();
  expect(app.frame()).toContain(text);
}

const workbook = () => withAnswers(setUpWorkbook(), [{ journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'some', confidence: 'reported' }]);

describe('the report of the results, the plan and the comparison', () => {
  it('is built once, not again for the help, a resize or another screen on the same answers', async () => {
    const { derived, built } = counting();
    const app = await renderWorkbench({ workbook: workbook(), derived });
    await step(app, KEYS.enter, 'Journeys (Enter walks one)');
    await step(app, 'r', 'by journey and dimension');
    expect(built).toEqual(['Q4']);
    await step(app, '?', 'Keys · Results');
    await step(app, '?', 'by journey and dimension');
    await app.resize({ columns: 120, rows: 40 });
    await app.resize({ columns: 100, rows: 30 });
    expect(app.frame()).toContain('by journey and dimension');
    await step(app, 'p', 'to fix · ');
    await step(app, KEYS.escape, 'by journey and dimension');
    await step(app, 'c', 'No snapshot to compare with yet');
    expect(built).toEqual(['Q4']);
  });

  it('is built again once an answer changes', async () => {
    const { derived, built } = counting();
    const app = await renderWorkbench({ workbook: workbook(), derived });
    await step(app, KEYS.enter, 'Journeys (Enter walks one)');
    await step(app, 'r', 'by journey and dimension');
    await step(app, KEYS.escape, 'Journeys (Enter walks one)');
    await app.keys(KEYS.home);
    await step(app, KEYS.enter, '2 of 4 in the journey');
    await step(app, '3', '3 of 4 in the journey');
    await step(app, KEYS.escape, 'Journeys (Enter walks one)');
    await step(app, 'r', 'by journey and dimension');
    expect(built).toEqual(['Q4', 'Q4']);
  });

  it('is not built again when a walk is opened and left without an answer (the session clock is written, no figure changes)', async () => {
    const { derived, built } = counting();
    let at = FIXED_NOW.getTime();
    const app = await renderWorkbench({ workbook: workbook(), derived, now: () => new Date(at) });
    await step(app, KEYS.enter, 'Journeys (Enter walks one)');
    await step(app, 'r', 'by journey and dimension');
    await step(app, KEYS.escape, 'Journeys (Enter walks one)');
    await app.keys(KEYS.home);
    await step(app, KEYS.enter, '2 of 4 in the journey');
    at += 95_000; // 1 min 35 s in the walk: its close writes the time used
    await step(app, KEYS.escape, 'Journeys (Enter walks one)');
    const sessions = (w: Workbook) => w.assessments[0]!.sessions ?? [];
    expect(sessions(app.store.data).map((s) => s.usedSeconds)).toEqual([95]);
    await step(app, 'r', 'by journey and dimension');
    expect(built).toEqual(['Q4']);
  });

  it('is not built for the end of a walk, which shows parts of it; the results then build it once, on the plan already worked out', async () => {
    const plans: unknown[] = [];
    const built: string[] = [];
    const derived = new DerivedData({
      buildReport: (bank, assessment, now, items, options) => {
        built.push(assessment.name);
        plans.push(options?.plan);
        return buildReport(bank, assessment, now, items, options);
      },
    });
    const app = await renderWorkbench({ workbook: answered(), derived });
    await step(app, KEYS.enter, 'Journeys (Enter walks one)');
    await step(app, KEYS.enter, 'questions of this journey are answered');
    expect(app.frame()).toContain('Fix');
    expect(built).toEqual([]);
    await step(app, KEYS.escape, 'Journeys (Enter walks one)');
    await step(app, 'r', 'by journey and dimension');
    expect(built).toHaveLength(1);
    expect(plans[0]).toBeDefined();
  });

  it('ignores exactly what no report reads: the same report whatever the sessions and the one speaking', () => {
    expect(NOT_DERIVED_FROM).toEqual(['sessions', 'speaker']);
    const bank = fixtureBank();
    const a = workbook().assessments[0]!;
    const started = startSession(a, { scope: 'core', timeboxMinutes: 90 }, 'Dana', FIXED_NOW).assessment;
    const timed = recordSessionTime(started, currentSession(started)!.id, 3_900);
    expect(timed.sessions).toHaveLength(1);
    expect(buildReport(bank, timed, FIXED_NOW)).toEqual(buildReport(bank, a, FIXED_NOW));
    const spoken = withSpeaker({ ...timed, participants: [{ name: 'Ben', role: '' }] }, 'Ben');
    expect(buildReport(bank, spoken, FIXED_NOW)).toEqual(buildReport(bank, { ...a, participants: [{ name: 'Ben', role: '' }] }, FIXED_NOW));
  });

  it('starts from the same assessment items as the home list scores, resolved once', async () => {
    const seen: { by: string; items: unknown }[] = [];
    const derived = new DerivedData({
      scoreItems: (bank, items) => {
        seen.push({ by: 'scores', items });
        return scoreItems(bank, items);
      },
      buildReport: (bank, assessment, now, items) => {
        seen.push({ by: 'report', items });
        return buildReport(bank, assessment, now, items);
      },
    });
    const app = await renderWorkbench({ workbook: workbook(), derived });
    await step(app, KEYS.enter, 'Journeys (Enter walks one)');
    await step(app, 'r', 'by journey and dimension');
    expect(seen.map((s) => s.by)).toEqual(['scores', 'report']);
    expect(seen[1]!.items).toBe(seen[0]!.items);
  });

  it('is not shared between two apps', async () => {
    const first = counting();
    const second = counting();
    const w = workbook();
    const a = await renderWorkbench({ workbook: w, derived: first.derived });
    await step(a, KEYS.enter, 'Journeys (Enter walks one)');
    await step(a, 'r', 'by journey and dimension');
    const b = await renderWorkbench({ workbook: w, derived: second.derived });
    await step(b, KEYS.enter, 'Journeys (Enter walks one)');
    await step(b, 'r', 'by journey and dimension');
    expect(first.built).toEqual(['Q4']);
    expect(second.built).toEqual(['Q4']);
  });
});
