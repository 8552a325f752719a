/**
 * `cxray validate [FILE|DIR ...]`: checks question banks (default: the built-in ones)
 * and reports every problem at once, one `path:line:column: message` line each on
 * standard output, with a count on standard error. Warnings (src/bank/validate/
 * warnings.ts and controls.ts: a level-4 option with no action, a value cut by " #", a
 * cited control's title other than the catalogue's, ...) are listed the same way, marked
 * `warning:`, and do not fail the bank. A folder means every *.yaml and *.yml file
 * directly in it, one bank per file. Every file is validated in full (never the
 * prebuilt copy), so that its warnings are found too.
 *
 * Exit codes: 0 every bank is valid (warnings or not); 1 problems were found; 2 a file
 * could not be read.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { bankFilesAt } from '../bank/files.js';
import { checkBankFile } from '../bank/open.js';
import { builtinBankDir } from '../bank/builtin.js';
import { UserError } from '../core/errors.js';
import type { Invocation, OptionValues } from './contract.js';
import type { VALIDATE_OPTIONS } from './flags.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** How to show a path: as the user typed it, or the built-in folder relative to where they are. */
function shown(path: string, cwd: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

export async function run({ positionals, cwd, out, err }: Invocation<OptionValues<typeof VALIDATE_OPTIONS>>): Promise<number> {
  const targets = positionals.length > 0 ? positionals : [shown(builtinBankDir(), cwd)];
  let problemCount = 0;
  let filesWithProblems = 0;
  let warningCount = 0;
  let filesWithWarnings = 0;
  let unreadable = 0;

  for (const target of targets) {
    let files: string[];
    // Read relative to the invocation's folder, show as the user wrote it.
    const where = resolve(cwd, target);
    try {
      files = bankFilesAt(where).map((file) => (isAbsolute(target) ? file : relative(cwd, file) || file));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      err(`cxray: validate: ${error.message.split(where).join(target)}\n`);
      unreadable++;
      continue;
    }
    for (const file of files) {
      let result;
      try {
        result = await checkBankFile(resolve(cwd, file), { prebuiltDirs: [] });
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        err(`cxray: validate: ${error.message.split(resolve(cwd, file)).join(file)}\n`);
        unreadable++;
        continue;
      }
      const { bank, problems, warnings = [] } = result;
      if (warnings.length > 0) {
        filesWithWarnings++;
        warningCount += warnings.length;
      }
      if (bank) {
        out(`${file}: valid (${plural(bank.questions.length, 'question')}, ${plural(bank.actions.length, 'action')})\n`);
        for (const w of warnings) out(`${file}:${w.line}:${w.column}: warning: ${w.message}\n`);
        continue;
      }
      filesWithProblems++;
      problemCount += problems.length;
      const lines = [...problems.map((p) => ({ ...p, text: p.message })), ...warnings.map((w) => ({ ...w, text: `warning: ${w.message}` }))];
      lines.sort((a, b) => a.line - b.line || a.column - b.column);
      for (const p of lines) out(`${file}:${p.line}:${p.column}: ${p.text}\n`);
    }
  }

  if (problemCount > 0) err(`${plural(problemCount, 'problem')} in ${plural(filesWithProblems, 'file')}\n`);
  if (warningCount > 0) err(`${plural(warningCount, 'warning')} in ${plural(filesWithWarnings, 'file')}\n`);
  if (unreadable > 0) return 2;
  return problemCount > 0 ? 1 : 0;
}
