/**
 * Validating a question bank from its text, and reporting every problem at once with
 * the line and column it is about. Pure: a string (or bytes) in, a bank and a list of
 * problems out; no I/O (src/bank/open.ts reads files).
 *
 * The steps, one file each, every step refusing hostile input before the next could
 * suffer from it:
 *   1. bytes.ts: size (before anything is parsed) and encoding (UTF-8, BOM stripped);
 *   2. yaml.ts: YAML lexing and parsing with positions, refusing deep nesting while
 *      parsing; one document only, YAML 1.2 only, yaml's own syntax errors;
 *   3. convert.ts: our own conversion of the YAML tree into plain data: no tags, aliases
 *      counted and their expansion bounded, keys such as `__proto__` kept as own keys,
 *      duplicate keys found;
 *   4. schema-issues.ts: the zod schema (src/core/bank-schema.ts), its issues turned
 *      into sentences, with the hints the schema's `.meta()` carries;
 *   5. references.ts: duplicate ids, unknown dimensions and actions, unused actions,
 *      questions whose options cannot discriminate; shares.ts: an option's shares all
 *      given or none, summing to 1; requires.ts: prerequisites name remediation actions,
 *      form no cycle, and a discovery action has none;
 *   6. controls.ts: cited control ids against the control catalogue (src/core/controls/),
 *      2013 ISO ids with the 2022 id that replaced them, and titles (warnings);
 *   7. warnings.ts: what a valid bank may get wrong unawares (a level-4 option with no
 *      action, a label that says "not sure", a text cut by " #", a label too long, a
 *      discovery action not of effort S).
 * Each problem is located (locate.ts: data path -> YAML node -> offset) and recorded as
 * file:line:column (problems.ts).
 */
import { LineCounter } from 'yaml';
import { BankSchema, type Bank } from '../../core/bank-schema.js';
import { BANK_LIMITS } from '../limits.js';
import { decodeBankBytes, tooLarge } from './bytes.js';
import { Converter } from './convert.js';
import { describeValue, isPlainObject } from './describe.js';
import { Locator } from './locate.js';
import { ProblemList, Refused, sortProblems, type BankValidation } from './problems.js';
import { checkControls } from './controls.js';
import { checkReferences } from './references.js';
import { checkRequires } from './requires.js';
import { checkShares } from './shares.js';
import { checkWarnings } from './warnings.js';
import { reportSchemaIssues } from './schema-issues.js';
import { parseBankYaml } from './yaml.js';

export type { BankValidation, Problem } from './problems.js';

/** The limits that keep a hostile file from exhausting memory or time (src/bank/limits.ts). */
export { BANK_LIMITS };

/** Validates a bank file's raw bytes: size, encoding (UTF-8, a BOM is allowed), then the text. */
export function validateBankBytes(bytes: Uint8Array, path: string, size?: number): BankValidation {
  const decoded = decodeBankBytes(bytes, path, size);
  if ('problem' in decoded) return { problems: [decoded.problem] };
  return validateBankSource(decoded.source, path);
}

/**
 * Validates a bank's text. `path` is only used to label the problems. Never throws:
 * whatever the text, the result is a bank or a list of problems.
 */
export function validateBankSource(source: string, path: string): BankValidation {
  if (source.length > BANK_LIMITS.maxBytes || Buffer.byteLength(source, 'utf8') > BANK_LIMITS.maxBytes) {
    return { problems: [tooLarge(path, Buffer.byteLength(source, 'utf8'))] };
  }
  if (source.startsWith('\uFEFF')) source = source.slice(1);
  const lines = new LineCounter();
  const problems = new ProblemList(path, source, lines);
  let bank: Bank | undefined;
  try {
    bank = check(source, lines, problems);
  } catch (error) {
    if (!(error instanceof Refused)) {
      // A safety net: a bug of ours must still end as a problem, never as a crash.
      problems.at(0, `cxray could not check this file (internal error: ${String((error as Error)?.message ?? error).split('\n')[0]}); please report it`);
    }
  }
  const list = sortProblems(problems.list);
  const warnings = sortProblems(problems.warnings);
  return list.length === 0 && bank ? { bank, problems: [], warnings } : { problems: list, warnings };
}

/** Steps 2 to 7 on the text; throws Refused when a step cannot let the next one go on. */
function check(source: string, lines: LineCounter, problems: ProblemList): Bank | undefined {
  const root = parseBankYaml(source, lines, problems);
  if (root === undefined) return undefined;
  const converter = new Converter(source, problems);
  const data = converter.convert(root, 1);
  const locate = new Locator(root, converter.aliasTargets);
  if (!isPlainObject(data)) {
    problems.refuse(root.range?.[0] ?? 0, `a bank is a mapping of keys (id, title, version, description, language, dimensions, questions, actions); found ${describeValue(data)}`);
  }
  const result = BankSchema.safeParse(data);
  if (!result.success) reportSchemaIssues(result.error.issues, data, locate, problems, source);
  checkReferences(data, locate, problems);
  checkShares(data, locate, problems);
  checkRequires(data, locate, problems);
  checkControls(data, locate, problems);
  checkWarnings(data, root, source, locate, problems);
  return result.success ? result.data : undefined;
}
