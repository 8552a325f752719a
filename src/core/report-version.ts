/**
 * The versions a report states, apart from its schema (report-schema.ts): building a
 * report needs them, and only the JSON export and `cxray schema` need the schema itself,
 * whose zod objects take a while to build when a command starts.
 */

/** The version of the JSON report format. Bump it when a field changes meaning or goes away. */
export const REPORT_SCHEMA_VERSION = 4;
/** The version of the scoring model (SCORING.md) the figures follow. */
export const SCORING_MODEL_VERSION = 2;
