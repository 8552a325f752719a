import { addAssessment } from '../../core/workbook-ops.js';
import { parseParticipants, participantsLine, participantsProblem } from '../../core/participants.js';
import { updateAssessmentDetails } from '../../core/setup-ops.js';
import { plainLine } from '../../core/terminal-text.js';
import { useNav } from '../navigation.js';
import type { ScreenProps } from '../screen-props.js';
import { Form, type FieldSpec, type FormValues } from '../components/Form.js';
import { useShell } from '../shell.js';

const FIELDS: readonly FieldSpec[] = [
  { kind: 'text', id: 'name', label: 'Name', hint: 'e.g. "Q4 workshop" or "Support, March review"' },
  { kind: 'text', id: 'organisation', label: 'Organisation' },
  { kind: 'text', id: 'facilitator', label: 'Facilitator', hint: 'who runs the session; recorded with each answer' },
  { kind: 'text', id: 'participants', label: 'Participants', hint: 'name (role), separated by commas: Ana (support), Ben (security)' },
];

/** A new assessment, or the details of one: name, organisation, facilitator, participants. */
export function AssessmentForm({ workbook, bank, apply, assessmentId }: ScreenProps & { assessmentId?: string | undefined }) {
  const shell = useShell();
  const nav = useNav();
  const existing = assessmentId ? workbook.assessments.find((a) => a.id === assessmentId) : undefined;
  const initial: FormValues = existing
    ? {
        name: existing.name,
        organisation: existing.organisation,
        facilitator: existing.facilitator,
        participants: participantsLine(existing.participants),
      }
    : { name: '', organisation: '', facilitator: '', participants: '' };

  const onSave = (values: FormValues): string | undefined => {
    const details = {
      name: String(values.name ?? '').trim(),
      organisation: String(values.organisation ?? ''),
      facilitator: String(values.facilitator ?? ''),
      participants: parseParticipants(String(values.participants ?? '')),
    };
    if (!details.name) return 'Type a name first, or press Esc to go back.';
    const problem = participantsProblem(details.participants);
    if (problem) return problem;
    if (existing) {
      apply((w) => updateAssessmentDetails(w, existing.id, details));
      nav.back();
    } else {
      const { id } = addAssessment(workbook, details, bank, shell.now());
      apply((w) => addAssessment(w, details, bank, shell.now()).workbook);
      // The new assessment takes the form's place: Esc there goes home.
      nav.replace({ name: 'assessment', assessmentId: id });
    }
    return undefined;
  };

  return (
    <Form
      key={assessmentId ?? 'new'}
      trail={existing ? [plainLine(existing.name), 'Details'] : ['New assessment']}
      title={existing ? 'Assessment details' : 'New assessment'}
      fields={FIELDS}
      initial={initial}
      onSave={onSave}
      onLeave={() => nav.back()}
    />
  );
}
