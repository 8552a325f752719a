/**
 * How the bank an assessment was answered with differs from the bank loaded now: the
 * assessment records `{ id, version, questionIds }` (src/core/workbook-schema.ts), and
 * a bank evolves between cycles. Pure: no I/O.
 */
import type { Bank } from './bank-schema.js';

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

/**
 * A short text for the person opening the assessment, e.g. "The bank changed from 1.0.0
 * to 1.1.0: 3 questions added (a, b, c), 1 removed (d); answers to removed questions are
 * kept but no longer scored." Undefined when nothing changed.
 */
export function describeBankChange(recorded: RecordedBank, bank: Bank): string | undefined {
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

  if (parts.length === 0) return `${opening}; its questions are the same.`;
  const note =
    change.removed.length > 0
      ? 'answers to removed questions are kept but no longer scored'
      : `the new ${change.added.length === 1 ? 'question starts' : 'questions start'} unanswered`;
  return `${opening}: ${what}; ${note}.`;
}
