/** `cxray validate [FILE|DIR ...]`: checks question banks. */
import { loadBank } from '../bank/load.js';
import { builtinBankPath } from '../bank/builtin.js';
import type { Invocation } from './registry.js';

export async function run({ positionals, out }: Invocation): Promise<number> {
  const paths = positionals.length > 0 ? positionals : [builtinBankPath()];
  for (const path of paths) {
    const bank = loadBank(path);
    out(`${path}: valid (${bank.questions.length} questions)\n`);
  }
  return 0;
}
