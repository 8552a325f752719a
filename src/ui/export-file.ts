/**
 * Writing an export next to the workbook without ever replacing a file: the text goes
 * to a private temporary file first, which is then linked under the first free name
 * (`cxray-plan-q4.md`, `cxray-plan-q4-2.md`, ...). link() refuses an existing name, so
 * two cxrays exporting at once cannot overwrite each other either, and a crash leaves
 * no half-written export.
 */
import { randomBytes } from 'node:crypto';
import { link, open, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

/** `name` in `dir`, or with "-2", "-3" ... before the extension for the n-th try. */
export function candidateName(name: string, n: number): string {
  if (n <= 1) return name;
  const ext = extname(name);
  return `${name.slice(0, name.length - ext.length)}-${n}${ext}`;
}

/** Writes `text` to a new file (mode 0600) named after `path`; returns the path used. */
export async function writeNewFile(path: string, text: string): Promise<string> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    for (let n = 1; n < 10_000; n++) {
      const target = join(dir, candidateName(basename(path), n));
      try {
        await link(temp, target);
        return target;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new Error(`every name like ${path} is taken`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
