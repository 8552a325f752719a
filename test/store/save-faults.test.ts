/** Saves that fail (full disk, read-only disk, no permission): reported, retried, nothing lost or left readable. */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { WORKBOOK_SCHEMA_VERSION, type Workbook } from '../../src/core/workbook-schema.js';
import { openWorkbook, type SaveState } from '../../src/store/workbook-store.js';
import { faultyFs, readJson, tempDir, withAnswer, type FaultStep } from './helpers/store-fixtures.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await sleep(5);
  }
}

const CASES: [string, FaultStep, string][] = [
  ['ENOSPC', 'write', 'cannot save FILE: the disk is full; free space and cxray will retry.'],
  ['ENOSPC', 'sync', 'cannot save FILE: the disk is full; free space and cxray will retry.'],
  ['EDQUOT', 'write', 'cannot save FILE: the disk quota is used up; free space and cxray will retry.'],
  ['EROFS', 'open', 'cannot save FILE: the disk is read-only; make it writable and cxray will retry.'],
  ['EACCES', 'open', 'cannot save FILE: permission denied in DIR; make the folder and the file writable for you and cxray will retry.'],
  ['EACCES', 'rename', 'cannot save FILE: permission denied in DIR; make the folder and the file writable for you and cxray will retry.'],
  ['EIO', 'sync', 'cannot save FILE: the disk reported an input/output error; check the disk and cxray will retry.'],
];

describe.each(CASES)('%s at %s', (code, step, message) => {
  it('leaves the workbook as it was, shows the failure, keeps the changes, and saves them once the fault clears', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const { fs, faults } = faultyFs();
    const store = await openWorkbook(file, { fs, retryDelaysMs: [40, 80] });
    store.update((w) => withAnswer(w, 1, 'saved before the fault'));
    await store.flush();
    const before = readFileSync(file);
    const states: SaveState[] = [];
    store.onSaveState((s) => states.push(s));

    faults.set(step, code);
    store.update((w) => withAnswer(w, 2, 'typed while the disk is full'));
    const flushed = store.flush();
    await expect(flushed).rejects.toThrow(UserError);
    const failed = states.find((s) => s.kind === 'failed');
    expect(failed).toEqual({ kind: 'failed', message: message.replace('FILE', file).replace('DIR', dir) });
    // The workbook is unchanged, no temp file is left behind, the change is still in memory.
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(store.data.assessments[0]!.answers).toHaveLength(2);
    // flush() keeps rejecting while the fault lasts; typing goes on.
    await expect(store.flush()).rejects.toThrow(/cannot save/);
    store.update((w) => withAnswer(w, 3, 'and more'));
    await sleep(150);
    expect(readFileSync(file).equals(before)).toBe(true);

    faults.clear();
    await until(() => states.at(-1)?.kind === 'saved');
    expect((readJson(file) as Workbook).assessments[0]!.answers.map((a) => a.note)).toEqual([
      'saved before the fault',
      'typed while the disk is full',
      'and more',
    ]);
    await store.flush();
    await store.close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a save that keeps failing', () => {
  it('retries with growing waits', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const { fs, faults, counts } = faultyFs();
    const store = await openWorkbook(file, { fs, retryDelaysMs: [50, 100, 200] });
    faults.set('open', 'ENOSPC');
    const attemptsBefore = counts.openAttempts;
    store.update((w) => withAnswer(w, 1));
    await sleep(700);
    // Attempts at about 0, 50, 150, 350 and 550 ms: a handful, not a busy loop.
    const attempts = counts.openAttempts - attemptsBefore;
    expect(attempts).toBeGreaterThanOrEqual(4);
    expect(attempts).toBeLessThanOrEqual(6);
    faults.clear();
    await store.close();
  });

  it('close() makes one last attempt, then throws a UserError saying the changes are not saved and where a copy is', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const { fs, faults, scope } = faultyFs();
    // The workbook's saves fail; the rescue copy can be written.
    scope.pattern = /\.tmp$/;
    const state = join(dir, 'state');
    const store = await openWorkbook(file, { fs, retryDelaysMs: [10_000], rescueDirs: [state, dir] });
    store.update((w) => withAnswer(w, 1, 'saved'));
    await store.flush();
    const before = readFileSync(file);
    faults.set('write', 'ENOSPC');
    store.update((w) => withAnswer(w, 2, 'not saved'));
    await expect(store.flush()).rejects.toThrow();
    const error = (await store.close().catch((e: unknown) => e)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(
      new RegExp(`^the changes since \\d\\d:\\d\\d are NOT saved in ${file} \\(the disk is full; free space\\); a copy of them is in ${state}/cxray\\.json\\.unsaved-\\d{8}T\\d{6}Z-[0-9a-f]{8}\\.json; `),
    );
    const copy = /a copy of them is in (\S+\.json);/.exec(error.message)![1]!;
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect((readJson(copy) as Workbook).assessments[0]!.answers.map((a) => a.note)).toEqual(['saved', 'not saved']);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('close() succeeds when the fault is gone by then', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const { fs, faults } = faultyFs();
    const store = await openWorkbook(file, { fs, retryDelaysMs: [10_000] });
    faults.set('rename', 'EROFS');
    store.update((w) => withAnswer(w, 1, 'late'));
    await expect(store.flush()).rejects.toThrow(/read-only/);
    faults.clear();
    await store.close();
    expect((readJson(file) as Workbook).assessments[0]!.answers[0]!.note).toBe('late');
  });

  it('a change that breaks the schema (a bug) is never written and is rescued on close', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, '{"schemaVersion":1,"assessments":[]}');
    const store = await openWorkbook(file, { retryDelaysMs: [10_000] });
    store.update((w) => ({ ...w, assessments: [{ ...withAnswer(w, 1).assessments[0]!, name: '' }] }));
    await expect(store.flush()).rejects.toThrow(/the changes made it invalid \(assessments\[0\]\.name must not be empty\); this is a bug in cxray/);
    expect(readFileSync(file, 'utf8')).toBe('{"schemaVersion":1,"assessments":[]}');
    await expect(store.close()).rejects.toThrow(/NOT saved in .*a copy of them is in/);
  });

  it('a .bak that cannot be written does not keep the answers from being saved', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, `{"schemaVersion":${WORKBOOK_SCHEMA_VERSION},"assessments":[]}`);
    const { fs, faults, scope } = faultyFs();
    scope.pattern = /\.bak$/;
    faults.set('rename', 'EACCES');
    const store = await openWorkbook(file, { fs });
    store.update((w) => withAnswer(w, 1, 'saved anyway'));
    await store.flush();
    expect((readJson(file) as Workbook).assessments[0]!.answers[0]!.note).toBe('saved anyway');
    expect(existsSync(`${file}.bak`)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await store.close();
  });
});
