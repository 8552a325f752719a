import { mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeOutputFile } from '../../src/commands/output-file.js';
import { tempFolder } from './invoke.js';
import { faultyFs } from '../store/helpers/store-fixtures.js';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder();
});
afterEach(() => folder.cleanup());

describe('writeOutputFile', () => {
  it('writes a new file with mode 0600 and leaves no temporary file', async () => {
    await writeOutputFile(folder.path('out.md'), 'hello\n');
    expect(readFileSync(folder.path('out.md'), 'utf8')).toBe('hello\n');
    expect(statSync(folder.path('out.md')).mode & 0o777).toBe(0o600);
    expect(readdirSync(folder.dir)).toEqual(['out.md']);
  });

  it('refuses an existing file (exit 2, naming --force) and leaves it and the folder as they were', async () => {
    writeFileSync(folder.path('out.md'), 'keep');
    await expect(writeOutputFile(folder.path('out.md'), 'new', { displayPath: 'out.md' })).rejects.toMatchObject({
      exitCode: 2,
      message: 'out.md already exists; pass --force to overwrite it, or choose another --output file.',
    });
    expect(readFileSync(folder.path('out.md'), 'utf8')).toBe('keep');
    expect(readdirSync(folder.dir)).toEqual(['out.md']);
  });

  it('refuses a dangling symbolic link too (it would write where the link points)', async () => {
    symlinkSync(folder.path('elsewhere'), folder.path('link.md'));
    await expect(writeOutputFile(folder.path('link.md'), 'x')).rejects.toThrow(/already exists/);
    expect(readdirSync(folder.dir)).toEqual(['link.md']);
  });

  it('replaces an existing file with --force, whole, and private', async () => {
    writeFileSync(folder.path('out.md'), 'old', { mode: 0o644 });
    await writeOutputFile(folder.path('out.md'), 'new', { force: true });
    expect(readFileSync(folder.path('out.md'), 'utf8')).toBe('new');
    expect(statSync(folder.path('out.md')).mode & 0o777).toBe(0o600);
  });

  it('says so when the folder is missing or the name is a folder', async () => {
    await expect(writeOutputFile(folder.path('no/such/out.md'), 'x', { displayPath: 'no/such/out.md' })).rejects.toThrow(
      'cannot write no/such/out.md: its folder does not exist.',
    );
    mkdirSync(folder.path('dir'));
    await expect(writeOutputFile(folder.path('dir'), 'x', { displayPath: 'dir' })).rejects.toThrow(/cannot write dir: it is a folder/);
    await expect(writeOutputFile(folder.path('dir'), 'x', { displayPath: 'dir', force: true })).rejects.toThrow(/cannot write dir/);
    expect(readdirSync(folder.dir)).toEqual(['dir']);
  });
});

describe('writeOutputFile on a file system without hard links', () => {
  it('still writes a new file whole and private, and still refuses an existing one', async () => {
    const { fs, faults } = faultyFs();
    faults.set('link', 'EPERM');
    await writeOutputFile(folder.path('out.md'), 'hello\n', { fs });
    expect(readFileSync(folder.path('out.md'), 'utf8')).toBe('hello\n');
    expect(statSync(folder.path('out.md')).mode & 0o777).toBe(0o600);
    await expect(writeOutputFile(folder.path('out.md'), 'new', { fs, displayPath: 'out.md' })).rejects.toThrow(
      'out.md already exists; pass --force to overwrite it, or choose another --output file.',
    );
    expect(readFileSync(folder.path('out.md'), 'utf8')).toBe('hello\n');
    expect(readdirSync(folder.dir)).toEqual(['out.md']);
  });
});
