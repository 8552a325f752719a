/**
 * Reading the command line (src/commands/argv.ts): which command, with which arguments,
 * global options before the command as well as after it, and parseArgs' errors as one
 * sentence each, told apart by their code.
 */
import { describe, expect, it } from 'vitest';
import { parseCommandArgs, splitCommand } from '../../src/commands/argv.js';
import { OPEN_COMMAND, findCommand } from '../../src/commands/registry.js';
import { UserError } from '../../src/core/errors.js';

const score = findCommand('score')!;

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('splitCommand', () => {
  it.each([
    [['score', '--db', 'w.json'], 'score', ['--db', 'w.json']],
    [['--db', 'w.json', 'score'], 'score', ['--db', 'w.json']],
    [['--db=w.json', 'score', '--json'], 'score', ['--db=w.json', '--json']],
    [['--bank', 'b.yaml', '--assessment', 'Q4', 'export', '--format', 'md'], 'export', ['--bank', 'b.yaml', '--assessment', 'Q4', '--format', 'md']],
    [['--db', 'w.json'], '', ['--db', 'w.json']],
    [[], '', []],
    // --db takes the next word as its value, as the parser will.
    [['--db', 'score'], '', ['--db', 'score']],
    // Not a global option: the command is not looked for behind it.
    [['--json', 'score'], '', ['--json', 'score']],
    [['--db', 'w.json', 'frobnicate'], '', ['--db', 'w.json', 'frobnicate']],
  ])('%j: command %j with %j', (argv, name, args) => {
    const { spec, args: rest } = splitCommand(argv);
    expect(spec.name).toBe(name);
    expect(rest).toEqual(args);
  });
});

describe('parseCommandArgs', () => {
  it('gives the values of the options and the positionals', () => {
    expect(parseCommandArgs(score, ['--db', 'w.json', '--json'])).toEqual({ positionals: [], values: { db: 'w.json', json: true } });
    expect(parseCommandArgs(findCommand('schema')!, ['bank'])).toEqual({ positionals: ['bank'], values: {} });
  });

  it.each([
    [score, ['--frobnicate'], 'score: unknown option --frobnicate; run `cxray --help` for the options.'],
    [score, ['--db', 'w.json', '-x'], 'score: unknown option -x; run `cxray --help` for the options.'],
    [score, ['--output=plan.md'], 'score: unknown option --output; run `cxray --help` for the options.'],
    [OPEN_COMMAND, ['--assessment', 'Q4'], 'unknown option --assessment; run `cxray --help` for the options.'],
    [findCommand('doctor')!, ['--bank', 'b.yaml'], 'doctor: unknown option --bank; run `cxray --help` for the options.'],
    [score, ['--db'], 'score: option --db needs a value; run `cxray --help` for usage.'],
    [OPEN_COMMAND, ['--db'], 'option --db needs a value; run `cxray --help` for usage.'],
    [score, ['--db', '--json'], 'score: option --db needs a value, not --json; give one (a value that starts with a dash is written --db=--json); run `cxray --help` for usage.'],
    [score, ['--json=yes'], 'score: option --json takes no value; write it alone (e.g. --json); run `cxray --help` for usage.'],
    [score, ['extra'], 'score: unexpected argument "extra"; run `cxray --help` for usage.'],
    [OPEN_COMMAND, ['frobnicate'], 'unknown command "frobnicate"; run `cxray --help` for the commands.'],
    [findCommand('import')!, [], 'import: missing FILE.csv; run `cxray --help` for usage.'],
  ])('refuses %#: %j in one sentence', (spec, args, message) => {
    expect(refusal(() => parseCommandArgs(spec, args))).toBe(message);
  });
});
