/**
 * A full disk on a real file system (issue 15, item 8): a 64 KB tmpfs mounted for the
 * test (root only; skipped, saying why, where mounting is not allowed). The workbook's
 * save fails with a real ENOSPC; close() writes the rescue copy in the next folder that
 * can take it, deletes the partial copy the full one left, and says where the copy is;
 * nothing already on disk is damaged. test/store/rescue.test.ts injects ENOSPC instead,
 * everywhere.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import type { Workbook } from '../../src/core/workbook-schema.js';
import { openWorkbook } from '../../src/store/workbook-store.js';
import { withAnswer } from '../store/helpers/workbooks.js';

const base = mkdtempSync(join(tmpdir(), 'cxray-fulldisk-'));
const disk = join(base, 'disk');
mkdirSync(disk);
const mounted = (() => {
  if (process.platform !== 'linux') return { ok: false, reason: 'tmpfs mounts need Linux' };
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0700', 'tmpfs', disk], { encoding: 'utf8' });
  if (r.error) return { ok: false, reason: `mount cannot run (${r.error.message})` };
  if (r.status !== 0) return { ok: false, reason: `mounting is not allowed here (${(r.stderr || `exit ${r.status}`).trim()})` };
  return { ok: true, reason: '' };
})();
afterAll(() => {
  if (mounted.ok) spawnSync('umount', [disk]);
  rmSync(base, { recursive: true, force: true });
});

/** Fills the file system under `dir` until a write fails with ENOSPC. */
function fill(dir: string): void {
  const fd = openSync(join(dir, 'filler'), 'w');
  const chunk = Buffer.alloc(1024, 120);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    closeSync(fd);
  }
}

const unsaved = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.includes('.unsaved-')) : []);

describe.skipIf(!mounted.ok)(`on a real 64 KB tmpfs${mounted.ok ? '' : ` (skipped: ${mounted.reason})`}`, () => {
  it('the save fails with ENOSPC; the rescue copy goes to the next folder, the partial one is deleted, the workbook on disk is intact', async () => {
    const file = join(disk, 'cxray.json');
    const fullState = join(disk, 'state');
    const spare = join(base, 'spare');
    const store = await openWorkbook(file, { retryDelaysMs: [10_000], rescueDirs: [fullState, spare] });
    store.update((w) => withAnswer(w, 1, 'saved'));
    await store.flush();
    const before = readFileSync(file);
    fill(disk);
    // 48 KB of notes, more than any page left: the temp file and the rescue copy in `disk` fail part-way.
    for (let i = 2; i <= 4; i++) store.update((w) => withAnswer(w, i, 'n'.repeat(16_000)));
    await expect(store.flush()).rejects.toThrow(/the disk is full/);
    const error = (await store.close().catch((e: unknown) => e)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(unsaved(fullState)).toEqual([]);
    const [name] = unsaved(spare);
    expect(error.message).toContain(`a copy of them is in ${join(spare, name!)};`);
    const copy = JSON.parse(readFileSync(join(spare, name!), 'utf8')) as Workbook;
    expect(copy.assessments[0]!.answers.map((a) => a.note.length)).toEqual([5, 16_000, 16_000, 16_000]);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(disk).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    rmSync(join(disk, 'filler'));
  });

  it('when every folder is on the full disk: no partial copy left, and the message says so for each', async () => {
    const file = join(disk, 'second.json');
    const store = await openWorkbook(file, { retryDelaysMs: [10_000], rescueDirs: [join(disk, 'state'), disk] });
    store.update((w) => withAnswer(w, 1, 'saved'));
    await store.flush();
    fill(disk);
    for (let i = 2; i <= 4; i++) store.update((w) => withAnswer(w, i, 'n'.repeat(16_000)));
    await expect(store.flush()).rejects.toThrow(/the disk is full/);
    const error = (await store.close().catch((e: unknown) => e)) as UserError;
    expect(error.message).toMatch(/no copy of them could be written anywhere \(in \S+\/state: the disk is full; free space, in \S+\/disk: the disk is full; free space\)\.$/);
    expect(unsaved(join(disk, 'state'))).toEqual([]);
    expect(unsaved(disk)).toEqual([]);
    rmSync(join(disk, 'filler'));
  });
});
