/**
 * Writing an export to a file: the report is sensitive (a map of where customer data
 * leaks), so the file is private (0600) and appears whole or not at all. The text goes
 * to a temporary file in the same folder, is flushed to disk, and is then moved into
 * place. Without `force` an existing file is never replaced, even one created a moment
 * earlier by someone else: the temporary file is hard-linked to the name, which fails
 * if the name exists (the same guarantee as O_EXCL).
 */
import { randomBytes } from 'node:crypto';
import { link, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../core/errors.js';

export interface WriteExportOptions {
  /** Replace an existing file. */
  force?: boolean;
  /** How the path is shown in messages (default: as given). */
  displayPath?: string;
}

// Filesystems without hard links (some network and FUSE mounts) answer with these.
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return e.message ?? String(error);
  }
}

async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some systems cannot sync a folder; the rename is still atomic.
  } finally {
    await handle?.close();
  }
}

/** Writes `text` to `path` atomically with mode 0600; refuses an existing file unless forced. */
export async function writeExportFile(path: string, text: string, options: WriteExportOptions = {}): Promise<void> {
  const shown = options.displayPath ?? path;
  const refuse = () =>
    new UserError(`${shown} already exists; pass --force to overwrite it, or choose another --output file.`, 2);
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle;
  try {
    handle = await open(temp, 'wx', 0o600);
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw new UserError(`cannot write ${shown}: ${reason(error)}.`, 2);
  }
  await handle.close();

  try {
    if (options.force) {
      await rename(temp, path);
    } else {
      try {
        await link(temp, path);
        await unlink(temp);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (code === 'EEXIST') {
          const isFolder = await stat(path).then((s) => s.isDirectory(), () => false);
          throw isFolder ? new UserError(`cannot write ${shown}: it is a folder; name a file with --output.`, 2) : refuse();
        }
        if (!NO_HARD_LINKS.has(code)) throw error;
        // No hard links here: claim the name with O_EXCL, then move the text over it.
        try {
          await (await open(path, 'wx', 0o600)).close();
        } catch (claim) {
          if ((claim as NodeJS.ErrnoException).code === 'EEXIST') throw refuse();
          throw claim;
        }
        await rename(temp, path);
      }
    }
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (error instanceof UserError) throw error;
    throw new UserError(`cannot write ${shown}: ${reason(error)}.`, 2);
  }
  await syncFolder(dir);
}
