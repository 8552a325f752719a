/**
 * Which workbook file a command uses: `--db FILE`, else `$CXRAY_DB`, else `./cxray.json`,
 * resolved against the working folder. One function so that every command (and the
 * TUI) agrees. Pure: no I/O.
 */
import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../core/errors.js';

/** The default workbook file name, in the working folder. */
export const DEFAULT_DB_FILE = 'cxray.json';

/** The workbook as the user named it (`--db`, `$CXRAY_DB` or the default), for messages: relative stays relative. */
export function shownDbPath(values: { db?: unknown }, env: NodeJS.ProcessEnv): string {
  if (typeof values.db === 'string' && values.db.trim() !== '') return values.db;
  return env.CXRAY_DB?.trim() ? env.CXRAY_DB : DEFAULT_DB_FILE;
}

/** The absolute path of the workbook named by `--db`, `$CXRAY_DB` or the default. */
export function resolveDbPath(values: { db?: unknown }, env: NodeJS.ProcessEnv, cwd: string): string {
  const fromFlag = typeof values.db === 'string' ? values.db : undefined;
  if (fromFlag !== undefined && fromFlag.trim() === '') {
    throw new UserError('--db needs a file name, e.g. --db workshop.json.');
  }
  const fromEnv = env.CXRAY_DB?.trim() ? env.CXRAY_DB : undefined;
  const given = fromFlag ?? fromEnv ?? DEFAULT_DB_FILE;
  return isAbsolute(given) ? given : resolve(cwd, given);
}
