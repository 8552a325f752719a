/**
 * The Requests screen (R on the assessment, issue 18) on the built-in bank and its demo
 * workbook, at the minimum 80x24, 100x30 and 200x50: the requests by owner with id,
 * question, journey, due date and status; the window saying which request of how many is
 * highlighted; 1-5 setting the status through the store; 4 asking for the evidence (saved
 * evidence marks the request accepted and the answer verified); e listing the answer's
 * evidence; overdue marked without colour; and every line within the terminal.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { builtinBankPath } from '../../src/bank/builtin.js';
import { BankSchema, type Bank } from '../../src/core/bank-schema.js';
import { buildDemoWorkbook } from '../../src/core/demo.js';
import { requestsByOwner } from '../../src/core/evidence-requests.js';
import { buildReport } from '../../src/core/report.js';
import type { Workbook } from '../../src/core/workbook-schema.js';
import { FIXED_NOW, KEYS, flat, renderWorkbench, widestLine } from './app.js';

afterEach(() => cleanup());

const bank: Bank = BankSchema.parse(parse(readFileSync(builtinBankPath(), 'utf8')));
const demo = () => buildDemoWorkbook(bank, FIXED_NOW);
const requestsOf = (w: Workbook) => buildReport(bank, w.assessments[0]!, FIXED_NOW).evidence!.requests;
/** The requests in the screen's order: by owner. */
const ordered = (w: Workbook) => requestsByOwner(requestsOf(w)).flatMap((g) => g.requests);

function fits(frame: string, size: { columns: number; rows: number }) {
  expect(widestLine(frame)).toBeLessThanOrEqual(size.columns);
  expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
}

/** The line the ❯ marks. */
const highlighted = (frame: string) => frame.split('\n').find((l) => l.startsWith('❯')) ?? '';

async function openRequests(size: { columns: number; rows: number }, color = true) {
  const app = await renderWorkbench({ workbook: demo(), bank, size, color });
  await app.keys(KEYS.enter, 'R');
  return app;
}

