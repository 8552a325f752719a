/**
 * Navigation: a stack of screens (the reducer, called directly), and in the app, Back
 * leading where the user came from with what was highlighted there still highlighted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Bank } from '../../src/core/bank-schema.js';
import { removeAssessment } from '../../src/core/setup-ops.js';
import { navigate, type NavAction, type Screen } from '../../src/ui/navigation.js';
import { ROUTES, parentOf } from '../../src/ui/routes.js';
import { FIXED_NOW, KEYS, fixtureBank, renderWorkbench, setUpWorkbook, tick, withAnswers } from './app.js';

afterEach(() => cleanup());

const assessment: Screen = { name: 'assessment', assessmentId: 'q4' };
const results: Screen = { name: 'results', assessmentId: 'q4' };
const walk: Screen = { name: 'walk', assessmentId: 'q4', journeyId: 'chat', questionId: 'q1' };

describe('the stack', () => {
  it.each<{ name: string; stack: Screen[]; action: NavAction; after: Screen[] }>([
    { name: 'go opens a screen above', stack: [{ name: 'home' }], action: { type: 'go', screen: assessment }, after: [{ name: 'home' }, assessment] },
    {
      name: 'go keeps the screen left as it says it should come back',
      stack: [assessment, results],
      action: { type: 'go', screen: walk, from: { ...results, view: { row: 1, column: 2, measure: 'visibility', drill: { row: 1, column: 2, index: 3 } } } },
      after: [assessment, { ...results, view: { row: 1, column: 2, measure: 'visibility', drill: { row: 1, column: 2, index: 3 } } }, walk],
    },
    { name: 'back returns to the screen below, not to the parent', stack: [assessment, results, walk], action: { type: 'back' }, after: [assessment, results] },
    {
      name: 'back to the parent highlights the row the child came from',
      stack: [{ name: 'home' }, assessment, walk],
      action: { type: 'back' },
      after: [{ name: 'home' }, { ...assessment, focus: 'chat' }],
    },
    {
      name: 'back with a focus highlights it (a new entry saved)',
      stack: [assessment, { name: 'systems', assessmentId: 'q4' }, { name: 'system-form', assessmentId: 'q4' }],
      action: { type: 'back', focus: 'zendesk' },
      after: [assessment, { name: 'systems', assessmentId: 'q4', focus: 'zendesk' }],
    },
    { name: 'back with nothing below goes to the parent', stack: [walk], action: { type: 'back' }, after: [{ ...assessment, focus: 'chat' }] },
    { name: 'back on home stays home', stack: [{ name: 'home' }], action: { type: 'back' }, after: [{ name: 'home' }] },
    {
      name: 'replace swaps the top (the next journey\'s walk)',
      stack: [assessment, results, walk],
      action: { type: 'replace', screen: { name: 'walk', assessmentId: 'q4', journeyId: 'phone' } },
      after: [assessment, results, { name: 'walk', assessmentId: 'q4', journeyId: 'phone' }],
    },
  ])('$name', ({ stack, action, after }) => {
    expect(navigate(stack, action, parentOf)).toEqual(after);
  });

  it('registers every screen once, with a scope and a parent', () => {
    for (const [name, route] of Object.entries(ROUTES)) {
      expect(route.scope, name).toBeTruthy();
      expect(typeof route.parent, name).toBe('function');
    }
  });
});

/** Presses `key`, then waits (a loaded machine is slow) until the frame shows `text`. */
async function step(app: Awaited<ReturnType<typeof renderWorkbench>>, key: string, text: string | RegExp) {
  await app.keys(key);
  const shows = () => (typeof text === 'string' ? app.frame().includes(text) : text.test(app.frame()));
  for (let i = 0; i < 80 && !shows(); i++) await tick();
  expect(app.frame()).toMatch(typeof text === 'string' ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : text);
}

const answered = () =>
  withAnswers(setUpWorkbook(), [
    { journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'everything', confidence: 'verified' },
    { journeyId: 'phone-support', questionId: 'attachment-expiry', kind: 'option', optionId: 'kept', confidence: 'reported' },
  ]);

describe('back, in the app', () => {
  it('returns from a walk opened in the results\' drill-down to it, the cell and the answer still selected', async () => {
    const app = await renderWorkbench({ workbook: answered() });
    await step(app, KEYS.enter, 'Journeys (Enter walks one)');
    await step(app, 'r', 'by journey and dimension');
    await step(app, KEYS.enter, 'cxray › Q4 › Results › Phone support × Free text');
    await step(app, KEYS.down, /❯ What happens to files customers attach/);
    await step(app, KEYS.enter, '2 of 4 in the journey');
    await step(app, '1', '3 of 4 in the journey');
    await step(app, KEYS.escape, 'cxray › Q4 › Results › Phone support × Free text');
    // The answer just given in the walk is the one shown.
    expect(app.frame()).toMatch(/❯ What happens to files customers attach.*Scanned, redacted/);
    await step(app, KEYS.escape, 'by journey and dimension');
    expect(app.frame()).toContain('Phone support × Free text:');
    await step(app, KEYS.escape, 'Journeys (Enter walks one)');
    expect(app.frame()).toMatch(/❯ Results/);
  });

  it('returns from a walk opened in the stale list to the list', async () => {
    const bank: Bank = fixtureBank();
    const withLifetime = { ...bank, questions: bank.questions.map((q) => (q.id === 'ticket-notes-content' ? { ...q, lifetimeDays: 90 } : q)) };
    const old = new Date(FIXED_NOW.getTime() - 120 * 86_400_000).toISOString();
    const workbook = withAnswers(setUpWorkbook(), [
      { journeyId: 'phone-support', questionId: 'attachment-expiry', kind: 'unknown' },
      { journeyId: 'chat', questionId: 'ticket-notes-content', kind: 'option', optionId: 'some', at: old },
    ]);
    const app = await renderWorkbench({ workbook, bank: withLifetime });
    await step(app, KEYS.enter, 'Journeys (Enter walks one)');
    await step(app, 'r', 'by journey and dimension');
    await step(app, 's', 'older than their question');
    await step(app, KEYS.enter, 'cxray › Q4 › Chat');
    await step(app, KEYS.escape, 'older than their question');
    await step(app, KEYS.escape, 'by journey and dimension');
  });

  it('returns from the plan opened on the results to the results', async () => {
    const app = await renderWorkbench({ workbook: answered() });
    await step(app, KEYS.enter, 'Journeys (Enter walks one)');
    await step(app, 'r', 'by journey and dimension');
    await step(app, KEYS.tab, 'Tab shows exposure');
    await step(app, 'p', 'to fix · ');
    await step(app, KEYS.escape, 'Tab shows exposure');
  });

  it('answers Esc on "this assessment is gone", back to the list', async () => {
    const app = await renderWorkbench({ workbook: answered() });
    await step(app, KEYS.enter, 'Journeys (Enter walks one)');
    await step(app, KEYS.enter, '3 of 4 in the journey');
    // Another hand removes the assessment; the next change the walk makes brings that workbook in.
    app.store.update((w) => removeAssessment(w, 'q4'));
    await step(app, '1', 'This assessment is no longer in the workbook. Press Esc to go back.');
    expect(app.frame()).toContain('Esc back');
    await step(app, KEYS.escape, 'This assessment is no longer in the workbook');
    await step(app, KEYS.escape, 'No assessments yet.');
  });
});
