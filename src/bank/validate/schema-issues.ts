/**
 * Step 4: the zod schema (src/core/bank-schema.ts), its issues turned into sentences that
 * point at the value and name the fix. A field's hint ("a semantic version such as
 * 1.0.0") is the `hint` in its schema's `.meta()`.
 */
import { z } from '../../core/zod.js';
import { BankSchema, hintOf } from '../../core/bank-schema.js';
import { closest } from './closest.js';
import { describeOwner, describeValue, hasOwn, lowerFirst, printable, valueAt } from './describe.js';
import type { Locator } from './locate.js';
import type { DataPath, ProblemList } from './problems.js';

/**
 * Reports every issue of a failed parse. A misspelt key is reported once, as unknown
 * with a suggestion, not also as missing.
 */
export function reportSchemaIssues(issues: readonly z.core.$ZodIssue[], data: Record<string, unknown>, locate: Locator, problems: ProblemList, source: string): void {
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = knownKeys(issue.path);
    for (const key of issue.keys) {
      const suggestion = closest(key, known);
      if (suggestion) misspelt.add(JSON.stringify([...issue.path, suggestion]));
    }
  }
  for (const issue of issues) {
    if (issue.code === 'invalid_type' && misspelt.has(JSON.stringify(issue.path))) continue;
    reportIssue(issue, data, locate, problems, source);
  }
}

/**
 * The hint for the field a data path ends in: the `hint` in the meta of the field's schema
 * as its mapping declares it (so `discovery: id.optional()` does not take the hint of `id`).
 * None for a list item.
 */
function fieldHint(path: DataPath): string | undefined {
  const last = path[path.length - 1];
  const parent = schemaAt(path.slice(0, -1));
  if (typeof last !== 'string' || !(parent instanceof z.ZodObject)) return undefined;
  const field = (parent.shape as Record<string, z.ZodType>)[last];
  return field ? hintOf(field) : undefined;
}

function reportIssue(issue: z.core.$ZodIssue, data: Record<string, unknown>, locate: Locator, problems: ProblemList, source: string): void {
  const path = issue.path;
  const last = path[path.length - 1];
  const parentPath = path.slice(0, -1);
  const value = valueAt(data, path);
  const subject = describeOwner(data, path);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(path);
      for (const key of issue.keys) {
        problems.at(locate.keyOffset(path, key), unknownKeyMessage(key, known));
      }
      return;
    }
    case 'invalid_type': {
      if (typeof last === 'string' && !hasOwn(valueAt(data, parentPath), last)) {
        const hint = fieldHint(path);
        problems.at(locate.parentOffset(parentPath), `${describeOwner(data, parentPath)} is missing "${last}"; add it${hint ? ` (${hint})` : ''}`);
        return;
      }
      const offset = locate.valueOffset(path);
      if (value === null) {
        problems.at(offset, `${subject} is empty; write ${expectedText(issue.expected, path)}${isOptional(path) ? ' or remove the key' : ''}`);
        return;
      }
      if (issue.expected === 'int' && typeof value === 'number') {
        problems.at(offset, `${subject} is ${value}; use a whole number${rangeText(path)}`);
        return;
      }
      let message = `${subject} should be ${expectedText(issue.expected, path)}, not ${describeValue(value)}`;
      if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        const written = source.slice(offset).split(/[\n#]/)[0]!.trim();
        message += `; put it in quotes ("${written || String(value)}") so that YAML reads it as text`;
      }
      problems.at(offset, message);
      return;
    }
    case 'too_small':
    case 'too_big': {
      const offset = locate.valueOffset(path);
      const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      if (issue.origin === 'number') {
        if (last === 'level') {
          problems.at(offset, `${describeOwner(data, parentPath)} has level ${String(value)}, outside 0-4; use 0 (well controlled) to 4 (fully exposed)`);
        } else {
          const hint = fieldHint(path);
          const range = rangeText(path);
          const fix = range ? `a number${range}` : hint?.startsWith('a number') ? hint : `a number ${issue.code === 'too_small' ? (issue.inclusive ? 'of at least' : 'more than') : issue.inclusive ? 'of at most' : 'less than'} ${bound}`;
          problems.at(offset, `${subject} is ${String(value)}; use ${fix}`);
        }
      } else if (issue.origin === 'string') {
        const length = typeof value === 'string' ? value.length : 0;
        problems.at(
          offset,
          issue.code === 'too_small'
            ? length === 0
              ? `${subject} is empty; write some text`
              : `${subject} is too short; write at least ${bound} characters`
            : `${subject} is ${length} characters long; shorten it to ${bound} or fewer`,
        );
      } else if (issue.origin === 'array') {
        const count = Array.isArray(value) ? value.length : 0;
        problems.at(
          offset,
          `${subject} holds ${count} ${count === 1 ? 'item' : 'items'}; give it ${'exact' in issue && issue.exact ? 'exactly' : issue.code === 'too_small' ? 'at least' : 'at most'} ${bound}`,
        );
      } else {
        problems.at(offset, `${subject}: ${lowerFirst(issue.message)}`);
      }
      return;
    }
    case 'invalid_value':
      problems.at(locate.valueOffset(path), `${subject} is ${describeValue(value)}; use one of ${issue.values.map(String).join(', ')}`);
      return;
    case 'invalid_union': {
      const allowed = issue.errors.flat().flatMap((e) => (e.code === 'invalid_value' ? e.values : [Symbol.for('other')]));
      if (allowed.every((v) => typeof v !== 'symbol')) {
        problems.at(locate.valueOffset(path), `${subject} is ${describeValue(value)}; use one of ${allowed.map(String).join(', ')}`);
      } else {
        problems.at(locate.valueOffset(path), `${subject} is not valid: ${lowerFirst(issue.message)}`);
      }
      return;
    }
    case 'invalid_format':
      problems.at(locate.valueOffset(path), `${subject} is ${describeValue(value)}; ${issue.message.startsWith('use ') ? issue.message : `use ${fieldHint(path) ?? 'a valid value'}`}`);
      return;
    default:
      problems.at(locate.valueOffset(path), `${subject}: ${lowerFirst(issue.message)}; fix the value`);
  }
}

