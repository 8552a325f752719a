/**
 * Another program changes the workbook while a store has it open (issue 15, item 11):
 * real files, a real second writer (a write to a temp file and a rename, as editors and
 * scripts do, or a write in place), between the store's load and its save.
 */
import { chmodSync, existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyWorkbook, type Workbook } from '../../src/core/workbook-schema.js';
import { conflictCopyNames } from '../../src/store/conflict.js';
import { openWorkbook, type SaveState, type WorkbookStore } from '../../src/store/workbook-store.js';
import { readJson, tempDir, withAnswer } from './helpers/store-fixtures.js';

const mode = (path: string) => statSync(path).mode & 0o777;
const notes = (w: Workbook) => w.assessments[0]?.answers.map((a) => a.note) ?? [];
const CONFLICT_NAME = /^cxray\.json\.conflict-\d{8}T\d{6}Z(?:-\d+)?\.json$/;

/** The other program: writes its version to a temp file, 0644, and renames it over the workbook. */
function otherProgramSaves(file: string, workbook: Workbook): string {
  const text = JSON.stringify(workbook, null, 2) + '\n';
  writeFileSync(`${file}.other`, text, { mode: 0o644 });
  chmodSync(`${file}.other`, 0o644);
  renameSync(`${file}.other`, file);
  return text;
}

/** A store with one answer saved ("mine, saved") and, after theirs replaced the file, one not ("mine, unsaved") that met the conflict. */
async function conflicted(options: { onConflict?: 'ask' | 'refuse'; theirs?: (file: string, saved: Workbook) => string } = {}) {
  const dir = tempDir();
  const file = join(dir, 'cxray.json');
  writeFileSync(file, JSON.stringify(emptyWorkbook(), null, 2) + '\n', { mode: 0o600 });
  const store = await openWorkbook(file, { retryDelaysMs: [10_000], rescueDirs: [join(dir, 'state')], onConflict: options.onConflict ?? 'ask' });
  store.update((w) => withAnswer(w, 1, 'mine, saved'));
  await store.flush();
  const states: SaveState[] = [];
  store.onSaveState((s) => states.push(s));
  const saved = readJson(file) as Workbook;
  const theirs = (options.theirs ?? ((f, w) => otherProgramSaves(f, withAnswer(w, 9, 'theirs'))))(file, saved);
  store.update((w) => withAnswer(w, 2, 'mine, unsaved'));
  const failure = await store.flush().then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  return { dir, file, store, states, theirs, failure };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const conflictCopies = (dir: string) => readdirSync(dir).filter((n) => CONFLICT_NAME.test(n)).sort();

let open: WorkbookStore | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await open?.close().catch(() => undefined);
  open = undefined;
});

describe('a command (the default policy) finds the workbook changed between its read and its write', () => {
  it('fails with one sentence, writes nothing anywhere, and leaves theirs as it is', async () => {
    const { dir, file, store, theirs, failure } = await conflicted({ onConflict: 'refuse' });
    const sentence = `${file} was changed by another program after cxray read it; nothing was written and their version is left as it is: run the command again.`;
    expect(failure?.message.endsWith(sentence)).toBe(true);
    const closing = (await store.close().catch((e: unknown) => e)) as Error;
    expect(closing.message).toBe(failure!.message);
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    // No conflict copy, no rescue copy, no lock, no temp file.
    expect(readdirSync(dir).sort()).toEqual(['cxray.json', 'cxray.json.bak']);
  });
});

