/** `cxray` with no command: opens the workbook in the terminal. */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { UserError } from '../core/errors.js';
import { resolveDbPath, shownDbPath } from '../store/db-path.js';
import { resolveWriteTarget } from '../store/atomic-file.js';
import { PresenceWriter, presencePathFor } from '../store/presence-file.js';
import { installExitHandlers, openWorkbook } from '../store/workbook-store.js';
import { commandBankWarned } from './context.js';
import type { Invocation, OptionValues } from './contract.js';
import type { OPEN_OPTIONS } from './flags.js';

export async function run({ values, env, cwd, out, err }: Invocation<OptionValues<typeof OPEN_OPTIONS>>): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UserError(
      'the workbook needs an interactive terminal (standard input and output must be a terminal, not a pipe or a file); ' +
        'in scripts use `cxray validate`, `score`, `export`, `import`, `snapshot`, `diff`, `demo` or `doctor` instead.',
    );
  }
  const dbPath = resolveDbPath(values, env, cwd);
  // Its warnings go to standard error (seen again after the workbook closes) and on the first screen.
  const { bank, warning } = await commandBankWarned(values, err);
  // A second cxray on the same file stops here with a UserError naming the holder.
  // Another program's change to the file stops the saves and is settled in the TUI.
  const store = await openWorkbook(dbPath, { lock: true, displayPath: shownDbPath(values, env), onConflict: 'ask' });
  // SIGTERM / SIGHUP (a closed terminal window) save and release the file too.
  const removeExitHandlers = installExitHandlers(store);
  // Where the walk is, beside the workbook, for `cxray present` to follow; "closed" once it quits.
  const presence = new PresenceWriter(presencePathFor(await resolveWriteTarget(dbPath)));
  const closePresence = () => presence.closeSync();
  process.once('exit', closePresence);
  presence.set({ screen: 'elsewhere' });
  try {
    const { runTui } = await import('../ui/main.js');
    await runTui({ store, bank, color: !env.NO_COLOR, bankWarning: warning, presence: (place) => presence.set(place) });
  } finally {
    removeExitHandlers();
    await presence.idle();
    closePresence();
    process.off('exit', closePresence);
    await store.close();
  }
  const relativePath = relative(cwd, dbPath);
  const shown = relativePath.startsWith('..') ? dbPath : relativePath;
  // A workbook is written with the first change: quitting before one leaves no file to name.
  out(existsSync(dbPath) ? `Everything is saved in ${shown}.\n` : `Nothing was written: ${shown} is created with the first change.\n`);
  return 0;
}
