import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { SaveState } from '../../src/store/workbook-store.js';
import { KEYS, fixtureBank, flat, renderWorkbench, setUpWorkbook, withAnswers } from './app.js';

afterEach(() => cleanup());

const q4 = (app: { store: { data: { assessments: { id: string }[] } } }) =>
  app.store.data.assessments.find((a) => a.id === 'q4') as ReturnType<typeof setUpWorkbook>['assessments'][number];

describe('home', () => {
  it('creates an assessment with the multi-field form', async () => {
    const app = await renderWorkbench();
    expect(app.frame()).toContain('No assessments yet.');
    await app.keys(KEYS.enter, ...'Q4 workshop', KEYS.tab, ...'Acme', KEYS.enter, ...'Ana', KEYS.enter, ...'Ben (security), Chloé ,Dev (CRM admin)', KEYS.enter);
    expect(app.frame()).toContain('❯ [ Save ]');
    await app.keys(KEYS.enter);
    expect(app.store.data.assessments[0]).toMatchObject({
      id: 'q4-workshop',
      name: 'Q4 workshop',
      organisation: 'Acme',
      facilitator: 'Ana',
      participants: [
        { name: 'Ben', role: 'security' },
        { name: 'Chloé', role: '' },
        { name: 'Dev', role: 'CRM admin' },
      ],
    });
    expect(app.frame()).toContain('No journeys yet: add the first one.');
    expect(app.frame()).toContain('Acme · facilitator Ana · 3 participants');
  });

  it.each([
    { name: 'Enter on Save', keys: [KEYS.enter, KEYS.enter, KEYS.enter, KEYS.enter, KEYS.enter] },
    { name: 'Ctrl-S', keys: [KEYS.ctrlS] },
  ])('refuses an empty name with $name and says what to do', async ({ keys }) => {
    const app = await renderWorkbench();
    await app.keys(KEYS.enter, ...keys);
    expect(app.frame()).toContain('Type a name first');
    expect(app.store.data.assessments).toHaveLength(0);
  });

  it('takes a name pasted together with Enter, without the line break', async () => {
    const app = await renderWorkbench();
    await app.keys(KEYS.enter, 'Pasted name\r', KEYS.ctrlS);
    expect(app.store.data.assessments.map((a) => a.name)).toEqual(['Pasted name']);
    expect(app.frame()).toContain('No journeys yet');
  });

  it('asks before leaving a form with typed text, and keeps the text on any other key', async () => {
    const app = await renderWorkbench();
    await app.keys(KEYS.enter, ...'Half typed', KEYS.escape);
    expect(flat(app.frame())).toContain('This form has unsaved changes. Press s to save them, d to leave without them');
    await app.keys('k');
    expect(app.frame()).toContain('Half typed');
    expect(app.frame()).not.toContain('unsaved changes');
    await app.keys(KEYS.escape, 'd');
    expect(app.frame()).toContain('No assessments yet.');
    expect(app.store.data.assessments).toHaveLength(0);
  });

  it('adds the demo under an id of its own, twice', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook() });
    await app.keys('D');
    await app.keys(KEYS.escape, 'D');
    const ids = app.store.data.assessments.map((a) => a.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    expect(app.frame()).toContain('Systems (13)');
  });

  it('lists assessments with date, progress, exposure and visibility', async () => {
    const workbook = withAnswers(setUpWorkbook(), [
      { journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'everything', confidence: 'verified' },
    ]);
    const app = await renderWorkbench({ workbook });
    expect(app.frame()).toMatch(/Q4 +2026-11-20 +1\/8 +100█ +100░/);
  });

  it('removes an assessment only after y, saying what goes', async () => {
    const workbook = withAnswers(setUpWorkbook(), [{ journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'unknown' }]);
    const app = await renderWorkbench({ workbook });
    await app.keys('d');
    expect(flat(app.frame())).toContain("Removing 'Q4' deletes its 2 journeys and 1 answer. Press y to remove it, any other key to keep it.");
    await app.keys('n');
    expect(app.store.data.assessments).toHaveLength(1);
    await app.keys('d', 'y');
    expect(app.store.data.assessments).toHaveLength(0);
  });

  it('edits the details of an assessment', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook() });
    await app.keys('e', KEYS.down, ...'Acme', KEYS.ctrlS);
    expect(q4(app)).toMatchObject({ name: 'Q4', organisation: 'Acme', facilitator: 'Ana' });
  });
});

