/**
 * The commands that write a workbook, when another program changes it between the
 * command's read and its write (issue 15, item 11): one sentence, exit 2, nothing
 * written, their file left as it is. The other program strikes at the last moment
 * possible: the save's own check that the file is unchanged (a real rename of a real
 * file, made when that check calls stat()).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as controlsCommand from '../../src/commands/controls.js';
import * as demoCommand from '../../src/commands/demo.js';
import * as importStatus from '../../src/commands/import-status.js';
import * as importCommand from '../../src/commands/import.js';
import * as signoff from '../../src/commands/signoff.js';
import * as snapshotCommand from '../../src/commands/snapshot.js';
import type { Invocation } from '../../src/commands/contract.js';
import { buildReport } from '../../src/core/report.js';
import { planItemId } from '../../src/core/plan-ids.js';
import { renderCsvAnswers } from '../../src/export/csv-report.js';
import { GOLDEN_BANK_PATH, GOLDEN_DIR, GOLDEN_NOW, goldenBank, goldenWorkbook } from '../export/golden-fixtures.js';
import { armStrike, strikes } from '../helpers/other-program.js';
import { invoke, tempFolder, writeWorkbook } from './invoke.js';

/** When set, the next stat() made by a save's check first lets "another program" save the file. */
vi.mock('node:fs/promises', async (original) => (await import('../helpers/other-program.js')).fsWithStrike(await original(), 'assertUnchangedOnDisk'));

let folder: ReturnType<typeof tempFolder>;
const bank = goldenBank();
const workbook = goldenWorkbook(bank);
const assessment = workbook.assessments[0]!;
const values = (extra: Record<string, string | boolean> = {}) => ({ db: 'work.json', bank: GOLDEN_BANK_PATH, ...extra });
const theirs = JSON.stringify({ ...workbook, assessments: [{ ...assessment, name: 'Renamed by their script' }] }, null, 2) + '\n';

beforeEach(() => {
  folder = tempFolder();
  writeWorkbook(folder.path('work.json'), { ...workbook, assessments: [{ ...assessment, answers: assessment.answers.slice(1) }] });
});
afterEach(() => folder.cleanup());

const COMMANDS: [string, () => Promise<unknown>][] = [
  [
    'import',
    () => {
      writeFileSync(folder.path('answers.csv'), renderCsvAnswers(buildReport(bank, assessment, GOLDEN_NOW)));
      return invoke(importCommand, { positionals: ['answers.csv'], values: values(), cwd: folder.dir });
    },
  ],
  ['signoff', () => invoke(signoff, { values: values({ name: 'Dana Reyes', decision: 'accepted' }), cwd: folder.dir })],
  [
    'controls import',
    () => {
      writeFileSync(folder.path('claims.csv'), readFileSync(join(GOLDEN_DIR, 'demo-claims.csv'), 'utf8'));
      return invoke(controlsCommand, { positionals: ['import', 'claims.csv'], values: values(), cwd: folder.dir });
    },
  ],
  [
    'import-status',
    () => {
      const id = planItemId(assessment.id, 'note-guidance');
      writeFileSync(folder.path('issues.csv'), `Issue ID,URL,Title,State,Labels\r\n7,https://gitlab.example/acme/cx/-/issues/7,Guidance,Closed,"cxray,${id}"\r\n`);
      return invoke(importStatus, { positionals: ['issues.csv'], values: values({ tracker: 'gitlab' }), cwd: folder.dir });
    },
  ],
  ['snapshot', () => invoke(snapshotCommand, { values: values({ label: '2026 Q4' }), cwd: folder.dir })],
  ['demo --force', () => invoke(demoCommand as { run(invocation: Invocation): Promise<number> }, { values: { db: 'work.json', force: true }, cwd: folder.dir })],
];

describe('a command that writes, when another program changed the workbook after the command read it', () => {
  it.each(COMMANDS)('%s: exit 2, one sentence, nothing written, theirs left as it is', async (_name, run) => {
    const file = folder.path('work.json');
    armStrike(file, theirs);
    const error = (await run().then(
      () => undefined,
      (e: unknown) => e,
    )) as { exitCode?: number; message: string } | undefined;
    expect(strikes()).toBe(1);
    expect(error).toMatchObject({
      exitCode: 2,
      message: `work.json was changed by another program after cxray read it; nothing was written and their version is left as it is: run the command again.`,
    });
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    // No conflict copy, no rescue copy, no temp file, no lock left.
    expect(readdirSync(folder.dir).filter((n) => n.startsWith('work.json') || n.startsWith('.work.json'))).toEqual(expect.not.arrayContaining([expect.stringMatching(/conflict|unsaved|\.tmp$|\.lock$/)]));
  });

  it('without another program, the same commands write (the strike is what fails them)', async () => {
    await expect(COMMANDS[1]![1]()).resolves.toMatchObject({ code: 0 });
    expect(readFileSync(folder.path('work.json'), 'utf8')).toContain('Dana Reyes');
  });
});
