/**
 * `cxray requests` and `cxray requests import` (issue 18), run() against the demo
 * workbook on the built-in bank (whose questions all say what would show them) in a
 * temporary folder: the list per owner, the CSV round trip, every status, bad rows with
 * their line numbers and nothing written, a file hashed at import and flagged once it changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as requestsCommand from '../../src/commands/requests.js';
import { openBank } from '../../src/bank/open.js';
import { builtinBankPath } from '../../src/bank/builtin.js';
import { buildDemoWorkbook } from '../../src/core/demo.js';
import { buildReport } from '../../src/core/report.js';
import { UserError } from '../../src/core/errors.js';
import { WorkbookSchema, type Workbook } from '../../src/core/workbook-schema.js';
import { parseCsv } from '../../src/export/csv.js';
import { REQUEST_COLUMNS } from '../../src/export/requests.js';
import { invoke, tempFolder, writeWorkbook } from './invoke.js';

const EPOCH_DATE = new Date('2026-12-01T09:00:00Z');
const env = { SOURCE_DATE_EPOCH: String(EPOCH_DATE.getTime() / 1000) };
let folder: ReturnType<typeof tempFolder>;
const run = (values: Record<string, string | boolean> = {}, positionals: string[] = []) =>
  invoke(requestsCommand, { values: { db: 'work.json', ...values }, positionals, cwd: folder.dir, env });
const fails = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
};
const workbook = (): Workbook => WorkbookSchema.parse(JSON.parse(readFileSync(folder.path('work.json'), 'utf8')));
const col = (name: (typeof REQUEST_COLUMNS)[number]) => REQUEST_COLUMNS.indexOf(name);

/** The CSV `cxray requests` writes, as rows of cells (header first). */
async function exported(): Promise<string[][]> {
  const r = await run({ format: 'csv' });
  return parseCsv(r.stdout).map((rec) => rec.cells);
}

function writeCsv(name: string, rows: string[][]): void {
  writeFileSync(folder.path(name), rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n');
}

function fill(row: string[], cells: Partial<Record<(typeof REQUEST_COLUMNS)[number], string>>): string[] {
  const next = [...row];
  for (const [k, v] of Object.entries(cells)) next[col(k as (typeof REQUEST_COLUMNS)[number])] = v!;
  return next;
}

beforeEach(async () => {
  folder = tempFolder();
  const bank = await openBank(builtinBankPath());
  writeWorkbook(folder.path('work.json'), buildDemoWorkbook(bank, EPOCH_DATE));
});
afterEach(() => folder.cleanup());

describe('cxray requests', () => {
  it('lists a checklist per owner: every answer on someone\'s word, disputed or unknown, with what would show it', async () => {
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Evidence requests: Northwind Home Energy/);
    const rows = await exported();
    expect(rows[0]).toEqual([...REQUEST_COLUMNS]);
    const bank = await openBank(builtinBankPath());
    const report = buildReport(bank, workbook().assessments[0]!, EPOCH_DATE);
    const needing = report.answers.filter((a) => a.kind === 'unknown' || a.effectiveConfidence === 'reported' || a.effectiveConfidence === 'disputed');
    // One request per such answer (the organisation answers here all hold for some journey).
    expect(rows.length - 1).toBe(needing.length);
    for (const { owner } of report.evidence!.owners) expect(r.stdout).toContain(`## ${owner}`);
    expect(rows.slice(1).every((row) => /^EV-[a-z2-7]{6}-/.test(row[0]!) && row[1] === 'requested' && row[col('what would show it')] !== '')).toBe(true);
  });

  it('writes a private file once, refusing to overwrite it without --force; refuses an unknown format in one sentence', async () => {
    expect((await run({ format: 'csv', output: 'r.csv' })).stdout).toMatch(/^Wrote \d+ evidence requests \(\d+ open\) to r\.csv\.\n$/);
    const again = await fails(run({ format: 'csv', output: 'r.csv' }));
    expect(again.message).toBe('r.csv already exists; pass --force to overwrite it, or choose another --output file.');
    expect((await fails(run({ format: 'xlsx' }))).message).toBe('requests: unknown format "xlsx"; use md, csv or json.');
  });
});

