import { capitalised, scopeNamesOf } from '../../core/bank-words.js';
import { updateJourney } from '../../core/setup-ops.js';
import { plainLine } from '../../core/terminal-text.js';
import { CHANNELS, DATA_CATEGORIES, SENSITIVITIES, suggestSensitivity, type Channel, type DataCategory, type Sensitivity } from '../../core/vocabulary.js';
import { addJourney, updateAssessment } from '../../core/workbook-ops.js';
import { Gone } from '../components/AssessmentGone.js';
import { useNav } from '../navigation.js';
import type { AssessmentProps } from '../screen-props.js';
import { Form, type FieldSpec, type FormValues } from '../components/Form.js';

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

/**
 * A journey's set-up: name, description, channels, data categories, sensitivity
 * (suggested from the categories until set by hand) and the systems it passes through.
 */
export function JourneyForm({ apply, assessment, bank, journeyId }: AssessmentProps & { journeyId?: string | undefined }) {
  const nav = useNav();
  const names = scopeNamesOf(bank);
  const assessmentId = assessment.id;
  const journey = journeyId ? assessment.journeys.find((j) => j.id === journeyId) : undefined;
  if (journeyId && !journey) return <Gone scope="form" what={names.singular} />;

  const fields: FieldSpec[] = [
    { kind: 'text', id: 'name', label: 'Name', hint: 'e.g. "Phone support -> ticket -> survey"' },
    { kind: 'text', id: 'description', label: 'Description' },
    { kind: 'multi', id: 'channels', label: 'Channels', options: options(CHANNELS), hint: '←→ move · Space ticks' },
    { kind: 'multi', id: 'dataCategories', label: 'Data', options: options(DATA_CATEGORIES), hint: 'the customer data it handles · Space ticks' },
    { kind: 'choice', id: 'sensitivity', label: 'Sensitivity', options: options(SENSITIVITIES), hint: '←→ or Space change it' },
    {
      kind: 'multi',
      id: 'systemIds',
      label: 'Systems',
      options: assessment.systems.map((s) => ({ value: s.id, label: plainLine(s.name) })),
      hint: 'the systems it passes through · Space ticks',
      empty: 'No systems yet: add them from the assessment (s), then tick them here.',
    },
  ];

  const initial: FormValues = journey
    ? {
        name: plainLine(journey.name),
        description: plainLine(journey.description),
        channels: [...journey.channels],
        dataCategories: [...journey.dataCategories],
        sensitivity: journey.sensitivity,
        systemIds: journey.systemIds.filter((id) => assessment.systems.some((s) => s.id === id)),
      }
    : { name: '', description: '', channels: [], dataCategories: [], sensitivity: 'low', systemIds: [] };

  // The sensitivity follows the data categories until someone sets it by hand.
  const adjust = (next: FormValues, changed: string, previous: FormValues): FormValues => {
    if (changed !== 'dataCategories') return next;
    const before = suggestSensitivity(previous.dataCategories as DataCategory[]);
    if (previous.sensitivity !== before) return next;
    return { ...next, sensitivity: suggestSensitivity(next.dataCategories as DataCategory[]) };
  };

  const remark = (fieldId: string, values: FormValues) => {
    if (fieldId !== 'sensitivity' && fieldId !== 'dataCategories') return undefined;
    const suggested = suggestSensitivity(values.dataCategories as DataCategory[]);
    return values.sensitivity === suggested
      ? `sensitivity ${suggested}, as suggested by the data categories`
      : `the data categories suggest ${suggested}; set by hand to ${String(values.sensitivity)}`;
  };

  const onSave = (values: FormValues): string | undefined => {
    const name = String(values.name ?? '').trim();
    if (!name) return 'Type a name first, or press Esc to go back.';
    const input = {
      name,
      description: String(values.description ?? '').trim(),
      channels: values.channels as Channel[],
      dataCategories: values.dataCategories as DataCategory[],
      sensitivity: values.sensitivity as Sensitivity,
      systemIds: values.systemIds as string[],
    };
    if (journey) {
      apply((w) => updateAssessment(w, assessmentId, (a) => updateJourney(a, journey.id, input)));
      nav.back(journey.id);
    } else {
      const { id } = addJourney(assessment, input);
      apply((w) => updateAssessment(w, assessmentId, (a) => addJourney(a, input).assessment));
      nav.back(id);
    }
    return undefined;
  };

  return (
    <Form
      key={journeyId ?? 'new'}
      trail={[assessment.name, journey ? journey.name : `New ${names.singular}`]}
      title={journey ? `${capitalised(names.singular)}: ${plainLine(journey.name)}` : `New ${names.singular}`}
      fields={fields}
      initial={initial}
      adjust={adjust}
      remark={remark}
      onSave={onSave}
      onLeave={() => nav.back()}
    />
  );
}
