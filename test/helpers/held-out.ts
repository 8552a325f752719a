/**
 * The two held-out banks (test/fixtures/banks/held-out/): banks written by nobody on the
 * team, a software assurance maturity model assessing applications and a clinic's front
 * desks, each with a small answered assessment to look at.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BankSchema, type Bank } from '../../src/core/bank-schema.js';
import { addAssessment, addJourney, recordAnswer, updateAssessment } from '../../src/core/workbook-ops.js';
import { emptyWorkbook, type Workbook } from '../../src/core/workbook-schema.js';
import { FIXTURES } from './fixtures.js';

export const HELD_OUT_DIR = join(FIXTURES, 'banks', 'held-out');
export const SAMM_PATH = join(HELD_OUT_DIR, 'samm-like.yaml');
export const CLINIC_PATH = join(HELD_OUT_DIR, 'clinic-front-desk.yaml');

export function heldOutBank(path: string): Bank {
  return BankSchema.parse(parse(readFileSync(path, 'utf8')));
}

/**
 * An assessment on `bank` with two scopes (named by the caller), the first answered with
 * each question's third option (an exposed answer, so the plan has items), the second
 * with its first, except its first `unanswered` questions, left open.
 */
export function heldOutWorkbook(bank: Bank, names: [string, string], now: Date, unanswered = 1): Workbook {
  const { workbook, id } = addAssessment(emptyWorkbook(), { name: 'Spring review', facilitator: 'Dana' }, bank, now);
  let w = updateAssessment(workbook, id, (a) => addJourney(addJourney(a, { name: names[0], sensitivity: 'high' }).assessment, { name: names[1], sensitivity: 'moderate' }).assessment);
  const [first, second] = w.assessments[0]!.journeys;
  bank.questions.forEach((q, i) => {
    const at = now.toISOString();
    w = recordAnswer(w, id, { journeyId: first!.id, questionId: q.id, kind: 'option', optionId: q.options[2]!.id, confidence: 'reported', note: '', by: 'Dana', at });
    if (i >= unanswered) {
      w = recordAnswer(w, id, { journeyId: second!.id, questionId: q.id, kind: 'option', optionId: q.options[0]!.id, confidence: 'verified', note: '', by: 'Dana', at });
    }
  });
  return w;
}
