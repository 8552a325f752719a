/**
 * From the bytes of a workbook file to a validated, current Workbook, or to a precise
 * account of why not: encoding, JSON syntax (with line and column), format version,
 * then the zod schema (every problem, each with its field path and line and column).
 * Pure: no I/O; the adapter and doctor read the bytes.
 */
import { integrityProblems } from '../core/workbook-integrity.js';
import { WORKBOOK_SCHEMA_VERSION, WorkbookSchema, type Workbook } from '../core/workbook-schema.js';
import { findJsonSyntaxError, locateJsonPath, positionAt, type TextPosition } from './json-position.js';
import { describeIssue, formatJsonPath } from './messages.js';
import { MIGRATIONS, jsonKind, migrate, type Migration } from './migrations.js';

/** One thing wrong in a file. */
export interface FileProblem {
  /** Where, when it can be told. */
  position?: TextPosition;
  /** The field, for schema problems: `assessments[0].answers[3].kind`. */
  field?: string;
  /** What is wrong, e.g. `must be one of "option", "unknown", "na"`. */
  message: string;
}

export type WorkbookCheck =
  | {
      ok: true;
      workbook: Workbook;
      /** The version in the file; below the current one when migrations ran. */
      fromVersion: number;
    }
  | {
      ok: false;
      /**
       * invalid: the file is damaged or not a workbook (never overwritten);
       * newer: written by a newer cxray (fine, but not for this one).
       */
      kind: 'invalid' | 'newer';
      /** Every problem found, at least one (schema problems: all of them). */
      problems: FileProblem[];
      /** For 'newer': the version in the file. */
      version?: number;
    };

export interface CheckOptions {
  /** Accept a workbook whose only problems are those of integrityProblems (doctor --repair mends them). */
  allowIntegrityProblems?: boolean;
  migrations?: readonly Migration[];
  /** The version to bring the file to; the schema checks it. */
  targetVersion?: number;
}

/** The first byte offset where `bytes` stops being valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const text = Buffer.from(bytes).toString('utf8');
  const again = Buffer.from(text, 'utf8');
  if (again.length === bytes.length && again.equals(bytes)) return -1;
  // The valid prefix re-encodes to itself; the first difference is the first bad byte.
  let i = 0;
  while (i < bytes.length && i < again.length && bytes[i] === again[i]) i += 1;
  return i;
}

function invalid(problem: FileProblem): WorkbookCheck {
  return { ok: false, kind: 'invalid', problems: [problem] };
}

/** Checks a workbook file's bytes. */
export function checkWorkbookBytes(bytes: Uint8Array, options: CheckOptions = {}): WorkbookCheck {
  const migrations = options.migrations ?? MIGRATIONS;
  const targetVersion = options.targetVersion ?? WORKBOOK_SCHEMA_VERSION;

  if (bytes.length === 0) return invalid({ message: 'the file is empty (0 bytes)' });
  if (bytes.every((b) => b === 0)) {
    return invalid({ position: { line: 1, column: 1 }, message: `the file holds only NUL bytes (${bytes.length}); a crash or a disk fault wiped it` });
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const before = Buffer.from(bytes.subarray(0, bad)).toString('utf8');
    return invalid({
      position: positionAt(before, before.length),
      message: `the file is not UTF-8 text (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')}); it was perhaps saved in another encoding`,
    });
  }
  let text = Buffer.from(bytes).toString('utf8');
  // An editor may have added a byte order mark; it is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const found = findJsonSyntaxError(text);
    if (found) return invalid({ position: positionAt(text, found.offset), message: `not valid JSON: ${found.message}` });
    // The scanner and JSON.parse disagree: keep JSON.parse's words, minus the quoted content.
    const message = (error as Error).message.replace(/,\s*".*" is not valid JSON$/s, '');
    return invalid({ message: `not valid JSON: ${message}` });
  }

  const migrated = migrate(json, migrations, targetVersion);
  if (!migrated.ok) {
    switch (migrated.problem) {
      case 'not-an-object':
        return invalid({
          position: { line: 1, column: 1 },
          message: `the top level is ${migrated.found}; a workbook is an object with "schemaVersion" and "assessments"`,
        });
      case 'no-version':
        return invalid({
          position: positionAt(text, locateJsonPath(text, ['schemaVersion']) ?? 0),
          field: 'schemaVersion',
          message:
            migrated.found === undefined
              ? 'is missing; a workbook names its format version in "schemaVersion"'
              : `must be a whole number (the format version), not ${jsonKind(migrated.found)}`,
        });
      case 'newer':
        return { ok: false, kind: 'newer', version: migrated.version, problems: [{ message: `workbook format ${migrated.version}` }] };
      case 'no-path':
        return invalid({
          field: 'schemaVersion',
          position: positionAt(text, locateJsonPath(text, ['schemaVersion']) ?? 0),
          message: `is ${migrated.version}, a workbook format this cxray cannot convert (no step from ${migrated.missingStep})`,
        });
    }
  }

  const result = WorkbookSchema.safeParse(migrated.value, { reportInput: true });
  if (!result.success) {
    // Positions refer to the file as written; after a migration they are only a hint.
    const problems = result.error.issues.map((issue): FileProblem => {
      const offset = locateJsonPath(text, issue.path);
      return {
        field: formatJsonPath(issue.path),
        position: offset === undefined ? undefined : positionAt(text, offset),
        message: describeIssue(issue),
      };
    });
    // In file order, as an editor would walk them; those without a place last.
    const rank = (p: FileProblem) => (p.position ? p.position.line * 1e7 + p.position.column : Infinity);
    problems.sort((a, b) => rank(a) - rank(b));
    return { ok: false, kind: 'invalid', problems };
  }
  const integrity = options.allowIntegrityProblems ? [] : integrityProblems(result.data);
  if (integrity.length > 0) {
    const problems = integrity.map((p): FileProblem => {
      const offset = locateJsonPath(text, p.path);
      return { field: formatJsonPath(p.path), position: offset === undefined ? undefined : positionAt(text, offset), message: p.message };
    });
    return { ok: false, kind: 'invalid', problems };
  }
  return { ok: true, workbook: result.data, fromVersion: migrated.fromVersion };
}

/** `file:3:14: ` or `file: ` */
function where(displayPath: string, problem: FileProblem): string {
  return problem.position ? `${displayPath}:${problem.position.line}:${problem.position.column}` : displayPath;
}

/** One problem as a phrase: `field must be ...` or the message. */
export function problemPhrase(problem: FileProblem): string {
  return problem.field ? `${problem.field} ${problem.message}` : problem.message;
}

/** One problem with its place, for listings: `file:57:17: assessments[0].answers[3].kind must be ...`. */
export function problemLine(displayPath: string, problem: FileProblem): string {
  return `${where(displayPath, problem)}: ${problemPhrase(problem)}`;
}

/**
 * The sentence a user gets when a workbook cannot be opened: the first problem with
 * its place, how many more there are, that the file was left alone, and the way out.
 */
export function unreadableMessage(displayPath: string, check: Extract<WorkbookCheck, { ok: false }>, wayOut: string, targetVersion = WORKBOOK_SCHEMA_VERSION): string {
  if (check.kind === 'newer') {
    return `${displayPath} was written by a newer cxray (workbook format ${check.version}; this one reads up to ${targetVersion}); upgrade cxray to open it.`;
  }
  const [first, ...rest] = check.problems;
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`;
  return `${problemLine(displayPath, first!)}${more}; the file was left untouched: ${wayOut}.`;
}
