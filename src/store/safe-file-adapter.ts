/**
 * lowdb adapter for the workbook file: validated reads, atomic and durable writes.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { UserError } from '../core/errors.js';
import { WorkbookSchema, type Workbook } from '../core/workbook-schema.js';

export class SafeFileAdapter implements Adapter<Workbook> {
  constructor(readonly path: string) {}

  async read(): Promise<Workbook | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new UserError(`cannot read the workbook ${this.path}: ${(error as Error).message}.`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new UserError(`${this.path} is not valid JSON (${(error as Error).message}); it was left untouched.`);
    }
    const result = WorkbookSchema.safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new UserError(`${this.path}: ${issue.path.join('.') || '(top level)'}: ${issue.message}; the file was left untouched.`);
    }
    return result.data;
  }

  async write(data: Workbook): Promise<void> {
    const dir = dirname(this.path);
    const temp = join(dir, `.${basename(this.path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify(data, null, 2) + '\n');
      await handle.sync();
    } catch (error) {
      await handle.close();
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await handle.close();
    await rename(temp, this.path);
    const dirHandle = await open(dir, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  }
}