describe.each([
  { columns: 80, rows: 24 },
  { columns: 100, rows: 30 },
  { columns: 200, rows: 50 },
])('the requests at $columns x $rows', (size) => {
  it('lists them by owner with id, question, journey, due date and status; the window says which of how many', async () => {
    const app = await openRequests(size);
    const requests = ordered(demo());
    const open = requests.filter((r) => r.status !== 'accepted').length;
    const overdue = requests.filter((r) => r.overdue).length;
    const frame = app.frame();
    expect(frame).toContain('Evidence requests');
    expect(frame).toContain(`${requests.length} evidence requests · ${open} open, ${overdue} overdue · 0 accepted`);
    const first = requests[0]!;
    expect(frame).toContain(`${first.owner} (`);
    expect(highlighted(frame)).toContain(first.questionPrompt.slice(0, 30));
    expect(highlighted(frame)).toContain('requested');
    // The due date and the status first, the question after them: at 200 columns no gap
    // of 40 columns stands between a short question and its due date.
    expect(highlighted(frame)).toMatch(new RegExp(`^❯ due \\d{4}-\\d\\d-\\d\\d +requested  ${first.questionPrompt.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(frame).toContain(`${first.id} · ${(first.journeyName ?? 'Organisation-wide').slice(0, 10)}`);
    expect(frame).toMatch(new RegExp(`request 1 of ${requests.length} · ↓ \\d+ more lines`));
    expect(flat(frame)).toContain(`Would show it: ${first.hint.slice(0, 20)}`);
    // The highlighted question whole, under the list where its line cuts it.
    expect(flat(frame)).toContain(first.questionPrompt);
    expect(frame.trimEnd().split('\n').at(-1)).toMatch(/^1-5 status · Enter walk · Esc back/);
    fits(frame, size);
    await app.keys(KEYS.down, KEYS.down);
    expect(app.frame()).toMatch(new RegExp(`request 3 of ${requests.length}`));
    expect(highlighted(app.frame())).toContain(requests[2]!.questionPrompt.slice(0, 30));
    fits(app.frame(), size);
    await app.keys(KEYS.end);
    expect(app.frame()).toMatch(new RegExp(`request ${requests.length} of ${requests.length} · ↑ \\d+ more lines$`, 'm'));
    fits(app.frame(), size);
  });

  it('2 marks the highlighted request sent, saved in the workbook; Esc goes back and R again shows it so', async () => {
    const app = await openRequests(size);
    const target = ordered(demo())[1]!;
    await app.keys(KEYS.down, '2');
    expect(app.store.data.assessments[0]!.evidenceRequests).toEqual([
      expect.objectContaining({ id: target.id, status: 'sent', owner: target.owner, due: target.due, by: 'Sam Okafor', updatedAt: FIXED_NOW.toISOString() }),
    ]);
    expect(highlighted(app.frame())).toMatch(/^❯ due \S+ +sent +\S/);
    expect(app.frame()).toContain(`${target.id} is now sent.`);
    fits(app.frame(), size);
    await app.keys('2');
    expect(app.frame()).toContain(`${target.id} is already sent.`);
    await app.keys('5');
    expect(app.store.data.assessments[0]!.evidenceRequests![0]!.status).toBe('rejected');
    await app.keys(KEYS.escape);
    expect(app.frame()).toMatch(/Evidence requests: \d+ open/);
    await app.keys('R', KEYS.down);
    expect(highlighted(app.frame())).toMatch(/^❯ due \S+ +rejected +\S/);
  });

  it('4 asks for the evidence; saved, the request is accepted and its answer verified, and e lists the evidence', async () => {
    const app = await openRequests(size);
    const requests = ordered(demo());
    const target = requests.find((r) => r.reason === 'reported')!;
    const at = requests.indexOf(target);
    await app.keys(...Array<string>(at).fill(KEYS.down), '4');
    expect(flat(app.frame())).toContain('Add evidence · the answer:');
    expect(flat(app.frame())).toContain(target.id);
    fits(app.frame(), size);
    await app.keys(...'https://wiki.example.com/proof', KEYS.tab, ...'the settings page', KEYS.ctrlS);
    const a = app.store.data.assessments[0]!;
    expect(a.evidence).toEqual([expect.objectContaining({ id: 'ev1', link: 'https://wiki.example.com/proof', shows: 'the settings page', status: 'accepted', requestId: target.id })]);
    expect(a.evidenceRequests).toEqual([expect.objectContaining({ id: target.id, status: 'accepted' })]);
    const after = requestsOf(app.store.data).find((r) => r.id === target.id)!;
    expect(after).toMatchObject({ status: 'accepted', reason: null });
    // Back on the requests, the same one highlighted, now accepted.
    const back = app.frame();
    expect(back).toContain(`✓ Evidence ev1 added: the answer counts as verified; its request is accepted.`.slice(0, size.columns - 2));
    expect(highlighted(back)).toMatch(/^❯ due \S+ +accepted +✓ /);
    expect(back).toMatch(/· 1 accepted/);
    fits(back, size);
    await app.keys('e');
    expect(app.frame()).toContain('1 item · 1 counting: the answer is verified');
    expect(app.frame()).toContain('ev1 ✓ accepted, counts · https://wiki.example.com/proof');
    fits(app.frame(), size);
  });

  it('without colour the overdue ones are marked with !', async () => {
    const app = await openRequests(size, false);
    const requests = ordered(demo());
    const at = requests.findIndex((r) => r.overdue);
    expect(at).toBeGreaterThan(0);
    await app.keys(...Array<string>(at).fill(KEYS.down));
    const frame = app.frame();
    expect(frame).not.toMatch(/\u001b\[/);
    expect(highlighted(frame)).toMatch(/! \d+ days overdue +requested/);
    fits(frame, size);
  });
});

describe('the requests of an unknown answer', () => {
  it('4 and e say to answer the question first; Enter opens it in the walk, and Esc comes back to it', async () => {
    const app = await openRequests({ columns: 100, rows: 30 });
    const requests = ordered(demo());
    const at = requests.findIndex((r) => r.reason === 'unknown');
    expect(at).toBeGreaterThanOrEqual(0);
    await app.keys(...Array<string>(at).fill(KEYS.down), '4');
    expect(flat(app.frame())).toContain('The answer is "We don\'t know": Enter opens the question in the walk to answer it; then 4 asks for the evidence.');
    await app.keys('e');
    expect(flat(app.frame())).toContain('answer the question first (Enter opens it in the walk)');
    expect(app.store.saves).toHaveLength(0);
    await app.keys(KEYS.enter);
    expect(flat(app.frame())).toContain(requests[at]!.questionPrompt.slice(0, 40));
    await app.keys(KEYS.escape);
    expect(highlighted(app.frame())).toContain(requests[at]!.questionPrompt.slice(0, 30));
  });
});
