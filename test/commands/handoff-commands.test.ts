/** `cxray import-status` and `cxray signoff`, run() against a workbook file in a temporary folder. */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as importStatus from '../../src/commands/import-status.js';
import * as signoff from '../../src/commands/signoff.js';
import { UserError } from '../../src/core/errors.js';
import { planItemId } from '../../src/core/plan-ids.js';
import { WorkbookSchema, type Workbook } from '../../src/core/workbook-schema.js';
import { GOLDEN_BANK_PATH, goldenWorkbook } from '../export/golden-fixtures.js';
import { invoke, tempFolder, writeWorkbook } from './invoke.js';

let folder: ReturnType<typeof tempFolder>;
const values = (extra: Record<string, string | boolean> = {}) => ({ db: 'work.json', bank: GOLDEN_BANK_PATH, ...extra });
const workbook = goldenWorkbook();
const assessment = workbook.assessments[0]!;
const id = (action: string) => planItemId(assessment.id, action);
const read = (): Workbook => WorkbookSchema.parse(JSON.parse(readFileSync(folder.path('work.json'), 'utf8')));

beforeEach(() => {
  folder = tempFolder();
  writeWorkbook(folder.path('work.json'), workbook);
});
afterEach(() => folder.cleanup());

describe('cxray import-status', () => {
  const gitlab = [
    'Issue ID,URL,Title,State,Description,Author,Assignee,Assignee Username,Due Date,Labels',
    `7,https://gitlab.example/acme/cx/-/issues/7,Guidance,Closed,"body",ana,Lee Park,lee,2026-12-01,"cxray,cxray-next,${id('note-guidance')}"`,
    '8,https://gitlab.example/acme/cx/-/issues/8,Unrelated,Open,,ana,,,,',
    '',
  ].join('\r\n');

  it('shows what a dry run would change, and writes nothing', async () => {
    writeFileSync(folder.path('gitlab.csv'), gitlab);
    const before = readFileSync(folder.path('work.json'), 'utf8');
    const r = await invoke(importStatus, { positionals: ['gitlab.csv'], values: values({ 'dry-run': true }), cwd: folder.dir });
    expect(r.stdout).toBe(
      `Dry run: nothing written. From gitlab.csv (read as gitlab), "${assessment.name}" would: update 1 plan item, 0 unchanged; 1 row has no cxray id and was left alone.\n` +
        `  ~ line 2: ${id('note-guidance')}: no status → done; owner Lee Park; due 2026-12-01; ticket https://gitlab.example/acme/cx/-/issues/7\n`,
    );
    expect(readFileSync(folder.path('work.json'), 'utf8')).toBe(before);
  });

  it('writes status, owner, due date and ticket; the plan then shows the ticket', async () => {
    writeFileSync(folder.path('gitlab.csv'), gitlab);
    const r = await invoke(importStatus, { positionals: ['gitlab.csv'], values: values(), cwd: folder.dir });
    expect(r.code).toBe(0);
    expect(read().assessments[0]!.planStatus.find((s) => s.actionId === 'note-guidance')).toMatchObject({
      status: 'done', owner: 'Lee Park', due: '2026-12-01', ticket: 'https://gitlab.example/acme/cx/-/issues/7',
    });
  });

  it('reports every bad row with its line, exits 1 and writes nothing', async () => {
    writeFileSync(folder.path('bad.csv'), `id,status\r\n${id('note-guidance')},someday\r\nCX-zzzzzz-x,open\r\n`);
    const before = readFileSync(folder.path('work.json'), 'utf8');
    const run = invoke(importStatus, { positionals: ['bad.csv'], values: values({ tracker: 'cxray' }), cwd: folder.dir });
    await expect(run).rejects.toThrow('import-status: 2 problems in bad.csv; nothing was imported.');
    await expect(run).rejects.toMatchObject({ exitCode: 1 });
    expect(readFileSync(folder.path('work.json'), 'utf8')).toBe(before);
  });

  it('refuses an unknown tracker and a missing file in one sentence', async () => {
    await expect(invoke(importStatus, { positionals: ['x.csv'], values: values({ tracker: 'trello' }), cwd: folder.dir })).rejects.toThrow(
      'import-status: unknown tracker "trello"; use jira, gitlab, github or cxray.',
    );
    await expect(invoke(importStatus, { positionals: ['x.csv'], values: values(), cwd: folder.dir })).rejects.toThrow('import-status: cannot read x.csv: no such file.');
  });
});

describe('cxray signoff', () => {
  it('records the sign-off, replacing an earlier one', async () => {
    await invoke(signoff, { values: values({ name: 'Dana Reyes', role: 'Head of CX', decision: 'accepted' }), cwd: folder.dir });
    const r = await invoke(signoff, {
      values: values({ name: 'Dana Reyes', role: 'Head of CX', decision: 'accepted-with-conditions', date: '2026-11-21', conditions: 'Exports fixed by March' }),
      cwd: folder.dir,
    });
    expect(r.stdout).toBe(`Recorded the sign-off of "${assessment.name}": Dana Reyes, accepted with conditions, 2026-11-21. It closes the markdown and HTML reports.\n`);
    expect(read().assessments[0]!.signoff).toEqual({
      name: 'Dana Reyes', role: 'Head of CX', date: '2026-11-21', decision: 'accepted-with-conditions', conditions: 'Exports fixed by March', recordedAt: '2026-11-20T10:00:00.000Z',
    });
  });

  it.each([
    [{ decision: 'accepted' }, 'signoff: give the name of the person who signs with --name'],
    [{ name: 'Dana' }, 'signoff: give the decision with --decision'],
    [{ name: 'Dana', decision: 'maybe' }, 'signoff: the decision "maybe" is not one of accepted, accepted-with-conditions or not-accepted.'],
    [{ name: 'Dana', decision: 'accepted-with-conditions' }, 'signoff: a decision accepted-with-conditions needs its conditions (--conditions).'],
    [{ name: 'Dana', decision: 'accepted', date: '21/11/2026' }, 'signoff: the date "21/11/2026" is not a day'],
  ])('refuses %j in one sentence and writes nothing', async (extra, message) => {
    const before = readFileSync(folder.path('work.json'), 'utf8');
    const run = invoke(signoff, { values: values(extra), cwd: folder.dir });
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow(message);
    expect(readFileSync(folder.path('work.json'), 'utf8')).toBe(before);
  });
});
