import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKBOOK_SCHEMA_VERSION, WorkbookSchema } from '../../src/core/workbook-schema.js';
import { MIGRATIONS, migrate, type Migration } from '../../src/store/migrations.js';
import { checkWorkbookBytes } from '../../src/store/workbook-file.js';
import { WORKBOOK_FIXTURES } from './helpers/store-fixtures.js';

/** A made-up history: v1 had `items`, v2 renamed them `entries`, v3 added `tags`. */
const SYNTHETIC: Migration[] = [
  {
    from: 2,
    description: 'every entry gets an empty list of tags',
    up: (w) => ({ ...w, entries: (w.entries as object[]).map((e) => ({ ...e, tags: [] })) }),
  },
  {
    from: 1,
    description: 'items are renamed entries',
    up: ({ items, ...rest }) => ({ ...rest, entries: items }),
  },
];

describe('migrate', () => {
  it('runs each step in version order, whatever the order of the table, and sets schemaVersion', () => {
    const input = { schemaVersion: 1, items: [{ id: 'a' }] };
    const result = migrate(input, SYNTHETIC, 3);
    expect(result).toEqual({ ok: true, fromVersion: 1, applied: [1, 2], value: { schemaVersion: 3, entries: [{ id: 'a', tags: [] }] } });
    // Pure: the input is untouched, even by a step that changes its copy in place.
    expect(input).toEqual({ schemaVersion: 1, items: [{ id: 'a' }] });
  });

  it('starts from the version in the file', () => {
    expect(migrate({ schemaVersion: 2, entries: [] }, SYNTHETIC, 3)).toMatchObject({ ok: true, fromVersion: 2, applied: [2] });
  });

  it('leaves a current file as it is', () => {
    const input = { schemaVersion: 3, entries: [] };
    const result = migrate(input, SYNTHETIC, 3);
    expect(result).toMatchObject({ ok: true, applied: [] });
    expect(result.ok && result.value).toBe(input);
  });

  it('puts schemaVersion first in the migrated file', () => {
    const result = migrate({ items: [], schemaVersion: 1 }, SYNTHETIC, 2);
    expect(result.ok && Object.keys(result.value)).toEqual(['schemaVersion', 'entries']);
  });

  it.each([
    [{ schemaVersion: 4 }, { ok: false, problem: 'newer', version: 4 }],
    [{ schemaVersion: 0 }, { ok: false, problem: 'no-path', version: 0, missingStep: 0 }],
    [{ items: [] }, { ok: false, problem: 'no-version', found: undefined }],
    [{ schemaVersion: '1' }, { ok: false, problem: 'no-version', found: '1' }],
    [{ schemaVersion: 1.5 }, { ok: false, problem: 'no-version', found: 1.5 }],
    [null, { ok: false, problem: 'not-an-object', found: 'null' }],
    [[1], { ok: false, problem: 'not-an-object', found: 'an array' }],
    ['text', { ok: false, problem: 'not-an-object', found: 'a string' }],
  ])('refuses %j', (input, expected) => {
    expect(migrate(input, SYNTHETIC, 3)).toEqual(expected);
  });

  it('refuses a gap in the chain', () => {
    expect(migrate({ schemaVersion: 1, items: [] }, [SYNTHETIC[0]!], 3)).toEqual({ ok: false, problem: 'no-path', version: 1, missingStep: 1 });
  });
});

describe('the real chain', () => {
  it('has one step from each version before the current one, and none beyond', () => {
    const froms = MIGRATIONS.map((m) => m.from).sort((a, b) => a - b);
    expect(froms).toEqual(Array.from({ length: WORKBOOK_SCHEMA_VERSION - 1 }, (_, i) => i + 1));
    for (const m of MIGRATIONS) expect(m.description).toMatch(/\S/);
  });

  const folders = readdirSync(WORKBOOK_FIXTURES).filter((d) => /^v\d+$/.test(d));
  const fixtures = folders.flatMap((dir) =>
    readdirSync(join(WORKBOOK_FIXTURES, dir))
      .filter((f) => f.endsWith('.json'))
      .map((f) => [`${dir}/${f}`, Number(dir.slice(1))] as const),
  );

  it('has fixtures of every version so far', () => {
    for (let v = 1; v <= WORKBOOK_SCHEMA_VERSION; v += 1) expect(folders).toContain(`v${v}`);
  });

  it.each(fixtures)('brings %s to the current format, valid', (file, version) => {
    const bytes = readFileSync(join(WORKBOOK_FIXTURES, file));
    const json: unknown = JSON.parse(bytes.toString('utf8'));
    expect((json as { schemaVersion: number }).schemaVersion).toBe(version);
    const result = migrate(json, MIGRATIONS, WORKBOOK_SCHEMA_VERSION);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fromVersion).toBe(version);
    expect(WorkbookSchema.safeParse(result.value).success).toBe(true);
    expect(checkWorkbookBytes(bytes)).toMatchObject({ ok: true, fromVersion: version });
  });
});

