/**
 * The entry point: parses the command line, then runs one command, or opens the
 * workbook. Only the chosen command's code is loaded, so non-interactive commands never
 * load Ink, React or marked. A user's mistake ends in one sentence and exit 2, never a
 * stack trace.
 */
import { parseCommandArgs, splitCommand } from './commands/argv.js';
import { COMMANDS } from './commands/registry.js';
import { renderHelp } from './commands/help.js';
import { UserError } from './core/errors.js';
import { plainLine } from './core/terminal-text.js';
import { writeTerminal, type WriteOptions } from './terminal-write.js';
import packageJson from '../package.json' with { type: 'json' };

export async function main(argv: string[]): Promise<number> {
  const out = (text: string, options?: WriteOptions) => writeTerminal('stdout', text, options);
  const err = (text: string) => writeTerminal('stderr', text);
  const first = argv[0];
  if (first === '--help' || first === '-h' || first === 'help') {
    out(renderHelp(packageJson.version));
    return 0;
  }
  if (first === '--version' || first === '-v') {
    out(`${packageJson.version}\n`);
    return 0;
  }
  const { spec, args } = splitCommand(argv);
  if (args.includes('--help') || args.includes('-h')) {
    out(renderHelp(packageJson.version, spec));
    return 0;
  }
  const parsed = parseCommandArgs(spec, args);
  const command = await spec.load();
  // A terminal's width for output that fits it (`cxray score`); none when piped.
  const columns = process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined;
  return command.run({ ...parsed, env: process.env, cwd: process.cwd(), out, err, columns });
}

/** Prints a failure as one line (never a stack trace for the user's own mistakes). */
function report(error: unknown): number {
  if (error instanceof UserError) {
    // One line, whatever text from an argument or a file the message quotes.
    writeTerminal('stderr', `cxray: ${plainLine(error.message)}\n`);
    return error.exitCode;
  }
  const e = error as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') {
    // A system error that escaped a command: still one sentence, with the cause.
    writeTerminal('stderr', `cxray: ${plainLine(e.message)}\n`);
    return 2;
  }
  writeTerminal(
    'stderr',
    `cxray: internal error: ${e?.stack ?? String(error)}\nThis is a bug in cxray; please report it with the lines above.\n`,
  );
  return 70;
}

// A reader that stops early (`cxray export --format md | head`) closes the pipe: stop
// writing quietly, as other command-line tools do, instead of an 'Unhandled error' trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = report(error);
  },
);

// Keep the list of commands reachable for tooling that imports this module.
export { COMMANDS };
