/**
 * The last resort when the workbook cannot be saved as cxray closes: a copy of the
 * unsaved workbook, written where the user alone can write, under a name nobody can
 * guess or take first. Tried in turn: the user's state folder (`$XDG_STATE_HOME/cxray`,
 * else `~/.local/state/cxray`, created 0700), the workbook's own folder, the system's
 * temp folder. Each copy is created exclusively (O_EXCL, so a file planted under the name
 * is never written through) with mode 0600 and a random part in its name; a copy whose
 * write fails (a full disk) is deleted, so that no truncated file is left looking like a
 * rescue copy.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { PRIVATE_MODE, fileTimestamp, type StoreFileHandle, type StoreFs } from './atomic-file.js';
import { describeFsError } from './messages.js';

/** The user's own folder for cxray's state: `$XDG_STATE_HOME/cxray`, else `~/.local/state/cxray`. */
export function stateFolder(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const xdg = env.XDG_STATE_HOME;
  // The XDG spec: a relative path is invalid and is ignored.
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.local', 'state'), 'cxray');
}

/** Where rescue copies of the workbook at `realPath` go, in the order they are tried. */
export function rescueFolders(realPath: string, env: NodeJS.ProcessEnv = process.env): string[] {
  return [...new Set([stateFolder(env), dirname(realPath), tmpdir()])];
}

/** `<name>.unsaved-<time>-<random>.json`: sortable by time, never the same twice. */
export function rescueName(realPath: string, at = new Date()): string {
  return `${basename(realPath)}.unsaved-${fileTimestamp(at)}-${randomBytes(4).toString('hex')}.json`;
}

export interface RescueResult {
  /** The copy written, if any. */
  path?: string;
  /** Why each place tried before it (or every place) failed, one clause each. */
  failures: string[];
}

/** Writes `bytes` to a new file in `folder`: exclusive, 0600, synced; deleted again if any step fails. */
async function writeNewFile(fs: StoreFs, folder: string, name: string, bytes: Uint8Array): Promise<string> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, name);
  // Not created when something is there already (EEXIST): never ours to delete.
  const handle: StoreFileHandle = await fs.open(path, 'wx', PRIVATE_MODE);
  try {
    await handle.chmod(PRIVATE_MODE);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    return path;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.unlink(path).catch(() => undefined);
    throw error;
  }
}

/** Writes a rescue copy in the first of `folders` where it can be written whole. */
export async function writeRescueCopy(fs: StoreFs, realPath: string, bytes: Uint8Array, folders: readonly string[]): Promise<RescueResult> {
  const failures: string[] = [];
  for (const folder of folders) {
    try {
      return { path: await writeNewFile(fs, folder, rescueName(realPath), bytes), failures };
    } catch (error) {
      failures.push(`in ${folder}: ${describeFsError(error, join(folder, basename(realPath)))}`);
    }
  }
  return { failures };
}
