/**
 * `--output FILE` of `cxray export` and `cxray diff`: the text goes to a private (0600)
 * file that appears whole or not at all, through the store's one safe writer
 * (src/store/atomic-file.ts). Without `--force` an existing file is never replaced,
 * even one created a moment earlier by someone else.
 */
import { stat } from 'node:fs/promises';
import { UserError } from '../core/errors.js';
import { createFileAtomic, realFs, writeFileAtomic, type StoreFs } from '../store/atomic-file.js';

export interface WriteOutputOptions {
  /** Replace an existing file. */
  force?: boolean;
  /** How the path is shown in messages (default: as given). */
  displayPath?: string;
  /** The file system (tests inject faults). */
  fs?: StoreFs;
}

/** Writes `text` to `path`; a failure is one sentence naming the fix (exit code 2). */
export async function writeOutputFile(path: string, text: string, options: WriteOutputOptions = {}): Promise<void> {
  const shown = options.displayPath ?? path;
  const fs = options.fs ?? realFs;
  const bytes = Buffer.from(text, 'utf8');
  try {
    if (options.force) await writeFileAtomic(fs, path, bytes);
    else await createFileAtomic(fs, [path], bytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const isFolder = await stat(path).then((s) => s.isDirectory(), () => false);
      if (isFolder) throw new UserError(`cannot write ${shown}: it is a folder; name a file with --output.`, 2);
      throw new UserError(`${shown} already exists; pass --force to overwrite it, or choose another --output file.`, 2);
    }
    throw new UserError(`cannot write ${shown}: ${reason(error)}.`, 2);
  }
}

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
