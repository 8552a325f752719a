/**
 * Customer data in a form's text fields: which fields look like they hold some (the same
 * detection as the walk's notes, src/core/pii.ts), the warning shown while typing, the
 * question asked on saving, and the values with it masked (Ctrl-R, or m when asked).
 * Every text field of every form is checked: a journey's description, an integration's
 * fields, a plan item's reason, participants, parking-lot text, evidence. Pure: no I/O.
 */
import { describePii, findPii, maskPii, type PiiMatch } from '../core/pii.js';
import type { FieldSpec, FormValues } from './form-fields.js';

export interface FieldWithCustomerData {
  id: string;
  label: string;
  matches: PiiMatch[];
}

const text = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

/** The text fields, in form order, whose value looks like it holds customer data. */
export function customerDataIn(fields: readonly FieldSpec[], values: FormValues): FieldWithCustomerData[] {
  const found: FieldWithCustomerData[] = [];
  for (const field of fields) {
    if (field.kind !== 'text') continue;
    const matches = findPii(text(values[field.id]));
    if (matches.length > 0) found.push({ id: field.id, label: field.label, matches });
  }
  return found;
}

/** The values with what looks like customer data in each text field replaced by its mask. */
export function maskCustomerData(fields: readonly FieldSpec[], values: FormValues): FormValues {
  const next: FormValues = { ...values };
  for (const { id } of customerDataIn(fields, values)) next[id] = maskPii(text(values[id]));
  return next;
}

/** "Description (a card number) and Fields (an e-mail address)". */
function named(found: readonly FieldWithCustomerData[]): string {
  const parts = found.map((f) => `${f.label} (${describePii(f.matches)})`);
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The line under the form while a field holds what looks like customer data, else undefined. */
export function customerDataWarning(found: readonly FieldWithCustomerData[]): string | undefined {
  if (found.length === 0) return undefined;
  const many = found.length > 1;
  return `${named(found)} ${many ? 'look' : 'looks'} like customer data. Ctrl-R masks ${many ? 'them' : 'it'}.`;
}

/**
 * The question asked when saving with customer data in the form. `refuse`: the form never
 * saves it as typed (evidence keeps a reference to what it shows, never the data).
 */
export function customerDataQuestion(found: readonly FieldWithCustomerData[], then: 'stay' | 'leave' | 'quit', refuse = false): string {
  const many = found.length > 1;
  const it = many ? 'them' : 'it';
  const and = then === 'quit' ? ' and quit' : '';
  const asTyped = refuse ? '' : `, s to save ${it} as typed${and}`;
  const mask = then === 'quit' ? `mask ${it}, save and quit` : `mask ${it} and save`;
  return `${named(found)} ${many ? 'look' : 'looks'} like ${many ? 'they hold' : 'it holds'} customer data. Press m to ${mask}${asTyped}, any other key to keep editing.`;
}
