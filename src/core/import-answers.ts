/**
 * Answers from a table (the rows of `cxray export --format csv --answers`, edited in a
 * spreadsheet or written by hand) checked against the bank and the assessment, and
 * turned into changes. Every row is checked first and every problem is reported with
 * its line; nothing is applied unless all rows are valid. Pure: no I/O, `now` is given.
 */
import { scopeNamesOf, withArticle } from './bank-words.js';
import { z } from './zod.js';
import type { Bank, Question } from './bank-schema.js';
import { optionFor } from './bank-renames.js';
import { plainLine, plainText, visibleKey } from './terminal-text.js';
import { answerKey, appliesTo, indexAnswers } from './journey-questions.js';
import { indexOrganisationAnswers, isOrganisationWide, organisationQuestions, putOrganisationAnswer } from './organisation.js';
import { CONFIDENCES, POLICIES, type Answer, type Assessment, type Journey, type OrganisationAnswer, type Position, type Vote } from './workbook-schema.js';

/** What the journey column holds for the organisation answer of an organisation-wide question (as the CSV export writes it). */
export const ORGANISATION_JOURNEY = 'organisation';

/** One row of the table: its line in the file and its cells. */
export interface ImportRow {
  line: number;
  cells: string[];
}

/**
 * One row's effect. `journey` is null for the organisation answer of an
 * organisation-wide question; a journey's row on such a question is its override.
 */
export type AnswerChange =
  | { status: 'added'; line: number; journey: Journey | null; question: Question; after: Answer | OrganisationAnswer }
  | { status: 'changed'; line: number; journey: Journey | null; question: Question; before: Answer | OrganisationAnswer; after: Answer | OrganisationAnswer }
  | { status: 'unchanged'; line: number; journey: Journey | null; question: Question; before: Answer | OrganisationAnswer };

export type ImportResult = { ok: true; changes: AnswerChange[] } | { ok: false; problems: string[] };

/** The columns read, by header name (case and surrounding spaces ignored). */
const REQUIRED = ['journey', 'question id', 'answer', 'confidence', 'policy', 'note'] as const;
/** The columns that may be left out. */
type OptionalColumn = 'by' | 'at' | 'vote' | 'positions';
/** The most positions a vote holds (as the workbook allows). */
const MAX_POSITIONS = 100;
const isoDate = z.iso.datetime({ offset: true });

/** A cell as a message quotes it: on one line, no terminal controls, not too long. */
function quoted(cell: string): string {
  const line = plainLine(cell);
  return `"${line.length > 60 ? `${line.slice(0, 59)}…` : line}"`;
}

function list(values: readonly string[], max = 12): string {
  const shown = values.slice(0, max).map(quoted).join(', ');
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}

/**
 * The same answer, as far as the workbook is concerned (who and when aside). `existing`
 * is the workbook's, `imported` the file's: the export writes a note as plain text
 * (terminal controls, lone CRs and invisible characters are never written), so a note
 * that reads back as the export wrote it is unchanged, and export -> import changes
 * nothing.
 */
function sameAnswer(existing: OrganisationAnswer, imported: OrganisationAnswer): boolean {
  return (
    existing.kind === imported.kind &&
    existing.optionId === imported.optionId &&
    existing.confidence === imported.confidence &&
    existing.policy === imported.policy &&
    (existing.note === imported.note || plainText(existing.note) === imported.note) &&
    sameVote(existing.vote, imported.vote)
  );
}

/** The same vote as the export writes it: hidden or open, and each position in order (a name on one line). */
function sameVote(existing: Vote | undefined, imported: Vote | undefined): boolean {
  if (!existing || !imported) return existing === imported;
  return (
    existing.hidden === imported.hidden &&
    existing.positions.length === imported.positions.length &&
    existing.positions.every((p, i) => {
      const q = imported.positions[i]!;
      return p.kind === q.kind && p.optionId === q.optionId && (p.name === q.name || plainLine(p.name).trim() === q.name);
    })
  );
}

/**
 * The vote cells of one row read back ("hidden" or "open", and one "Name: answer" a line,
 * the answer an option id, unknown or na); problems are pushed prefixed with `at`.
 * Undefined: no vote.
 */
