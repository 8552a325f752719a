/**
 * The store's words: what a file-system error means for the user and what to do, and
 * how a validation problem reads. Pure: no I/O.
 */
import { dirname } from 'node:path';
import type { z } from 'zod';

/** What went wrong with a file operation (reading it, or writing), as a clause naming the fix. */
export function describeFsError(error: unknown, path: string, access: 'read' | 'write' = 'write'): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full; free space';
    case 'EDQUOT':
      return 'the disk quota is used up; free space';
    case 'EROFS':
      return 'the disk is read-only; make it writable';
    case 'EACCES':
    case 'EPERM':
      return access === 'read'
        ? `permission denied reading ${path}; make the file readable for you (chmod u+r), and its folder too`
        : `permission denied in ${dirname(path)}; make the folder and the file writable for you`;
    case 'ENOENT':
      return `the folder ${dirname(path)} does not exist; create it`;
    case 'ENOTDIR':
      return `part of the path ${path} is not a folder; fix the path`;
    case 'EISDIR':
      return `${path} is a folder, not a file; choose a file name`;
    case 'EIO':
      return 'the disk reported an input/output error; check the disk';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open; close some programs';
    default: {
      const message = (error as Error)?.message ?? String(error);
      return message.replace(/\.$/, '');
    }
  }
}

/** The one-sentence message of a failed save, for the footer. */
export function saveFailedMessage(displayPath: string, error: unknown, willRetry = true): string {
  if (error instanceof InvalidWorkbookInMemory) return error.message;
  return `cannot save ${displayPath}: ${describeFsError(error, displayPath)}${willRetry ? ' and cxray will retry' : ''}.`;
}

/**
 * The workbook in memory fails the schema: a bug in whatever changed it. It is not
 * written (the file would not open again); it stays in memory and is rescued on close.
 */
export class InvalidWorkbookInMemory extends Error {
  constructor(displayPath: string, problem: string) {
    super(`cannot save ${displayPath}: the changes made it invalid (${problem}); this is a bug in cxray, please report it.`);
    this.name = 'InvalidWorkbookInMemory';
  }
}

/** `assessments[0].answers[3].kind` from a zod path. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || '(the top level)';
}

const ARTICLE: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

/** What is wrong with one value, in words ("must be one of ..."), without quoting the value. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const missing = !('input' in issue) || issue.input === undefined;
  switch (issue.code) {
    case 'invalid_type':
      return missing ? 'is missing' : `must be ${ARTICLE[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      if (missing) return 'is missing';
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      return `is too short (at least ${issue.minimum} ${issue.origin === 'string' ? 'characters' : 'items'})`;
    case 'too_big':
      return `is too long (at most ${issue.maximum} ${issue.origin === 'string' ? 'characters' : 'items'})`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'an unknown field' : 'unknown fields'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'datetime' ? 'must be a date and time such as "2026-11-20T14:02:00.000Z"' : `must be a valid ${issue.format}`;
    default:
      return issue.message.replace(/^Invalid input: /, '').replace(/\.$/, '');
  }
}

/** Quotes a path for a shell command in a message, only when it needs it. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
