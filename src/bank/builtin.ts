/** Where the built-in question banks live: `questions/` at the package root. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest folder above this module holding questions/ and package.json. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'questions'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cxray cannot find its questions/ folder next to its package.json.');
    dir = parent;
  }
}

export function builtinBankDir(): string {
  return join(packageRoot(), 'questions');
}

/** The bank `cxray` opens when no --bank is given. */
export function builtinBankPath(): string {
  return join(builtinBankDir(), 'cx-data-exposure.yaml');
}