function readVote(at: string, question: Question | undefined, voteCell: string, positionsCell: string, problems: string[]): Vote | undefined {
  const lines = positionsCell
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (voteCell === '') {
    if (lines.length > 0) problems.push(`${at} positions are listed but the vote is empty; say hidden or open (how the room voted), or empty the positions.`);
    return undefined;
  }
  if (voteCell !== 'hidden' && voteCell !== 'open') {
    problems.push(`${at} unknown vote ${quoted(voteCell)}; use hidden, open or leave it empty (no vote).`);
    return undefined;
  }
  if (lines.length === 0) {
    problems.push(`${at} the vote is ${voteCell} but the positions are empty; list them one a line as "Name: answer", or empty the vote.`);
    return undefined;
  }
  if (lines.length > MAX_POSITIONS) {
    problems.push(`${at} the vote has ${lines.length} positions; keep at most ${MAX_POSITIONS}.`);
    return undefined;
  }
  const positions: Position[] = [];
  const named = new Map<string, number>();
  const before = problems.length;
  lines.forEach((line, i) => {
    const split = line.lastIndexOf(':');
    const name = split < 0 ? '' : line.slice(0, split).trim();
    const answer = split < 0 ? '' : line.slice(split + 1).trim().toLowerCase();
    const which = `position ${i + 1} (${quoted(line)})`;
    if (name === '' || answer === '') {
      problems.push(`${at} ${which} is not "Name: answer"; write one a line, such as "Ana Almeida: unknown".`);
      return;
    }
    if (name.length > 200) problems.push(`${at} ${which}: the name is ${name.length} characters long; keep it under 200.`);
    const key = visibleKey(name);
    const first = named.get(key);
    if (first !== undefined) problems.push(`${at} ${which}: ${quoted(name)} already voted in position ${first}; keep one.`);
    else named.set(key, i + 1);
    if (answer === 'unknown' || answer === 'na') positions.push({ name, kind: answer });
    else if (question) {
      const option = optionFor(question, answer);
      if (option) positions.push({ name, kind: 'option', optionId: option.id });
      else problems.push(`${at} ${which}: unknown answer ${quoted(answer)} to question "${question.id}"; use one of ${list([...question.options.map((o) => o.id), 'unknown', 'na'])}.`);
    }
  });
  return problems.length > before || !question ? undefined : { hidden: voteCell === 'hidden', positions };
}

/**
 * Checks the rows against the bank and the assessment. `file` prefixes each problem
 * (`answers.csv:7: unknown question id "foo"`). `header` is the first row.
 */
