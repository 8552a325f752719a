/**
 * "Another program" that saves its own version of a file (a write to a temp file and a
 * rename, as editors and scripts do) at the last moment possible: when cxray's own check
 * that the file is unchanged calls stat(). Used from a vi.mock of node:fs/promises:
 *
 *   vi.mock('node:fs/promises', async (original) => (await import('../helpers/other-program.js')).fsWithStrike(await original(), 'assertUnchangedOnDisk'));
 *
 * then `armStrike(file, text)` before running the code under test.
 */
import { renameSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';

const strike = { file: undefined as string | undefined, text: '', struck: 0 };

/** The next stat() of `file` from within the function named at mock time first lets the other program save `text`. */
export function armStrike(file: string, text: string): void {
  strike.file = file;
  strike.text = text;
  strike.struck = 0;
}

/** How many times the other program saved since armStrike. */
export function strikes(): number {
  return strike.struck;
}

/** node:fs/promises with a stat() that strikes when called from `caller` (a function name on the stack). */
export function fsWithStrike(real: typeof FsPromises, caller: string) {
  const stat = ((path: string, ...rest: unknown[]) => {
    if (strike.file && path === strike.file && new Error().stack?.includes(caller)) {
      writeFileSync(`${strike.file}.other`, strike.text);
      renameSync(`${strike.file}.other`, strike.file);
      strike.file = undefined;
      strike.struck += 1;
    }
    return (real.stat as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof real.stat;
  return { ...real, default: { ...real, stat }, stat };
}
