/**
 * Issue 15, item 14: doctor --restore does not report its own lock as another cxray;
 * behind a symlink the lock is beside the link (and the real file's too, so two links
 * still have one writer); an unreadable file asks for it to be readable; messages name
 * the workbook as the user gave it.
 */
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as doctorCommand from '../../src/commands/doctor.js';
import { UserError } from '../../src/core/errors.js';
import { WORKBOOK_SCHEMA_VERSION } from '../../src/core/workbook-schema.js';
import { openWorkbook, readWorkbook } from '../../src/store/workbook-store.js';
import { invoke } from '../commands/invoke.js';
import { runCli } from '../helpers/run-cli.js';
import { faultyFs, tempDir, withAnswer } from './helpers/store-fixtures.js';

const EMPTY = `{"schemaVersion":${WORKBOOK_SCHEMA_VERSION},"assessments":[]}\n`;

describe('small ones', () => {
  it('doctor --restore does not list its own lock as a cxray still running', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'wb.json'), '{"schemaVersion": 2, "assessments": [');
    const r = await invoke(doctorCommand, { values: { db: 'wb.json', restore: true }, cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no valid backup was found');
    expect(r.stdout).not.toMatch(/\.lock|still running/);
    expect(existsSync(join(dir, 'wb.json.lock'))).toBe(false);
  });

  it('behind a symlink, the lock is beside the link, and beside the real file too: two links, one writer', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    mkdirSync(join(dir, 'links'));
    const target = join(dir, 'real', 'wb.json');
    writeFileSync(target, EMPTY, { mode: 0o600 });
    symlinkSync(target, join(dir, 'links', 'one.json'));
    symlinkSync(target, join(dir, 'links', 'two.json'));
    const store = await openWorkbook(join(dir, 'links', 'one.json'));
    expect(readdirSync(join(dir, 'links')).sort()).toEqual(['one.json', 'one.json.lock', 'two.json']);
    expect(existsSync(`${target}.lock`)).toBe(true);
    await expect(openWorkbook(join(dir, 'links', 'two.json'))).rejects.toThrow(/is open in another cxray|already open in this cxray/);
    expect(existsSync(join(dir, 'links', 'two.json.lock'))).toBe(false);
    store.update((w) => withAnswer(w, 1, 'x'));
    await store.close();
    expect(readdirSync(join(dir, 'links')).sort()).toEqual(['one.json', 'two.json']);
    expect(existsSync(`${target}.lock`)).toBe(false);
  });

  it('an unreadable workbook: make it readable (not "writable")', async () => {
    const dir = tempDir();
    const file = join(dir, 'wb.json');
    writeFileSync(file, EMPTY);
    const { fs, faults } = faultyFs();
    faults.set('readFile', 'EACCES');
    const error = (await readWorkbook(file, { fs, displayPath: 'wb.json' }).catch((e: unknown) => e)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe('cannot read wb.json: permission denied reading wb.json; make the file readable for you (chmod u+r), and its folder too.');
  });

  it('messages name the workbook as the user gave it: relative stays relative', () => {
    const dir = tempDir();
    const r = runCli(['score', '--db', 'missing.json'], { cwd: dir });
    expect(r).toMatchObject({ status: 2, stderr: 'cxray: missing.json does not exist; check --db (or $CXRAY_DB), or create it with `cxray` or `cxray demo`.\n' });
    const s = runCli(['snapshot', '--db', 'missing.json'], { cwd: dir, env: { CXRAY_DB: '' } });
    expect(s.stderr).toBe('cxray: missing.json does not exist; check --db (or $CXRAY_DB), or create it with `cxray` or `cxray demo`.\n');
    writeFileSync(join(dir, 'broken.json'), '{');
    writeFileSync(join(dir, 'x.csv'), 'journey,question id,answer\n');
    const b = runCli(['import', 'x.csv', '--db', 'broken.json'], { cwd: dir });
    expect(b.stderr).toMatch(/^cxray: broken\.json/);
    expect(b.stderr).not.toContain(dir);
  });
});