describe('format 1 to 2', () => {
  it('gives every assessment an empty plan status and no snapshots, and changes nothing else', () => {
    const v1 = JSON.parse(readFileSync(join(WORKBOOK_FIXTURES, 'v1', 'full.json'), 'utf8')) as { assessments: Record<string, unknown>[] };
    const result = migrate(v1, MIGRATIONS, 2);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const assessments = result.value.assessments as Record<string, unknown>[];
    expect(assessments).toHaveLength(v1.assessments.length);
    assessments.forEach((a, i) => {
      expect(a).toEqual({ ...v1.assessments[i], planStatus: [], snapshots: [] });
    });
  });

  it('keeps a plan status or snapshots a hand-edited format 1 file already has', () => {
    const result = migrate({ schemaVersion: 1, assessments: [{ id: 'a', planStatus: ['kept'] }] }, MIGRATIONS, 2);
    expect(result.ok && result.value.assessments).toEqual([{ id: 'a', planStatus: ['kept'], snapshots: [] }]);
  });
});

describe('format 2 to 3', () => {
  const v2 = JSON.parse(readFileSync(join(WORKBOOK_FIXTURES, 'v2', 'full.json'), 'utf8')) as { assessments: Record<string, unknown>[] };
  const result = migrate(v2, MIGRATIONS, 3);

  it('gives every assessment no organisation answers and the default capacity; every snapshot model 1; nothing else changes', () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const assessments = result.value.assessments as Record<string, unknown>[];
    expect(assessments).toHaveLength(v2.assessments.length);
    assessments.forEach((a, i) => {
      const before = v2.assessments[i]!;
      const snapshots = (before.snapshots as Record<string, unknown>[]).map((s) => ({ ...s, scoringModel: 1, organisationAnswers: [] }));
      expect(a).toEqual({ ...before, organisationAnswers: [], planCapacity: { now: 12, next: 24 }, snapshots });
      // Nothing lost: the same answers, one by one.
      expect(a.answers).toEqual(before.answers);
    });
    // Valid once the rest of the chain has run.
    const current = migrate(result.ok ? result.value : null, MIGRATIONS, WORKBOOK_SCHEMA_VERSION);
    expect(current.ok && WorkbookSchema.safeParse(current.value).success).toBe(true);
  });

  it('keeps what a hand-edited format 2 file already has', () => {
    const r = migrate({ schemaVersion: 2, assessments: [{ id: 'a', planCapacity: { now: 3, next: 4 }, snapshots: [{ id: 's', scoringModel: 2 }] }] }, MIGRATIONS, 3);
    expect(r.ok && r.value.assessments).toEqual([{ id: 'a', organisationAnswers: [], planCapacity: { now: 3, next: 4 }, snapshots: [{ id: 's', scoringModel: 2, organisationAnswers: [] }] }]);
  });
});

describe('format 3 to 4', () => {
  const v3 = JSON.parse(readFileSync(join(WORKBOOK_FIXTURES, 'v3', 'full.json'), 'utf8')) as { assessments: Record<string, unknown>[] };
  const result = migrate(v3, MIGRATIONS, 4);

  it('makes each participant a person named by the old text, with no role; nothing else changes', () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const assessments = result.value.assessments as Record<string, unknown>[];
    expect(assessments).toHaveLength(v3.assessments.length);
    expect(assessments[0]!.participants).toEqual([
      { name: 'Ana (support)', role: '' },
      { name: 'Ben (security)', role: '' },
    ]);
    assessments.forEach((a, i) => {
      const before = v3.assessments[i]!;
      const people = (before.participants as string[]).map((name) => ({ name, role: '' }));
      expect(a).toEqual({ ...before, participants: people });
    });
    expect(WorkbookSchema.safeParse(result.value).success).toBe(true);
  });

  it('leaves an assessment without participants, and a participant already a person, as they are', () => {
    const r = migrate(
      { schemaVersion: 3, assessments: [{ id: 'a' }, { id: 'b', participants: ['Cy', { name: 'Di', role: 'ops' }] }] },
      MIGRATIONS,
      4,
    );
    expect(r.ok && r.value.assessments).toEqual([
      { id: 'a' },
      { id: 'b', participants: [{ name: 'Cy', role: '' }, { name: 'Di', role: 'ops' }] },
    ]);
  });
});