describe('cxray requests import', () => {
  it('reports every bad row with its line, and writes nothing', async () => {
    const [header, ...rows] = await exported();
    const before = readFileSync(folder.path('work.json'), 'utf8');
    writeCsv('bad.csv', [
      header!,
      fill(rows[0]!, { status: 'accepted', 'link or path': 'https://wiki.example.com/ok', 'what it shows': 'ok', 'collected on': '2026-11-30' }),
      fill(rows[1]!, { status: 'done' }),
      fill(rows[2]!, { status: 'accepted' }),
      fill(rows[3]!, { status: 'accepted', 'link or path': 'missing.pdf', 'what it shows': 'x', 'collected on': '2026-11-30' }),
      fill(rows[4]!, { status: 'rejected', 'link or path': 'https://x.example/y' }),
      fill(rows[5]!, { status: 'accepted', 'link or path': 'https://x.example/y', 'what it shows': 'x', 'collected on': '2026-12-02' }),
      fill(rows[6]!, { id: 'EV-aaaaaa-nope' }),
      rows[0]!,
    ]);
    let stderr = '';
    const error = await requestsCommand
      .run({ positionals: ['import', 'bad.csv'], values: { db: 'work.json' }, env, cwd: folder.dir, out: () => {}, err: (t) => void (stderr += t) })
      .then(() => undefined, (e: unknown) => e as UserError);
    expect(error).toBeInstanceOf(UserError);
    expect(error!.message).toBe('requests import: 6 problems in bad.csv; nothing was imported. Correct the rows above and run it again.');
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      'bad.csv:3: the status "done" is not one cxray knows; use requested, sent, submitted, accepted or rejected.',
      'bad.csv:4: accepted evidence needs its link or path in "link or path"; give where the evidence is.',
      'bad.csv:6: rejected evidence needs the reason in "note"; say why it does not show the answer.',
      'bad.csv:7: the collected date 2026-12-02 is after today (2026-12-01); give the day it was collected.',
      expect.stringMatching(/^bad\.csv:8: "EV-aaaaaa-nope" belongs to another assessment/),
      `bad.csv:9: ${rows[0]![0]} is already on line 2; keep one row per request.`,
    ]);
    expect(readFileSync(folder.path('work.json'), 'utf8')).toBe(before);
    // The missing file is a problem once the other rows are right, and still nothing is written.
    writeCsv('bad2.csv', [header!, fill(rows[3]!, { status: 'accepted', 'link or path': 'missing.pdf', 'what it shows': 'x', 'collected on': '2026-11-30' })]);
    stderr = '';
    await requestsCommand.run({ positionals: ['import', 'bad2.csv'], values: { db: 'work.json' }, env, cwd: folder.dir, out: () => {}, err: (t) => void (stderr += t) }).catch(() => undefined);
    expect(stderr).toBe('bad2.csv:2: cannot read the evidence file missing.pdf: no such file; give a file that exists here, or a link.\n');
    expect(readFileSync(folder.path('work.json'), 'utf8')).toBe(before);
  });

  it('imports every status: accepted evidence verifies exactly its answers, rejected keeps the confidence and says why; a round trip changes nothing', async () => {
    const bank = await openBank(builtinBankPath());
    const before = buildReport(bank, workbook().assessments[0]!, EPOCH_DATE);
    const [header, ...rows] = await exported();
    writeFileSync(folder.path('sandboxes.txt'), 'sandbox list\n');
    const reportedRows = rows.filter((r) => r[col('answer')] !== "We don't know");
    const unknownRow = rows.find((r) => r[col('answer')] === "We don't know")!;
    const filled = [
      header!,
      fill(reportedRows[0]!, { status: 'accepted', 'link or path': 'https://wiki.example.com/a', 'what it shows': 'the list', 'collected by': 'Ana', 'collected on': '2026-11-28' }),
      fill(reportedRows[1]!, { status: 'accepted', 'link or path': 'sandboxes.txt', 'what it shows': 'sandboxes', 'collected on': '2026-11-29', 'expires on': '2027-02-01' }),
      fill(reportedRows[2]!, { status: 'rejected', 'link or path': 'https://x.example/blurry', note: 'The screenshot is of another tenant' }),
      fill(reportedRows[3]!, { status: 'sent', assignee: 'Lee Park', due: '2026-12-20' }),
      fill(reportedRows[4]!, { status: 'submitted' }),
      fill(unknownRow, { status: 'accepted', 'link or path': 'https://wiki.example.com/drill', 'what it shows': 'the drill log', 'collected on': '2026-11-30' }),
      ...reportedRows.slice(5),
    ];
    writeCsv('filled.csv', filled);
    // An unknown answer needs the option the evidence shows.
    const noOption = await fails(run({}, ['import', 'filled.csv']));
    expect(noOption.message).toMatch(/^requests import: 1 problem in filled\.csv/);
    const question = bank.questions.find((q) => unknownRow[0]!.includes(`-${q.id}`))!;
    filled[6] = fill(filled[6]!, { 'option shown': question.options[0]!.id });
    writeCsv('filled.csv', filled);

    const dry = await run({ 'dry-run': true }, ['import', 'filled.csv']);
    expect(dry.stdout.split('\n')[0]).toMatch(/would: update 6 requests \(3 with evidence accepted, 1 rejected\), \d+ unchanged\.$/);
    const r = await run({}, ['import', 'filled.csv']);
    expect(r.stdout.split('\n')[0]).toMatch(/: updated 6 requests \(3 with evidence accepted, 1 rejected\), \d+ unchanged\.$/);

    const a = workbook().assessments[0]!;
    expect(a.evidence!.map((e) => [e.status, e.link ?? e.path, e.size ?? null])).toEqual([
      ['accepted', 'https://wiki.example.com/a', null],
      ['accepted', folder.path('sandboxes.txt'), 13],
      ['rejected', 'https://x.example/blurry', null],
      ['accepted', 'https://wiki.example.com/drill', null],
    ]);
    expect(a.evidence![1]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const after = buildReport(bank, a, EPOCH_DATE);
    const verified = (rep: typeof after) => rep.answers.filter((x) => x.effectiveConfidence === 'verified').length;
    // Exactly three answers turned verified (one was unknown and is now its option); visibility rose.
    expect(verified(after) - verified(before)).toBe(3);
    expect(after.overall.visibility!).toBeGreaterThan(before.overall.visibility!);
    expect(after.evidence!.verified).toBe(3);
    const rejected = after.answers.find((x) => reportedRows[2]![0]!.endsWith(x.journeyId ? `${x.questionId}.${x.journeyId}` : x.questionId))!;
    expect(rejected.effectiveConfidence).toBe('reported');
    const listed = new Map(after.evidence!.requests.map((q) => [q.id, q]));
    expect(listed.get(reportedRows[3]![0]!)).toMatchObject({ status: 'sent', owner: 'Lee Park', due: '2026-12-20' });
    expect(listed.get(reportedRows[2]![0]!)).toMatchObject({ status: 'rejected', note: 'The screenshot is of another tenant' });

    // Export -> import: the list as it stands now, read back, changes nothing.
    const snapshot = readFileSync(folder.path('work.json'), 'utf8');
    writeCsv('again.csv', await exported());
    expect((await run({}, ['import', 'again.csv'])).stdout.split('\n')[0]).toMatch(/: updated 0 requests \(0 with evidence accepted, 0 rejected\), \d+ unchanged\.$/);
    expect(readFileSync(folder.path('work.json'), 'utf8')).toBe(snapshot);

    // The file changes: flagged on the list and in the report.
    writeFileSync(folder.path('sandboxes.txt'), 'another list\n');
    const flagged = await run();
    expect(flagged.stderr).toBe(`warning: evidence ev2 (${folder.path('sandboxes.txt')}) changed since it was accepted; check it again.\n`);
  });
});
