/**
 * Whether a save may replace the workbook file. A save writes a new file and renames it
 * over the old one, which only needs the folder to be writable: a read-only workbook
 * (mode 0400) would be rewritten all the same, and a workbook that belongs to another
 * user (or a symlink to one) would become the saver's. Both are refused when the
 * workbook is opened for writing, before anything is written.
 */
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import type { StoreFs } from './atomic-file.js';

/** Throws the UserError (exit 2) of a workbook that cxray must not replace; nothing when it does not exist yet. */
export async function assertReplaceable(fs: StoreFs, displayPath: string, realPath: string, uid = process.getuid?.()): Promise<void> {
  let stats: Awaited<ReturnType<StoreFs['stat']>>;
  try {
    stats = await fs.stat(realPath);
  } catch {
    return; // Missing (created by the first save) or unreadable (the read says why).
  }
  if (!stats.isFile()) return; // The read refuses it, naming the problem.
  const via = resolve(displayPath) === realPath ? '' : ` (a link to ${realPath})`;
  if (uid !== undefined && stats.uid !== undefined && stats.uid !== uid) {
    throw new UserError(
      `${displayPath}${via} belongs to another user (uid ${stats.uid}); saving replaces the file, which would take it from its owner: copy it and open the copy, or ask its owner to open it.`,
    );
  }
  if (stats.mode !== undefined && (stats.mode & 0o200) === 0) {
    throw new UserError(`${displayPath}${via} is read-only; make it writable (chmod u+w) or copy it and open the copy.`);
  }
}
