/**
 * The save's caches (src/store/incremental.ts): the text is byte for byte
 * JSON.stringify(value, null, 2), and the verdict is the schema's, however the workbook
 * was reached (from scratch, or by changes that keep the untouched objects).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WorkbookSchema, type Answer, type Workbook } from '../../src/core/workbook-schema.js';
import { escapeJsonText, toJson } from '../../src/core/json-text.js';
import { CachedJson, CachedValidator } from '../../src/store/incremental.js';
import { SaveCaches } from '../../src/store/save-caches.js';
import { bigWorkbook, makeAnswer, withAnswer } from './helpers/workbooks.js';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

describe('CachedJson', () => {
  it('writes what JSON.stringify(value, null, 2) writes, for any JSON-like value', () => {
    const json = new CachedJson();
    const value = fc.oneof(
      fc.jsonValue(),
      fc.anything({ withNullPrototype: true, withObjectString: false, withBoxedValues: false, withBigInt: false, withMap: false, withSet: false, withTypedArray: false, withSparseArray: true, withDate: true }),
    );
    fc.assert(
      fc.property(value, (v) => {
        expect(json.stringify(v)).toBe(pretty(v));
        // Again, now from the cache.
        expect(json.stringify(v)).toBe(pretty(v));
      }),
      { numRuns: 400 },
    );
  });

  it('with escapeJsonText, writes what toJson writes (the workbook file), for any value with any characters', () => {
    const json = new CachedJson(escapeJsonText);
    // Strings over every code unit, the controls, bidi and invisible ones most often.
    const hostileChar = fc.constantFrom('\u0085', '\u009b', '\u007f', '\u202e', '\u2066', '\u200b', '\u200d', '\u2028', '\ufeff', '\u061c', '\u001b', 'a', '"', '\\', 'é');
    const text = fc.oneof(fc.string({ unit: hostileChar }), fc.string({ unit: 'binary' }));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.constant(null), fc.array(tie('node')), fc.dictionary(text, tie('node')), fc.date({ noInvalidDate: true })),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(json.stringify(v)).toBe(toJson(v));
        expect(json.stringify(v)).toBe(toJson(v));
      }),
      { numRuns: 400 },
    );
  });

  it('indents an object seen at one depth correctly at another', () => {
    const json = new CachedJson();
    const shared = { a: [1, { b: 'x' }], c: {} };
    expect(json.stringify({ list: [shared] })).toBe(pretty({ list: [shared] }));
    expect(json.stringify({ one: shared, deep: { deeper: [[shared]] } })).toBe(pretty({ one: shared, deep: { deeper: [[shared]] } }));
  });

  it('follows a workbook through changes that keep the untouched answers', () => {
    const caches = new SaveCaches();
    let workbook = bigWorkbook(2, 40, 10);
    for (let i = 0; i < 60; i++) {
      workbook = withAnswer(workbook, (i * 7) % 50, `note ${i} "quoted" \u2028 ${'é'.repeat(i % 3)}`);
      expect(caches.serialize(workbook).toString('utf8')).toBe(`${toJson(workbook)}\n`);
    }
  });
});

describe('CachedValidator', () => {
  const answerKinds = fc.constantFrom('option', 'unknown', 'na', 'maybe');
  /** An answer that may be wrong in a few ways the schema catches. */
  const answer = fc
    .record({ i: fc.nat(30), kind: answerKinds, withOption: fc.boolean(), extraKey: fc.boolean(), badDate: fc.boolean() })
    .map(({ i, kind, withOption, extraKey, badDate }) => {
      const a: Record<string, unknown> = { ...makeAnswer(i), kind };
      if (!withOption) delete a.optionId;
      if (extraKey) a.colour = 'blue';
      if (badDate) a.at = 'yesterday';
      return a as unknown as Answer;
    });

  it('gives the schema verdict for workbooks built by changes, valid or not', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), answer), { maxLength: 12 }), (changes) => {
        const validator = new CachedValidator();
        let workbook: Workbook = bigWorkbook(3, 5);
        expect(validator.isValid(WorkbookSchema, workbook)).toBe(true);
        for (const [which, a] of changes) {
          const assessments = workbook.assessments.map((x, i) => (i === which ? { ...x, answers: [...x.answers.slice(1), a] } : x));
          workbook = { ...workbook, assessments };
          expect(validator.isValid(WorkbookSchema, workbook)).toBe(WorkbookSchema.safeParse(workbook).success);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('finds a problem outside the arrays it checks one by one, and in a new element of a nested array', () => {
    const validator = new CachedValidator();
    const workbook = bigWorkbook(2, 10);
    expect(validator.isValid(WorkbookSchema, workbook)).toBe(true);
    const renamed = { ...workbook, assessments: [{ ...workbook.assessments[0]!, name: '' }, workbook.assessments[1]!] };
    expect(validator.isValid(WorkbookSchema, renamed)).toBe(false);
    const extra = { ...workbook, surprise: 1 };
    expect(validator.isValid(WorkbookSchema, extra)).toBe(false);
    const badJourney = {
      ...workbook,
      assessments: [{ ...workbook.assessments[0]!, journeys: [{ ...workbook.assessments[0]!.journeys[0]!, sensitivity: 'extreme' }] }],
    };
    expect(validator.isValid(WorkbookSchema, badJourney)).toBe(false);
    // The original, still valid, is still found valid.
    expect(validator.isValid(WorkbookSchema, workbook)).toBe(true);
  });

  it('keeps the checks of an array it splits (length) and of an object with a refinement (checked whole)', () => {
    const Item = z.strictObject({ n: z.number() });
    const Refined = z.strictObject({ a: z.number(), b: z.number() }).refine((x) => x.a < x.b);
    const Doc = z.strictObject({ items: z.array(Item).min(2).default([]), pairs: z.array(Refined) });
    const validator = new CachedValidator();
    const items = [{ n: 1 }, { n: 2 }];
    expect(validator.isValid(Doc, { items, pairs: [{ a: 1, b: 2 }] })).toBe(true);
    expect(validator.isValid(Doc, { items: items.slice(1), pairs: [] })).toBe(false);
    expect(validator.isValid(Doc, { items, pairs: [{ a: 2, b: 1 }] })).toBe(false);
    expect(validator.isValid(Doc, { items: [...items, { n: 'x' }], pairs: [] })).toBe(false);
    expect(validator.isValid(Doc, { pairs: [] })).toBe(true);
  });
});

