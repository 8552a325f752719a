/**
 * Periodic cycles in the TUI: a snapshot taken with a key, a new cycle that carries the
 * answers forward (marked until confirmed in the walk or changed), stale answers in the
 * walk and on the results screen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Bank } from '../../src/core/bank-schema.js';
import { FIXED_NOW, KEYS, fixtureBank, flat, renderWorkbench, setUpWorkbook, tick, widestLine, withAnswers } from './app.js';

afterEach(() => cleanup());

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(FIXED_NOW.getTime() - n * DAY).toISOString();

/** Phone support answered on two questions, 10 days ago, by Ben. */
const answered = () =>
  withAnswers(setUpWorkbook(), [
    { journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'everything', confidence: 'verified', by: 'Ben', at: daysAgo(10) },
    { journeyId: 'phone-support', questionId: 'attachment-expiry', kind: 'unknown', by: 'Ben', at: daysAgo(10) },
  ]);

const q4 = (app: { store: { data: { assessments: { id: string }[] } } }) => app.store.data.assessments[0] as ReturnType<typeof answered>['assessments'][0];

/** Waits until the frame shows `text`. */
async function until(app: { frame: () => string }, text: string | RegExp) {
  const seen = () => (typeof text === 'string' ? app.frame().includes(text) : text.test(app.frame()));
  for (let i = 0; i < 80 && !seen(); i++) await tick();
  return app.frame();
}

describe('snapshots from the assessment screen', () => {
  it('asks for a label (the day by default), takes the snapshot through the store and says so', async () => {
    const app = await renderWorkbench({ workbook: answered() });
    await app.keys(KEYS.enter, 't');
    expect(app.frame()).toContain("Take a snapshot: today's answers, scores and plan are frozen");
    expect(app.frame()).toContain('Label 2026-11-20');
    expect(app.frame()).toContain('Enter take it · Esc cancel');
    expect(app.frame()).toContain('(typing replaces it)');
    const saves = app.store.saves.length;
    // The day is selected: what is typed replaces it.
    await app.keys(...'2026 Q3');
    expect(app.frame()).toContain('Label 2026 Q3');
    expect(app.store.saves.length).toBe(saves); // typing saves nothing
    await app.keys(KEYS.enter);
    const snapshots = q4(app).snapshots;
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ label: '2026 Q3', by: 'Ana', takenAt: FIXED_NOW.toISOString() });
    expect(snapshots[0]!.answers).toHaveLength(2);
    expect(q4(app).answers.every((a) => !a.carriedOver)).toBe(true);
    const frame = app.frame();
    expect(frame).toContain('Snapshot "2026 Q3" taken: 2 answers frozen');
    expect(frame).toContain('1 snapshot, latest "2026 Q3" (2026-11-20)');
    expect(frame).toContain('Compare: what changed since a snapshot (1 snapshot)');
  });

  it('refuses a label that is taken, reserved or empty, says why, and saves nothing until it is fixed', async () => {
    const app = await renderWorkbench({ workbook: answered() });
    await app.keys(KEYS.enter, 't', KEYS.enter); // the day's label
    expect(q4(app).snapshots).toHaveLength(1);
    const saves = app.store.saves.length;
    await app.keys('t', KEYS.enter); // the day again
    expect(flat(app.frame())).toContain('There is already a snapshot labelled "2026-11-20" (taken 2026-11-20); choose another label.');
    await app.keys(...Array(10).fill(KEYS.backspace));
    expect(app.frame()).not.toContain('There is already a snapshot');
    await app.keys(KEYS.enter);
    expect(flat(app.frame())).toContain('The label needs some text.');
    await app.keys(...'latest', KEYS.enter);
    expect(flat(app.frame())).toContain('"latest" means something else to `cxray diff`; choose another label.');
    expect(app.store.saves.length).toBe(saves);
    await app.keys(...Array(6).fill(KEYS.backspace), ...'Q4', KEYS.enter);
    expect(q4(app).snapshots.map((s) => s.label)).toEqual(['2026-11-20', 'Q4']);
  });

  it('takes nothing when the label is cancelled with Esc', async () => {
    const app = await renderWorkbench({ workbook: answered() });
    await app.keys(KEYS.enter, 't', 'x', KEYS.escape);
    expect(q4(app).snapshots).toHaveLength(0);
    expect(app.frame()).toContain('Journeys (Enter walks one)');
    expect(app.frame()).not.toContain('Label');
  });

  it('starts a new cycle after saying what happens: a snapshot, then every answer carried over', async () => {
    const app = await renderWorkbench({ workbook: answered() });
    await app.keys(KEYS.enter, 'N');
    expect(flat(app.frame())).toContain('the current answers are frozen as a snapshot under this label and carried forward');
    expect(app.frame()).toContain('Enter starts the new cycle');
    await app.keys(KEYS.enter);
    expect(q4(app).snapshots).toHaveLength(1);
    expect(q4(app).answers.map((a) => a.carriedOver)).toEqual([true, true]);
    const frame = app.frame();
    expect(frame).toContain('↻ 2 carried over, to confirm in the walk');
    expect(frame).toMatch(/Phone support .*↻ 2 carried/);
    expect(frame).not.toMatch(/Chat .*carried/);
  });
});

