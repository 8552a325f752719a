/**
 * The bank's JSON Schema is generated from the zod schema: `cxray schema bank` prints it,
 * docs/bank.schema.json is a committed copy that editors use (the built-in bank's first
 * line points at it), and this test keeps the copy from drifting.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/schema.js';
import { validateBankSource } from '../../src/bank/validate/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const COMMITTED = join(ROOT, 'docs', 'bank.schema.json');

async function schemaBank(): Promise<string> {
  let out = '';
  const code = await run({ positionals: ['bank'], values: {}, env: {}, cwd: ROOT, out: (t) => void (out += t), err: () => undefined });
  expect(code).toBe(0);
  return out;
}

/** Every object schema inside a JSON Schema. */
function objectSchemas(node: unknown, found: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(node)) node.forEach((n) => objectSchemas(n, found));
  else if (node && typeof node === 'object') {
    const schema = node as Record<string, unknown>;
    if (schema.type === 'object') found.push(schema);
    Object.values(schema).forEach((n) => objectSchemas(n, found));
  }
  return found;
}

describe('cxray schema bank', () => {
  it('prints valid JSON: a JSON Schema of the bank', async () => {
    const schema = JSON.parse(await schemaBank());
    expect(schema).toMatchObject({ title: 'cxray question bank', type: 'object' });
    expect(schema.$schema).toMatch(/^https:\/\/json-schema\.org\//);
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'version', 'dimensions', 'questions']));
  });

  it('marks unknown keys as not allowed, in every mapping', async () => {
    const objects = objectSchemas(JSON.parse(await schemaBank()));
    expect(objects.length).toBeGreaterThanOrEqual(7); // bank, dimension, question, option, conditions, reference, action
    for (const object of objects) expect(object.additionalProperties).toBe(false);
  });

  it('lists allowed values and ranges for editors to check', async () => {
    const text = await schemaBank();
    const schema = JSON.parse(text);
    const question = schema.properties.questions.items;
    expect(question.properties.weight.enum).toEqual([1, 2, 3]);
    expect(question.properties.options.items.properties.level).toMatchObject({ type: 'integer', minimum: 0, maximum: 4 });
    expect(schema.properties.actions.items.properties.effort.enum).toEqual(['S', 'M', 'L']);
  });

  it('equals the committed docs/bank.schema.json (regenerate it with `node dist/cli.js schema bank > docs/bank.schema.json`)', async () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(await schemaBank());
  });

  it('is where the banks\' yaml-language-server lines point', () => {
    for (const bank of ['questions/cx-data-exposure.yaml', 'test/fixtures/banks/valid-full.yaml']) {
      const firstLine = readFileSync(join(ROOT, bank), 'utf8').split('\n')[0]!;
      const pointer = /^# yaml-language-server: \$schema=(\S+)$/.exec(firstLine)?.[1];
      expect(pointer, `${bank} starts with a $schema line`).toBeDefined();
      expect(join(ROOT, bank, '..', pointer!)).toBe(COMMITTED);
    }
  });

  it('leaves the $schema comment line alone when validating', () => {
    const { problems } = validateBankSource('# yaml-language-server: $schema=../docs/bank.schema.json\nid: x\n', 'x.yaml');
    expect(problems.every((p) => p.line === 2 || p.line === 1)).toBe(true);
    expect(problems.some((p) => p.message.includes('$schema'))).toBe(false);
  });
});
