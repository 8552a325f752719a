/** Helpers for the storage tests: temp folders, workbooks of any size, a file system with faults. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { realFs, type StoreFileHandle, type StoreFs } from '../../../src/store/atomic-file.js';

export { bigWorkbook, makeAnswer, makeAssessment, withAnswer } from './workbooks.js';

export const WORKBOOK_FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'workbooks');

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the OS temp folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cxray-store-'));
  made.push(dir);
  return dir;
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export type FaultStep = 'open' | 'write' | 'sync' | 'rename' | 'readFile' | 'stat' | 'link';

/**
 * The real file system, except that the steps named in `faults` fail with an errno
 * code (ENOSPC, EROFS, EACCES) until the fault is cleared; counts the workbook writes.
 */
export function faultyFs() {
  const faults = new Map<FaultStep, string>();
  const counts = { renames: 0, opens: 0, openAttempts: 0 };
  const tempFilesOpened: string[] = [];
  /** Only paths matching this fail. */
  const scope = { pattern: /.*/ };
  const fail = (step: FaultStep, path: string) => {
    const code = faults.get(step);
    if (code && scope.pattern.test(path)) throw Object.assign(new Error(`${code}: simulated fault, ${step} '${path}'`), { code, syscall: step, path });
  };
  const fs: StoreFs = {
    async open(path, flags, mode) {
      counts.openAttempts += 1;
      fail('open', path);
      counts.opens += 1;
      if (path.endsWith('.tmp')) tempFilesOpened.push(path);
      const handle = await realFs.open(path, flags, mode);
      const wrapped: StoreFileHandle = {
        async writeFile(data) {
          const code = faults.get('write');
          if (code && scope.pattern.test(path)) {
            // A full disk fails part-way: some bytes land in the temp file first.
            await handle.writeFile(data.subarray(0, Math.floor(data.length / 2)));
            fail('write', path);
          }
          return handle.writeFile(data);
        },
        async sync() {
          fail('sync', path);
          return handle.sync();
        },
        chmod: (m) => handle.chmod(m),
        stat: () => handle.stat(),
        close: () => handle.close(),
      };
      return wrapped;
    },
    async readFile(path) {
      fail('readFile', path);
      return realFs.readFile(path);
    },
    async rename(from, to) {
      fail('rename', to);
      counts.renames += 1;
      return realFs.rename(from, to);
    },
    unlink: (path) => realFs.unlink(path),
    async stat(path) {
      fail('stat', path);
      return realFs.stat(path);
    },
    async link(existing, newPath) {
      fail('link', newPath);
      return realFs.link(existing, newPath);
    },
    readdir: (path) => realFs.readdir(path),
  };
  return { fs, faults, counts, tempFilesOpened, scope };
}
