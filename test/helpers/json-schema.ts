/**
 * Validating JSON against the JSON Schemas `cxray schema NAME` prints, with Ajv (an
 * implementation independent of zod, which generates them), so a test checks what a
 * consumer of the published schema would see. The formats cxray's schemas use are
 * checked too: `date` (YYYY-MM-DD) and `date-time` (RFC 3339 with an offset).
 */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { jsonSchemaOf } from '../../src/commands/schema.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** A validator for one of cxray's published schemas: the errors of a value, [] when it is valid. */
export function schemaValidator(name: string): (value: unknown) => ErrorObject[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true, formats: { date: DATE, 'date-time': DATE_TIME } });
  const validate = ajv.compile(jsonSchemaOf(name));
  return (value) => (validate(value) ? [] : [...(validate.errors ?? [])]);
}
