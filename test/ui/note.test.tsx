import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, flat, renderWorkbench, setUpWorkbook, withAnswers } from './app.js';

afterEach(() => cleanup());

async function openWalk(answered = false) {
  const workbook = answered
    ? withAnswers(setUpWorkbook(), [{ journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'some', confidence: 'reported' }])
    : setUpWorkbook();
  const app = await renderWorkbench({ workbook });
  await app.keys(KEYS.enter, KEYS.enter);
  if (answered) await app.keys('b'); // the resumed walk opens on question 2: back to 1
  return app;
}

const first = (app: Awaited<ReturnType<typeof openWalk>>) => app.store.data.assessments[0]!.answers.find((a) => a.questionId === 'ticket-notes-content');

describe('notes', () => {
  it('writes a note of several lines and saves it to the answer with Ctrl-S', async () => {
    const app = await openWalk(true);
    expect(app.frame()).toContain('1 of 4 in the journey');
    await app.keys('n', ...'Seen in', KEYS.enter, ...'three teams', KEYS.ctrlS);
    expect(first(app)).toMatchObject({ optionId: 'some', note: 'Seen in\nthree teams' });
    // Both lines of the note are shown, the second indented under the first.
    expect(app.frame()).toMatch(/Note Seen in\n +three teams/);
    expect(app.frame()).toContain('Note saved.');
  });

  it('parks a note typed before answering at once, and the answer takes it and closes the item', async () => {
    const app = await openWalk();
    await app.keys('n', ...'Disputed by QA', KEYS.ctrlS);
    expect(app.frame()).toContain('Note parked: saved in the parking lot');
    expect(app.frame()).toContain('Note, parked until answered Disputed by QA');
    expect(first(app)).toBeUndefined();
    expect(app.store.data.assessments[0]!.parkingLot).toEqual([
      { id: 'p1', kind: 'question', text: 'Disputed by QA', owner: '', questionId: 'ticket-notes-content', journeyId: 'phone-support', status: 'open', by: 'Ana', at: '2026-11-20T10:00:00.000Z' },
    ]);
    await app.keys('2');
    expect(first(app)).toMatchObject({ optionId: 'some', note: 'Disputed by QA' });
    expect(app.store.data.assessments[0]!.parkingLot).toEqual([
      { id: 'p1', kind: 'question', text: 'Disputed by QA', owner: '', questionId: 'ticket-notes-content', journeyId: 'phone-support', status: 'closed', by: 'Ana', at: '2026-11-20T10:00:00.000Z', closedAt: '2026-11-20T10:00:00.000Z' },
    ]);
  });

  it('warns inline about customer data and masks it with Ctrl-R', async () => {
    const app = await openWalk(true);
    await app.keys('n', ...'Agent pasted ana@example.com and 4111 1111 1111 1111');
    expect(flat(app.frame())).toContain('This looks like customer data: an e-mail address and a card number. Ctrl-R masks it.');
    await app.keys(KEYS.ctrlR);
    expect(app.frame()).toContain('Agent pasted [email removed] and [card number removed]');
    expect(app.frame()).not.toContain('looks like customer data');
    await app.keys(KEYS.ctrlS);
    expect(first(app)!.note).toBe('Agent pasted [email removed] and [card number removed]');
  });

  it.each([
    { key: 'm', note: 'Call +44 20 7946 0958 [email removed]'.replace('+44 20 7946 0958', '[phone removed]') },
    { key: 's', note: 'Call +44 20 7946 0958 ana@example.com' },
  ])('asks before saving customer data: $key', async ({ key, note }) => {
    const app = await openWalk(true);
    await app.keys('n', ...'Call +44 20 7946 0958 ana@example.com', KEYS.ctrlS);
    expect(flat(app.frame())).toContain(
      'The note looks like it holds customer data (a phone number and an e-mail address). Press m to mask it and save, s to save it as typed',
    );
    expect(first(app)!.note).toBe('');
    await app.keys(key);
    expect(first(app)!.note).toBe(note);
  });

  it('keeps editing when any other key answers the customer-data question', async () => {
    const app = await openWalk(true);
    await app.keys('n', ...'ana@example.com', KEYS.ctrlS, 'z');
    expect(first(app)!.note).toBe('');
    expect(app.frame()).toContain('Note · Enter new line');
    await app.keys('!');
    expect(app.frame()).toContain('ana@example.com!');
  });

  it('asks before dropping unsaved text on Esc; any other key keeps it', async () => {
    const app = await openWalk(true);
    await app.keys('n', ...'half a thought', KEYS.escape);
    expect(flat(app.frame())).toContain('The note has unsaved changes. Press s to save it, d to drop the changes');
    await app.keys('x');
    expect(app.frame()).toContain('half a thought');
    await app.keys(KEYS.escape, 'd');
    expect(first(app)!.note).toBe('');
    expect(app.frame()).toContain('Note — (n to write one)');
  });

  it('asks on Ctrl-C in the note editor, then saves and quits', async () => {
    const app = await openWalk(true);
    await app.keys('n', ...'last words', KEYS.ctrlC);
    expect(flat(app.frame())).toContain('Press s to save it and quit');
    await app.keys('s');
    expect(first(app)!.note).toBe('last words');
  });

  it('leaves the walk at once with a parked note, and shows it again on coming back', async () => {
    const app = await openWalk();
    await app.keys('n', ...'ask the QA lead', KEYS.ctrlS, KEYS.escape);
    expect(app.frame()).toContain('Journeys (Enter walks one)');
    await app.keys(KEYS.enter);
    expect(app.frame()).toContain('Note, parked until answered ask the QA lead');
    await app.keys('n');
    expect(app.frame()).toContain('ask the QA lead');
  });
});
