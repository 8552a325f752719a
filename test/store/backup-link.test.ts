/**
 * The .bak kept at the start of a batch of saves: for a 0600 workbook that cxray wrote,
 * the previous file itself under a second name (a hard link, no bytes copied); a copy
 * when the file system has no hard links, or when the file is not 0600 (a link shares
 * the mode). Either way the .bak holds the previous version, 0600.
 */
import { chmodSync, linkSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKBOOK_SCHEMA_VERSION } from '../../src/core/workbook-schema.js';
import { openWorkbook } from '../../src/store/workbook-store.js';
import { faultyFs, tempDir, withAnswer } from './helpers/store-fixtures.js';

const EMPTY = `{"schemaVersion":${WORKBOOK_SCHEMA_VERSION},"assessments":[]}`;
const mode = (path: string) => statSync(path).mode & 0o777;

describe('the .bak at the start of a batch', () => {
  it('leaves no temp file when the .bak already is the workbook (one inode, two names)', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, EMPTY, { mode: 0o600 });
    chmodSync(file, 0o600);
    // As a save that failed right after linking the .bak leaves them.
    linkSync(file, `${file}.bak`);
    const store = await openWorkbook(file);
    store.update((w) => withAnswer(w, 1, 'one'));
    await store.close();
    expect(readdirSync(dir).sort()).toEqual(['cxray.json', 'cxray.json.bak']);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(EMPTY);
  });

  it('is the previous file itself for a 0600 workbook: same inode, same bytes, and the workbook is a new file', async () => {
    const file = join(tempDir(), 'cxray.json');
    writeFileSync(file, EMPTY, { mode: 0o600 });
    chmodSync(file, 0o600);
    const before = statSync(file);
    const store = await openWorkbook(file);
    store.update((w) => withAnswer(w, 1, 'one'));
    await store.close();
    const bak = statSync(`${file}.bak`);
    expect(bak.ino).toBe(before.ino);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(EMPTY);
    expect(statSync(file).ino).not.toBe(before.ino);
    expect(mode(`${file}.bak`)).toBe(0o600);
  });

  it('is a copy when hard links fail, with the same bytes, and no temp file is left', async () => {
    const dir = tempDir();
    const file = join(dir, 'cxray.json');
    writeFileSync(file, EMPTY, { mode: 0o600 });
    chmodSync(file, 0o600);
    const before = statSync(file);
    const { fs, faults } = faultyFs();
    faults.set('link', 'EPERM');
    const store = await openWorkbook(file, { fs });
    store.update((w) => withAnswer(w, 1, 'one'));
    await store.close();
    expect(statSync(`${file}.bak`).ino).not.toBe(before.ino);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(EMPTY);
    expect(mode(`${file}.bak`)).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('is a 0600 copy of a 0644 workbook, never a link that would keep 0644', async () => {
    const file = join(tempDir(), 'cxray.json');
    writeFileSync(file, EMPTY, { mode: 0o644 });
    chmodSync(file, 0o644);
    const before = statSync(file);
    const store = await openWorkbook(file);
    store.update((w) => withAnswer(w, 1, 'one'));
    await store.close();
    expect(statSync(`${file}.bak`).ino).not.toBe(before.ino);
    expect(mode(`${file}.bak`)).toBe(0o600);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(EMPTY);
  });
});
