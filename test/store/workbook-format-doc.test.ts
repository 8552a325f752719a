/** docs/workbook-format.md stays true to the schema: every field and every allowed value is in it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WORKBOOK_SCHEMA_VERSION, WorkbookSchema } from '../../src/core/workbook-schema.js';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'workbook-format.md'), 'utf8');

/** Every property name and enum value in a JSON Schema. */
function walk(node: unknown, names: Set<string>, values: Set<string>): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, names, values));
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (record.properties && typeof record.properties === 'object') {
    for (const [name, child] of Object.entries(record.properties)) {
      names.add(name);
      walk(child, names, values);
    }
  }
  if (Array.isArray(record.enum)) for (const v of record.enum) values.add(String(v));
  for (const [key, child] of Object.entries(record)) if (key !== 'properties') walk(child, names, values);
}

describe('docs/workbook-format.md', () => {
  const names = new Set<string>();
  const values = new Set<string>();
  walk(z.toJSONSchema(WorkbookSchema, { io: 'input' }), names, values);

  it.each([...names])('documents the field %s', (name) => {
    expect(doc).toContain(`\`${name}\``);
  });

  it.each([...values])('documents the value %s', (value) => {
    expect(doc).toContain(`\`${value}\``);
  });

  it('names the current format version', () => {
    expect(doc).toContain(`this cxray writes \`${WORKBOOK_SCHEMA_VERSION}\``);
  });
});