describe('carried-over answers in the walk', () => {
  async function newCycleWalk() {
    const app = await renderWorkbench({ workbook: answered() });
    await app.keys(KEYS.enter, 'N');
    await app.keys(...Array(10).fill(KEYS.backspace), ...'Q3', KEYS.enter);
    await app.keys(KEYS.enter);
    return app;
  }

  it('starts at the first carried-over answer, marks it, and Enter keeps it: mark gone, dated now, by the facilitator', async () => {
    const app = await newCycleWalk();
    let frame = app.frame();
    expect(frame).toContain('1 of 4 in the journey · carried over');
    expect(frame).toContain('↻ carried over from "Q3" — Enter keeps it, or choose another answer');
    expect(frame).toMatch(/❯ 3 +Full addresses, card digits or ID numbers are common +↻ carried over/);
    await app.keys(KEYS.enter);
    const notes = q4(app).answers.find((a) => a.questionId === 'ticket-notes-content')!;
    expect(notes.carriedOver).toBeUndefined();
    expect(notes).toMatchObject({ optionId: 'everything', confidence: 'verified', by: 'Ana', at: FIXED_NOW.toISOString() });
    frame = app.frame();
    expect(frame).toContain('2 of 4 in the journey · carried over');
    expect(frame).toContain('The previous answer was kept');
    // The other answer still carries the mark.
    expect(q4(app).answers.find((a) => a.questionId === 'attachment-expiry')!.carriedOver).toBe(true);
  });

  it('changes a carried-over answer by choosing another: a new answer, without the mark', async () => {
    const app = await newCycleWalk();
    await app.keys('1');
    const notes = q4(app).answers.find((a) => a.questionId === 'ticket-notes-content')!;
    expect(notes).toMatchObject({ optionId: 'minimal', at: FIXED_NOW.toISOString() });
    expect(notes.carriedOver).toBeUndefined();
    await app.keys(KEYS.escape);
    expect(app.frame()).toContain('↻ 1 carried over, to confirm in the walk');
    expect(app.frame()).toMatch(/Phone support .*↻ 1 carried/);
  });

  it('g goes to the next answer still carried over; the end of the journey counts them', async () => {
    const app = await newCycleWalk();
    await app.keys(KEYS.enter, 'g');
    expect(app.frame()).toContain('3 of 4 in the journey'); // unanswered
    await app.keys('1', '1');
    expect(app.frame()).toContain('All 4 questions of this journey are answered.');
    expect(app.frame()).toContain('↻ 1 answer is still carried over from the last cycle');
    await app.keys('g');
    expect(app.frame()).toContain('2 of 4 in the journey · carried over');
    await app.keys('u'); // the same answer as before: kept
    expect(q4(app).answers.every((a) => !a.carriedOver)).toBe(true);
  });
});