describe('SaveCaches', () => {
  it('writes the same bytes once its text cache is warm, through changes that keep the untouched answers', async () => {
    const caches = new SaveCaches();
    let workbook = bigWorkbook(2, 40, 10);
    caches.trustRead(workbook, 0);
    for (let i = 0; i < 500 && !caches.warmed; i++) await new Promise((resolve) => setTimeout(resolve, 2));
    expect(caches.warmed).toBe(true);
    for (let i = 0; i < 30; i++) {
      workbook = withAnswer(workbook, (i * 7) % 50, `note ${i} "quoted" \u2028 ${'é'.repeat(i % 3)}`);
      expect(caches.serialize(workbook).toString('utf8')).toBe(`${toJson(workbook)}\n`);
    }
  });

  it('belong to one store: what one was told is valid, another still checks', () => {
    const workbook = bigWorkbook(1, 5);
    const answers = workbook.assessments[0]!.answers;
    const bad = { ...workbook, assessments: [{ ...workbook.assessments[0]!, answers: [...answers.slice(0, -1), { ...answers.at(-1)!, kind: 'maybe' as Answer['kind'] }] }] };
    const trusting = new SaveCaches();
    trusting.trustRead(bad, 60_000);
    expect(() => trusting.assertWritable('w.json', bad)).not.toThrow();
    expect(() => new SaveCaches().assertWritable('w.json', bad)).toThrow(/kind/);
  });
});

describe('assertWritable', () => {
  it('still names the field of a workbook that fails the schema, after a valid save of its predecessor', () => {
    const caches = new SaveCaches();
    const workbook = bigWorkbook(1, 5);
    expect(() => caches.assertWritable('w.json', workbook)).not.toThrow();
    const broken = withAnswer(workbook, 99);
    const answers = broken.assessments[0]!.answers;
    const bad = { ...broken, assessments: [{ ...broken.assessments[0]!, answers: [...answers.slice(0, -1), { ...answers.at(-1)!, kind: 'maybe' as Answer['kind'] }] }] };
    expect(() => caches.assertWritable('w.json', bad)).toThrow(/assessments\[0\]\.answers\[5\]\.kind/);
  });
});

describe('CachedValidator.trust', () => {
  it('spares the check of a workbook the schema has just accepted, and still checks what changes after', () => {
    const validator = new CachedValidator();
    const read = WorkbookSchema.parse(JSON.parse(JSON.stringify(bigWorkbook(2, 5))));
    validator.trust(WorkbookSchema, read);
    const answers = read.assessments[1]!.answers;
    const bad = { ...read, assessments: [read.assessments[0]!, { ...read.assessments[1]!, answers: [...answers, { ...answers[0]!, at: 'soon' }] }] };
    expect(validator.isValid(WorkbookSchema, bad)).toBe(false);
    const good = { ...read, assessments: [read.assessments[0]!, { ...read.assessments[1]!, answers: [...answers, makeAnswer(77)] }] };
    expect(validator.isValid(WorkbookSchema, good)).toBe(true);
    // Trusted means not checked: an object it was told about is taken as valid.
    const Kind = z.strictObject({ kind: z.literal('x') });
    const untrue = { kind: 'y' };
    expect(validator.isValid(Kind, untrue)).toBe(false);
    validator.trust(Kind, untrue);
    expect(validator.isValid(Kind, untrue)).toBe(true);
  });
});

describe('CachedJson.warm', () => {
  it('fills the cache in slices, so that the next stringify writes the same text from it', () => {
    const json = new CachedJson();
    const workbook = bigWorkbook(2, 300, 20);
    const slices: Array<() => void> = [];
    // A negative slice: one item per slice, whatever the clock says.
    json.warm(workbook, (next) => slices.push(next), -1);
    expect(slices.length).toBe(1);
    let turns = 0;
    while (slices.length > 0 && turns < 100_000) {
      slices.shift()!();
      turns++;
    }
    expect(turns).toBeGreaterThan(600);
    expect(slices).toEqual([]);
    const composed = (json as unknown as { compose(value: object, depth: number, out: string[]): number }).compose.bind(json);
    let composedObjects = 0;
    (json as unknown as { compose: typeof composed }).compose = (value, depth, out) => {
      composedObjects++;
      return composed(value, depth, out);
    };
    expect(json.stringify(workbook)).toBe(pretty(workbook));
    // Only the large containers (the workbook, the assessments, their lists of answers) are composed again.
    expect(composedObjects).toBeLessThan(12);
  });
});
