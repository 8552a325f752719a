/**
 * Every command cxray understands, as data: its name, what it does, its options and an
 * example. `--help` is rendered from this table, and the CLI parses each command's
 * arguments with it. Each command's code lives in its own file and is imported only
 * when that command runs, so none of them pays for the others (or for Ink).
 */
export interface OptionSpec {
  /** The long flag without dashes. */
  name: string;
  type: 'string' | 'boolean';
  /** Shown after the flag in help, e.g. FILE. */
  value?: string;
  description: string;
  multiple?: boolean;
}

export interface CommandSpec {
  name: string;
  /** Positional arguments as shown in usage, e.g. "[FILE|DIR ...]". */
  args?: string;
  /** Smallest and largest number of positional arguments. */
  positionals: [number, number];
  summary: string;
  options: OptionSpec[];
  example: string;
  /** Imports the command's code; called only when the command runs. */
  load: () => Promise<CommandModule>;
}

/** What a command file exports. */
export interface CommandModule {
  run(invocation: Invocation): Promise<number>;
}

/** A parsed command line, and where a command writes. */
export interface Invocation {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Writes to standard output, filtered (src/terminal-write.ts); `styled` keeps cxray's colours. */
  out: (text: string, options?: { styled?: boolean }) => void;
  /** Writes to standard error, filtered. */
  err: (text: string) => void;
}

export const DB_OPTION: OptionSpec = {
  name: 'db',
  type: 'string',
  value: 'FILE',
  description: 'the workbook file (default: $CXRAY_DB or ./cxray.json)',
};
export const BANK_OPTION: OptionSpec = {
  name: 'bank',
  type: 'string',
  value: 'FILE',
  description: 'a question bank file or folder instead of the built-in bank',
};
export const ASSESSMENT_OPTION: OptionSpec = {
  name: 'assessment',
  type: 'string',
  value: 'NAME|ID',
  description: 'which assessment (default: the only or the newest one)',
};

/** Opening the workbook: `cxray` with no command. */
export const OPEN_COMMAND: CommandSpec = {
  name: '',
  positionals: [0, 0],
  summary: 'Open the workbook in the terminal (needs an interactive terminal).',
  options: [DB_OPTION, BANK_OPTION],
  example: 'cxray --db workshop.json',
  load: () => import('./open.js'),
};

export const COMMANDS: CommandSpec[] = [
  {
    name: 'validate',
    args: '[FILE|DIR ...]',
    positionals: [0, Infinity],
    summary: 'Check question banks (default: the built-in ones) and report every problem as file:line:column.',
    options: [],
    example: 'cxray validate questions/my-bank.yaml',
    load: () => import('./validate.js'),
  },
  {
    name: 'score',
    positionals: [0, 0],
    summary: 'Show exposure and visibility per journey and dimension, as a table or as JSON.',
    options: [
      DB_OPTION,
      ASSESSMENT_OPTION,
      BANK_OPTION,
      { name: 'json', type: 'boolean', description: 'print the scores as JSON (unrounded) instead of a table' },
    ],
    example: 'cxray score --db workshop.json',
    load: () => import('./score.js'),
  },
  {
    name: 'export',
    positionals: [0, 0],
    summary: 'Export the report: markdown for a wiki or a pull request, JSON, or CSV for a tracker.',
    options: [
      DB_OPTION,
      ASSESSMENT_OPTION,
      BANK_OPTION,
      { name: 'format', type: 'string', value: 'md|json|csv', description: 'what to write (required)' },
      { name: 'output', type: 'string', value: 'FILE', description: 'write to this file (private, 0600) instead of standard output' },
      { name: 'force', type: 'boolean', description: 'overwrite the --output file if it exists' },
      { name: 'answers', type: 'boolean', description: 'with --format csv: one row per answer (the format import reads) instead of per plan item' },
    ],
    example: 'cxray export --format md --output plan.md',
    load: () => import('./export.js'),
  },
  {
    name: 'import',
    args: 'FILE.csv',
    positionals: [1, 1],
    summary: 'Load answers from a CSV file with the columns of `export --format csv --answers`; all rows are checked first.',
    options: [
      DB_OPTION,
      ASSESSMENT_OPTION,
      BANK_OPTION,
      { name: 'dry-run', type: 'boolean', description: 'show what would be added and changed, and write nothing' },
    ],
    example: 'cxray import answers.csv --dry-run',
    load: () => import('./import.js'),
  },
  {
    name: 'demo',
    positionals: [0, 0],
    summary: 'Write a sample workbook, fully answered, to try cxray on.',
    options: [DB_OPTION, { name: 'force', type: 'boolean', description: 'replace the file if it exists' }],
    example: 'cxray demo --db demo.json',
    load: () => import('./demo.js'),
  },
  {
    name: 'snapshot',
    positionals: [0, 0],
    summary: 'Freeze a dated copy of an assessment (answers, scores, plan) in the workbook, to compare later cycles with.',
    options: [
      DB_OPTION,
      ASSESSMENT_OPTION,
      BANK_OPTION,
      { name: 'label', type: 'string', value: 'TEXT', description: 'what to call it, e.g. "2026 Q4" (default: the day)' },
      {
        name: 'new-cycle',
        type: 'boolean',
        description: 'also start the next cycle: every answer is marked carried over until confirmed or changed',
      },
    ],
    example: 'cxray snapshot --label "2026 Q4" --new-cycle',
    load: () => import('./snapshot.js'),
  },
  {
    name: 'diff',
    positionals: [0, 0],
    summary: 'Show what changed between two cycles: scores, answers, unknowns and plan (default: the latest snapshot to now).',
    options: [
      DB_OPTION,
      ASSESSMENT_OPTION,
      BANK_OPTION,
      { name: 'from', type: 'string', value: 'SNAPSHOT', description: 'the earlier cycle: a label, id, number (1 = oldest) or latest' },
      { name: 'to', type: 'string', value: 'SNAPSHOT|current', description: 'the later cycle (default: current, the answers as they stand)' },
      { name: 'format', type: 'string', value: 'text|md|json', description: 'what to write (default: text)' },
      { name: 'output', type: 'string', value: 'FILE', description: 'write to this file (private, 0600) instead of standard output' },
      { name: 'force', type: 'boolean', description: 'overwrite the --output file if it exists' },
    ],
    example: 'cxray diff --from "2026 Q3" --format md --output changes.md',
    load: () => import('./diff.js'),
  },
  {
    name: 'schema',
    args: 'bank|workbook|report|diff',
    positionals: [1, 1],
    summary: 'Print the JSON Schema of a bank, a workbook, a JSON report or a JSON diff.',
    options: [],
    example: 'cxray schema bank > bank.schema.json',
    load: () => import('./schema.js'),
  },
  {
    name: 'doctor',
    positionals: [0, 0],
    summary: 'Check a workbook and its backups; --restore puts the newest valid backup in place of a damaged one.',
    options: [
      DB_OPTION,
      {
        name: 'restore',
        type: 'boolean',
        description: 'replace a damaged or missing workbook with its newest valid backup (the damaged file is kept aside)',
      },
    ],
    example: 'cxray doctor --db workshop.json --restore',
    load: () => import('./doctor.js'),
  },
];

/** The command of this name, if there is one. */
export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
