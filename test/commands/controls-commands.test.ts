/** `cxray controls` and `cxray controls import`, run() against a workbook file in a temporary folder. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as controlsCommand from '../../src/commands/controls.js';
import { UserError } from '../../src/core/errors.js';
import { GOLDEN_BANK_PATH, GOLDEN_DIR, goldenWorkbook } from '../export/golden-fixtures.js';
import { invoke, tempFolder, writeWorkbook } from './invoke.js';

let folder: ReturnType<typeof tempFolder>;
const values = (extra: Record<string, string | boolean> = {}) => ({ db: 'work.json', bank: GOLDEN_BANK_PATH, ...extra });
const run = (extra: Record<string, string | boolean> = {}, positionals: string[] = []) => invoke(controlsCommand, { values: values(extra), positionals, cwd: folder.dir });
const fails = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
};

beforeEach(() => {
  folder = tempFolder();
  writeWorkbook(folder.path('work.json'), goldenWorkbook());
});
afterEach(() => folder.cleanup());

describe('cxray controls', () => {
  it('lists every cited control with its verdict, exposure first', async () => {
    const r = await run();
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Controls in practice: "Northwind Home Energy — customer data review" (cx-data-exposure 1.0.0, 2026-11-20)');
    expect(lines[1]).toMatch(/^GDPR \(Regulation \(EU\) 2016\/679\), ISO\/IEC 27001:2022, .*: 19 controls; exposed in practice \d+ · unknown in practice \d+ · holds in practice \d+ · not tested \d+$/);
    expect(r.stdout).not.toContain('Claimed implemented');
    expect(r.stdout).toMatch(/^ISO27001 A\.5\.19 +exposed in practice +100 +25 +1 +Information security in supplier relationships$/m);
  });

  it('limits the view to the frameworks asked for, in any spelling, and writes CSV and JSON', async () => {
    const csv = await run({ framework: 'iso-27001', format: 'csv' });
    const rows = csv.stdout.trimEnd().split('\r\n');
    expect(rows.slice(1).every((r) => r.startsWith('ISO27001,'))).toBe(true);
    expect(rows).toHaveLength(11);
    const json = JSON.parse((await run({ framework: 'SOC2,gdpr', format: 'json' })).stdout);
    expect(json.frameworks).toEqual(['SOC2', 'GDPR']);
    expect(json.controlsVersion).toBe(1);
    expect(json.controls.map((c: { framework: string }) => c.framework).sort()).toEqual(['GDPR', 'GDPR', 'GDPR', 'SOC2', 'SOC2']);
  });

  it('refuses an unknown framework or format, and stray arguments, in one sentence', async () => {
    expect((await fails(run({ framework: 'HIPAA' }))).message).toBe('controls: unknown framework "HIPAA"; use GDPR, ISO27001, NIST-CSF, PCI-DSS, SOC2.');
    expect((await fails(run({ format: 'pdf' }))).message).toBe('controls: unknown format "pdf"; use text, md, csv or json.');
    expect((await fails(run({}, ['export']))).message).toContain('unexpected argument "export"');
    expect((await fails(run({ 'dry-run': true }))).message).toContain('--dry-run goes with `controls import FILE.csv`');
  });

  it('writes the markdown to a private file with --output', async () => {
    const r = await run({ format: 'md', output: 'controls.md' });
    expect(r.stdout).toBe('Wrote 19 controls to controls.md.\n');
    expect(readFileSync(folder.path('controls.md'), 'utf8')).toMatch(/^# Controls in practice: /);
  });
});

describe('cxray controls import', () => {
  const claims = () => readFileSync(join(GOLDEN_DIR, 'demo-claims.csv'), 'utf8');

  it('reports every bad row with its row number and writes nothing', async () => {
    writeFileSync(
      folder.path('bad.csv'),
      [
        'Framework,Control ID,Status,Last audited,Auditor',
        'ISO27001,A.9.2.5,implemented,2026-06-30,Certa',
        'HIPAA,164.312,implemented,,',
        'SOC2,CC6.1,done,2026-01-01,',
        'ISO27001,A.5.18,implemented,2026-02-30,',
        'ISO27001,A.5.99,implemented,,',
        'ISO27001,A.5.15,implemented,2026-12-01,',
        '',
      ].join('\n'),
    );
    const before = readFileSync(folder.path('work.json'));
    const error = await invoke(controlsCommand, { values: values(), positionals: ['import', 'bad.csv'], cwd: folder.dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('controls import: 6 problems in bad.csv; nothing was imported. Correct the rows above and run the import again.');
    expect(readFileSync(folder.path('work.json')).equals(before)).toBe(true);
  });

  it('checks every row first: each problem on its own line, with the row', async () => {
    writeFileSync(folder.path('bad.csv'), 'framework,control id,status,last audited\nISO27001,A.9.2.5,implemented,2026-06-30\nHIPAA,164.312,implemented,\nSOC2,CC6.1,done,\nISO27001,A.5.18,yes,2026-02-30\nISO27001,A.5.99,implemented,\n');
    let stderr = '';
    await controlsCommand
      .run({ positionals: ['import', 'bad.csv'], values: values(), env: { SOURCE_DATE_EPOCH: '1795169600' }, cwd: folder.dir, out: () => {}, err: (t) => void (stderr += t) })
      .catch(() => {});
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      'bad.csv:2: row 1: "A.9.2.5" is a 2013 id (Review of user access rights); 2022 maps it to A.5.18, so claim A.5.18.',
      'bad.csv:3: row 2: unknown framework "HIPAA"; use GDPR, ISO27001, NIST-CSF, PCI-DSS, SOC2.',
      'bad.csv:4: row 3: unknown status "done"; use implemented, partially, not implemented or not applicable.',
      'bad.csv:5: row 4: the last audited date "2026-02-30" is not a day of the calendar.',
      'bad.csv:6: row 5: unknown ISO27001 control id "A.5.99"; use an id of ISO/IEC 27001:2022 written like A.5.18.',
    ]);
  });

  it('shows what a dry run would store, and writes nothing', async () => {
    writeFileSync(folder.path('claims.csv'), claims());
    const before = readFileSync(folder.path('work.json'));
    const r = await run({ 'dry-run': true }, ['import', 'claims.csv']);
    expect(r.stdout.split('\n')[0]).toBe(
      'Dry run: nothing written. Into "Northwind Home Energy — customer data review", claims.csv would set the claims of ISO27001: add 10, change 0, remove 0, unchanged 0.',
    );
    expect(r.stdout).toContain('  + line 2: ISO27001 A.5.10: implemented, audited 2026-06-30\n');
    expect(readFileSync(folder.path('work.json')).equals(before)).toBe(true);
  });

  it('stores the claims; the view and the report then lead with the controls claimed implemented and exposed', async () => {
    writeFileSync(folder.path('claims.csv'), claims());
    const r = await run({}, ['import', 'claims.csv']);
    expect(r.stdout.split('\n')[0]).toBe('Imported the claims of ISO27001 from claims.csv into "Northwind Home Energy — customer data review": added 10, changed 0, removed 0, unchanged 0.');
    const stored = JSON.parse(readFileSync(folder.path('work.json'), 'utf8'));
    expect(stored.assessments[0].controlClaims).toHaveLength(10);
    expect(stored.assessments[0].controlClaims[0]).toEqual({ framework: 'ISO27001', controlId: 'A.5.10', status: 'implemented', auditedOn: '2026-06-30', reference: 'Surveillance audit 2026 (Certa Ltd)' });
    const view = await run({ framework: 'ISO27001' });
    expect(view.stdout.split('\n')[3]).toBe('Claimed implemented, exposed in practice (10):');
    expect(view.stdout.split('\n')[4]).toMatch(/^ {2}ISO27001 A\.5\.19 Information security in supplier relationships: exposure 100, visibility 25; claimed implemented, audited 2026-06-30/);
    // The same file again changes nothing.
    expect((await run({}, ['import', 'claims.csv'])).stdout.split('\n')[0]).toContain('added 0, changed 0, removed 0, unchanged 10.');
  });
});
