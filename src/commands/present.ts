/**
 * `cxray present`: the view for the projector. It follows the cxray that drives the walk
 * on the same workbook, through the sidecar that one writes beside it, and shows the
 * question in large type, its options, and the end-of-journey summary. It takes no lock
 * and writes nothing: the driving cxray keeps the workbook.
 */
import { UserError } from '../core/errors.js';
import { resolveWriteTarget } from '../store/atomic-file.js';
import { resolveDbPath, shownDbPath } from '../store/db-path.js';
import { describeFsError } from '../store/messages.js';
import { presencePathFor } from '../store/presence-file.js';
import { watchPresent } from '../store/present-source.js';
import { commandBank } from './context.js';
import type { Invocation, OptionValues } from './contract.js';
import type { PRESENT_OPTIONS } from './flags.js';

export async function run({ values, env, cwd }: Invocation<OptionValues<typeof PRESENT_OPTIONS>>): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UserError('the presenter needs an interactive terminal (the one on the projector); run `cxray present` there, not from a pipe or a script.');
  }
  const dbPath = resolveDbPath(values, env, cwd);
  const shown = shownDbPath(values, env);
  const bank = await commandBank(values);
  let realPath: string;
  try {
    realPath = await resolveWriteTarget(dbPath);
  } catch (error) {
    throw new UserError(`cannot follow ${shown}: ${describeFsError(error, shown, 'read')}.`);
  }
  const source = await watchPresent(realPath, presencePathFor(realPath), shown);
  try {
    const { runPresenter } = await import('../ui/present/main.js');
    await runPresenter({ source, bank, color: !env.NO_COLOR, workbookPath: shown, bankPath: values.bank });
  } finally {
    source.close();
  }
  return 0;
}
