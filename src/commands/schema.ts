/** `cxray schema bank|workbook|report|diff|controls`: prints a JSON Schema generated from the zod schemas. */
import { z } from '../core/zod.js';
import { BankSchema } from '../core/bank-schema.js';
import { ControlsDocumentSchema } from '../core/controls/view-schema.js';
import { DiffDocumentSchema } from '../core/diff-schema.js';
import { ReportSchema } from '../core/report-schema.js';
import { UserError } from '../core/errors.js';
import { toJson } from '../core/json-text.js';
import { WorkbookSchema } from '../core/workbook-schema.js';
import type { Invocation, OptionValues } from './contract.js';
import type { SCHEMA_OPTIONS } from './flags.js';

const SCHEMAS: Record<string, { schema: z.ZodType; title: string }> = {
  bank: { schema: BankSchema, title: 'cxray question bank' },
  workbook: { schema: WorkbookSchema, title: 'cxray workbook' },
  report: { schema: ReportSchema, title: 'cxray JSON report (cxray export --format json)' },
  diff: { schema: DiffDocumentSchema, title: 'cxray JSON diff between two cycles (cxray diff --format json)' },
  controls: { schema: ControlsDocumentSchema, title: 'cxray JSON controls view (cxray controls --format json)' },
};

/** The JSON Schema of one of cxray's formats, as a JSON value. */
export function jsonSchemaOf(name: string): Record<string, unknown> {
  const entry = SCHEMAS[name];
  if (!entry) {
    throw new UserError(`schema: unknown schema "${name}"; choose one of ${Object.keys(SCHEMAS).join(', ')}.`);
  }
  // "input": the schema of what a person writes, where defaulted fields may be left out.
  // The validator's `hint`s are for its messages; an editor shows the descriptions.
  const schema = z.toJSONSchema(entry.schema, { io: 'input', override: ({ jsonSchema }) => void delete jsonSchema.hint });
  return { title: entry.title, ...schema };
}

export async function run({ positionals, out }: Invocation<OptionValues<typeof SCHEMA_OPTIONS>>): Promise<number> {
  out(toJson(jsonSchemaOf(positionals[0]!)) + '\n');
  return 0;
}
