/** `cxray` with no command: opens the workbook in the terminal. */
import { isAbsolute, resolve } from 'node:path';
import { loadBank } from '../bank/load.js';
import { builtinBankPath } from '../bank/builtin.js';
import { UserError } from '../core/errors.js';
import { openWorkbook } from '../store/workbook-store.js';
import type { Invocation } from './registry.js';

export async function run({ values, env, cwd }: Invocation): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UserError(
      'the workbook needs an interactive terminal (standard input and output must be a terminal, not a pipe or a file); ' +
        'in scripts use `cxray validate`, `score`, `export`, `import`, `demo` or `doctor` instead.',
    );
  }
  const given = (values.db as string | undefined) ?? env.CXRAY_DB ?? 'cxray.json';
  const dbPath = isAbsolute(given) ? given : resolve(cwd, given);
  const bank = loadBank((values.bank as string | undefined) ?? builtinBankPath());
  const store = await openWorkbook(dbPath);
  const { runTui } = await import('../ui/main.js');
  try {
    await runTui({ store, bank });
  } finally {
    await store.close();
  }
  return 0;
}
