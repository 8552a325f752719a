/**
 * The rescue copy of changes that could not be saved (issue 15, item 8), with an
 * injected ENOSPC: it goes to the user's state folder under a name nobody can take
 * first, 0600, whole or not at all; a copy whose write fails is deleted; the message
 * says where the copy is, or why none could be written anywhere.
 * test/slow/store-full-disk.test.ts does the same on a real full file system.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import type { Workbook } from '../../src/core/workbook-schema.js';
import { rescueFolders, stateFolder } from '../../src/store/rescue.js';
import { openWorkbook } from '../../src/store/workbook-store.js';
import { faultyFs, readJson, tempDir, withAnswer } from './helpers/store-fixtures.js';

const unsaved = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.includes('.unsaved-')) : []);

/** A store whose saves have failed with ENOSPC, holding one unsaved answer; close() rescues. */
async function failingStore(rescueDirs: string[], faultPattern: RegExp) {
  const dir = tempDir();
  const file = join(dir, 'cxray.json');
  const { fs, faults, scope } = faultyFs();
  const store = await openWorkbook(file, { fs, retryDelaysMs: [10_000], rescueDirs: rescueDirs.length ? rescueDirs : [join(dir, 'state')] });
  store.update((w) => withAnswer(w, 1, 'saved'));
  await store.flush();
  scope.pattern = faultPattern;
  faults.set('write', 'ENOSPC');
  store.update((w) => withAnswer(w, 2, 'not saved'));
  await expect(store.flush()).rejects.toThrow(/disk is full/);
  const error = (await store.close().catch((e: unknown) => e)) as UserError;
  expect(error).toBeInstanceOf(UserError);
  return { dir, file, error };
}

describe('where rescue copies go', () => {
  it('the state folder: $XDG_STATE_HOME/cxray when it is an absolute path, else ~/.local/state/cxray', () => {
    expect(stateFolder({ XDG_STATE_HOME: '/x/state' }, '/home/ana')).toBe('/x/state/cxray');
    expect(stateFolder({}, '/home/ana')).toBe('/home/ana/.local/state/cxray');
    expect(stateFolder({ XDG_STATE_HOME: 'relative' }, '/home/ana')).toBe('/home/ana/.local/state/cxray');
    expect(rescueFolders('/w/cxray.json', {})).toEqual([join(homedir(), '.local', 'state', 'cxray'), '/w', tmpdir()]);
  });
});

describe('the rescue copy, with an injected ENOSPC', () => {
  it('goes to the state folder (created 0700), uniquely named, 0600, whole; the message says where', async () => {
    const state = join(tempDir(), 'state', 'cxray');
    const { file, error } = await failingStore([state], /\.tmp$/);
    const [name, ...others] = unsaved(state);
    expect(others).toEqual([]);
    expect(name).toMatch(/^cxray\.json\.unsaved-\d{8}T\d{6}Z-[0-9a-f]{8}\.json$/);
    const copy = join(state, name!);
    expect(error.message).toContain(`; a copy of them is in ${copy}; `);
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect(statSync(state).mode & 0o777).toBe(0o700);
    expect((readJson(copy) as Workbook).assessments[0]!.answers.map((a) => a.note)).toEqual(['saved', 'not saved']);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('deletes a copy whose write fails part-way, and tries the next folder', async () => {
    const base = tempDir();
    const full = join(base, 'full');
    const spare = join(base, 'spare');
    // Every write under "full" fails half-way (a full disk), like the workbook's own save.
    const { error } = await failingStore([full, spare], /\.tmp$|\/full\//);
    expect(unsaved(full)).toEqual([]);
    const [name] = unsaved(spare);
    expect(error.message).toContain(`a copy of them is in ${join(spare, name!)};`);
    expect((readJson(join(spare, name!)) as Workbook).assessments[0]!.answers).toHaveLength(2);
  });

  it('when no folder can take it: no partial file anywhere, and the message says why for each', async () => {
    const base = tempDir();
    const folders = [join(base, 'a'), join(base, 'b')];
    const { dir, error } = await failingStore(folders, /.*/);
    for (const folder of [...folders, dir]) expect(unsaved(folder)).toEqual([]);
    expect(error.message).toMatch(
      new RegExp(`no copy of them could be written anywhere \\(in ${folders[0]}: the disk is full; free space, in ${folders[1]}: the disk is full; free space\\)\\.$`),
    );
  });

  it('is never written through a name planted in advance: a file or a symlink at a guessable name stays as it was', async () => {
    const base = tempDir();
    const state = join(base, 'state');
    mkdirSync(state);
    const victim = join(base, 'victim.txt');
    writeFileSync(victim, 'untouched');
    // The names the old fixed-to-the-second scheme would use, for the next few seconds.
    const stamp = (offset: number) => new Date(Date.now() + offset * 1000).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    for (let s = 0; s < 5; s++) {
      symlinkSync(victim, join(state, `cxray.json.unsaved-${stamp(s)}.json`));
      writeFileSync(join(state, `cxray-cxray.json.unsaved-${stamp(s)}.json`), 'planted');
    }
    const { error } = await failingStore([state], /\.tmp$/);
    expect(error.message).toMatch(/a copy of them is in \S+-[0-9a-f]{8}\.json;/);
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
  });
});
