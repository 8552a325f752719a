/**
 * The journey form's rules, apart from drawing (screens/JourneyForm.tsx): its fields, the
 * values it opens with, the sensitivity suggested from the data categories, and a system
 * added from inside the form ticked among the others. Pure: no I/O.
 */
import { plainLine } from '../core/terminal-text.js';
import { CHANNELS, DATA_CATEGORIES, SENSITIVITIES, suggestSensitivity, type DataCategory } from '../core/vocabulary.js';
import type { Assessment, Journey } from '../core/workbook-schema.js';
import type { FieldSpec, FormValues } from './components/Form.js';

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

/** The form's fields; the systems are the assessment's, in its order. */
export function journeyFields(assessment: Pick<Assessment, 'systems'>): FieldSpec[] {
  return [
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
      hint: 'the systems it passes through · Space ticks · a adds a new one here',
      empty: 'No systems yet: press a to add one without leaving this form.',
    },
  ];
}

/** What the form opens with: the journey's values, or an empty journey. */
export function journeyInitial(assessment: Pick<Assessment, 'systems'>, journey: Journey | undefined): FormValues {
  return journey
    ? {
        name: plainLine(journey.name),
        description: plainLine(journey.description),
        channels: [...journey.channels],
        dataCategories: [...journey.dataCategories],
        sensitivity: journey.sensitivity,
        systemIds: journey.systemIds.filter((id) => assessment.systems.some((s) => s.id === id)),
      }
    : { name: '', description: '', channels: [], dataCategories: [], sensitivity: 'low', systemIds: [] };
}

/** The sensitivity follows the data categories until someone sets it by hand. */
export function adjustJourney(next: FormValues, changed: string, previous: FormValues): FormValues {
  if (changed !== 'dataCategories') return next;
  const before = suggestSensitivity(previous.dataCategories as DataCategory[]);
  if (previous.sensitivity !== before) return next;
  return { ...next, sensitivity: suggestSensitivity(next.dataCategories as DataCategory[]) };
}

/** The line under the sensitivity and data fields: suggested, or set by hand. */
export function journeyRemark(fieldId: string, values: FormValues): string | undefined {
  if (fieldId !== 'sensitivity' && fieldId !== 'dataCategories') return undefined;
  const suggested = suggestSensitivity(values.dataCategories as DataCategory[]);
  return values.sensitivity === suggested
    ? `sensitivity ${suggested}, as suggested by the data categories`
    : `the data categories suggest ${suggested}; set by hand to ${String(values.sensitivity)}`;
}

/**
 * The systems ticked once `systemId` is added from the form: the ones ticked before and
 * the new one, in the assessment's order (`order`, which holds the new one), and where
 * the field's cursor goes (on the new one).
 */
export function withSystemTicked(ticked: readonly string[], systemId: string, order: readonly string[]): { systemIds: string[]; cursor: number } {
  const systemIds = order.filter((id) => id === systemId || ticked.includes(id));
  return { systemIds, cursor: Math.max(0, order.indexOf(systemId)) };
}
