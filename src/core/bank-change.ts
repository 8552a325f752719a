/**
 * How the bank an assessment was answered with differs from the bank loaded now: the
 * assessment records `{ id, version, questionIds }` (src/core/workbook-schema.ts), and
 * a bank evolves between cycles. Pure: no I/O.
 */
import type { Bank } from './bank-schema.js';
import { optionFor } from './bank-renames.js';
import type { Assessment } from './workbook-schema.js';

/** What an assessment records about the bank its answers were given against. */
export interface RecordedBank {
  id: string;
  version: string;
  questionIds: readonly string[];
}

/** The difference between a recorded bank and a loaded one. */
export interface BankChange {
  /** Same bank id. */
  sameBank: boolean;
  /** Same bank id and same version. */
  sameVersion: boolean;
  /** Question ids the loaded bank has and the recorded one did not, in the bank's order. */
  added: string[];
  /** Question ids the recorded bank had and the loaded one does not, in recorded order. */
  removed: string[];
}

/**
 * Compares a recorded bank with a loaded one. An empty `questionIds` means the question
 * ids were not recorded (a bank always has questions): then no question counts as added
 * or removed, and only the id and version are compared.
 */
export function bankChange(recorded: RecordedBank, bank: Bank): BankChange {
  const sameBank = recorded.id === bank.id;
  const sameVersion = sameBank && recorded.version === bank.version;
  if (recorded.questionIds.length === 0) return { sameBank, sameVersion, added: [], removed: [] };
  const before = new Set(recorded.questionIds);
  const now = new Set(bank.questions.map((q) => q.id));
  return {
    sameBank,
    sameVersion,
    added: [...now].filter((id) => !before.has(id)),
    removed: [...new Set(recorded.questionIds)].filter((id) => !now.has(id)),
  };
}

/** Whether there is anything to tell: another bank, another version, or other questions. */
export function hasBankChanged(change: BankChange): boolean {
  return !change.sameVersion || change.added.length > 0 || change.removed.length > 0;
}

const LISTED = 5;

/** "a, b, c" or "a, b, c, d, e and 3 more". */
function idList(ids: string[]): string {
  if (ids.length <= LISTED) return ids.join(', ');
  return `${ids.slice(0, LISTED).join(', ')} and ${ids.length - LISTED} more`;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** An answer the workbook keeps that the loaded bank has no place for. */
export interface OlderBankAnswer {
  /** null for an organisation answer. */
  journeyId: string | null;
  questionId: string;
  /** The option id recorded, for an option answer. */
  optionId: string | null;
  /** The bank has no such question any more, or the question no such option (not even under `formerly`). */
  reason: 'question-removed' | 'option-removed';
}

/**
 * The answers (journey answers and organisation answers) given on an earlier version of
 * the bank that the loaded one cannot read: their question is gone, or their option is
 * gone and no option lists it under `formerly`. They stay in the workbook and count
 * nowhere; in assessment order, organisation answers first.
 */
export function answersFromOlderBank(bank: Pick<Bank, 'questions'>, assessment: Pick<Assessment, 'answers' | 'organisationAnswers'>): OlderBankAnswer[] {
  const questions = new Map(bank.questions.map((q) => [q.id, q]));
  const older: OlderBankAnswer[] = [];
  const check = (journeyId: string | null, a: Assessment['organisationAnswers'][number]) => {
    const question = questions.get(a.questionId);
    const optionId = a.kind === 'option' ? (a.optionId ?? null) : null;
    if (!question) older.push({ journeyId, questionId: a.questionId, optionId, reason: 'question-removed' });
    else if (a.kind === 'option' && !optionFor(question, a.optionId)) older.push({ journeyId, questionId: a.questionId, optionId, reason: 'option-removed' });
  };
  for (const a of assessment.organisationAnswers) check(null, a);
  for (const a of assessment.answers) check(a.journeyId, a);
  return older;
}

/**
 * A short text for the person opening the assessment, e.g. "The bank changed from 1.0.0
 * to 1.1.0: 3 questions added (a, b, c), 1 removed (d); answers to removed questions are
 * kept but no longer scored." Given `kept` (the count of answersFromOlderBank), it says
 * how many answers that is. Undefined when nothing changed.
 */
export function describeBankChange(recorded: RecordedBank, bank: Bank, kept?: number): string | undefined {
  const change = bankChange(recorded, bank);
  if (!hasBankChanged(change)) return undefined;

  const parts: string[] = [];
  if (change.added.length > 0) parts.push(`${count(change.added.length, 'question')} added (${idList(change.added)})`);
  if (change.removed.length > 0) {
    parts.push(`${change.added.length > 0 ? change.removed.length : count(change.removed.length, 'question')} removed (${idList(change.removed)})`);
  }
  const what = parts.join(', ');

  let opening: string;
  if (!change.sameBank) {
    opening = `This assessment was answered with the bank ${recorded.id} ${recorded.version}, but ${bank.id} ${bank.version} is loaded`;
  } else if (!change.sameVersion) {
    opening = `The bank changed from ${recorded.version} to ${bank.version}`;
  } else {
    opening = `The bank ${bank.version} changed without a new version`;
  }

  const keptNote =
    kept !== undefined && kept > 0
      ? `${count(kept, 'answer')} given on ${recorded.version} ${kept === 1 ? 'is' : 'are'} kept but no longer scored (${kept === 1 ? 'its' : 'their'} question or option is gone)`
      : undefined;
  if (parts.length === 0) return keptNote ? `${opening}; ${keptNote}.` : `${opening}; its questions are the same.`;
  const note =
    keptNote ??
    (change.removed.length > 0 && kept === undefined
      ? 'answers to removed questions are kept but no longer scored'
      : change.added.length > 0
        ? `the new ${change.added.length === 1 ? 'question starts' : 'questions start'} unanswered`
        : undefined);
  return note ? `${opening}: ${what}; ${note}.` : `${opening}: ${what}.`;
}
