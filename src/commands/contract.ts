/**
 * The contract between the command line (src/cli.ts, src/commands/argv.ts), the table
 * of commands (registry.ts) and each command's code: what an option, a command and a
 * parsed invocation are. Types only, in a module of their own, so that a command's code
 * and the table that loads it lazily never import each other.
 */

/** One `--flag` of a command. */
export interface OptionSpec<Name extends string = string> {
  /** The long flag without dashes. */
  name: Name;
  type: 'string' | 'boolean';
  /** Shown after the flag in help, e.g. FILE. */
  value?: string;
  description: string;
}

/** The values parsed for a list of options: text for a string option, true for a boolean one; absent when not given. */
export type OptionValues<Options extends readonly OptionSpec[]> = {
  [O in Options[number] as O['name']]?: O['type'] extends 'boolean' ? boolean : string;
};

/** Parsed values when the options are not known statically. */
export type AnyValues = Record<string, string | boolean | undefined>;

/** OptionValues of a list of options whose names are known, else AnyValues. */
export type ValuesOf<Options extends readonly OptionSpec[]> = string extends Options[number]['name'] ? AnyValues : OptionValues<Options>;

/** A parsed command line, and where a command writes. */
export interface Invocation<Values = AnyValues> {
  positionals: string[];
  values: Values;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Writes to standard output, filtered (src/terminal-write.ts); `styled` keeps cxray's colours. */
  out: (text: string, options?: { styled?: boolean }) => void;
  /** Writes to standard error, filtered. */
  err: (text: string) => void;
  /** Standard output's width when it is a terminal; undefined when it is piped or a file. */
  columns?: number | undefined;
}

/** What a command file exports. */
export interface CommandModule<Values = AnyValues> {
  run: (invocation: Invocation<Values>) => Promise<number>;
}

/** A command as data: `--help` is rendered from it and the arguments are parsed with it. */
export interface CommandSpec<Options extends readonly OptionSpec[] = readonly OptionSpec[]> {
  name: string;
  /** Positional arguments as shown in usage, e.g. "[FILE|DIR ...]". */
  args?: string;
  /** Smallest and largest number of positional arguments. */
  positionals: [number, number];
  summary: string;
  options: Options;
  example: string;
  /** Imports the command's code; called only when the command runs. */
  load: () => Promise<CommandModule<ValuesOf<Options>>>;
}
