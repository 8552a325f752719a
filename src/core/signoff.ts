/** Recording the report's sign-off: checked in one sentence, then set on the assessment. Pure. */
import { isDay } from './plan-status.js';
import { plainLine } from './terminal-text.js';
import { SIGNOFF_DECISIONS, type Assessment, type Signoff, type SignoffDecision } from './workbook-schema.js';

export interface SignoffInput {
  name: string;
  role?: string;
  decision: string;
  /** YYYY-MM-DD. */
  date: string;
  conditions?: string;
}

/** What is wrong with the input, in one sentence, or null. */
export function signoffProblem(input: SignoffInput): string | null {
  const name = plainLine(input.name).trim();
  if (name === '') return 'the sign-off needs the name of the person who signs.';
  if (name.length > 200 || plainLine(input.role ?? '').length > 200) return 'a name or a role is at most 200 characters.';
  if (!(SIGNOFF_DECISIONS as readonly string[]).includes(input.decision)) {
    return `the decision "${plainLine(input.decision)}" is not one of accepted, accepted-with-conditions or not-accepted.`;
  }
  if (!isDay(input.date)) return `the date "${plainLine(input.date)}" is not a day; write it as YYYY-MM-DD, e.g. 2027-01-31.`;
  const conditions = plainText4000(input.conditions ?? '');
  if (input.decision === 'accepted-with-conditions' && conditions.trim() === '') return 'a decision accepted-with-conditions needs its conditions.';
  if (conditions.length > 4000) return 'the conditions are at most 4000 characters.';
  return null;
}

function plainText4000(text: string): string {
  return plainLine(text).replace(/\s+/g, ' ').trim();
}

/** The assessment with its sign-off set (replacing any earlier one). Throws on an input `signoffProblem` refuses. */
export function setSignoff(assessment: Assessment, input: SignoffInput, now: Date): Assessment {
  const problem = signoffProblem(input);
  if (problem) throw new Error(problem);
  const signoff: Signoff = {
    name: plainLine(input.name).trim(),
    role: plainLine(input.role ?? '').trim(),
    date: input.date,
    decision: input.decision as SignoffDecision,
    conditions: plainText4000(input.conditions ?? ''),
    recordedAt: now.toISOString(),
  };
  return { ...assessment, signoff };
}
