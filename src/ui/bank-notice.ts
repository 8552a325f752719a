/**
 * The sentence shown on an assessment answered with another version of the bank than
 * the one loaded now (src/core/bank-change.ts says what changed).
 */
import type { Bank } from '../core/bank-schema.js';
import { answersFromOlderBank, bankChange, describeBankChange, hasBankChanged } from '../core/bank-change.js';
import { plainLine } from '../core/terminal-text.js';
import type { Assessment } from '../core/workbook-schema.js';

export function bankNotice(bank: Bank, assessment: Pick<Assessment, 'bank' | 'answers' | 'organisationAnswers'>): string | undefined {
  // The answers are counted only when the bank changed (it costs a pass over every answer, ~2 ms at 50 journeys, on each opening of the assessment).
  if (!hasBankChanged(bankChange(assessment.bank, bank))) return undefined;
  const text = describeBankChange(assessment.bank, bank, answersFromOlderBank(bank, assessment).length);
  return text === undefined ? undefined : plainLine(text);
}
