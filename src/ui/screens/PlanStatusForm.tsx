/**
 * Where the team stands on one plan item: status (open, in progress, done, accepted
 * risk), owner, due date, and for an accepted risk a reason and a review date. Nothing
 * is saved until `planStatusProblem` finds nothing wrong; its sentence shows instead.
 */
import { useState } from 'react';
import { PLAN_STATUS_LABEL, planStatusProblem, setPlanStatus, statusOf, type PlanStatusInput } from '../../core/plan-status.js';
import { plainLine } from '../../core/terminal-text.js';
import { updateAssessment } from '../../core/workbook-ops.js';
import { PLAN_STATUSES, type PlanStatusKind } from '../../core/workbook-schema.js';
import { useNav } from '../navigation.js';
import type { AssessmentProps } from '../screen-props.js';
import { Form, type FieldSpec, type FormValues } from '../components/Form.js';
import { useDerived } from '../derived.js';
import { useShell } from '../shell.js';

const FIELDS: readonly FieldSpec[] = [
  { kind: 'choice', id: 'status', label: 'Status', options: PLAN_STATUSES.map((s) => ({ value: s, label: PLAN_STATUS_LABEL[s] })), hint: '←→ or Space change it' },
  { kind: 'text', id: 'owner', label: 'Owner', hint: 'the person who does it' },
  { kind: 'text', id: 'due', label: 'Due', hint: 'YYYY-MM-DD, e.g. 2027-01-31; empty for none' },
  { kind: 'text', id: 'reason', label: 'Reason', hint: 'for an accepted risk: why the risk is accepted' },
  { kind: 'text', id: 'reviewBy', label: 'Review by', hint: 'for an accepted risk: when it is looked at again, YYYY-MM-DD' },
];

const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

/** The form's values as what `setPlanStatus` takes. */
export function planStatusInput(actionId: string, values: FormValues): PlanStatusInput {
  return {
    actionId,
    status: str(values.status) as PlanStatusKind,
    owner: str(values.owner),
    due: str(values.due),
    reason: str(values.reason),
    reviewBy: str(values.reviewBy),
  };
}

export function PlanStatusForm({ bank, apply, assessment, actionId }: AssessmentProps & { actionId: string }) {
  const shell = useShell();
  const derived = useDerived();
  const nav = useNav();
  const assessmentId = assessment.id;
  // The item's title and suggested owner come from the plan as it stands (a generated
  // "Find out" action is not in the bank).
  // Both once, on opening: the form does not change the plan while it is open.
  const [item] = useState(() => ((r) => [...r.findOut, ...r.plan])(derived.report(bank, assessment, shell.now())).find((p) => p.actionId === actionId));
  const [initial] = useState<FormValues>(() => {
    const recorded = statusOf(assessment, actionId);
    return {
      status: recorded?.status ?? 'open',
      // Nothing recorded yet: the owner the bank suggests for the action, to keep or change.
      owner: plainLine(recorded ? recorded.owner : (item?.owner ?? '')),
      due: recorded?.due ?? '',
      reason: plainLine(recorded?.reason ?? ''),
      reviewBy: recorded?.reviewBy ?? '',
    };
  });

  const title = plainLine(item?.title ?? actionId);
  const onSave = (values: FormValues): string | undefined => {
    const input = planStatusInput(actionId, values);
    const problem = planStatusProblem(input);
    if (problem) return problem.charAt(0).toUpperCase() + problem.slice(1);
    const now = shell.now();
    apply((w) => updateAssessment(w, assessmentId, (a) => setPlanStatus(a, input, a.facilitator, now)));
    nav.back(actionId);
    return undefined;
  };
  const remark = (fieldId: string, values: FormValues): string | undefined => {
    const status = str(values.status);
    if (status === 'accepted-risk' && (fieldId === 'status' || fieldId === 'reason' || fieldId === 'reviewBy')) {
      return 'an accepted risk needs a reason and a review date; past that date it counts as open again';
    }
    if (status === 'done' && fieldId === 'status') return 'flagged while the answers still show the gap; it leaves the plan once they improve';
    if (fieldId === 'owner' && item?.owner) return `the bank suggests: ${plainLine(item.owner)}`;
    return undefined;
  };
  return (
    <Form
      trail={[assessment.name, 'Plan', title]}
      title={`Status of #${item?.rank ?? '?'}: ${title}`}
      fields={FIELDS}
      initial={initial}
      remark={remark}
      onSave={onSave}
      onLeave={() => nav.back()}
    />
  );
}
