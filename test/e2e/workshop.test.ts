/**
 * A workshop, end to end in a real pseudo-terminal, the way a facilitator runs it: create
 * an assessment, set up two journeys with systems and an integration, answer a whole
 * journey with every kind of answer (an option with each confidence, "we don't know",
 * "not applicable", the policy flag, a note holding an e-mail address that gets masked),
 * quit with Ctrl-C halfway through the second journey, reopen and finish it, look at the
 * results and the plan, and export the plan from the TUI. Then check the workbook file
 * and the exported file.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, TerminalSession } from '../helpers/terminal.js';

const BANK = join(import.meta.dirname, '..', 'fixtures', 'banks', 'workshop.yaml');
const CTRL_S = '\u0013';

describe('a workshop in a real terminal', () => {
  let session: TerminalSession | undefined;
  afterEach(() => session?.kill());

  it('sets up, walks, survives Ctrl-C, resumes, scores, plans and exports', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxray-workshop-'));
    const db = join(dir, 'workshop.json');
    const start = () => new TerminalSession(['--db', db, '--bank', BANK], { cols: 100, rows: 30, cwd: dir });
    /** Presses a key once the screen shows `before`, then waits for `after` when given. */
    const press = async (before: string | RegExp, key: string, after?: string | RegExp) => {
      await session!.waitFor(before);
      await session!.press(key);
      if (after) return session!.waitFor(after);
      return undefined;
    };
    const type = async (before: string | RegExp, text: string) => {
      await session!.waitFor(before);
      await session!.type(text);
    };

    session = start();
    // The assessment: a small form, saved with Ctrl-S.
    await press('+ New assessment', KEYS.enter, 'New assessment');
    await type('❯ Name', 'Q4 workshop');
    await press('Q4 workshop', KEYS.tab, '❯ Organisation');
    await session.type('Acme');
    await press('Acme', KEYS.tab, '❯ Facilitator');
    await session.type('Ana');
    await press('Ana', KEYS.tab, '❯ Participants');
    await session.type('Ben (security), Chloé');
    await press('Ben (security), Chloé', CTRL_S, 'No journeys yet');

    // Two systems.
    await press('No journeys yet', 's', 'Systems');
    await press('+ Add system', 'a', 'New system');
    await session.type('Zendesk');
    await press('Zendesk', KEYS.tab, '❯ Kind');
    await press('(•) crm', KEYS.right, '(•) contact-centre');
    await press('(•) contact-centre', KEYS.right, '(•) help-desk');
    await press('(•) help-desk', KEYS.tab, '❯ Owner');
    await session.type('Support ops');
    await press('Support ops', CTRL_S, /❯ Zendesk +help-desk +Support ops/);
    await press('+ Add system', 'a', 'New system');
    await session.type('Salesforce');
    await press('Salesforce', CTRL_S, /❯ Salesforce +crm/);
    await press('+ Add system', KEYS.escape, 'Systems (2)');

    // An integration: Salesforce writes name and e-mail into Zendesk, not logged.
    await press('Systems (2)', 'i', '+ Add integration');
    await press('+ Add integration', 'a', 'New integration');
    await press('❯ From', KEYS.right, /From +\( \) Zendesk +\(•\) Salesforce/);
    await press('(•) Salesforce', KEYS.tab, '❯ To');
    await press('❯ To', KEYS.left, /To +\(•\) Zendesk/);
    await press('❯ To', KEYS.tab, '❯ Access');
    await press('❯ Access', ' ', '(•) write');
    await press('(•) write', KEYS.tab, '❯ Fields');
    await session.type('name, email');
    await press('name, email', KEYS.tab, '❯ Logged');
    await press('❯ Logged', KEYS.left, /\(•\) no/);
    await press(/\(•\) no/, CTRL_S, /Salesforce → +Zendesk +write +name, email +NOT logged/);
    await press('NOT logged', KEYS.escape, 'Integrations (1)');

    // Journey 1: voice, payment data (high, suggested), both systems.
    await press('Integrations (1)', 'a', 'New journey');
    await session.type('Phone support');
    await press('Phone support', KEYS.tab, '❯ Description');
    await session.type('Calls, then a ticket');
    await press('Calls, then a ticket', KEYS.tab, '❯ Channels');
    await press('❯ Channels', ' ', '[x] voice');
    await press('[x] voice', KEYS.tab, '❯ Data');
    await press('❯ Data', KEYS.right, '›[ ] account-credentials');
    await press('›[ ] account-credentials', KEYS.right, '›[ ] payment-data');
    await press('›[ ] payment-data', ' ', /\(•\) high/);
    await press('(•) high', KEYS.tab, '❯ Sensitivity');
    await press('❯ Sensitivity', KEYS.tab, '❯ Systems');
    await press('❯ Systems', ' ', '›[x] Zendesk');
    await press('›[x] Zendesk', KEYS.right, '›[ ] Salesforce');
    await press('›[ ] Salesforce', ' ', '›[x] Salesforce');
    await press('›[x] Salesforce', CTRL_S, /❯ Phone support +high/);

    // Journey 2: chat, through Zendesk only.
    await press(/❯ Phone support/, 'a', 'New journey');
    await session.type('Chat');
    await press('Chat', KEYS.tab, '❯ Description');
    await press('❯ Description', KEYS.tab, '❯ Channels');
    await press('❯ Channels', KEYS.right, '›[ ] chat');
    await press('›[ ] chat', ' ', '›[x] chat');
    for (const field of ['❯ Data', '❯ Sensitivity', '❯ Systems']) await press(/›\[x\] chat|❯/, KEYS.tab, field);
    await press('❯ Systems', ' ', '›[x] Zendesk');
    await press('›[x] Zendesk', CTRL_S, /❯ Chat +low/);

    // Walk journey 1: seven questions, every kind of answer.
    await press(/❯ Chat/, KEYS.up, /❯ Phone support/);
    await press(/❯ Phone support/, KEYS.enter, '1 of 7 in the journey');
    // 1: a note with an e-mail address, masked before it is saved; verified; option 3.
    await press('1 of 7 in the journey', 'n', 'Note · Enter new line');
    await session.type('Seen: ana@example.com in a note');
    await session.waitFor('This looks like customer data: an e-mail address');
    await press('ana@example.com in a note', CTRL_S, 'Press m to mask it and save');
    await press('Press m to mask it and save', 'm', 'Note parked');
    await press('Note parked', 'v', 'Confidence verified');
    await press('Confidence verified', '3', '2 of 7 in the journey');
    // 2: option 2, reported by default. 3: disputed, option 2. 4: we don't know. 5: not applicable.
    await press('2 of 7 in the journey', '2', '3 of 7 in the journey');
    await press('3 of 7 in the journey', 'd', 'Confidence disputed');
    await press('Confidence disputed', '2', '4 of 7 in the journey');
    await press('4 of 7 in the journey', 'u', '5 of 7 in the journey');
    await press('5 of 7 in the journey', 'x', '6 of 7 in the journey');
    // 6: documented on paper, option 3 (exposed: "documented but exposed"). 7: reported, option 1.
    await press('6 of 7 in the journey', 'p', 'Documented on paper yes');
    await press('Documented on paper yes', '3', '7 of 7 in the journey');
    await press('7 of 7 in the journey', 'r', 'Confidence reported');
    await press('Confidence reported', '1', 'All 7 questions of this journey are answered.');

    // Journey 2, halfway, then Ctrl-C.
    await press("Enter: walk 'Chat' next", KEYS.enter, '1 of 6 in the journey');
    await press('1 of 6 in the journey', '1', '2 of 6 in the journey');
    await press('2 of 6 in the journey', '1', '3 of 6 in the journey');
    await press('3 of 6 in the journey', '1', '4 of 6 in the journey');
    await press('4 of 6 in the journey', KEYS.ctrlC);
    expect((await session.exited).exitCode).toBe(0);
    const halfway = JSON.parse(readFileSync(db, 'utf8'));
    expect(halfway.assessments[0].answers).toHaveLength(10);

    // Reopen, finish journey 2 where it stopped.
    session = start();
    await press('Q4 workshop', KEYS.enter, /❯ Phone support/);
    await press(/❯ Phone support/, KEYS.down, /❯ Chat/);
    await press(/❯ Chat/, KEYS.enter, '4 of 6 in the journey');
    await press('4 of 6 in the journey', 'u', '5 of 6 in the journey');
    await press('5 of 6 in the journey', '2', '6 of 6 in the journey');
    await press('6 of 6 in the journey', '3', 'All 6 questions of this journey are answered.');
    await press('All 6 questions', KEYS.enter, /All journeys █+ 13 \/ 13/);

    // Results: the heat table, then visibility.
    const results = await press(/All journeys █+ 13 \/ 13/, 'r', 'by journey and dimension');
    expect(results).toMatch(/Free text +Access +Detection +Overall/);
    expect(results).toMatch(/❯ Phone support +\[\s*\d+[░▒▓█]\]/);
    expect(results).toMatch(/Chat( +\d+[░▒▓█]| +—){4}/);
    await press('Tab shows visibility', KEYS.tab, 'Visibility');
    await press('Visibility', KEYS.enter, 'questions behind it');
    await press('questions behind it', KEYS.escape, 'by journey and dimension');

    // The plan, exported from the TUI.
    await press('by journey and dimension', 'p', 'to fix · ');
    await press('to fix · ', KEYS.tab, /Lines \d+-\d+ of \d+/);
    await session.waitFor(/Find out first|Fix/);
    const exported = await press(/Lines \d+/, 'x', 'Exported to');
    expect(exported).toContain('cxray-plan-q4-workshop.md');
    await press('Exported to', 'q');
    expect((await session.exited).exitCode).toBe(0);

    // The workbook file.
    expect(statSync(db).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(db, 'utf8'));
    const q4 = saved.assessments[0];
    expect(q4).toMatchObject({ id: 'q4-workshop', name: 'Q4 workshop', organisation: 'Acme', facilitator: 'Ana', participants: [{ name: 'Ben', role: 'security' }, { name: 'Chloé', role: '' }] });
    expect(q4.systems).toEqual([
      { id: 'zendesk', name: 'Zendesk', kind: 'help-desk', owner: 'Support ops', vendor: '' },
      { id: 'salesforce', name: 'Salesforce', kind: 'crm', owner: '', vendor: '' },
    ]);
    expect(q4.integrations).toEqual([
      { id: 'salesforce-to-zendesk', from: 'salesforce', to: 'zendesk', access: 'write', fields: ['name', 'email'], logged: 'no' },
    ]);
    expect(q4.journeys).toMatchObject([
      { id: 'phone-support', description: 'Calls, then a ticket', channels: ['voice'], dataCategories: ['payment-data'], sensitivity: 'high', systemIds: ['zendesk', 'salesforce'] },
      { id: 'chat', channels: ['chat'], dataCategories: [], sensitivity: 'low', systemIds: ['zendesk'] },
    ]);
    const phone = Object.fromEntries(
      q4.answers.filter((a: { journeyId: string }) => a.journeyId === 'phone-support').map((a: { questionId: string }) => [a.questionId, a]),
    );
    expect(phone).toMatchObject({
      'notes-content': { kind: 'option', optionId: 'everything', confidence: 'verified', note: 'Seen: [email removed] in a note', by: 'Ana' },
      attachments: { kind: 'option', optionId: 'kept', confidence: 'reported' },
      'export-rights': { kind: 'option', optionId: 'leads', confidence: 'disputed' },
      'crm-roles': { kind: 'unknown' },
      'bulk-export': { kind: 'na' },
      'access-log': { kind: 'option', optionId: 'no', confidence: 'reported', policy: 'documented' },
      'alert-owner': { kind: 'option', optionId: 'named', confidence: 'reported' },
    });
    expect(JSON.stringify(q4)).not.toContain('ana@example.com');
    const chat = q4.answers.filter((a: { journeyId: string }) => a.journeyId === 'chat');
    expect(chat.map((a: { kind: string }) => a.kind)).toEqual(['option', 'option', 'option', 'unknown', 'option', 'option']);

    // The exported file: beside the workbook, private, the whole report.
    expect(readdirSync(dir).filter((f) => f.endsWith('.md'))).toEqual(['cxray-plan-q4-workshop.md']);
    const md = join(dir, 'cxray-plan-q4-workshop.md');
    expect(statSync(md).mode & 0o777).toBe(0o600);
    const text = readFileSync(md, 'utf8');
    expect(text).toMatch(/^# Workshop fixture bank: Q4 workshop/);
    expect(text).toContain('## Fix');
    expect(text).toContain('Log and alert on bulk exports');
    expect(text).toContain('## Documented but exposed');
    expect(text).not.toContain('ana@example.com');
  });
});