export function planImport(bank: Bank, assessment: Assessment, header: ImportRow, rows: readonly ImportRow[], now: Date, file: string): ImportResult {
  const problems: string[] = [];
  const columns = new Map(header.cells.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    return {
      ok: false,
      problems: [
        `${file}:${header.line}: the header lacks the column${missing.length === 1 ? '' : 's'} ${list(missing)}; the first row must name the columns ${list(REQUIRED)} (as \`cxray export --format csv --answers\` writes them).`,
      ],
    };
  }
  const column = (row: ImportRow, name: (typeof REQUIRED)[number] | OptionalColumn) => {
    const i = columns.get(name);
    return i === undefined ? undefined : (row.cells[i] ?? '');
  };

  const journeysById = new Map(assessment.journeys.map((j) => [j.id, j]));
  const journeysByName = new Map<string, Journey[]>();
  // By name as a person (and the export) sees it: controls and invisible characters aside.
  for (const j of assessment.journeys) {
    const key = visibleKey(j.name);
    journeysByName.set(key, [...(journeysByName.get(key) ?? []), j]);
  }
  const questions = new Map(bank.questions.map((q) => [q.id, q]));
  const existing = indexAnswers(assessment.answers);
  const existingOrganisation = indexOrganisationAnswers(assessment.organisationAnswers);
  const organisationWide = new Set(organisationQuestions(bank, assessment).map((q) => q.id));
  const systemsById = new Map(assessment.systems.map((s) => [s.id, s]));
  const seen = new Map<string, number>();
  const changes: AnswerChange[] = [];
  // The column is 'journey' for every bank; what it names is in the bank's words (an application, a desk).
  const scope = scopeNamesOf(bank);

  for (const row of rows) {
    const at = `${file}:${row.line}:`;
    const before = problems.length;
    const journeyCell = column(row, 'journey')!.trim();
    const questionCell = column(row, 'question id')!.trim();
    const answerCell = column(row, 'answer')!.trim().toLowerCase();
    const confidenceCell = column(row, 'confidence')!.trim().toLowerCase();
    const policyCell = column(row, 'policy')!.trim().toLowerCase();
    const note = column(row, 'note')!;
    const by = column(row, 'by')?.trim();
    const when = column(row, 'at')?.trim();
    const voteCell = column(row, 'vote')?.trim().toLowerCase();

    const forOrganisation = journeyCell.toLowerCase() === ORGANISATION_JOURNEY;
    let journey = forOrganisation ? undefined : journeysById.get(journeyCell);
    if (!journey && !forOrganisation) {
      const named = journeysByName.get(visibleKey(journeyCell)) ?? [];
      if (named.length === 1) journey = named[0];
      else if (named.length > 1) problems.push(`${at} more than one ${scope.singular} is named ${quoted(journeyCell)}; use its id instead (${list(named.map((j) => j.id))}).`);
      else if (journeyCell === '') problems.push(`${at} the journey column is empty; give the name or id of ${withArticle(scope.singular)}.`);
      else problems.push(`${at} unknown ${scope.singular} ${quoted(journeyCell)}; the assessment has ${assessment.journeys.length === 0 ? `no ${scope.plural}` : list(assessment.journeys.map((j) => j.name))}.`);
    }
    const question = questions.get(questionCell);
    if (!question) problems.push(`${at} unknown question id ${quoted(questionCell)}; \`cxray export --format csv --answers\` lists the ids in use.`);

    if (forOrganisation && question) {
      if (!isOrganisationWide(question)) {
        problems.push(`${at} "${ORGANISATION_JOURNEY}" names the organisation answer, but question "${question.id}" is asked per ${scope.singular}; put the name or id of ${withArticle(scope.singular)} in the journey column.`);
      } else if (!organisationWide.has(question.id)) {
        problems.push(`${at} organisation-wide question "${question.id}" applies to none of the assessment's ${scope.plural} (their channels, data or systems do not match its conditions); remove the row.`);
      }
      const key = answerKey('', question.id);
      const first = seen.get(key);
      if (first !== undefined) problems.push(`${at} a second organisation answer for "${question.id}" (the first is on line ${first}); keep one.`);
      else seen.set(key, row.line);
    }
    if (journey && question) {
      const systems = journey.systemIds.map((id) => systemsById.get(id)).filter((s) => s !== undefined);
      if (!appliesTo(question.appliesTo, journey, { systems })) {
        problems.push(`${at} question "${question.id}" does not apply to the ${scope.singular} ${quoted(journey.name)} (its channels, data or systems do not match the question's conditions).`);
      }
      const key = answerKey(journey.id, question.id);
      const first = seen.get(key);
      if (first !== undefined) problems.push(`${at} a second answer for ${quoted(journey.name)} and "${question.id}" (the first is on line ${first}); keep one.`);
      else seen.set(key, row.line);
    }

    let kind: Answer['kind'] | undefined;
    let optionId: string | undefined;
    if (answerCell === 'unknown' || answerCell === 'na') kind = answerCell;
    else if (answerCell === '') problems.push(`${at} the answer is empty; give an option id, unknown or na.`);
    else if (question) {
      // An id the bank renamed (formerly) is read as the option that holds it now.
      const option = optionFor(question, answerCell);
      if (option) {
        kind = 'option';
        optionId = option.id;
      } else {
        problems.push(`${at} unknown answer ${quoted(answerCell)} to question "${question.id}"; use one of ${list([...question.options.map((o) => o.id), 'unknown', 'na'])}.`);
      }
    }

    let confidence: Answer['confidence'];
    if (confidenceCell !== '') {
      if (!(CONFIDENCES as readonly string[]).includes(confidenceCell)) {
        problems.push(`${at} unknown confidence ${quoted(confidenceCell)}; use verified, reported, disputed or leave it empty.`);
      } else if (kind !== undefined && kind !== 'option') {
        problems.push(`${at} the confidence ${quoted(confidenceCell)} goes with an option; leave it empty for ${kind === 'na' ? 'na' : 'unknown'}.`);
      } else {
        confidence = confidenceCell as Answer['confidence'];
      }
    }
    let policy: Answer['policy'];
    if (policyCell !== '') {
      if (!(POLICIES as readonly string[]).includes(policyCell)) problems.push(`${at} unknown policy ${quoted(policyCell)}; use documented, none or leave it empty.`);
      else policy = policyCell as Answer['policy'];
    }
    if (note.length > 20_000) problems.push(`${at} the note is ${note.length} characters long; keep it under 20000.`);
    if (by !== undefined && by.length > 200) problems.push(`${at} "by" is ${by.length} characters long; keep it under 200.`);
    if (when !== undefined && when !== '' && !isoDate.safeParse(when).success) {
      problems.push(`${at} "at" is ${quoted(when)}, not a date and time such as 2026-11-20T10:00:00.000Z; correct it or leave it empty.`);
    }
    // Without the vote columns (a file from before they were written) a vote stays with the answer while its choice stays, as in the walk.
    const vote = voteCell === undefined ? undefined : readVote(at, question, voteCell, column(row, 'positions') ?? '', problems);
    if (problems.length > before || !(journey || forOrganisation) || !question || !kind) continue;

    const previous = journey ? existing.get(answerKey(journey.id, question.id)) : existingOrganisation.get(question.id);
    const kept = voteCell === undefined && previous?.kind === kind && previous.optionId === optionId ? previous.vote : vote;
    const answer: Answer | OrganisationAnswer = {
      ...(journey ? { journeyId: journey.id } : {}),
      questionId: question.id,
      kind,
      ...(optionId ? { optionId } : {}),
      ...(confidence ? { confidence } : {}),
      ...(policy ? { policy } : {}),
      note,
      by: by ?? '',
      at: when || now.toISOString(),
      ...(kept ? { vote: kept } : {}),
    };
    if (previous && sameAnswer(previous, answer)) {
      changes.push({ status: 'unchanged', line: row.line, journey: journey ?? null, question, before: previous });
      continue;
    }
    // A row edited in a spreadsheet keeps the date it was exported with: it is a new answer, given now.
    if (previous && answer.at === previous.at) answer.at = now.toISOString();
    changes.push(
      previous
        ? { status: 'changed', line: row.line, journey: journey ?? null, question, before: previous, after: answer }
        : { status: 'added', line: row.line, journey: journey ?? null, question, after: answer },
    );
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, changes };
}

