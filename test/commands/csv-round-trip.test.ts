/**
 * Export -> import is an identity (issue 15, item 6): the answers of a workbook whose
 * every note, name and "by" is hostile (terminal attacks, CR and CRLF, formula starts in
 * either spreadsheet locale, markdown and Mermaid breakers), exported as CSV and
 * imported back, change nothing: no answer reported changed, the file byte for byte
 * the same.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as exportCommand from '../../src/commands/export.js';
import * as importCommand from '../../src/commands/import.js';
import { WorkbookSchema, type Workbook } from '../../src/core/workbook-schema.js';
import { GOLDEN_BANK_PATH, goldenBank } from '../export/golden-fixtures.js';
import { HOSTILE, TERMINAL_ATTACKS } from '../export/hostile.js';
import { hostileWorkbook } from '../helpers/hostile-workbook.js';
import { invoke, tempFolder } from './invoke.js';

const MORE_NOTES = [
  'line one\r\nline two (CRLF)',
  '\rCarriage at the start',
  'carriage\rin the middle',
  'safe;=1+1',
  'a;"=HYPERLINK(""http://x"")',
  "it's;'=already",
  'list:\n- one\n+ two\n= three\n@ four',
  'trailing spaces   ',
  '  leading spaces',
  'tab\tinside\t',
  'emoji 👩\u200d💻 joined',
  '',
];

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder();
  const workbook = hostileWorkbook(goldenBank());
  const notes = [...HOSTILE, ...TERMINAL_ATTACKS, ...MORE_NOTES];
  for (const a of workbook.assessments) {
    a.answers = a.answers.map((answer, i) => ({ ...answer, note: notes[i % notes.length]!, by: notes[(i + 7) % notes.length]!.slice(0, 200) }));
  }
  writeFileSync(folder.path('wb.json'), JSON.stringify(WorkbookSchema.parse(workbook), null, 2) + '\n', { mode: 0o600 });
});
afterEach(() => folder.cleanup());

describe('export --format csv --answers, then import', () => {
  it.each(['quarterly', 'hostile'])('changes nothing in the assessment %s', async (assessment) => {
    const values = { db: 'wb.json', bank: GOLDEN_BANK_PATH, assessment };
    const before = readFileSync(folder.path('wb.json'));
    const count = (JSON.parse(before.toString('utf8')) as Workbook).assessments.find((a) => a.id === assessment)!.answers.length;
    expect(count).toBeGreaterThan(15);
    const exported = await invoke(exportCommand, { values: { ...values, format: 'csv', answers: true, output: 'answers.csv' }, cwd: folder.dir });
    expect(exported.code).toBe(0);
    const dry = await invoke(importCommand, { positionals: ['answers.csv'], values: { ...values, 'dry-run': true }, cwd: folder.dir });
    expect(dry.stdout).toMatch(new RegExp(`would: add 0, change 0, unchanged ${count}\\.\\n$`));
    const imported = await invoke(importCommand, { positionals: ['answers.csv'], values, cwd: folder.dir });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(new RegExp(`: added 0, changed 0, unchanged ${count}\\.\\n$`));
    expect(readFileSync(folder.path('wb.json')).equals(before)).toBe(true);
  });
});
