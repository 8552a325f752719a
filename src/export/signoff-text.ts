/** The sign-off block's lines, shared by the markdown and HTML reports. Pure. */
import type { Report } from '../core/report-schema.js';
import type { SignoffDecision } from '../core/workbook-schema.js';

export const SIGNOFF_DECISION_LABEL: Record<SignoffDecision, string> = {
  accepted: 'accepted',
  'accepted-with-conditions': 'accepted with conditions',
  'not-accepted': 'not accepted',
};

/**
 * Label and value of each line: name, role, date, decision and, for a decision with
 * conditions, the conditions. A value is null where nothing is recorded (a blank line to sign on).
 */
export function signoffLines(signoff: Report['signoff']): { label: string; value: string | null }[] {
  if (!signoff) return ['Name', 'Role', 'Date', 'Signature'].map((label) => ({ label, value: null }));
  const lines: { label: string; value: string | null }[] = [
    { label: 'Name', value: signoff.name },
    { label: 'Role', value: signoff.role || null },
    { label: 'Date', value: signoff.date },
    { label: 'Decision', value: SIGNOFF_DECISION_LABEL[signoff.decision] },
  ];
  if (signoff.conditions.trim()) lines.push({ label: 'Conditions', value: signoff.conditions });
  return lines;
}