/**
 * The assessment with the added and changed answers in place (others keep their order):
 * journey answers and overrides among the answers, organisation answers among the
 * organisation answers.
 */
export function applyImport(assessment: Assessment, changes: readonly AnswerChange[]): Assessment {
  const replacing = new Map<string, Answer>();
  let result = assessment;
  for (const change of changes) {
    if (change.status === 'unchanged') continue;
    if (change.journey === null) {
      const after = change.after;
      const existing = result.organisationAnswers.findIndex((a) => a.questionId === after.questionId);
      if (existing < 0) result = putOrganisationAnswer(result, after);
      else result = { ...result, organisationAnswers: result.organisationAnswers.map((a, i) => (i === existing ? after : a)) };
    } else {
      const after = change.after as Answer;
      replacing.set(answerKey(after.journeyId, after.questionId), after);
    }
  }
  if (replacing.size === 0) return result;
  const answers: Answer[] = [];
  const placed = new Set<string>();
  for (const a of assessment.answers) {
    const key = answerKey(a.journeyId, a.questionId);
    const next = replacing.get(key);
    if (!next) answers.push(a);
    else if (!placed.has(key)) {
      answers.push(next);
      placed.add(key);
    }
  }
  for (const [key, a] of replacing) if (!placed.has(key)) answers.push(a);
  return { ...result, answers };
}
