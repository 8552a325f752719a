/** `cxray import` and `cxray demo`: the commands that write a workbook. */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as demoCommand from '../../src/commands/demo.js';
import * as importCommand from '../../src/commands/import.js';
import { buildReport } from '../../src/core/report.js';
import { WorkbookSchema, type Workbook } from '../../src/core/workbook-schema.js';
import { renderCsvAnswers } from '../../src/export/csv-report.js';
import { GOLDEN_BANK_PATH, GOLDEN_NOW, goldenBank, goldenWorkbook } from '../export/golden-fixtures.js';
import { invoke, tempFolder, writeWorkbook } from './invoke.js';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder();
});
afterEach(() => folder.cleanup());

const readWorkbookFile = (path: string): Workbook => WorkbookSchema.parse(JSON.parse(readFileSync(path, 'utf8')));

describe('cxray import', () => {
  const bank = goldenBank();
  const demo = goldenWorkbook(bank);
  const assessment = demo.assessments[0]!;
  const csv = renderCsvAnswers(buildReport(bank, assessment, GOLDEN_NOW));
  const values = (extra: Record<string, string | boolean> = {}) => ({ db: 'work.json', bank: GOLDEN_BANK_PATH, ...extra });

  beforeEach(() => {
    // The same journeys, no answers yet.
    writeWorkbook(folder.path('work.json'), { ...demo, assessments: [{ ...assessment, answers: [] }] });
    writeFileSync(folder.path('answers.csv'), csv);
  });

  it('shows what a dry run would add, and writes nothing', async () => {
    const before = readFileSync(folder.path('work.json'), 'utf8');
    const r = await invoke(importCommand, { positionals: ['answers.csv'], values: values({ 'dry-run': true }), cwd: folder.dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`Dry run: nothing written. Into "${assessment.name}", answers.csv would: add ${assessment.answers.length}, change 0, unchanged 0.`);
    expect(r.stdout).toMatch(/^ {2}\+ line 2: Phone support with call recording \/ notes-content: /m);
    expect(readFileSync(folder.path('work.json'), 'utf8')).toBe(before);
  });

  it('imports valid rows, then finds nothing to change on a second run', async () => {
    const r = await invoke(importCommand, { positionals: ['answers.csv'], values: values(), cwd: folder.dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`Imported answers.csv into "${assessment.name}": added ${assessment.answers.length}, changed 0, unchanged 0.`);
    const saved = readWorkbookFile(folder.path('work.json'));
    const sort = (w: Workbook) => [...w.assessments[0]!.answers].sort((a, b) => `${a.journeyId}${a.questionId}`.localeCompare(`${b.journeyId}${b.questionId}`));
    // Imported answers are answers given now: none of them is carried over from a cycle; their votes travel in the CSV.
    const given = sort(demo).map(({ carriedOver: _mark, ...answer }) => answer);
    expect(given.some((a) => a.vote)).toBe(true);
    expect(given.length).toBeGreaterThan(sort(demo).filter((a) => a.carriedOver).length);
    expect(sort(saved)).toEqual(given);

    const again = await invoke(importCommand, { positionals: ['answers.csv'], values: values(), cwd: folder.dir });
    expect(again.stdout).toContain(`added 0, changed 0, unchanged ${assessment.answers.length}.`);
  });

  it('reports every invalid row with its line, exits 1 and writes nothing', async () => {
    const lines = csv.split('\r\n');
    lines[3] = lines[3]!.replace(/^([^,]*),[^,]*,/, '$1,no-such-question,');
    lines[6] = lines[6]!.replace(/^[^,]*,/, 'Nowhere,');
    writeFileSync(folder.path('bad.csv'), lines.join('\r\n'));
    const before = readFileSync(folder.path('work.json'), 'utf8');
    let stderr = '';
    const run = importCommand.run({
      positionals: ['bad.csv'],
      values: values(),
      env: {},
      cwd: folder.dir,
      out: () => undefined,
      err: (t) => void (stderr += t),
    });
    await expect(run).rejects.toMatchObject({ exitCode: 1, message: expect.stringMatching(/^import: 2 problems in bad\.csv; nothing was imported/) });
    // Lines of the file, not records: the demo's first and fourth answers hold votes of five positions, one a line.
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      'bad.csv:8: unknown question id "no-such-question"; `cxray export --format csv --answers` lists the ids in use.',
      expect.stringMatching(/^bad\.csv:15: unknown journey "Nowhere"; /),
    ]);
    expect(readFileSync(folder.path('work.json'), 'utf8')).toBe(before);
  });

  it('names the line of a broken quote', async () => {
    writeFileSync(folder.path('broken.csv'), 'journey,question id,answer,confidence,policy,note\r\nx,"y,z\r\n');
    await expect(invoke(importCommand, { positionals: ['broken.csv'], values: values(), cwd: folder.dir })).rejects.toMatchObject({
      exitCode: 1,
      message: 'broken.csv:2: a quoted field is never closed; add the closing double quote; nothing was imported.',
    });
  });
});

describe('cxray demo', () => {
  it('writes a valid, private workbook and says how to open and export it', async () => {
    const r = await invoke(demoCommand, { values: { db: 'demo.json' }, cwd: folder.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Wrote a sample workbook to demo.json: "Northwind Home Energy — customer data review", 3 journeys,');
    expect(r.stdout).toMatch(/, \d+ answers, 2 earlier cycles\.\n/);
    expect(r.stdout).toContain('  cxray --db demo.json\n');
    expect(r.stdout).toContain('  cxray diff --db demo.json\n');
    expect(r.stdout).toContain('  cxray export --db demo.json --format md --output plan.md\n');
    const saved = readWorkbookFile(folder.path('demo.json'));
    // Started the day before its first cycle, two quarters (2 x 91 days) ago.
    expect(saved.assessments[0]!.createdAt).toBe(new Date(GOLDEN_NOW.getTime() - (2 * 91 * 24 + 25) * 3_600_000).toISOString());
    expect(saved.assessments[0]!.snapshots.map((s) => s.label)).toEqual(['May 2026 review', 'August 2026 review']);
    expect(statSync(folder.path('demo.json')).mode & 0o777).toBe(0o600);
  });

  it('refuses to replace a file without --force, and replaces it with --force', async () => {
    writeWorkbook(folder.path('demo.json'), { schemaVersion: 4, assessments: [] });
    await expect(invoke(demoCommand, { values: { db: 'demo.json' }, cwd: folder.dir })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/^demo: demo\.json already exists; pass --force to replace it/),
    });
    expect(readWorkbookFile(folder.path('demo.json')).assessments).toEqual([]);
    await invoke(demoCommand, { values: { db: 'demo.json', force: true }, cwd: folder.dir });
    expect(readWorkbookFile(folder.path('demo.json')).assessments).toHaveLength(1);
    expect(existsSync(folder.path('demo.json.bak'))).toBe(true);
  });
});
