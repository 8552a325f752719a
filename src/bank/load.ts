/**
 * Loading a question bank from YAML. Every problem is reported with file:line:column.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { BankSchema, type Bank } from '../core/bank-schema.js';
import { UserError } from '../core/errors.js';

export function loadBank(path: string): Bank {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read the question bank ${path}: ${(error as Error).message}.`);
  }
  const doc = parseDocument(source, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const [line, col] = e.linePos?.[0] ? [e.linePos[0].line, e.linePos[0].col] : [1, 1];
    throw new UserError(`${path}:${line}:${col}: ${e.message}; fix the YAML and try again.`);
  }
  const result = BankSchema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UserError(`${path}: ${issue.path.join('.')}: ${issue.message}; run \`cxray validate ${path}\` for every problem.`);
  }
  return result.data;
}
