/**
 * What a framework control's answers say of it (view.ts), apart from the JSON schema of
 * the controls view (view-schema.ts), which only the JSON output and `cxray schema` build.
 */
export const VERDICTS = ['exposed', 'unknown', 'holds', 'not-tested'] as const;
export type Verdict = (typeof VERDICTS)[number];
