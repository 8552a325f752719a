/** `cxray import FILE.csv`: answers from a CSV file (the columns of `export --format csv --answers`). */
import { UserError } from '../core/errors.js';
import { applyImport, planImport, type AnswerChange } from '../core/import-answers.js';
import { reportDate } from '../core/report-date.js';
import { plainLine } from '../core/terminal-text.js';
import { updateAssessment } from '../core/workbook-ops.js';
import { ORGANISATION_LABEL } from '../core/organisation.js';
import type { OrganisationAnswer, Workbook } from '../core/workbook-schema.js';
import { resolveDbPath, shownDbPath } from '../store/db-path.js';
import { openWorkbook, readWorkbook } from '../store/workbook-store.js';
import { commandAssessment, commandBank } from './context.js';
import { readCsvRecords } from './csv-records.js';
import type { Invocation, OptionValues } from './contract.js';
import type { IMPORT_OPTIONS } from './flags.js';

function answerText(a: OrganisationAnswer): string {
  if (a.kind !== 'option') return a.kind;
  return `${a.optionId}${a.confidence ? ` (${a.confidence})` : ''}`;
}

function describe(change: AnswerChange): string {
  const where = `line ${change.line}: ${change.journey ? plainLine(change.journey.name) : ORGANISATION_LABEL} / ${change.question.id}`;
  if (change.status === 'added') return `  + ${where}: ${answerText(change.after)}`;
  if (change.status === 'changed') {
    const what = [answerText(change.before) !== answerText(change.after) ? `${answerText(change.before)} → ${answerText(change.after)}` : answerText(change.after)];
    if (change.before.policy !== change.after.policy) what.push(`policy ${change.before.policy ?? 'unset'} → ${change.after.policy ?? 'unset'}`);
    if (change.before.note !== change.after.note) what.push('note changed');
    return `  ~ ${where}: ${what.join('; ')}`;
  }
  return '';
}

function summary(changes: readonly AnswerChange[], verb: { added: string; changed: string }): string {
  const count = (s: AnswerChange['status']) => changes.filter((c) => c.status === s).length;
  return `${verb.added} ${count('added')}, ${verb.changed} ${count('changed')}, unchanged ${count('unchanged')}.`;
}

export async function run({ positionals, values, env, cwd, out, err }: Invocation<OptionValues<typeof IMPORT_OPTIONS>>): Promise<number> {
  const file = positionals[0]!;
  const { header, rows } = await readCsvRecords(cwd, file, 'import', 'export one with `cxray export --format csv --answers`');

  const dbPath = resolveDbPath(values, env, cwd);
  const bank = await commandBank(values, err);
  const now = reportDate(env);
  const check = (workbook: Workbook) => {
    const assessment = commandAssessment(workbook, values, bank);
    const result = planImport(bank, assessment, header, rows, now, file);
    if (!result.ok) {
      for (const problem of result.problems) err(`${problem}\n`);
      throw new UserError(
        `import: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${file}; nothing was imported. Correct the rows above and run the import again.`,
        1,
      );
    }
    return { assessment, changes: result.changes };
  };

  if (values['dry-run']) {
    const { assessment, changes } = check(await readWorkbook(dbPath, { displayPath: shownDbPath(values, env) }));
    out(`Dry run: nothing written. Into "${plainLine(assessment.name)}", ${file} would: ${summary(changes, { added: 'add', changed: 'change' })}\n`);
    for (const change of changes) if (change.status !== 'unchanged') out(`${describe(change)}\n`);
    return 0;
  }

  const store = await openWorkbook(dbPath, { lock: true, displayPath: shownDbPath(values, env) });
  try {
    const { assessment, changes } = check(store.data);
    if (changes.some((c) => c.status !== 'unchanged')) {
      // The assessment as read with the bank (organisation answers adopted), with the rows applied.
      store.update((workbook) => updateAssessment(workbook, assessment.id, () => applyImport(assessment, changes)));
    }
    await store.flush();
    out(`Imported ${file} into "${plainLine(assessment.name)}": ${summary(changes, { added: 'added', changed: 'changed' })}\n`);
    for (const change of changes) if (change.status !== 'unchanged') out(`${describe(change)}\n`);
  } finally {
    await store.close();
  }
  return 0;
}
