/**
 * Properties of the validator (fast-check):
 * - any bank the schema's constraints allow, written as YAML in any of yaml's styles,
 *   validates back to the same bank;
 * - random byte damage to a valid bank never makes the validator throw, and every
 *   problem it reports points inside the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parse, stringify, type ToStringOptions } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateBankBytes, validateBankSource, type Problem } from '../../src/bank/validate/index.js';
import { BankSchema, EFFORTS, FRAMEWORKS } from '../../src/core/bank-schema.js';
import { controlsOf } from '../../src/core/controls/catalogue.js';
import { CHANNELS, DATA_CATEGORIES, SYSTEM_KINDS } from '../../src/core/vocabulary.js';
import { FIXTURES } from '../helpers/fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..');
/** CXRAY_FUZZ=20 runs every property twenty times as often (for a hunt, not for CI). */
const SCALE = Math.max(1, Number(process.env.CXRAY_FUZZ) || 1);

// ---------------------------------------------------------------------------------
// An arbitrary valid bank, built from the schema's constraints

const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/);
/**
 * Any text, including what YAML would misread unquoted: "yes", "1.0", "- x", "a: b", "#".
 * Except NUL: yaml 2.9's stringify, folding a double-quoted line, can split a "\0"
 * escape and write "\undefined" (its own parse then fails on it too).
 */
const text = (max: number) =>
  fc.oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: Math.min(max, 24) }).filter((s) => !s.includes('\u0000')),
    fc.constantFrom('yes', 'no', 'null', '~', '1.0', '0x1F', '- item', 'a: b', '# not a comment', ' leading', 'trailing ', '"quoted"', "it's", 'multi\nline', '*alias', '&anchor', '!tag', '%YAML', '---', '@at', '`tick`'),
  ).filter((s) => s.length <= max);

const dimension = (dimensionId: string) => fc.record({ id: fc.constant(dimensionId), title: text(80), description: text(400) });

/** A control the catalogue has (any other id is a problem); any title (a title that differs is only a warning). */
const CITABLE = FRAMEWORKS.flatMap((framework) => controlsOf(framework).map((c) => ({ framework, control: c.id })));
const reference = fc.record({ cited: fc.constantFrom(...CITABLE), title: text(200) }).map(({ cited, title }) => ({ ...cited, title }));

