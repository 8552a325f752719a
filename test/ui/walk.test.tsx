import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { addAssessment, addJourney, recordAnswer, updateAssessment } from '../../src/core/workbook-ops.js';
import { emptyWorkbook, type Workbook } from '../../src/core/workbook-schema.js';
import { FIXED_NOW, fixtureBank, press, renderApp, tick } from '../helpers/fixtures.js';
import { KEYS } from '../helpers/terminal.js';

afterEach(() => cleanup());

function workbookWithJourney(): Workbook {
  const bank = fixtureBank();
  const { workbook, id } = addAssessment(emptyWorkbook(), { name: 'Q4' }, bank, FIXED_NOW);
  return updateAssessment(workbook, id, (a) => addJourney(a, { name: 'Phone support' }).assessment);
}

/** Opens the first assessment's first journey. */
async function openWalk(workbook: Workbook) {
  const app = renderApp({ workbook });
  await tick();
  await press(app.stdin, KEYS.enter, KEYS.enter);
  return app;
}

describe('the walk', () => {
  it('creates an assessment and a journey, then shows the first question', async () => {
    const app = renderApp();
    await tick();
    expect(app.lastFrame()).toContain('No assessments yet.');
    await press(app.stdin, KEYS.enter, ...'Q4 workshop', KEYS.enter);
    expect(app.lastFrame()).toContain('No journeys yet');
    await press(app.stdin, KEYS.enter, ...'Chat', KEYS.enter);
    const frame = app.lastFrame()!;
    expect(frame).toContain('Question 1 of 4');
    expect(frame).toContain('0 / 4 answered');
    expect(frame).toContain("u. We don't know");
    expect(app.store.data.assessments[0]).toMatchObject({ id: 'q4-workshop', name: 'Q4 workshop', journeys: [{ id: 'chat' }] });
  });

  it('refuses an empty name and says what to do', async () => {
    const app = renderApp();
    await tick();
    await press(app.stdin, KEYS.enter, KEYS.enter);
    expect(app.lastFrame()).toContain('Type a name first');
    expect(app.store.data.assessments).toHaveLength(0);
  });

  it.each([
    { keys: ['2'], expected: { kind: 'option', optionId: 'some', confidence: 'reported' } },
    { keys: [KEYS.down, KEYS.down, KEYS.enter], expected: { kind: 'option', optionId: 'everything' } },
    { keys: ['u'], expected: { kind: 'unknown' } },
    { keys: ['x'], expected: { kind: 'na' } },
  ])('answers with $keys and saves at once', async ({ keys, expected }) => {
    const app = await openWalk(workbookWithJourney());
    await press(app.stdin, ...keys);
    expect(app.store.saves.length).toBeGreaterThan(0);
    const answers = app.store.data.assessments[0]!.answers;
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ journeyId: 'phone-support', questionId: 'ticket-notes-content', at: FIXED_NOW.toISOString(), ...expected });
    expect(app.lastFrame()).toContain('Question 2 of 4');
  });

  it('goes back to the previous question and shows its answer selected', async () => {
    const app = await openWalk(workbookWithJourney());
    await press(app.stdin, '3');
    expect(app.lastFrame()).toContain('Question 2 of 4');
    await press(app.stdin, 'b');
    const frame = app.lastFrame()!;
    expect(frame).toContain('Question 1 of 4 · Free text · answered');
    expect(frame).toMatch(/❯ 3\. Full addresses/);
  });

  it('resumes at the first unanswered question', async () => {
    let workbook = workbookWithJourney();
    for (const questionId of ['ticket-notes-content', 'bulk-export-detection']) {
      workbook = recordAnswer(workbook, 'q4', { journeyId: 'phone-support', questionId, kind: 'unknown', note: '', by: '', at: FIXED_NOW.toISOString() });
    }
    const app = await openWalk(workbook);
    expect(app.lastFrame()).toContain('Question 3 of 4');
    expect(app.lastFrame()).toContain('2 / 4 answered');
  });

  it('says so when every question of the journey is answered', async () => {
    const app = await openWalk(workbookWithJourney());
    await press(app.stdin, '1', '1', '1', '1');
    expect(app.lastFrame()).toContain('All 4 questions of this journey are answered.');
    await press(app.stdin, KEYS.enter);
    expect(app.lastFrame()).toContain('Phone support  (4 / 4)');
  });

  it('strips terminal control sequences from bank and workbook text', async () => {
    const bank = fixtureBank();
    bank.questions[0]!.prompt = 'Evil \u001b]0;pwned\u0007prompt \u001b[2Jhere\u202e';
    const { workbook, id } = addAssessment(emptyWorkbook(), { name: 'Bad \u001b[31mname' }, bank, FIXED_NOW);
    const withJourney = updateAssessment(workbook, id, (a) => addJourney(a, { name: 'J\u0007' }).assessment);
    const app = renderApp({ workbook: withJourney, bank });
    await tick();
    expect(app.lastFrame()).toContain('Bad name');
    await press(app.stdin, KEYS.enter, KEYS.enter);
    const frame = app.lastFrame()!;
    expect(frame).toContain('Evil prompt here');
    expect(frame).not.toMatch(/\u001b\]|\u0007|\u202e|\u001b\[2J/);
  });
});

describe('typing names', () => {
  it('submits a name pasted together with Enter, without the line break', async () => {
    const app = renderApp();
    await tick();
    await press(app.stdin, KEYS.enter, 'Pasted name\r');
    expect(app.store.data.assessments.map((a) => a.name)).toEqual(['Pasted name']);
    expect(app.lastFrame()).toContain('No journeys yet');
  });
});
