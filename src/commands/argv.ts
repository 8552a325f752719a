/**
 * From the command line to a command and its parsed arguments: which command is named
 * (global options such as --db may come before it), then its options and positionals,
 * checked against the command's table entry. Every mistake is one sentence, exit 2.
 * Node's parseArgs errors are told apart by their `code`; the option they are about is
 * found in parseArgs' own tokens, never in the wording of its message.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../core/errors.js';
import type { AnyValues, CommandSpec, Invocation } from './contract.js';
import { GLOBAL_OPTIONS } from './flags.js';
import { OPEN_COMMAND, findCommand } from './registry.js';

/**
 * The command named on the line and the arguments left for it. The command is the first
 * word after any global options (`cxray --db w.json score`); without one, `cxray` opens
 * the workbook with every argument.
 */
export function splitCommand(argv: readonly string[]): { spec: CommandSpec; args: string[] } {
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || arg === '--') break;
    const [name, inline] = [arg.slice(2).split('=')[0], arg.includes('=')];
    const global = GLOBAL_OPTIONS.find((o) => o.name === name);
    if (!global) break;
    i += global.type === 'string' && !inline ? 2 : 1;
  }
  const word = argv[i];
  const named = word !== undefined && !word.startsWith('-') ? findCommand(word) : undefined;
  if (!named) return { spec: OPEN_COMMAND, args: [...argv] };
  return { spec: named, args: [...argv.slice(0, i), ...argv.slice(i + 1)] };
}

/** The options and positionals of one command's arguments. */
export function parseCommandArgs(spec: CommandSpec, args: readonly string[]): Pick<Invocation, 'positionals' | 'values'> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const o of spec.options) options[o.name] = { type: o.type };
  const where = spec.name ? `${spec.name}: ` : '';
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw parseError(error, spec, args, options, where);
  }
  const [min, max] = spec.positionals;
  const count = parsed.positionals.length;
  if (count > max) {
    const extra = parsed.positionals[max];
    throw new UserError(
      spec.name
        ? `${where}unexpected argument "${extra}"; run \`cxray --help\` for usage.`
        : `unknown command "${extra}"; run \`cxray --help\` for the commands.`,
    );
  }
  if (count < min) throw new UserError(`${where}missing ${spec.args ?? 'argument'}; run \`cxray --help\` for usage.`);
  return { positionals: parsed.positionals, values: parsed.values as AnyValues };
}

/** A parseArgs error as one sentence, by its code; the option in question from the tokens. */
function parseError(error: unknown, spec: CommandSpec, args: readonly string[], options: NonNullable<ParseArgsConfig['options']>, where: string): unknown {
  const code = (error as NodeJS.ErrnoException)?.code;
  const { tokens } = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  const optionTokens = tokens.filter((t) => t.kind === 'option');
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const unknown = optionTokens.find((t) => !(t.name in options));
      return new UserError(`${where}unknown option ${unknown?.rawName ?? args.find((a) => a.startsWith('-'))}; run \`cxray --help\` for the options.`);
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const missing = optionTokens.find((t) => options[t.name]?.type === 'string' && t.value === undefined);
      if (missing) return new UserError(`${where}option --${missing.name} needs a value; run \`cxray --help\` for usage.`);
      // `--db --json`: the next word looks like an option, not like the value.
      const dashed = optionTokens.find((t) => options[t.name]?.type === 'string' && !t.inlineValue && t.value?.startsWith('-'));
      if (dashed) {
        return new UserError(`${where}option --${dashed.name} needs a value, not ${dashed.value}; give one (a value that starts with a dash is written --${dashed.name}=${dashed.value}); run \`cxray --help\` for usage.`);
      }
      const valued = optionTokens.find((t) => options[t.name]?.type === 'boolean' && t.inlineValue);
      if (valued) return new UserError(`${where}option --${valued.name} takes no value; write it alone (e.g. ${valued.rawName}); run \`cxray --help\` for usage.`);
      break;
    }
  }
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
    return new UserError(`${where}cannot read the arguments of ${spec.name ? `\`cxray ${spec.name}\`` : '`cxray`'}; run \`cxray --help\` for usage.`);
  }
  return error;
}
