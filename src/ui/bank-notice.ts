/**
 * The sentence shown when an assessment was answered with another version of the bank
 * than the one loaded now.
 */
import type { Bank } from '../core/bank-schema.js';
import type { Assessment } from '../core/workbook-schema.js';

export function bankNotice(bank: Bank, assessment: Assessment): string | undefined {
  if (assessment.bank.id === bank.id && assessment.bank.version === bank.version) return undefined;
  const before = new Set(assessment.bank.questionIds);
  const added = bank.questions.filter((q) => !before.has(q.id)).length;
  const now = new Set(bank.questions.map((q) => q.id));
  const removed = assessment.bank.questionIds.filter((id) => !now.has(id)).length;
  const changes = [added ? `${added} new question${added === 1 ? '' : 's'}` : '', removed ? `${removed} question${removed === 1 ? '' : 's'} gone` : '']
    .filter(Boolean)
    .join(', ');
  return `This assessment was answered with ${assessment.bank.id} ${assessment.bank.version}; the bank is now ${bank.id} ${bank.version}${changes ? ` (${changes})` : ''}.`;
}
