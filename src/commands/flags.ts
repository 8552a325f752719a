/**
 * The options of every command, typed: shared ones (--db, --assessment, --bank,
 * --output, --force) written once, and each command's list, from which both its
 * `--help` lines and the type of its parsed values (`OptionValues<typeof SCORE_OPTIONS>`)
 * follow. No command code here: the table of commands imports this at every start.
 */
import type { OptionSpec } from './contract.js';

/** An option, its name kept as a literal type. */
function option<const Name extends string, const Type extends OptionSpec['type']>(spec: OptionSpec<Name> & { type: Type }): OptionSpec<Name> & { type: Type } {
  return spec;
}

export const DB_OPTION = option({ name: 'db', type: 'string', value: 'FILE', description: 'the workbook file (default: $CXRAY_DB or ./cxray.json)' });
export const BANK_OPTION = option({ name: 'bank', type: 'string', value: 'FILE', description: 'a question bank file or folder instead of the built-in bank' });
export const ASSESSMENT_OPTION = option({ name: 'assessment', type: 'string', value: 'NAME|ID', description: 'which assessment (default: the only or the newest one)' });
const OUTPUT_OPTION = option({ name: 'output', type: 'string', value: 'FILE', description: 'write to this file (private, 0600) instead of standard output' });
const FORCE_OUTPUT_OPTION = option({ name: 'force', type: 'boolean', description: 'overwrite the --output file if it exists' });

/**
 * Options that may also come before the command (`cxray --db w.json score`): those that
 * name what the commands work on. A command that has no such option still refuses it.
 */
export const GLOBAL_OPTIONS = [DB_OPTION, ASSESSMENT_OPTION, BANK_OPTION] as const;

/** The workbook, the assessment and the bank: what the report-building commands take. */
const REPORT_OPTIONS = [DB_OPTION, ASSESSMENT_OPTION, BANK_OPTION] as const;

export const OPEN_OPTIONS = [DB_OPTION, BANK_OPTION] as const;
export const PRESENT_OPTIONS = [DB_OPTION, BANK_OPTION] as const;
export const VALIDATE_OPTIONS = [] as const;
export const SCORE_OPTIONS = [
  ...REPORT_OPTIONS,
  option({ name: 'json', type: 'boolean', description: 'print the scores as JSON (unrounded) instead of a table' }),
] as const;
export const EXPORT_OPTIONS = [
  ...REPORT_OPTIONS,
  option({ name: 'format', type: 'string', value: 'md|html|json|csv|jira|gitlab|github', description: 'what to write (required): a report (md, html), data, or the plan for a tracker' }),
  OUTPUT_OPTION,
  FORCE_OUTPUT_OPTION,
  option({ name: 'answers', type: 'boolean', description: 'with --format csv: one row per answer (the format import reads) instead of per plan item' }),
] as const;
export const IMPORT_OPTIONS = [
  ...REPORT_OPTIONS,
  option({ name: 'dry-run', type: 'boolean', description: 'show what would be added and changed, and write nothing' }),
] as const;
export const IMPORT_STATUS_OPTIONS = [
  ...REPORT_OPTIONS,
  option({ name: 'tracker', type: 'string', value: 'jira|gitlab|github|cxray', description: 'whose export the file is (default: told from its header)' }),
  option({ name: 'dry-run', type: 'boolean', description: 'show what would change, and write nothing' }),
] as const;
export const SIGNOFF_OPTIONS = [
  ...REPORT_OPTIONS,
  option({ name: 'name', type: 'string', value: 'TEXT', description: 'who signs (required)' }),
  option({ name: 'role', type: 'string', value: 'TEXT', description: 'their role, e.g. "Head of Customer Operations"' }),
  option({ name: 'decision', type: 'string', value: 'accepted|accepted-with-conditions|not-accepted', description: 'the decision (required)' }),
  option({ name: 'date', type: 'string', value: 'YYYY-MM-DD', description: 'the day of the decision (default: today)' }),
  option({ name: 'conditions', type: 'string', value: 'TEXT', description: 'the conditions (required with accepted-with-conditions)' }),
] as const;
export const DEMO_OPTIONS = [DB_OPTION, option({ name: 'force', type: 'boolean', description: 'replace the file if it exists' })] as const;
export const SNAPSHOT_OPTIONS = [
  ...REPORT_OPTIONS,
  option({ name: 'label', type: 'string', value: 'TEXT', description: 'what to call it, e.g. "2026 Q4" (default: the day)' }),
  option({ name: 'new-cycle', type: 'boolean', description: 'also start the next cycle: every answer is marked carried over until confirmed or changed' }),
] as const;
export const DIFF_OPTIONS = [
  ...REPORT_OPTIONS,
  option({ name: 'from', type: 'string', value: 'SNAPSHOT', description: 'the earlier cycle: a label, id, number (1 = oldest) or latest' }),
  option({ name: 'to', type: 'string', value: 'SNAPSHOT|current', description: 'the later cycle (default: current, the answers as they stand)' }),
  option({ name: 'format', type: 'string', value: 'text|md|json', description: 'what to write (default: text)' }),
  OUTPUT_OPTION,
  FORCE_OUTPUT_OPTION,
] as const;
export const CONTROLS_OPTIONS = [
  ...REPORT_OPTIONS,
  option({ name: 'framework', type: 'string', value: 'NAME[,NAME]', description: 'only these frameworks: ISO27001, NIST-CSF, PCI-DSS, SOC2, GDPR (default: all)' }),
  option({ name: 'format', type: 'string', value: 'text|md|csv|json', description: 'what to write (default: text)' }),
  OUTPUT_OPTION,
  FORCE_OUTPUT_OPTION,
  option({ name: 'dry-run', type: 'boolean', description: 'with import: check the claims file and show what would be stored, and write nothing' }),
] as const;
export const REQUESTS_OPTIONS = [
  ...REPORT_OPTIONS,
  option({ name: 'format', type: 'string', value: 'md|csv|json', description: 'what to write (default: md, a checklist per owner)' }),
  OUTPUT_OPTION,
  FORCE_OUTPUT_OPTION,
  option({ name: 'dry-run', type: 'boolean', description: 'with import: check the file and show what would change, and write nothing' }),
] as const;
export const SCHEMA_OPTIONS = [] as const;
export const DOCTOR_OPTIONS = [
  DB_OPTION,
  option({
    name: 'restore',
    type: 'boolean',
    description: 'replace a damaged or missing workbook with its newest valid backup (the damaged file is kept aside)',
  }),
  option({
    name: 'repair',
    type: 'boolean',
    description: 'mend duplicate answers, repeated journey ids and answers to no journey: the newest is kept, the rest listed (the file as it was is kept aside)',
  }),
] as const;
