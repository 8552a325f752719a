/**
 * createFileAtomic (src/store/atomic-file.ts): the exports' new files appear whole, 0600,
 * never over an existing name, with or without hard links.
 */
import { mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileAtomic, numberedNames, realFs } from '../../src/store/atomic-file.js';
import { faultyFs, tempDir } from './helpers/store-fixtures.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('numberedNames', () => {
  it('tries the name, then -2, -3 ... before the extension', () => {
    expect([...numberedNames('/w.d/cxray-plan-q4.md', 4)]).toEqual(['/w.d/cxray-plan-q4.md', '/w.d/cxray-plan-q4-2.md', '/w.d/cxray-plan-q4-3.md', '/w.d/cxray-plan-q4-4.md']);
    expect([...numberedNames('/w/notes', 2)]).toEqual(['/w/notes', '/w/notes-2']);
  });
});

describe.each([
  ['with hard links', () => ({ fs: realFs })],
  ['without hard links (EPERM)', () => noLinks('EPERM')],
  ['without hard links (ENOTSUP)', () => noLinks('ENOTSUP')],
])('createFileAtomic %s', (_, setUp) => {
  it('writes a new private file and leaves no temp file', async () => {
    const dir = tempDir();
    const { fs } = setUp();
    const name = await createFileAtomic(fs, [join(dir, 'out.md')], bytes('hello\n'));
    expect(name).toBe(join(dir, 'out.md'));
    expect(readFileSync(name, 'utf8')).toBe('hello\n');
    expect(statSync(name).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['out.md']);
  });

  it('takes the first free name, never replacing a file or a dangling symlink', async () => {
    const dir = tempDir();
    const { fs } = setUp();
    writeFileSync(join(dir, 'out.md'), 'keep');
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'out-2.md'));
    const name = await createFileAtomic(fs, numberedNames(join(dir, 'out.md')), bytes('new'));
    expect(name).toBe(join(dir, 'out-3.md'));
    expect(readFileSync(join(dir, 'out.md'), 'utf8')).toBe('keep');
    expect(readFileSync(name, 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['out-2.md', 'out-3.md', 'out.md']);
  });

  it('throws EEXIST when every name is taken, and leaves the folder as it was', async () => {
    const dir = tempDir();
    const { fs } = setUp();
    writeFileSync(join(dir, 'a'), 'a');
    mkdirSync(join(dir, 'b'));
    await expect(createFileAtomic(fs, [join(dir, 'a'), join(dir, 'b')], bytes('x'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readdirSync(dir).sort()).toEqual(['a', 'b']);
    expect(readFileSync(join(dir, 'a'), 'utf8')).toBe('a');
  });
});

describe('createFileAtomic on a failing disk', () => {
  it('leaves no file and no temp file when the write fails part-way', async () => {
    const dir = tempDir();
    const { fs, faults } = faultyFs();
    faults.set('write', 'ENOSPC');
    await expect(createFileAtomic(fs, [join(dir, 'out.md')], bytes('x'.repeat(1000)))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('passes on an error of link() that is not about missing hard links', async () => {
    const dir = tempDir();
    const { fs, faults } = faultyFs();
    faults.set('link', 'EACCES');
    await expect(createFileAtomic(fs, [join(dir, 'out.md')], bytes('x'))).rejects.toMatchObject({ code: 'EACCES' });
    expect(readdirSync(dir)).toEqual([]);
  });
});

/** The real file system, but link() fails as on a file system without hard links. */
function noLinks(code: string) {
  const { fs, faults } = faultyFs();
  faults.set('link', code);
  return { fs };
}
