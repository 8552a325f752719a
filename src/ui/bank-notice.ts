/**
 * The sentence shown on an assessment answered with another version of the bank than
 * the one loaded now (src/core/bank-change.ts says what changed).
 */
import type { Bank } from '../core/bank-schema.js';
import { answersFromOlderBank, describeBankChange } from '../core/bank-change.js';
import { plainLine } from '../core/terminal-text.js';
import type { Assessment } from '../core/workbook-schema.js';

export function bankNotice(bank: Bank, assessment: Pick<Assessment, 'bank' | 'answers' | 'organisationAnswers'>): string | undefined {
  const text = describeBankChange(assessment.bank, bank, answersFromOlderBank(bank, assessment).length);
  return text === undefined ? undefined : plainLine(text);
}