describe('the TUI finds the workbook changed by another program', () => {
  it('stops saving, says so, and holds theirs for the prompt; theirs stays on disk', async () => {
    const { file, store, states, theirs, failure } = await conflicted();
    open = store;
    expect(failure?.message).toMatch(/\/cxray\.json was changed by another program while open here; cxray stopped saving/);
    const last = states.at(-1)!;
    expect(last.kind).toBe('conflict');
    if (last.kind !== 'conflict') return;
    expect(notes(last.theirs.workbook!)).toEqual(['mine, saved', 'theirs']);
    expect(last.theirs.modifiedAt.getTime()).toBe(Math.floor(statSync(file).mtimeMs));
    // More changes stay in memory; no save is tried behind the prompt's back.
    store.update((w) => withAnswer(w, 3, 'mine, later'));
    await new Promise((r) => setTimeout(r, 400));
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    expect(notes(store.data)).toEqual(['mine, saved', 'mine, unsaved', 'mine, later']);
  });

  it('reload theirs: mine is first written whole to a private conflict copy beside it, then theirs is the workbook with my change they did not touch', async () => {
    const { dir, file, store, states } = await conflicted();
    open = store;
    const mineInMemory = store.data;
    const { copy, applied, conflicting } = await store.reloadTheirs();
    expect(copy).toMatch(/cxray\.json\.conflict-\d{8}T\d{6}Z\.json$/);
    expect(copy.startsWith(dir)).toBe(true);
    expect(conflictCopies(dir)).toEqual([copy.slice(dir.length + 1)]);
    expect(readJson(copy)).toEqual(mineInMemory);
    expect(mode(copy)).toBe(0o600);
    // Theirs added q9; mine, unsaved, answered q2, which theirs did not touch.
    expect({ applied, conflicting }).toEqual({ applied: 1, conflicting: 0 });
    expect(notes(store.data)).toEqual(['mine, saved', 'theirs', 'mine, unsaved']);
    await store.flush();
    expect(states.at(-1)).toEqual({ kind: 'saved' });
    expect(notes(readJson(file) as Workbook)).toEqual(['mine, saved', 'theirs', 'mine, unsaved']);
    // Saving goes on, over theirs, which is now the file this session knows.
    store.update((w) => withAnswer(w, 4, 'after reload'));
    await store.flush();
    expect(notes(readJson(file) as Workbook)).toEqual(['mine, saved', 'theirs', 'mine, unsaved', 'after reload']);
    expect(mode(file)).toBe(0o600);
  });

  it('reload theirs where both changed the same answer: theirs stays, nothing is saved, mine is in the copy', async () => {
    const { file, store, theirs } = await conflicted({ theirs: (f, w) => otherProgramSaves(f, withAnswer(w, 2, 'theirs on q2')) });
    open = store;
    const { copy, applied, conflicting } = await store.reloadTheirs();
    expect({ applied, conflicting }).toEqual({ applied: 0, conflicting: 1 });
    expect(notes(store.data)).toEqual(['mine, saved', 'theirs on q2']);
    await store.flush();
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    expect(notes(readJson(copy) as Workbook)).toEqual(['mine, saved', 'mine, unsaved']);
  });

  it('keep mine: theirs is first kept byte for byte in a private conflict copy, then mine is saved over it', async () => {
    const { dir, file, store, states, theirs } = await conflicted();
    open = store;
    const copy = (await store.keepMine())!;
    expect(copy).toMatch(/cxray\.json\.conflict-\d{8}T\d{6}Z\.json$/);
    expect(conflictCopies(dir)).toHaveLength(1);
    expect(readFileSync(copy, 'utf8')).toBe(theirs);
    // Theirs was 0644; the copy is private like every file cxray writes.
    expect(mode(copy)).toBe(0o600);
    expect(notes(readJson(file) as Workbook)).toEqual(['mine, saved', 'mine, unsaved']);
    expect(states.at(-1)).toEqual({ kind: 'saved' });
    store.update((w) => withAnswer(w, 5, 'after keep'));
    await store.flush();
    expect(notes(readJson(file) as Workbook)).toEqual(['mine, saved', 'mine, unsaved', 'after keep']);
  });

  it('keep mine over a file damaged by the other program: the damage is kept in the copy, never as the .bak', async () => {
    const damaged = '{"schemaVersion": 3, "assessm';
    const { file, store } = await conflicted({
      theirs: (f) => {
        writeFileSync(f, damaged); // In place: same inode, another size.
        return damaged;
      },
    });
    open = store;
    const good = readFileSync(`${file}.bak`, 'utf8');
    await expect(store.reloadTheirs()).rejects.toThrow(/^their version cannot be opened \(\/.*\/cxray\.json:1:\d+: not valid JSON.*\); keep yours instead: theirs is then kept beside it as a conflict copy\.$/);
    // The failed reload changed nothing.
    expect(notes(store.data)).toEqual(['mine, saved', 'mine, unsaved']);
    const copy = (await store.keepMine())!;
    expect(readFileSync(copy, 'utf8')).toBe(damaged);
    expect(notes(readJson(file) as Workbook)).toEqual(['mine, saved', 'mine, unsaved']);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(good);
  });

  it('two conflicts in one second get two copies, the second numbered, neither overwritten', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T14:02:03.100Z'));
    const { dir, file, store } = await conflicted();
    open = store;
    const first = await store.keepMine();
    vi.setSystemTime(new Date('2026-11-20T14:02:03.900Z'));
    otherProgramSaves(file, withAnswer(readJson(file) as Workbook, 8, 'theirs again'));
    store.update((w) => withAnswer(w, 6, 'mine again'));
    await expect(store.flush()).rejects.toThrow(/changed by another program/);
    const { copy: second } = await store.reloadTheirs();
    expect([first, second].map((p) => p!.slice(dir.length + 1))).toEqual(['cxray.json.conflict-20261120T140203Z.json', 'cxray.json.conflict-20261120T140203Z-2.json']);
    expect(readFileSync(first!, 'utf8')).not.toBe(readFileSync(second, 'utf8'));
    expect(notes(readJson(second) as Workbook)).toEqual(['mine, saved', 'mine, unsaved', 'mine again']);
    await store.flush();
    expect(notes(readJson(file) as Workbook)).toEqual(['mine, saved', 'mine, unsaved', 'theirs again', 'mine again']);
    // The names sort by time: a copy made later sorts after both.
    const later = conflictCopyNames(file, new Date('2026-11-20T14:02:04.000Z')).next().value!;
    expect([later, second, first].map((p) => p!.slice(dir.length + 1)).sort().at(-1)).toBe('cxray.json.conflict-20261120T140204Z.json');
  });

  it('quitting while the prompt shows: theirs stays the workbook, mine goes whole to a conflict copy beside it, and the message says where', async () => {
    const { dir, file, store, theirs } = await conflicted();
    const mineInMemory = store.data;
    const error = (await store.close().catch((e: unknown) => e)) as Error;
    const [name] = conflictCopies(dir);
    expect(error.message).toMatch(
      new RegExp(`^${escape(file)} was changed by another program while open here and is left as they wrote it; your changes since \\d\\d:\\d\\d are NOT in it but in ${escape(join(dir, name!))}, a whole workbook: open either with \`cxray --db\``),
    );
    expect(readJson(join(dir, name!))).toEqual(mineInMemory);
    expect(mode(join(dir, name!))).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(existsSync(join(dir, 'state'))).toBe(false);
  });

  it('a last-chance save at exit never writes over theirs: mine goes to a conflict copy', async () => {
    const { dir, file, store, theirs } = await conflicted();
    const mineInMemory = store.data;
    (store as unknown as { emergencyCloseSync(): void }).emergencyCloseSync();
    const [name] = conflictCopies(dir);
    expect(readJson(join(dir, name!))).toEqual(mineInMemory);
    expect(mode(join(dir, name!))).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('a last-chance save at exit checks the file too, when no save had met the change yet', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const store = await openWorkbook(file, { onConflict: 'ask', autoSave: false });
    store.update((w) => withAnswer(w, 1, 'mine, saved'));
    await store.flush();
    const theirs = otherProgramSaves(file, withAnswer(readJson(file) as Workbook, 9, 'theirs'));
    store.update((w) => withAnswer(w, 2, 'mine, unsaved'));
    (store as unknown as { emergencyCloseSync(): void }).emergencyCloseSync();
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    const [name] = conflictCopies(dir);
    expect(notes(readJson(join(dir, name!)) as Workbook)).toEqual(['mine, saved', 'mine, unsaved']);
  });
});