describe('stale answers', () => {
  /** The starter bank with a 90-day lifetime on the ticket-notes question. */
  const bankWithLifetime = (): Bank => {
    const bank = fixtureBank();
    return { ...bank, questions: bank.questions.map((q) => (q.id === 'ticket-notes-content' ? { ...q, lifetimeDays: 90 } : q)) };
  };
  const oldAnswers = () =>
    withAnswers(setUpWorkbook(), [
      { journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'some', confidence: 'verified', at: daysAgo(120) },
      { journeyId: 'chat', questionId: 'ticket-notes-content', kind: 'option', optionId: 'some', at: daysAgo(90) },
    ]);

  it('shows its age in the walk, and answering again refreshes it', async () => {
    const app = await renderWorkbench({ workbook: oldAnswers(), bank: bankWithLifetime() });
    await app.keys(KEYS.enter, KEYS.enter, 'b');
    expect(app.frame()).toContain("! answered 120 days ago; this question's answers last 90 days");
    await app.keys(KEYS.enter);
    expect(q4(app).answers.find((a) => a.journeyId === 'phone-support')!.at).toBe(FIXED_NOW.toISOString());
    await app.keys('b');
    expect(app.frame()).not.toContain('days ago');
  });

  it('says it whole on the narrowest terminal (the minimum, 80 columns)', async () => {
    const app = await renderWorkbench({ workbook: oldAnswers(), bank: bankWithLifetime(), size: { columns: 80, rows: 24 } });
    await app.keys(KEYS.enter, KEYS.enter, 'b');
    expect(app.frame()).toContain("! answered 120 days ago; this question's answers last 90 days");
    expect(widestLine(app.frame())).toBeLessThanOrEqual(80);
  });

  it('does not call an answer exactly as old as the lifetime stale', async () => {
    const app = await renderWorkbench({ workbook: oldAnswers(), bank: bankWithLifetime() });
    await app.keys(KEYS.enter, KEYS.down, KEYS.enter, 'b');
    expect(app.frame()).toContain('What do agents routinely type into ticket notes?');
    expect(app.frame()).not.toContain('days ago');
  });

  it('lists them on the results screen (s): journey, question, age, lifetime; Enter answers one again', async () => {
    const app = await renderWorkbench({ workbook: oldAnswers(), bank: bankWithLifetime() });
    await app.keys(KEYS.enter, 'r');
    expect(app.frame()).toContain('1 stale answer (s lists them)');
    await app.keys('s');
    const frame = await until(app, 'older than');
    expect(frame).toContain("1 answer older than their question's lifetime");
    expect(frame).toMatch(/❯ Phone support +What do agents routinely type into ticket notes\? +120 days old, lasts 90/);
    expect(frame).not.toMatch(/Chat +What do agents/);
    await app.keys(KEYS.enter);
    expect(app.frame()).toContain('1 of 4 in the journey');
    expect(app.frame()).toContain('answered 120 days ago');
  });
});

describe('the end of a journey in a new cycle', () => {
  it('offers the next journey that still has answers carried over', async () => {
    const workbook = withAnswers(setUpWorkbook(), [
      { journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'minimal' },
      { journeyId: 'phone-support', questionId: 'attachment-expiry', kind: 'option', optionId: 'redacted' },
      { journeyId: 'phone-support', questionId: 'bulk-export-detection', kind: 'option', optionId: 'minutes' },
      { journeyId: 'phone-support', questionId: 'access-log-answer-time', kind: 'option', optionId: 'minutes' },
      { journeyId: 'chat', questionId: 'ticket-notes-content', kind: 'option', optionId: 'minimal' },
      { journeyId: 'chat', questionId: 'attachment-expiry', kind: 'option', optionId: 'redacted' },
      { journeyId: 'chat', questionId: 'bulk-export-detection', kind: 'option', optionId: 'minutes' },
      { journeyId: 'chat', questionId: 'access-log-answer-time', kind: 'option', optionId: 'minutes' },
    ]);
    const app = await renderWorkbench({ workbook });
    await app.keys(KEYS.enter, 'N', KEYS.enter, KEYS.enter);
    await app.keys(KEYS.enter, KEYS.enter, KEYS.enter, KEYS.enter);
    expect(app.frame()).toContain('All 4 questions of this journey are answered.');
    expect(app.frame()).toContain("Enter: walk 'Chat' next (4 / 4 answered, 4 carried over)");
    await app.keys(KEYS.enter);
    expect(app.frame()).toContain('cxray › Q4 › Chat');
    expect(app.frame()).toContain('1 of 4 in the journey · carried over');
  });
});
