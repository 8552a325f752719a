/**
 * Every command cxray understands, as data: its name, what it does, its options and an
 * example. `--help` is rendered from this table, and the CLI parses each command's
 * arguments with it. Each command's code lives in its own file and is imported only
 * when that command runs, so none of them pays for the others (or for Ink).
 */
import type { CommandSpec, OptionSpec } from './contract.js';
import {
  CONTROLS_OPTIONS,
  DEMO_OPTIONS,
  DIFF_OPTIONS,
  DOCTOR_OPTIONS,
  EXPORT_OPTIONS,
  IMPORT_OPTIONS,
  IMPORT_STATUS_OPTIONS,
  OPEN_OPTIONS,
  PRESENT_OPTIONS,
  REQUESTS_OPTIONS,
  SCHEMA_OPTIONS,
  SCORE_OPTIONS,
  SIGNOFF_OPTIONS,
  SNAPSHOT_OPTIONS,
  VALIDATE_OPTIONS,
} from './flags.js';

/**
 * A command of the table: its `load` must give a `run` that takes exactly the values of
 * its options (checked here, at the definition), then kept as a plain CommandSpec.
 */
function command<const Options extends readonly OptionSpec[]>(spec: CommandSpec<Options>): CommandSpec {
  return spec as unknown as CommandSpec;
}

/** Opening the workbook: `cxray` with no command. */
export const OPEN_COMMAND: CommandSpec = command({
  name: '',
  positionals: [0, 0],
  summary: 'Open the workbook in the terminal (needs an interactive terminal).',
  options: OPEN_OPTIONS,
  example: 'cxray --db workshop.json',
  load: () => import('./open.js'),
});

export const COMMANDS: CommandSpec[] = [
  command({
    name: 'validate',
    args: '[FILE|DIR ...]',
    positionals: [0, Infinity],
    summary: 'Check question banks (default: the built-in ones) and report every problem as file:line:column.',
    options: VALIDATE_OPTIONS,
    example: 'cxray validate questions/my-bank.yaml',
    load: () => import('./validate.js'),
  }),
  command({
    name: 'score',
    positionals: [0, 0],
    summary: 'Show exposure and visibility per journey and dimension, as a table or as JSON.',
    options: SCORE_OPTIONS,
    example: 'cxray score --db workshop.json',
    load: () => import('./score.js'),
  }),
  command({
    name: 'export',
    positionals: [0, 0],
    summary: 'Export the report: markdown for a wiki or a pull request, JSON, or CSV for a tracker.',
    options: EXPORT_OPTIONS,
    example: 'cxray export --format md --output plan.md',
    load: () => import('./export.js'),
  }),
  command({
    name: 'import',
    args: 'FILE.csv',
    positionals: [1, 1],
    summary: 'Load answers from a CSV file with the columns of `export --format csv --answers`; all rows are checked first.',
    options: IMPORT_OPTIONS,
    example: 'cxray import answers.csv --dry-run',
    load: () => import('./import.js'),
  }),
  command({
    name: 'import-status',
    args: 'FILE.csv',
    positionals: [1, 1],
    summary: 'Bring plan statuses back from a tracker\'s CSV export (Jira, GitLab, GitHub): status, owner, due date and ticket link, by cxray id; all rows are checked first.',
    options: IMPORT_STATUS_OPTIONS,
    example: 'cxray import-status jira-export.csv --tracker jira --dry-run',
    load: () => import('./import-status.js'),
  }),
  command({
    name: 'signoff',
    positionals: [0, 0],
    summary: 'Record the sign-off of the report: who accepts the risk, in which role, when, and the decision.',
    options: SIGNOFF_OPTIONS,
    example: 'cxray signoff --name "Dana Reyes" --role "Head of CX" --decision accepted-with-conditions --conditions "Exports fixed by March"',
    load: () => import('./signoff.js'),
  }),
  command({
    name: 'demo',
    positionals: [0, 0],
    summary: 'Write a sample workbook, fully answered, to try cxray on.',
    options: DEMO_OPTIONS,
    example: 'cxray demo --db demo.json',
    load: () => import('./demo.js'),
  }),
  command({
    name: 'snapshot',
    positionals: [0, 0],
    summary: 'Freeze a dated copy of an assessment (answers, scores, plan) in the workbook, to compare later cycles with.',
    options: SNAPSHOT_OPTIONS,
    example: 'cxray snapshot --label "2026 Q4" --new-cycle',
    load: () => import('./snapshot.js'),
  }),
  command({
    name: 'diff',
    positionals: [0, 0],
    summary: 'Show what changed between two cycles: scores, answers, unknowns and plan (default: the latest snapshot to now).',
    options: DIFF_OPTIONS,
    example: 'cxray diff --from "2026 Q3" --format md --output changes.md',
    load: () => import('./diff.js'),
  }),
  command({
    name: 'controls',
    args: '[import FILE.csv]',
    positionals: [0, 2],
    summary:
      'For each control the bank cites, what the answers show in practice: holds, exposed, unknown or not tested; `controls import FILE.csv` loads what the audit claims (all rows checked first).',
    options: CONTROLS_OPTIONS,
    example: 'cxray controls --framework ISO27001 --format md --output controls.md',
    load: () => import('./controls.js'),
  }),
  command({
    name: 'requests',
    args: '[import FILE.csv]',
    positionals: [0, 2],
    summary:
      'List the evidence requests per owner (answers on someone\'s word, disputed or unknown) as a checklist, CSV or JSON; `requests import FILE.csv` reads the filled CSV back (all rows checked first).',
    options: REQUESTS_OPTIONS,
    example: 'cxray requests --format csv --output requests.csv',
    load: () => import('./requests.js'),
  }),
  command({
    name: 'present',
    positionals: [0, 0],
    summary: "A read-only view for the projector that follows the cxray driving the walk: the question in large type, its options, the end-of-journey summary (takes no lock, writes nothing).",
    options: PRESENT_OPTIONS,
    example: 'cxray present --db workshop.json',
    load: () => import('./present.js'),
  }),
  command({
    name: 'schema',
    args: 'bank|workbook|report|diff|controls',
    positionals: [1, 1],
    summary: 'Print the JSON Schema of a bank, a workbook, a JSON report, a JSON diff or the JSON controls view.',
    options: SCHEMA_OPTIONS,
    example: 'cxray schema bank > bank.schema.json',
    load: () => import('./schema.js'),
  }),
  command({
    name: 'doctor',
    positionals: [0, 0],
    summary: 'Check a workbook and its backups; --restore puts the newest valid backup in place of a damaged one.',
    options: DOCTOR_OPTIONS,
    example: 'cxray doctor --db workshop.json --restore',
    load: () => import('./doctor.js'),
  }),
];

/** The command of this name, if there is one. */
export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
