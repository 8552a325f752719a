import type { Dispatch } from 'react';
import type { Workbook } from '../../core/workbook-schema.js';
import { addJourney, updateAssessment } from '../../core/workbook-ops.js';
import { NameForm } from '../components/NameForm.js';
import type { Navigation } from '../navigation.js';

export function NewJourneyScreen({
  workbook,
  assessmentId,
  apply,
  dispatch,
}: {
  workbook: Workbook;
  assessmentId: string;
  apply: (change: (w: Workbook) => Workbook) => void;
  dispatch: Dispatch<Navigation>;
}) {
  const assessment = workbook.assessments.find((a) => a.id === assessmentId);
  if (!assessment) return null;
  return (
    <NameForm
      title={`New journey in ${assessment.name}`}
      label="Journey name (e.g. phone support -> ticket -> survey)"
      onSubmit={(name) => {
        const { id } = addJourney(assessment, { name });
        apply((w) => updateAssessment(w, assessmentId, (a) => addJourney(a, { name }).assessment));
        dispatch({ type: 'walk-journey', assessmentId, journeyId: id });
      }}
    />
  );
}
