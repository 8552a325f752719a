import { Text } from 'ink';
import { addSystem, updateSystem } from '../../core/setup-ops.js';
import { plainLine } from '../../core/terminal-text.js';
import { SYSTEM_KINDS, type SystemKind } from '../../core/vocabulary.js';
import { updateAssessment } from '../../core/workbook-ops.js';
import type { ScreenProps } from '../screen-props.js';
import { Form, type FieldSpec, type FormValues } from '../components/Form.js';
import { Screen } from '../components/Screen.js';

const FIELDS: readonly FieldSpec[] = [
  { kind: 'text', id: 'name', label: 'Name', hint: 'e.g. "Zendesk" or "Call recording vault"' },
  { kind: 'choice', id: 'kind', label: 'Kind', options: SYSTEM_KINDS.map((k) => ({ value: k, label: k })), hint: '←→ or Space change it' },
  { kind: 'text', id: 'owner', label: 'Owner', hint: 'the team or person who administers it' },
  { kind: 'text', id: 'vendor', label: 'Vendor' },
];

/** A system: name, kind, owner, vendor. */
export function SystemForm({ workbook, apply, dispatch, assessmentId, systemId }: ScreenProps & { assessmentId: string; systemId?: string | undefined }) {
  const assessment = workbook.assessments.find((a) => a.id === assessmentId);
  const system = systemId ? assessment?.systems.find((s) => s.id === systemId) : undefined;
  if (!assessment || (systemId && !system)) {
    return (
      <Screen trail={['?']} scope="form">
        <Text>This system is no longer in the workbook. Press Esc to go back.</Text>
      </Screen>
    );
  }
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
    if (system) {
      apply((w) => updateAssessment(w, assessmentId, (a) => updateSystem(a, system.id, input)));
      dispatch({ type: 'open-systems', assessmentId, focus: system.id });
    } else {
      const { id } = addSystem(assessment, input);
      apply((w) => updateAssessment(w, assessmentId, (a) => addSystem(a, input).assessment));
      dispatch({ type: 'open-systems', assessmentId, focus: id });
    }
    return undefined;
  };
  return (
    <Form
      key={systemId ?? 'new'}
      trail={[assessment.name, 'Systems', system ? system.name : 'New system']}
      title={system ? `System: ${plainLine(system.name)}` : 'New system'}
      fields={FIELDS}
      initial={initial}
      onSave={onSave}
      onLeave={() => dispatch({ type: 'back' })}
    />
  );
}
