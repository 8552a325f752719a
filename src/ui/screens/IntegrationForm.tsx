import { addIntegration, splitList, updateIntegration } from '../../core/setup-ops.js';
import { plainLine } from '../../core/terminal-text.js';
import { updateAssessment } from '../../core/workbook-ops.js';
import type { Integration } from '../../core/workbook-schema.js';
import { Gone } from '../components/AssessmentGone.js';
import { useNav } from '../navigation.js';
import type { AssessmentProps } from '../screen-props.js';
import { Form, type FieldSpec, type FormValues } from '../components/Form.js';

/** An integration: from, to, read or write, which fields, logged or not. */
export function IntegrationForm({ apply, assessment, integrationId }: AssessmentProps & { integrationId?: string | undefined }) {
  const nav = useNav();
  const assessmentId = assessment.id;
  const integration = integrationId ? assessment.integrations.find((i) => i.id === integrationId) : undefined;
  if (integrationId && !integration) return <Gone scope="form" what="integration" />;
  const systems = assessment.systems.map((s) => ({ value: s.id, label: plainLine(s.name) }));
  const fields: FieldSpec[] = [
    { kind: 'choice', id: 'from', label: 'From', options: systems, hint: 'the system data comes from · ←→ or Space' },
    { kind: 'choice', id: 'to', label: 'To', options: systems, hint: 'the system that reads or writes it · ←→ or Space' },
    {
      kind: 'choice',
      id: 'access',
      label: 'Access',
      options: [
        { value: 'read', label: 'read' },
        { value: 'write', label: 'write' },
      ],
      hint: 'what the connection may do with the fields',
    },
    { kind: 'text', id: 'fields', label: 'Fields', hint: 'the customer fields it moves, separated by commas' },
    {
      kind: 'choice',
      id: 'logged',
      label: 'Logged',
      options: [
        { value: 'yes', label: 'yes' },
        { value: 'no', label: 'no' },
        { value: 'unknown', label: "we don't know" },
      ],
      hint: 'is what it moves logged where someone could see it?',
    },
  ];
  const initial: FormValues = integration
    ? { from: integration.from, to: integration.to, access: integration.access, fields: integration.fields.map(plainLine).join(', '), logged: integration.logged }
    : { from: systems[0]?.value ?? '', to: systems[1]?.value ?? systems[0]?.value ?? '', access: 'read', fields: '', logged: 'unknown' };
  const onSave = (values: FormValues): string | undefined => {
    if (systems.length < 2) return 'An integration joins two systems: add them first (Esc, then s on the assessment).';
    const input = {
      from: String(values.from),
      to: String(values.to),
      access: values.access as Integration['access'],
      fields: splitList(String(values.fields ?? '')),
      logged: values.logged as Integration['logged'],
    };
    if (input.from === input.to) return 'From and To are the same system: choose two different ones.';
    if (integration) {
      apply((w) => updateAssessment(w, assessmentId, (a) => updateIntegration(a, integration.id, input)));
      nav.back(integration.id);
    } else {
      const { id } = addIntegration(assessment, input);
      apply((w) => updateAssessment(w, assessmentId, (a) => addIntegration(a, input).assessment));
      nav.back(id);
    }
    return undefined;
  };
  return (
    <Form
      key={integrationId ?? 'new'}
      trail={[assessment.name, 'Integrations', integration ? integration.id : 'New integration']}
      title={integration ? 'Integration' : 'New integration'}
      fields={fields}
      initial={initial}
      onSave={onSave}
      onLeave={() => nav.back()}
    />
  );
}
