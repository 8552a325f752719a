import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { addAssessment, addJourney, updateAssessment } from '../../src/core/workbook-ops.js';
import { emptyWorkbook, type Workbook } from '../../src/core/workbook-schema.js';
import { FIXED_NOW, KEYS, fixtureBank, renderWorkbench, setUpWorkbook, withAnswers } from './app.js';

afterEach(() => cleanup());

/** Opens the first assessment's first journey. */
async function openWalk(workbook: Workbook = setUpWorkbook()) {
  const app = await renderWorkbench({ workbook });
  await app.keys(KEYS.enter, KEYS.enter);
  return app;
}

const answersOf = (app: Awaited<ReturnType<typeof openWalk>>) => app.store.data.assessments[0]!.answers;

describe('the walk', () => {
  it('shows the first question, grouped by dimension, with both progress bars', async () => {
    const app = await openWalk();
    const frame = app.frame();
    expect(frame).toContain('1 of 4 in the journey · Free text, question 1 of 2');
    expect(frame).toContain('What do agents routinely type into ticket notes?');
    expect(frame).toMatch(/Journey ░+ 0 \/ 4 +All journeys ░+ 0 \/ 8/);
    expect(frame).toContain("u  We don't know");
    expect(frame).toContain('x  Not applicable');
    // The footer names the number keys the question has: three options.
    expect(frame).toContain('1-3 answer · u unknown');
    // One name for the p key: the line under the options, the footer and the help say "on paper".
    expect(frame).toContain('Documented on paper unset');
    expect(frame).toContain('p on paper');
    expect(frame).not.toContain('policy');
  });

  it('a number key past the options says which keys answer, and records nothing', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook(), size: { columns: 80, rows: 24 } });
    await app.keys(KEYS.enter, KEYS.enter, '7');
    expect(app.frame()).toContain('Only 3 options: press 1-3, u or x.');
    expect(answersOf(app)).toEqual([]);
    expect(app.frame()).toContain('1 of 4 in the journey');
  });

  it.each([
    { keys: ['2'], expected: { kind: 'option', optionId: 'some', confidence: 'reported' } },
    { keys: [KEYS.down, KEYS.down, KEYS.enter], expected: { kind: 'option', optionId: 'everything' } },
    { keys: [KEYS.down, KEYS.down, KEYS.down, KEYS.enter], expected: { kind: 'unknown' } },
    { keys: ['u'], expected: { kind: 'unknown' } },
    { keys: ['x'], expected: { kind: 'na' } },
    { keys: ['v', '1'], expected: { kind: 'option', optionId: 'minimal', confidence: 'verified' } },
    { keys: ['d', '3'], expected: { kind: 'option', optionId: 'everything', confidence: 'disputed' } },
    { keys: ['p', 'u'], expected: { kind: 'unknown', policy: 'documented' } },
    { keys: ['p', 'p', 'x'], expected: { kind: 'na', policy: 'none' } },
  ])('answers with $keys in one go and saves at once', async ({ keys, expected }) => {
    const app = await openWalk();
    await app.keys(...keys);
    expect(app.store.saves.length).toBeGreaterThan(0);
    const answers = answersOf(app);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ journeyId: 'phone-support', questionId: 'ticket-notes-content', by: 'Ana', at: FIXED_NOW.toISOString(), ...expected });
    if (expected.kind !== 'option') expect(answers[0]!.confidence).toBeUndefined();
    expect(app.frame()).toContain('2 of 4 in the journey');
  });

  it('sets confidence and the policy flag on an answer already given, in single keys', async () => {
    const app = await openWalk();
    await app.keys('2', 'b');
    expect(app.frame()).toMatch(/❯ 2 +Contact details now and then +✓ answer/);
    await app.keys('v');
    expect(answersOf(app)[0]).toMatchObject({ optionId: 'some', confidence: 'verified' });
    expect(app.frame()).toContain('Confidence verified');
    await app.keys('p');
    expect(answersOf(app)[0]).toMatchObject({ policy: 'documented' });
    await app.keys('p');
    expect(answersOf(app)[0]).toMatchObject({ policy: 'none' });
    await app.keys('p');
    expect(answersOf(app)[0]!.policy).toBeUndefined();
    expect(app.frame()).toContain('Documented on paper unset');
    // Still on the same question: these keys do not move on.
    expect(app.frame()).toContain('1 of 4 in the journey');
  });

  it('refuses confidence on "We don\'t know" and says why', async () => {
    const app = await openWalk();
    await app.keys('u', 'b', 'v');
    expect(answersOf(app)[0]).toMatchObject({ kind: 'unknown' });
    expect(answersOf(app)[0]!.confidence).toBeUndefined();
    expect(app.frame()).toContain('Confidence goes with an option');
  });

  it.each([
    { name: 'next and previous', keys: [KEYS.right, KEYS.right, 'b'], at: 2 },
    { name: 'the next dimension', keys: [KEYS.pageDown], at: 3 },
    { name: 'back to the dimension start', keys: [KEYS.right, KEYS.pageUp], at: 1 },
    { name: 'the dimension list', keys: ['l', KEYS.down, KEYS.enter], at: 3 },
  ])('moves with $name', async ({ keys, at }) => {
    const app = await openWalk();
    await app.keys(...keys);
    expect(app.frame()).toContain(`${at} of 4 in the journey`);
    expect(answersOf(app)).toHaveLength(0);
  });

  it('jumps to the next unanswered question', async () => {
    const workbook = withAnswers(setUpWorkbook(), [
      { journeyId: 'phone-support', questionId: 'attachment-expiry', kind: 'unknown' },
      { journeyId: 'phone-support', questionId: 'bulk-export-detection', kind: 'na' },
    ]);
    const app = await openWalk(workbook);
    expect(app.frame()).toContain('1 of 4 in the journey');
    await app.keys('g');
    expect(app.frame()).toContain('4 of 4 in the journey');
    await app.keys('g');
    expect(app.frame()).toContain('1 of 4 in the journey');
  });

  it('resumes at the first unanswered question', async () => {
    const workbook = withAnswers(setUpWorkbook(), [
      { journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'unknown' },
      { journeyId: 'phone-support', questionId: 'attachment-expiry', kind: 'unknown' },
    ]);
    const app = await openWalk(workbook);
    expect(app.frame()).toContain('3 of 4 in the journey · Detection, question 1 of 2');
    expect(app.frame()).toMatch(/Journey █+░+ 2 \/ 4/);
  });

  it('says when the journey is done, and Enter walks the next journey with questions left', async () => {
    const app = await openWalk();
    await app.keys('1', '1', '1', '1');
    expect(app.frame()).toContain('All 4 questions of this journey are answered.');
    expect(app.frame()).toContain("Enter: walk 'Chat' next");
    await app.keys(KEYS.enter);
    expect(app.frame()).toContain('cxray › Q4 › Chat');
    expect(app.frame()).toContain('1 of 4 in the journey');
  });

  it('goes back to the journeys with Esc, the walked journey highlighted', async () => {
    const app = await openWalk();
    await app.keys('1', KEYS.escape);
    expect(app.frame()).toMatch(/❯ Phone support +high +█+░+ 1 \/ 4/);
  });

  it('loads the question help only when asked, and renders it as markdown', async () => {
    const bank = fixtureBank();
    bank.questions[0]!.help = 'Look at **fifty** recent notes.\n\n- count card digits\n- count addresses \u001b]52;c;cHduZWQ=\u0007';
    const { workbook, id } = addAssessment(emptyWorkbook(), { name: 'Q4' }, bank, FIXED_NOW);
    const app = await renderWorkbench({ bank, workbook: updateAssessment(workbook, id, (a) => addJourney(a, { name: 'J' }).assessment) });
    await app.keys(KEYS.enter, KEYS.enter);
    expect(app.frame()).not.toContain('fifty');
    await app.keys('h');
    for (let i = 0; i < 40 && !app.frame().includes('fifty'); i++) await app.keys();
    await new Promise((r) => setTimeout(r, 200));
    const frame = app.frame();
    expect(frame).toContain('fifty');
    expect(frame).not.toContain('**');
    expect(frame).toMatch(/count card digits/);
    expect(frame).not.toMatch(/\u001b\]|\u0007/);
    await app.keys('h');
    expect(app.frame()).not.toContain('fifty');
  });

  it('strips terminal control sequences from bank and workbook text', async () => {
    const bank = fixtureBank();
    bank.questions[0]!.prompt = 'Evil \u001b]0;pwned\u0007prompt \u001b[2Jhere\u202e';
    bank.questions[0]!.options[0]!.label = 'Option \u001b[31mred\u001b[0m \u009b2J';
    const { workbook, id } = addAssessment(emptyWorkbook(), { name: 'Bad \u001b[31mname' }, bank, FIXED_NOW);
    const withJourney = updateAssessment(workbook, id, (a) => addJourney(a, { name: 'J\u0007' }).assessment);
    const app = await renderWorkbench({ workbook: withJourney, bank, color: false });
    expect(app.frame()).toContain('Bad name');
    await app.keys(KEYS.enter, KEYS.enter);
    const frame = app.frame();
    expect(frame).toContain('Evil prompt here');
    expect(frame).toContain('Option red');
    expect(frame).not.toMatch(/\u001b\]|\u0007|\u202e|\u001b\[2J|\u009b/);
  });
});
