/** `cxray demo`: writes a sample workbook, fully answered, to try cxray on. */
import { lstat } from 'node:fs/promises';
import { relative } from 'node:path';
import { builtinBankPath } from '../bank/builtin.js';
import { openBank } from '../bank/open.js';
import { buildDemoWorkbook } from '../core/demo.js';
import { UserError } from '../core/errors.js';
import { reportDate } from '../core/report-date.js';
import { resolveDbPath, shownDbPath } from '../store/db-path.js';
import { openWorkbook } from '../store/workbook-store.js';
import type { Invocation, OptionValues } from './contract.js';
import type { DEMO_OPTIONS } from './flags.js';

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new UserError(`demo: cannot check ${path}: ${(error as Error).message}.`);
  }
}

/** The path as the user would type it: relative to where they are when that is shorter. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const simple = rel !== '' && !rel.startsWith('..') && rel.length < path.length ? rel : path;
  return /^[\w./@+-]+$/.test(simple) ? simple : `'${simple.replace(/'/g, `'\\''`)}'`;
}

export async function run({ values, env, cwd, out }: Invocation<OptionValues<typeof DEMO_OPTIONS>>): Promise<number> {
  const dbPath = resolveDbPath(values, env, cwd);
  const file = shown(dbPath, cwd);
  if (!values.force && (await exists(dbPath))) {
    throw new UserError(`demo: ${file} already exists; pass --force to replace it with the demo (a backup of it is kept), or choose another file with --db.`);
  }
  const bank = await openBank(builtinBankPath());
  const workbook = buildDemoWorkbook(bank, reportDate(env));
  const store = await openWorkbook(dbPath, { lock: true, displayPath: shownDbPath(values, env) });
  try {
    store.update(() => workbook);
    await store.flush();
  } finally {
    await store.close();
  }
  const assessment = workbook.assessments[0]!;
  out(
    [
      `Wrote a sample workbook to ${file}: "${assessment.name}", ${assessment.journeys.length} journeys, ${assessment.answers.length} answers, ${assessment.snapshots.length} earlier cycles.`,
      '',
      'Open it:',
      `  cxray --db ${file}`,
      'See the scores, what changed since the last review, or export the plan:',
      `  cxray score --db ${file}`,
      `  cxray diff --db ${file}`,
      `  cxray export --db ${file} --format md --output plan.md`,
      '',
    ].join('\n'),
  );
  return 0;
}
