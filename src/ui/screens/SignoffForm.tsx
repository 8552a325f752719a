/**
 * The report's sign-off, recorded in the workbook: who accepts the risk the report
 * describes, in which role, on which day, and the decision (with its conditions where
 * there are some). The same check as `cxray signoff` (signoffProblem); nothing is saved
 * until it finds nothing wrong, its sentence shows instead. The markdown and HTML reports
 * end with it.
 */
import { useState } from 'react';
import { dayOf } from '../../core/plan-status.js';
import { setSignoff, signoffProblem, type SignoffInput } from '../../core/signoff.js';
import { plainLine } from '../../core/terminal-text.js';
import { updateAssessment } from '../../core/workbook-ops.js';
import { SIGNOFF_DECISIONS } from '../../core/workbook-schema.js';
import { useNav } from '../navigation.js';
import type { AssessmentProps } from '../screen-props.js';
import { Form, type FieldSpec, type FormValues } from '../components/Form.js';
import { useShell } from '../shell.js';

export const DECISION_LABEL: Record<(typeof SIGNOFF_DECISIONS)[number], string> = {
  accepted: 'accepted',
  'accepted-with-conditions': 'accepted with conditions',
  'not-accepted': 'not accepted',
};

const FIELDS: readonly FieldSpec[] = [
  { kind: 'text', id: 'name', label: 'Name', hint: 'the person who accepts the risk this report describes' },
  { kind: 'text', id: 'role', label: 'Role', hint: 'e.g. Head of Customer Operations' },
  { kind: 'choice', id: 'decision', label: 'Decision', options: SIGNOFF_DECISIONS.map((d) => ({ value: d, label: DECISION_LABEL[d] })), hint: '←→ or Space change it' },
  { kind: 'text', id: 'date', label: 'Date', hint: 'YYYY-MM-DD' },
  { kind: 'text', id: 'conditions', label: 'Conditions', hint: 'for "accepted with conditions": what must be done, by when' },
];

const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export function SignoffForm({ apply, assessment }: AssessmentProps) {
  const shell = useShell();
  const nav = useNav();
  const assessmentId = assessment.id;
  const [initial] = useState<FormValues>(() => {
    const s = assessment.signoff;
    return {
      name: plainLine(s?.name ?? ''),
      role: plainLine(s?.role ?? ''),
      decision: s?.decision ?? 'accepted',
      date: s?.date ?? dayOf(shell.now()),
      conditions: plainLine(s?.conditions ?? ''),
    };
  });
  const onSave = (values: FormValues): string | undefined => {
    const input: SignoffInput = { name: str(values.name), role: str(values.role), decision: str(values.decision), date: str(values.date).trim(), conditions: str(values.conditions) };
    const problem = signoffProblem(input);
    if (problem) return problem.charAt(0).toUpperCase() + problem.slice(1);
    const now = shell.now();
    apply((w) => updateAssessment(w, assessmentId, (a) => setSignoff(a, input, now)));
    nav.back('signoff');
    return undefined;
  };
  const remark = (fieldId: string, values: FormValues): string | undefined => {
    if (fieldId === 'decision' && str(values.decision) === 'accepted-with-conditions') return 'write the conditions in the last field';
    if (fieldId === 'name' && assessment.signoff) return 'saving replaces the sign-off recorded before';
    return undefined;
  };
  return (
    <Form
      trail={[assessment.name, 'Plan', 'Sign-off']}
      title="Sign-off of the report"
      fields={FIELDS}
      initial={initial}
      remark={remark}
      onSave={onSave}
      onLeave={() => nav.back()}
    />
  );
}