const conditions = fc.record(
  {
    channels: fc.array(fc.constantFrom(...CHANNELS), { minLength: 1, maxLength: 3 }),
    systemKinds: fc.array(fc.constantFrom(...SYSTEM_KINDS), { minLength: 1, maxLength: 3 }),
    dataCategories: fc.array(fc.constantFrom(...DATA_CATEGORIES), { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: [] },
);

const arbitraryBank = fc
  .record({
    id,
    title: text(120),
    version: fc.tuple(fc.nat(20), fc.nat(20), fc.nat(200), fc.constantFrom('', '-rc.1', '+build.7')).map(([a, b, c, tail]) => `${a}.${b}.${c}${tail}`),
    description: text(2000),
    language: fc.constantFrom('en', 'en-GB', 'fr', 'pt-BR', 'de'),
    dimensionIds: fc.uniqueArray(id, { minLength: 1, maxLength: 3 }),
    actionIds: fc.uniqueArray(id, { minLength: 0, maxLength: 4 }),
    questionIds: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
    seed: fc.infiniteStream(fc.nat(1000)),
  })
  .chain(({ dimensionIds, actionIds, questionIds, seed, ...bank }) =>
    fc.record({
      ...Object.fromEntries(Object.entries(bank).map(([k, v]) => [k, fc.constant(v)])),
      dimensions: fc.tuple(...dimensionIds.map(dimension)),
      questions: fc.tuple(
        ...questionIds.map((questionId) =>
          fc.record(
            {
              id: fc.constant(questionId),
              dimension: fc.constantFrom(...dimensionIds),
              prompt: text(500),
              help: text(4000),
              weight: fc.constantFrom(1 as const, 2 as const, 3 as const),
              options: fc.uniqueArray(id, { minLength: 2, maxLength: 5 }).chain((optionIds) =>
                fc.tuple(
                  ...optionIds.map((optionId) =>
                    fc.record(
                      {
                        id: fc.constant(optionId),
                        label: text(300),
                        level: fc.integer({ min: 0, max: 4 }),
                        actions: actionIds.length > 0 ? fc.subarray(actionIds) : fc.constant([]),
                      },
                      { requiredKeys: ['id', 'label', 'level'] },
                    ),
                  ),
                ),
              ),
              discovery: actionIds.length > 0 ? fc.constantFrom(...actionIds) : fc.constant(undefined),
              appliesTo: conditions,
              references: fc.array(reference, { maxLength: 2 }),
              lifetimeDays: fc.integer({ min: 1, max: 3650 }),
            },
            { requiredKeys: ['id', 'dimension', 'prompt', 'weight', 'options'] },
          ),
        ),
      ),
      actions: fc.tuple(
        ...actionIds.map((actionId) =>
          fc.record({ id: fc.constant(actionId), title: text(200), detail: text(4000), effort: fc.constantFrom(...EFFORTS), owner: text(80) }),
        ),
      ),
    }).map((generated) => {
      const bank = structuredClone(generated) as Record<string, unknown> & {
        questions: Array<Record<string, unknown> & { options: Array<{ level: number; actions?: string[] }> }>;
        actions: Array<{ id: string }>;
      };
      for (const question of bank.questions) {
        if (question.discovery === undefined) delete question.discovery;
        // The validator rightly refuses options that are all level 0 or all level 4.
        const levels = question.options.map((o) => o.level);
        if (levels.every((l) => l === levels[0]) && (levels[0] === 0 || levels[0] === 4)) question.options[0]!.level = 2;
      }
      // ... and actions no option or discovery refers to.
      const used = new Set(bank.questions.flatMap((q) => [...q.options.flatMap((o) => o.actions ?? []), q.discovery]));
      const unused = bank.actions.map((a) => a.id).filter((a) => !used.has(a));
      if (unused.length > 0) {
        const option = bank.questions[0]!.options[seed.next().value % bank.questions[0]!.options.length]!;
        option.actions = [...(option.actions ?? []), ...unused];
      }
      // Empty lists are left out (the schema's defaults fill them in): yaml 2.9's
      // stringify with `indentSeq: false` writes an empty list "[]" at its key's own
      // indentation, which is not valid YAML.
      if (bank.actions.length === 0) delete (bank as { actions?: unknown }).actions;
      for (const question of bank.questions) {
        if (Array.isArray(question.references) && question.references.length === 0) delete question.references;
        for (const option of question.options) if (option.actions?.length === 0) delete option.actions;
      }
      return bank;
    }),
  );

const yamlStyles: fc.Arbitrary<ToStringOptions> = fc.record(
  {
    collectionStyle: fc.constantFrom('any', 'block', 'flow'),
    defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
    lineWidth: fc.constantFrom(0, 20, 80),
    indent: fc.constantFrom(2, 4),
    indentSeq: fc.boolean(),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<ToStringOptions>;

function readsBack(yamlText: string, input: unknown): boolean {
  try {
    return isDeepStrictEqual(parse(yamlText), input);
  } catch {
    return false;
  }
}

describe('generated valid banks', () => {
  it('validate back to the same bank, whatever the YAML style', () => {
    fc.assert(
      fc.property(arbitraryBank, yamlStyles, fc.boolean(), (input, style, bom) => {
        const expected = BankSchema.parse(input);
        const yamlText = stringify(input, style);
        // Where yaml's own stringify writes text its parse refuses or reads back
        // differently, there is nothing to compare. yaml 2.9 does for some block scalars
        // with `indent: 4`, and when folding splits an escape such as "\x0e".
        fc.pre(readsBack(yamlText, input));
        const source = (bom ? '\uFEFF' : '') + yamlText;
        const { bank, problems } = validateBankSource(source, 'generated.yaml');
        expect(problems).toEqual([]);
        expect(bank).toEqual(expected);
      }),
      { numRuns: 200 * SCALE },
    );
  });

  it('through the bytes too', () => {
    fc.assert(
      fc.property(arbitraryBank, (input) => {
        const { bank, problems } = validateBankBytes(new TextEncoder().encode(stringify(input)), 'generated.yaml');
        expect(problems).toEqual([]);
        expect(bank).toEqual(BankSchema.parse(input));
      }),
      { numRuns: 50 * SCALE },
    );
  });
});

// ---------------------------------------------------------------------------------
// Damaged banks

type Mutation = { kind: 'flip' | 'insert' | 'delete'; at: number; byte: number };

const mutation = fc.record({ kind: fc.constantFrom('flip', 'insert', 'delete'), at: fc.nat(), byte: fc.nat(255) }) as fc.Arbitrary<Mutation>;

function damage(original: Uint8Array, mutations: Mutation[]): Uint8Array {
  const bytes = Array.from(original);
  for (const { kind, at, byte } of mutations) {
    const i = bytes.length === 0 ? 0 : at % bytes.length;
    if (kind === 'flip') bytes[i] = (bytes[i] ?? 0) ^ (byte || 1);
    else if (kind === 'insert') bytes.splice(i, 0, byte);
    else bytes.splice(i, 1);
  }
  return Uint8Array.from(bytes);
}

/** Every problem names a line of the file and a column within that line (or just after it). */
function expectInside(problems: Problem[], bytes: Uint8Array): void {
  const lines = new TextDecoder().decode(bytes).split('\n');
  for (const p of problems) {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lines.length);
    expect(p.column).toBeLessThanOrEqual(lines[p.line - 1]!.length + 1);
    expect(p.message).not.toContain('internal error');
    expect(p.message).not.toMatch(/\n/);
  }
}

// The built-in bank (2,700 lines) costs about forty times the fixture per run, so it
// gets fewer runs and more time; CXRAY_FUZZ scales both up.
describe.each([
  ['the built-in bank', join(ROOT, 'questions', 'cx-data-exposure.yaml'), 80],
  ['the full fixture bank', join(FIXTURES, 'banks', 'valid-full.yaml'), 400],
])('random byte damage to %s', (_name, path, numRuns) => {
  const original = new Uint8Array(readFileSync(path));

  it('never throws, and every problem points inside the file', { timeout: 90_000 * SCALE }, () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        const bytes = damage(original, mutations);
        const result = validateBankBytes(bytes, path);
        expectInside(result.problems, bytes);
        expect(result.bank !== undefined).toBe(result.problems.length === 0);
      }),
      { numRuns: numRuns * SCALE },
    );
  });
});

describe('damage concentrated where YAML is fragile', () => {
  const original = readFileSync(join(FIXTURES, 'banks', 'valid-full.yaml'), 'utf8');
  const special = ':-[]{}#&*!|>\'"%@`,?\n\t \u00a0\u2028\ufeff\u0000';

  it('survives structural characters at random places', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(original.length), text: fc.string({ unit: fc.constantFrom(...special), minLength: 1, maxLength: 4 }), cut: fc.nat(3) }), {
          minLength: 1,
          maxLength: 5,
        }),
        (edits) => {
          let source = original;
          for (const { at, text, cut } of edits) source = source.slice(0, at % (source.length + 1)) + text + source.slice((at % (source.length + 1)) + cut);
          const bytes = new TextEncoder().encode(source);
          expectInside(validateBankBytes(bytes, 'damaged.yaml').problems, bytes);
        },
      ),
      { numRuns: 400 * SCALE },
    );
  });
});