function unknownKeyMessage(key: string, known: string[]): string {
  if (key === '<<') return 'merge keys ("<<") are not supported in a bank; write the keys out';
  const suggestion = closest(key, known);
  if (suggestion) return `unknown key "${key}"; did you mean "${suggestion}"?`;
  return `unknown key "${printable(key)}"; the keys allowed here are ${known.join(', ')}`;
}

/** The zod schema that describes the value at a data path (wrappers such as optional removed). */
function schemaAt(path: DataPath): z.ZodType | undefined {
  let schema: z.ZodType | undefined = BankSchema;
  for (const segment of [...path, undefined]) {
    // Unwrap optional, default and the like.
    for (let i = 0; i < 5 && schema; i++) {
      const def: { type: string; innerType?: z.ZodType } = (schema as unknown as { def: { type: string; innerType?: z.ZodType } }).def;
      if (def.innerType && ['optional', 'default', 'nullable', 'prefault', 'readonly', 'nonoptional', 'catch'].includes(def.type)) {
        schema = def.innerType;
      } else break;
    }
    if (segment === undefined || !schema) return schema;
    if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.ZodType>)[String(segment)];
    else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else return undefined;
  }
  return schema;
}

function knownKeys(path: DataPath): string[] {
  const schema = schemaAt(path);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function isOptional(path: DataPath): boolean {
  const parent = schemaAt(path.slice(0, -1));
  const last = path[path.length - 1];
  if (!(parent instanceof z.ZodObject) || typeof last !== 'string') return false;
  const field = (parent.shape as Record<string, z.ZodType>)[last];
  return field !== undefined && field.safeParse(undefined).success;
}

/** " from MIN to MAX" for a number field whose bounds the schema gives. */
function rangeText(path: DataPath): string {
  const schema = schemaAt(path);
  if (!(schema instanceof z.ZodNumber)) return '';
  const { minValue, maxValue } = schema;
  return Number.isFinite(minValue) && Number.isFinite(maxValue) ? ` from ${minValue} to ${maxValue}` : '';
}

function expectedText(expected: string, path: DataPath): string {
  const last = path[path.length - 1];
  const hint = fieldHint(path);
  switch (expected) {
    case 'string':
      return hint && last !== 'dimension' && last !== 'options' ? `text (${hint})` : 'some text';
    case 'number':
    case 'int':
      return hint ? `a number (${hint})` : `a number${rangeText(path)}`;
    case 'array':
      return hint ?? 'a list';
    case 'object':
      return 'a mapping of keys and values';
    case 'boolean':
      return 'true or false';
    default:
      return expected;
  }
}