describe('journeys', () => {
  it('sets up a journey: channels and data ticked with Space, sensitivity suggested, systems ticked', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook() });
    await app.keys(KEYS.enter, 'a', ...'Returns', KEYS.tab, ...'Parcel returns', KEYS.tab);
    await app.keys(' ', KEYS.right, KEYS.right, KEYS.right, ' ', KEYS.tab); // voice, web
    await app.keys(KEYS.right, KEYS.right, ' '); // payment-data
    expect(app.frame()).toMatch(/\(•\) high/);
    expect(app.frame()).toContain('sensitivity high, as suggested by the data categories');
    await app.keys(KEYS.tab, KEYS.left, KEYS.tab, ' ', KEYS.enter, KEYS.enter);
    const journey = q4(app).journeys.find((j) => j.name === 'Returns');
    expect(journey).toMatchObject({
      id: 'returns',
      description: 'Parcel returns',
      channels: ['voice', 'web'],
      dataCategories: ['payment-data'],
      sensitivity: 'moderate',
      systemIds: ['zendesk'],
    });
    expect(app.frame()).toMatch(/❯ Returns +moderate/);
  });

  it('edits a journey and keeps its answers', async () => {
    const workbook = withAnswers(setUpWorkbook(), [{ journeyId: 'chat', questionId: 'ticket-notes-content', kind: 'unknown' }]);
    const app = await renderWorkbench({ workbook });
    await app.keys(KEYS.enter, KEYS.down, 'e', KEYS.end, ...' (web)', KEYS.ctrlS);
    expect(q4(app).journeys[1]).toMatchObject({ id: 'chat', name: 'Chat (web)' });
    expect(q4(app).answers).toHaveLength(1);
  });

  it('removes a journey only after y, saying how many answers go', async () => {
    const workbook = withAnswers(setUpWorkbook(), [
      { journeyId: 'chat', questionId: 'ticket-notes-content', kind: 'unknown' },
      { journeyId: 'chat', questionId: 'attachment-expiry', kind: 'na' },
      { journeyId: 'phone-support', questionId: 'attachment-expiry', kind: 'na' },
    ]);
    const app = await renderWorkbench({ workbook });
    await app.keys(KEYS.enter, KEYS.down, 'd');
    expect(flat(app.frame())).toContain("Removing 'Chat' deletes its 2 answers. Press y to remove it, any other key to keep it.");
    await app.keys(KEYS.escape);
    expect(q4(app).journeys).toHaveLength(2);
    await app.keys('d', 'y');
    expect(q4(app).journeys.map((j) => j.id)).toEqual(['phone-support']);
    expect(q4(app).answers).toHaveLength(1);
  });
});

describe('systems and integrations', () => {
  it('adds a system with its kind, owner and vendor', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook() });
    await app.keys(KEYS.enter, 's', 'a', ...'Genesys', KEYS.tab, KEYS.right, KEYS.tab, ...'Contact centre ops', KEYS.tab, ...'Genesys', KEYS.enter, KEYS.enter);
    expect(q4(app).systems[2]).toEqual({ id: 'genesys', name: 'Genesys', kind: 'contact-centre', owner: 'Contact centre ops', vendor: 'Genesys' });
    expect(app.frame()).toMatch(/❯ Genesys +contact-centre +Contact centre ops/);
  });

  it('removes a system after saying which journeys and integrations it touches', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook() });
    await app.keys(KEYS.enter, 's', 'd');
    expect(flat(app.frame())).toContain("Removing 'Zendesk' takes it off 2 journeys and deletes 1 integration; answers stay.");
    await app.keys('y');
    expect(q4(app).systems.map((s) => s.id)).toEqual(['salesforce']);
    expect(q4(app).integrations).toEqual([]);
    expect(q4(app).journeys.map((j) => j.systemIds)).toEqual([['salesforce'], []]);
  });

  it('adds an integration: from, to, access, fields, logged', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook() });
    await app.keys(KEYS.enter, 'i', 'a', KEYS.tab, KEYS.tab, ' ', KEYS.tab, ...'email, phone', KEYS.tab, KEYS.left, KEYS.ctrlS);
    expect(q4(app).integrations[1]).toEqual({
      id: 'zendesk-to-salesforce',
      from: 'zendesk',
      to: 'salesforce',
      access: 'write',
      fields: ['email', 'phone'],
      logged: 'no',
    });
    expect(app.frame()).toMatch(/Zendesk → +Salesforce +write +email, phone +NOT logged/);
  });

  it('refuses an integration from a system to itself', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook() });
    await app.keys(KEYS.enter, 'i', 'a', KEYS.tab, ' ', KEYS.ctrlS);
    expect(app.frame()).toContain('From and To are the same system');
    expect(q4(app).integrations).toHaveLength(1);
  });
});

describe('a changed bank', () => {
  it('says so on the assessment answered with another version', async () => {
    const bank = fixtureBank();
    const workbook = setUpWorkbook(bank);
    const assessment = workbook.assessments[0]!;
    const removed = bank.questions[0]!;
    assessment.answers.push({
      journeyId: assessment.journeys[0]!.id,
      questionId: removed.id,
      kind: 'option',
      optionId: removed.options[0]!.id,
      confidence: 'reported',
      note: '',
      by: 'Ana',
      at: '2026-01-05T09:00:00.000Z',
    });
    const newer = { ...bank, version: '0.2.0', questions: bank.questions.slice(1) };
    const app = await renderWorkbench({ workbook, bank: newer });
    await app.keys(KEYS.enter);
    // The answer to the removed question is not dropped: the notice counts it.
    expect(flat(app.frame())).toContain(
      'The bank changed from 0.1.0 to 0.2.0: 1 question removed (ticket-notes-content); 1 answer given on 0.1.0 is kept but no longer scored (its question or option is gone).',
    );
    expect(q4(app).answers.some((a) => a.questionId === removed.id)).toBe(true);
  });
});

describe('saving', () => {
  it('shows a failed save in the footer, in words', async () => {
    const app = await renderWorkbench({
      workbook: setUpWorkbook(),
      adjustStore: (store) => {
        const update = store.update.bind(store);
        let listener: ((s: SaveState) => void) | undefined;
        store.onSaveState = (l) => {
          listener = l;
          l({ kind: 'saved' });
          return () => undefined;
        };
        store.update = (change) => {
          update(change);
          listener?.({ kind: 'failed', message: 'the disk is full (ENOSPC); retrying in 1 s' });
        };
      },
    });
    await app.keys(KEYS.enter, KEYS.enter, '1');
    expect(app.frame()).toContain('✗ Not saved: the disk is full (ENOSPC); retrying in 1 s');
    expect(app.store.data.assessments[0]!.answers).toHaveLength(1);
  });
});
