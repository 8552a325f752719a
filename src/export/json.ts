/** The report as JSON: checked against ReportSchema first, so a broken report is never written. Pure. */
import { toJson } from '../core/json-text.js';
import { ReportSchema, type Report } from '../core/report-schema.js';

export function renderJson(report: Report): string {
  const result = ReportSchema.safeParse(report);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`the report does not match its schema at ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return toJson(report) + '\n';
}
