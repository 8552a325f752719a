/**
 * Which assessment a command works on: `--assessment NAME|ID`, or by default the only
 * one, or the newest by creation date. Pure: no I/O.
 */
import type { Bank } from './bank-schema.js';
import { UserError } from './errors.js';
import { meetBank } from './organisation.js';
import { plainLine, visibleKey } from './terminal-text.js';
import type { Assessment, Workbook } from './workbook-schema.js';

/**
 * The assessment whose id is `query`, or whose name is `query` ignoring case; without a
 * query, the only assessment, or the newest by `createdAt` (the later in the file on a tie).
 * Throws a UserError that lists the assessments available when nothing matches.
 */
export function selectAssessment(workbook: Workbook, query?: string): Assessment {
  const { assessments } = workbook;
  if (assessments.length === 0) {
    throw new UserError('the workbook has no assessment yet; create one with `cxray` (or try `cxray demo`).');
  }
  if (query === undefined || query.trim() === '') {
    let newest = assessments[0]!;
    for (const a of assessments) if (Date.parse(a.createdAt) >= Date.parse(newest.createdAt)) newest = a;
    return newest;
  }
  const byId = assessments.find((a) => a.id === query);
  if (byId) return byId;
  // Names are compared as a person sees them: invisible characters do not count.
  const wanted = visibleKey(query);
  const byName = assessments.filter((a) => visibleKey(a.name) === wanted);
  if (byName.length === 1) return byName[0]!;
  const available = assessments.map((a) => `"${plainLine(a.name)}" (id ${plainLine(a.id)})`).join(', ');
  if (byName.length > 1) {
    throw new UserError(`more than one assessment is named "${plainLine(query)}"; pass its id with --assessment instead: ${available}.`);
  }
  throw new UserError(`no assessment is named "${plainLine(query)}" or has that id; the workbook holds ${available}.`);
}

/**
 * Throws unless the bank is the one the assessment was answered against (same id; a
 * newer or older version of it is fine: answers to questions it no longer has count
 * nowhere and are listed as ignored).
 */
export function assertBankFits(bank: Pick<Bank, 'id'>, assessment: Pick<Assessment, 'name' | 'bank'>): void {
  if (bank.id !== assessment.bank.id) {
    throw new UserError(
      `the assessment "${plainLine(assessment.name)}" was answered against the question bank "${plainLine(assessment.bank.id)}", not "${plainLine(bank.id)}"; pass that bank with --bank FILE.`,
    );
  }
}

/**
 * The assessment as cxray reads it with this bank: checked against it (assertBankFits),
 * with answers on renamed options moved and the journey answers to questions the bank
 * marks organisation-wide adopted as organisation answers and overrides (meetBank).
 * Writers save the result, so this happens once; readers use it in memory.
 */
export function withBank(bank: Bank, assessment: Assessment): Assessment {
  assertBankFits(bank, assessment);
  return meetBank(bank, assessment);
}
