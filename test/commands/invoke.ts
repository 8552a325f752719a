/** Running a command's `run()` as the CLI would, against files in a temporary folder. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Invocation } from '../../src/commands/contract.js';
import type { Workbook } from '../../src/core/workbook-schema.js';
import { GOLDEN_NOW } from '../export/golden-fixtures.js';

/** SOURCE_DATE_EPOCH of the golden date: reports made by commands are dated like the golden files. */
export const GOLDEN_EPOCH = String(GOLDEN_NOW.getTime() / 1000);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A temporary folder, removed by `cleanup()`. */
export function tempFolder(): { dir: string; path: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cxray-commands-'));
  return { dir, path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeWorkbook(path: string, workbook: Workbook): void {
  writeFileSync(path, JSON.stringify(workbook, null, 2) + '\n', { mode: 0o600 });
}

/** Calls the command module's run() with a fake invocation and captures what it writes. */
export async function invoke(
  module: { run(invocation: Invocation): Promise<number> },
  options: { positionals?: string[]; values?: Invocation['values']; env?: NodeJS.ProcessEnv; cwd: string; columns?: number },
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await module.run({
    positionals: options.positionals ?? [],
    values: options.values ?? {},
    env: { SOURCE_DATE_EPOCH: GOLDEN_EPOCH, ...options.env },
    cwd: options.cwd,
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    columns: options.columns,
  });
  return { code, stdout, stderr };
}
