/** `cxray controls` and `cxray controls import`, run() against a workbook file in a temporary folder. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as controlsCommand from '../../src/commands/controls.js';
import * as diffCommand from '../../src/commands/diff.js';
import { jsonSchemaOf } from '../../src/commands/schema.js';
import { buildControlsView } from '../../src/core/controls/view.js';
import { ControlsDocumentSchema } from '../../src/core/controls/view-schema.js';
import { UserError } from '../../src/core/errors.js';
import { renderControlsJson } from '../../src/export/controls-json.js';
import { GOLDEN_BANK_PATH, GOLDEN_DIR, goldenBank, goldenReport, goldenWorkbook } from '../export/golden-fixtures.js';
import { schemaValidator } from '../helpers/json-schema.js';
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

  it('writes JSON with the claims that is valid against `cxray schema controls`', async () => {
    writeFileSync(folder.path('claims.csv'), claims());
    await run({}, ['import', 'claims.csv']);
    const json = JSON.parse((await run({ format: 'json' })).stdout);
    expect(schemaValidator('controls')(json)).toEqual([]);
    expect(json.claims).toBe(10);
    expect(json.claimedButExposed).toHaveLength(10);
    expect(json.claimedButExposed[0]).toBe('ISO27001 A.5.19');
    const first = json.controls.find((c: { controlId: string }) => c.controlId === 'A.5.19');
    expect(first.claim).toEqual({ framework: 'ISO27001', controlId: 'A.5.19', status: 'implemented', auditedOn: '2026-06-30', reference: 'Surveillance audit 2026 (Certa Ltd)' });
    expect(first.answers.length).toBeGreaterThan(0);
  });

  it('the diff then lists each control the audit now claims implemented that is exposed in practice (the snapshot had no claims)', async () => {
    writeFileSync(folder.path('claims.csv'), claims());
    await run({}, ['import', 'claims.csv']);
    const json = JSON.parse((await invoke(diffCommand, { values: values({ format: 'json' }), cwd: folder.dir })).stdout);
    const claimed = json.controls.filter((c: { claimedButExposed: { from: boolean; to: boolean } }) => c.claimedButExposed.to && !c.claimedButExposed.from);
    expect(claimed.map((c: { controlId: string }) => c.controlId)).toContain('A.5.19');
    expect(claimed.every((c: { claim: unknown }) => JSON.stringify(c.claim) === JSON.stringify({ from: null, to: 'implemented' }))).toBe(true);
    const text = (await invoke(diffCommand, { values: values(), cwd: folder.dir })).stdout;
    expect(text).toMatch(/^ {2}(still exposed in practice|.+ → exposed in practice) · ISO27001 A\.5\.19 Information security in supplier relationships$/m);
    expect(text).toMatch(/^ {10}exposure \d+ → 100, visibility \d+ → 25; now claimed implemented and exposed in practice \(claim none → implemented\)$/m);
  });
});

describe('the controls JSON and its schema', () => {
  const view = () => buildControlsView(goldenBank(), goldenReport());
  const about = { assessment: 'A', bank: { id: 'b', version: '1' }, date: '2026-11-20' };

  it('is printed by `cxray schema controls`, and every field of the JSON is in it', () => {
    const schema = JSON.parse(JSON.stringify(jsonSchemaOf('controls')));
    expect(schema.title).toMatch(/cxray controls --format json/);
    expect(schema.properties.controlsVersion).toEqual({ type: 'number', const: 1 });
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(JSON.parse(renderControlsJson(view(), about))).sort());
    expect(schema.properties.controls.items.properties.verdict.enum).toEqual(['exposed', 'unknown', 'holds', 'not-tested']);
  });

  it('fails the JSON Schema when a document breaks it, naming where', () => {
    const validate = schemaValidator('controls');
    const good = JSON.parse(renderControlsJson(view(), about));
    expect(validate(good)).toEqual([]);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed JSON document, changed at any depth
    const broken = (change: (doc: any) => void) => {
      const copy = structuredClone(good);
      change(copy);
      return validate(copy).map((e) => `${e.instancePath} ${e.message}`);
    };
    expect(broken((d) => (d.controlsVersion = 2))).toContain('/controlsVersion must be equal to constant');
    expect(broken((d) => delete d.counts)).toContain(" must have required property 'counts'");
    expect(broken((d) => (d.date = '20 Nov 2026'))).toContain('/date must match format "date"');
    expect(broken((d) => (d.controls[0].verdict = 'fine'))).toContain('/controls/0/verdict must be equal to one of the allowed values');
    expect(broken((d) => (d.controls[0].exposure = 120))).toContain('/controls/0/exposure must be <= 100');
    expect(broken((d) => (d.controls[0].answers[0].level = 7))).toContain('/controls/0/answers/0/level must be <= 4');
    expect(broken((d) => (d.controls[0].claim = { framework: 'ISO27001', controlId: 'A.5.1', status: 'done', auditedOn: null, reference: '' }))).toContain(
      '/controls/0/claim/status must be equal to one of the allowed values',
    );
    expect(broken((d) => (d.controls[0].extra = 1))).toContain('/controls/0 must NOT have additional properties');
  });

  it('is checked before it is written: a view that breaks the schema is never turned into JSON', () => {
    const bad = view();
    bad.controls[0] = { ...bad.controls[0]!, exposure: -5 };
    expect(() => renderControlsJson(bad, about)).toThrow(/^the controls view does not match its schema at controls\.0\.exposure: /);
    expect(ControlsDocumentSchema.safeParse(JSON.parse(renderControlsJson(view(), about))).success).toBe(true);
  });
});
