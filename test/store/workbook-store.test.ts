import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { WORKBOOK_SCHEMA_VERSION, emptyWorkbook, type Workbook } from '../../src/core/workbook-schema.js';
import { rememberedSpeaker, withSpeaker } from '../../src/core/participants.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openWorkbook, readWorkbook, type SaveState } from '../../src/store/workbook-store.js';
import { faultyFs, readJson, tempDir, withAnswer } from './helpers/store-fixtures.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mode = (path: string) => statSync(path).mode & 0o777;

/** The pid of a process that has just ended (not reused this soon, in practice). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('openWorkbook', () => {
  it('starts a missing workbook empty, creates it at the first save, 0600, and releases the lock on close', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const store = await openWorkbook(file);
    expect(store.data).toEqual(emptyWorkbook());
    expect(readdirSync(dir)).toEqual(['cxray.json.lock']);
    store.update((w) => withAnswer(w, 1, 'first'));
    // update() is synchronous and in memory.
    expect(store.data.assessments[0]!.answers[0]!.note).toBe('first');
    await store.flush();
    expect(readJson(file)).toEqual(store.data);
    expect(mode(file)).toBe(0o600);
    await store.close();
    expect(readdirSync(dir).sort()).toEqual(['cxray.json']);
  });

  it('keeps the one speaking across a close and reopen (an optional field: a workbook without it reads as before)', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const store = await openWorkbook(file);
    store.update((w) => withAnswer(w, 1));
    await store.flush();
    expect(readJson(file)).not.toHaveProperty(['assessments', 0, 'speaker']);
    store.update((w) => ({ ...w, assessments: w.assessments.map((a) => withSpeaker({ ...a, participants: [{ name: 'Ben', role: 'security' }] }, 'Ben')) }));
    await store.close();
    expect(readJson(file)).toHaveProperty(['assessments', 0, 'speaker'], 'Ben');
    const again = await openWorkbook(file);
    expect(rememberedSpeaker(again.data.assessments[0]!)).toBe('Ben');
    await again.close();
  });

  it('reads what it wrote, and readWorkbook reads it without a lock', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const store = await openWorkbook(file);
    store.update((w) => withAnswer(withAnswer(w, 1, 'a'), 2, 'b'));
    // A reader while the writer holds the lock.
    await store.flush();
    expect(await readWorkbook(file)).toEqual(store.data);
    const expected = store.data;
    await store.close();
    const again = await openWorkbook(file);
    expect(again.data).toEqual(expected);
    await again.close();
  });

  it('writes pretty JSON with a final newline', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const store = await openWorkbook(file);
    store.update((w) => withAnswer(w, 1));
    await store.close();
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
    expect(text.startsWith(`{\n  "schemaVersion": ${WORKBOOK_SCHEMA_VERSION},`)).toBe(true);
  });

  it('makes an existing 0644 workbook 0600 at the next save', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, JSON.stringify(emptyWorkbook()), { mode: 0o644 });
    const store = await openWorkbook(file);
    store.update((w) => withAnswer(w, 1));
    await store.close();
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}.bak`)).toBe(0o600);
  });

  it('follows a symlinked workbook: the target is replaced, the link stays a link', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    const target = join(dir, 'real', 'workshop.json');
    const link = join(dir, 'cxray.json');
    writeFileSync(target, JSON.stringify(emptyWorkbook()));
    symlinkSync(join('real', 'workshop.json'), link);
    const store = await openWorkbook(link);
    expect(existsSync(`${target}.lock`)).toBe(true);
    store.update((w) => withAnswer(w, 1, 'through the link'));
    await store.close();
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join('real', 'workshop.json'));
    expect((readJson(target) as Workbook).assessments[0]!.answers[0]!.note).toBe('through the link');
    expect(existsSync(`${target}.bak`)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['cxray.json', 'real']);
  });

  it('creates the target of a dangling symlink', async () => {
    const dir = tempDir();
    const link = join(dir, 'cxray.json');
    symlinkSync('elsewhere.json', link);
    const store = await openWorkbook(link);
    store.update((w) => withAnswer(w, 1));
    await store.close();
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect((readJson(join(dir, 'elsewhere.json')) as Workbook).assessments).toHaveLength(1);
  });

  it('removes temp files left by a crash (dead process, or older than a minute) and ignores them otherwise', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, JSON.stringify(emptyWorkbook()));
    const dead = join(dir, `.cxray.json.${deadPid()}.0123456789ab.tmp`);
    const deadBak = join(dir, `.cxray.json.bak.${deadPid()}.0123456789ab.tmp`);
    const oldOwn = join(dir, `.cxray.json.${process.pid}.aaaaaaaaaaaa.tmp`);
    const freshOwn = join(dir, `.cxray.json.${process.pid}.bbbbbbbbbbbb.tmp`);
    const stranger = join(dir, '.other.json.1.0123456789ab.tmp');
    for (const f of [dead, deadBak, oldOwn, freshOwn, stranger]) writeFileSync(f, '{"half": ');
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    utimesSync(oldOwn, twoMinutesAgo, twoMinutesAgo);
    const store = await openWorkbook(file);
    expect(store.data).toEqual(emptyWorkbook());
    await store.close();
    expect(readdirSync(dir).sort()).toEqual(['.cxray.json.' + process.pid + '.bbbbbbbbbbbb.tmp', '.other.json.1.0123456789ab.tmp', 'cxray.json'].sort());
  });
});

describe('saving', () => {
  it('coalesces rapid changes: a bounded number of writes per second, the last change on disk within a second', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const { fs, counts } = faultyFs();
    const store = await openWorkbook(file, { fs });
    const started = Date.now();
    let i = 0;
    while (Date.now() - started < 1000) {
      store.update((w) => withAnswer(w, i % 50, `keystroke ${i}`));
      i += 1;
      await sleep(2);
    }
    const lastChange = Date.now();
    const expected = store.data;
    while (JSON.stringify(readJson(file)) !== JSON.stringify(expected)) {
      expect(Date.now() - lastChange).toBeLessThan(1000);
      await sleep(10);
    }
    // Renames: the workbook's, plus one .bak at the start of the batch.
    expect(i).toBeGreaterThan(100);
    expect(counts.renames).toBeLessThanOrEqual(10);
    expect(counts.renames).toBeGreaterThanOrEqual(3);
    await store.close();
  });

  it('reports pending, then saved', async () => {
    const dir = tempDir();
    const store = await openWorkbook(join(dir, 'cxray.json'));
    const states: SaveState['kind'][] = [];
    store.onSaveState((s) => states.push(s.kind));
    store.update((w) => withAnswer(w, 1));
    store.update((w) => withAnswer(w, 2));
    await store.flush();
    expect(states).toEqual(['saved', 'pending', 'saved']);
    await store.close();
  });

  it('close() saves what is pending; changes after close are refused', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const store = await openWorkbook(file, { autoSave: false });
    store.update((w) => withAnswer(w, 7, 'last words'));
    expect(existsSync(file)).toBe(false);
    await store.close();
    await store.close(); // Twice is fine.
    expect((readJson(file) as Workbook).assessments[0]!.answers[0]!.note).toBe('last words');
    expect(() => store.update((w) => w)).toThrow(/closed/);
  });

  it('keeps the previous good version as .bak once per batch of saves', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const store = await openWorkbook(file);
    store.update((w) => withAnswer(w, 1, 'one'));
    await store.flush();
    // The first save of a new file has nothing to back up.
    expect(existsSync(`${file}.bak`)).toBe(false);
    await sleep(1100);
    const beforeBatch = readFileSync(file);
    store.update((w) => withAnswer(w, 2, 'two'));
    await store.flush();
    expect(readFileSync(`${file}.bak`).equals(beforeBatch)).toBe(true);
    // Within the batch, the .bak stays at the version before it.
    store.update((w) => withAnswer(w, 3, 'three'));
    await store.flush();
    expect(readFileSync(`${file}.bak`).equals(beforeBatch)).toBe(true);
    expect(mode(`${file}.bak`)).toBe(0o600);
    await store.close();
  });

  it('never backs up a file that became invalid behind its back', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const store = await openWorkbook(file, { lock: false });
    store.update((w) => withAnswer(w, 1));
    await store.flush();
    await sleep(1100);
    store.update((w) => withAnswer(w, 2));
    await store.flush();
    const goodBak = readFileSync(`${file}.bak`);
    await sleep(1100);
    writeFileSync(file, '{"schemaVersion": 1, "assessm'); // Another program damages it.
    store.update((w) => withAnswer(w, 3));
    // Changed behind its back: the store writes nothing rather than overwrite it (issue 15,
    // item 11; test/store/conflict.test.ts has the rest).
    await expect(store.flush()).rejects.toThrow(/was changed by another program after cxray read it; nothing was written/);
    expect(readFileSync(`${file}.bak`).equals(goodBak)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('{"schemaVersion": 1, "assessm');
    await expect(store.close()).rejects.toThrow(/nothing was written/);
    expect(readFileSync(file, 'utf8')).toBe('{"schemaVersion": 1, "assessm');
  });
});

describe('migrations on open', () => {
  // Version 0 is made up: a workbook that called its assessments "items".
  const options = {
    migrations: [
      { from: 0, description: 'items are renamed assessments', up: ({ items, ...rest }: Record<string, unknown>) => ({ ...rest, assessments: items }) },
      ...MIGRATIONS,
    ],
    targetVersion: WORKBOOK_SCHEMA_VERSION,
  };
  const v0 = Buffer.from(JSON.stringify({ schemaVersion: 0, items: [] }));

  it('migrates in memory, and keeps the original as .v0.bak before the first save', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, v0);
    expect(await readWorkbook(file, options)).toEqual(emptyWorkbook());
    const store = await openWorkbook(file, options);
    expect(store.data).toEqual(emptyWorkbook());
    expect(readFileSync(file).equals(v0)).toBe(true);
    store.update((w) => withAnswer(w, 1));
    await store.flush();
    expect(readFileSync(`${file}.v0.bak`).equals(v0)).toBe(true);
    expect(mode(`${file}.v0.bak`)).toBe(0o600);
    expect((readJson(file) as Workbook).schemaVersion).toBe(WORKBOOK_SCHEMA_VERSION);
    await store.close();
  });

  it('leaves a migrated file alone when nothing changes', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, v0);
    const store = await openWorkbook(file, options);
    await store.close();
    expect(readFileSync(file).equals(v0)).toBe(true);
    expect(readdirSync(dir)).toEqual(['cxray.json']);
  });
});

describe('the write lock', () => {
  const lockOf = (file: string) => `${file}.lock`;

  it('records who holds it, 0600', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const store = await openWorkbook(file, { command: 'cxray --db cxray.json' });
    const info = readJson(lockOf(file));
    expect(info).toEqual({ pid: process.pid, hostname: hostname(), since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), command: 'cxray --db cxray.json' });
    expect(mode(lockOf(file))).toBe(0o600);
    await store.close();
    expect(existsSync(lockOf(file))).toBe(false);
  });

  it('refuses a second writer in the same process', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const store = await openWorkbook(file);
    await expect(openWorkbook(file)).rejects.toThrow(/is already open in this cxray/);
    await store.close();
  });

  it('refuses a writer while another live process holds it, naming pid and time', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const since = new Date();
    since.setHours(14, 2, 0, 0);
    writeFileSync(lockOf(file), JSON.stringify({ pid: process.ppid, hostname: hostname(), since: since.toISOString(), command: 'cxray' }));
    const error = (await openWorkbook(file).catch((e: unknown) => e)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(`${file} is open in another cxray (pid ${process.ppid}, since 14:02); close it there, or wait.`);
    expect(existsSync(lockOf(file))).toBe(true);
  });

  it('refuses when the holder is on another host, saying how to clear it', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(lockOf(file), JSON.stringify({ pid: 1234, hostname: 'elsewhere', since: new Date().toISOString(), command: 'cxray' }));
    await expect(openWorkbook(file)).rejects.toThrow(/\(pid 1234 on elsewhere, since \d\d:\d\d\); close it there, or wait \(if that cxray no longer runs, delete \S+cxray\.json\.lock\)\./);
  });

  it('takes over a stale lock: same host, process gone', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(lockOf(file), JSON.stringify({ pid: deadPid(), hostname: hostname(), since: new Date().toISOString(), command: 'cxray' }));
    const store = await openWorkbook(file);
    expect((readJson(lockOf(file)) as { pid: number }).pid).toBe(process.pid);
    await store.close();
    expect(existsSync(lockOf(file))).toBe(false);
  });

  it('takes over a lock with our own pid that this process does not hold (a pid reused after a crash)', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(lockOf(file), JSON.stringify({ pid: process.pid, hostname: hostname(), since: '2020-01-01T00:00:00.000Z', command: 'cxray' }));
    const store = await openWorkbook(file);
    await store.close();
  });

  it('takes over an unreadable lock older than ten seconds, and waits on a fresh one', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(lockOf(file), '');
    await expect(openWorkbook(file)).rejects.toThrow(/is being opened by another cxray/);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockOf(file), old, old);
    const store = await openWorkbook(file);
    await store.close();
  });

  it('is not needed by readers', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    const store = await openWorkbook(file);
    store.update((w) => withAnswer(w, 1));
    await store.flush();
    await expect(readWorkbook(file)).resolves.toEqual(store.data);
    await store.close();
  });

  it('fails clearly when the lock cannot be created', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    mkdirSync(lockOf(file)); // Something in the way that is not a lock file.
    writeFileSync(join(lockOf(file), 'x'), '');
    await expect(openWorkbook(file)).rejects.toThrow(
      /^cannot open \S+cxray\.json for writing: \S+cxray\.json\.lock is a folder, not cxray's lock file; move it out of the way and try again\.$/,
    );
  });
});
