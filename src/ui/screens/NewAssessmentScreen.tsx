import type { Dispatch } from 'react';
import type { Bank } from '../../core/bank-schema.js';
import type { Workbook } from '../../core/workbook-schema.js';
import { addAssessment } from '../../core/workbook-ops.js';
import { NameForm } from '../components/NameForm.js';
import type { Navigation } from '../navigation.js';

export function NewAssessmentScreen({
  workbook,
  bank,
  apply,
  dispatch,
  now,
}: {
  workbook: Workbook;
  bank: Bank;
  apply: (change: (w: Workbook) => Workbook) => void;
  dispatch: Dispatch<Navigation>;
  now: () => Date;
}) {
  return (
    <NameForm
      title="New assessment"
      label="Name"
      onSubmit={(name) => {
        const { id } = addAssessment(workbook, { name }, bank, now());
        apply((w) => addAssessment(w, { name }, bank, now()).workbook);
        dispatch({ type: 'open-assessment', assessmentId: id });
      }}
    />
  );
}
