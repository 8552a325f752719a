/**
 * Workbook format migrations. A workbook file carries `schemaVersion`; a file written
 * by an older cxray is brought up to the current version in memory, one step at a time,
 * when it is opened. The file itself changes only at the first save, and its original
 * is kept beside it as `<file>.v<N>.bak` first (see safe-file-adapter.ts).
 *
 * To add version N+1: raise WORKBOOK_SCHEMA_VERSION in src/core/workbook-schema.ts,
 * append `{ from: N, ... }` here, and add a fixture under test/fixtures/workbooks/vN/
 * that the chain test reads. Pure: no I/O.
 */

/** A JSON object, as parsed from the file (not yet validated). */
export type JsonObject = Record<string, unknown>;

/** One step from a version to the next. */
export interface Migration {
  /** The version this step reads; it produces `from + 1`. */
  from: number;
  /** What changes, in one sentence (for the docs and for review). */
  description: string;
  /**
   * The workbook at `from + 1`. Receives a private deep copy, so it may change it in
   * place; the runner sets `schemaVersion` afterwards.
   */
  up(workbook: JsonObject): JsonObject;
}

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    description: 'every assessment gets an empty plan status list and an empty list of snapshots',
    up: (workbook) => ({
      ...workbook,
      assessments: Array.isArray(workbook.assessments)
        ? workbook.assessments.map((a: unknown) =>
            a !== null && typeof a === 'object' && !Array.isArray(a) ? { planStatus: [], snapshots: [], ...(a as JsonObject) } : a,
          )
        : workbook.assessments,
    }),
  },
  {
    from: 2,
    description:
      'every assessment gets an empty list of organisation answers and the default plan capacity (Now 12, Next 24 effort points); every snapshot records that its figures follow scoring model 1 and gets an empty list of organisation answers',
    // Which questions are organisation-wide is the bank's to say, and the bank is not
    // known here: src/core/organisation.ts adoptOrganisationScope turns journey answers
    // into organisation answers and overrides when the assessment is opened with its bank.
    up: (workbook) => ({
      ...workbook,
      assessments: Array.isArray(workbook.assessments)
        ? workbook.assessments.map((a: unknown) => {
            if (!isObject(a)) return a;
            const snapshots = Array.isArray(a.snapshots)
              ? a.snapshots.map((s: unknown) => (isObject(s) ? { scoringModel: 1, organisationAnswers: [], ...s } : s))
              : a.snapshots;
            return { organisationAnswers: [], planCapacity: { now: 12, next: 24 }, ...a, snapshots };
          })
        : workbook.assessments,
    }),
  },
  {
    from: 3,
    description: 'every participant, a line of text until now, becomes a person with that text as the name and an empty role',
    up: (workbook) => ({
      ...workbook,
      assessments: Array.isArray(workbook.assessments)
        ? workbook.assessments.map((a: unknown) =>
            isObject(a) && Array.isArray(a.participants)
              ? { ...a, participants: a.participants.map((p: unknown) => (typeof p === 'string' ? { name: p, role: '' } : p)) }
              : a,
          )
        : workbook.assessments,
    }),
  },
];

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** What `migrate` found. */
export type MigrationResult =
  | {
      ok: true;
      /** The workbook at the target version (the input itself when nothing ran). */
      value: JsonObject;
      /** The version the input had. */
      fromVersion: number;
      /** The `from` of each step that ran, in order. */
      applied: number[];
    }
  | { ok: false; problem: 'not-an-object'; found: string }
  | { ok: false; problem: 'no-version'; found: unknown }
  | { ok: false; problem: 'newer'; version: number }
  | { ok: false; problem: 'no-path'; version: number; missingStep: number };

/** The kind of a JSON value in words, for messages. */
export function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  return typeof value === 'boolean' ? 'a boolean' : typeof value;
}

/**
 * Brings a parsed workbook to `targetVersion` with `migrations`, in order. Refuses a
 * file with no usable version, a file newer than `targetVersion`, and a gap in the
 * chain. Does not validate the result: the caller parses it with the zod schema.
 */
export function migrate(json: unknown, migrations: readonly Migration[], targetVersion: number): MigrationResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, problem: 'not-an-object', found: jsonKind(json) };
  }
  const version = (json as JsonObject).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, problem: 'no-version', found: version };
  }
  if (version > targetVersion) return { ok: false, problem: 'newer', version };
  if (version === targetVersion) return { ok: true, value: json as JsonObject, fromVersion: version, applied: [] };

  let value = structuredClone(json) as JsonObject;
  const applied: number[] = [];
  for (let at = version; at < targetVersion; at += 1) {
    const step = migrations.find((m) => m.from === at);
    if (!step) return { ok: false, problem: 'no-path', version, missingStep: at };
    const { schemaVersion: _old, ...rest } = step.up(value);
    value = { schemaVersion: at + 1, ...rest };
    applied.push(at);
  }
  return { ok: true, value, fromVersion: version, applied };
}
