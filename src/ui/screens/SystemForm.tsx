import { addSystem, updateSystem } from '../../core/setup-ops.js';
import { plainLine } from '../../core/terminal-text.js';
import { SYSTEM_KINDS, type SystemKind } from '../../core/vocabulary.js';
import { updateAssessment } from '../../core/workbook-ops.js';
import { Gone } from '../components/AssessmentGone.js';
import { useNav } from '../navigation.js';
import type { AssessmentProps } from '../screen-props.js';
import { Form, type FieldSpec, type FormValues } from '../components/Form.js';

const FIELDS: readonly FieldSpec[] = [
  { kind: 'text', id: 'name', label: 'Name', hint: 'e.g. "Zendesk" or "Call recording vault"' },
  { kind: 'choice', id: 'kind', label: 'Kind', options: SYSTEM_KINDS.map((k) => ({ value: k, label: k })), hint: '←→ or Space change it' },
  { kind: 'text', id: 'owner', label: 'Owner', hint: 'the team or person who administers it' },
  { kind: 'text', id: 'vendor', label: 'Vendor' },
];

export interface SystemFormProps extends AssessmentProps {
  systemId?: string | undefined;
  /** Where the form is: by default the Systems screen's. */
  trail?: readonly string[];
  /** Once a system is saved (by default: back to the screen below, on the system). */
  onSaved?: (systemId: string) => void;
  /** Leaving without saving (by default: back to the screen below). */
  onLeave?: () => void;
}

/** A system: name, kind, owner, vendor. Opened from the Systems screen, or inside the journey form. */
export function SystemForm({ apply, assessment, systemId, trail, onSaved, onLeave }: SystemFormProps) {
  const nav = useNav();
  const assessmentId = assessment.id;
  const system = systemId ? assessment.systems.find((s) => s.id === systemId) : undefined;
  if (systemId && !system) return <Gone scope="form" what="system" />;
  const initial: FormValues = system
    ? { name: plainLine(system.name), kind: system.kind, owner: plainLine(system.owner), vendor: plainLine(system.vendor) }
    : { name: '', kind: 'crm', owner: '', vendor: '' };
  const onSave = (values: FormValues): string | undefined => {
    const input = {
      name: String(values.name ?? '').trim(),
      kind: values.kind as SystemKind,
      owner: String(values.owner ?? ''),
      vendor: String(values.vendor ?? ''),
    };
    if (!input.name) return 'Type a name first, or press Esc to go back.';
    let id = system?.id;
    if (system) {
      apply((w) => updateAssessment(w, assessmentId, (a) => updateSystem(a, system.id, input)));
    } else {
      id = addSystem(assessment, input).id;
      apply((w) => updateAssessment(w, assessmentId, (a) => addSystem(a, input).assessment));
    }
    if (onSaved) onSaved(id!);
    else nav.back(id);
    return undefined;
  };
  return (
    <Form
      key={systemId ?? 'new'}
      trail={trail ?? [assessment.name, 'Systems', system ? system.name : 'New system']}
      title={system ? `System: ${plainLine(system.name)}` : 'New system'}
      fields={FIELDS}
      initial={initial}
      onSave={onSave}
      onLeave={onLeave ?? (() => nav.back())}
    />
  );
}
