/** Customer data in a form's text fields: which fields, the warning, the question, the mask. */
import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../../src/ui/components/Form.js';
import { customerDataIn, customerDataQuestion, customerDataWarning, maskCustomerData } from '../../src/ui/form-customer-data.js';

const FIELDS: readonly FieldSpec[] = [
  { kind: 'text', id: 'name', label: 'Name' },
  { kind: 'text', id: 'description', label: 'Description' },
  { kind: 'choice', id: 'sensitivity', label: 'Sensitivity', options: [{ value: 'high', label: 'high' }] },
  { kind: 'text', id: 'fields', label: 'Fields' },
  { kind: 'text', id: 'due', label: 'Due' },
];

describe('customer data in a form', () => {
  it('finds a card number in a journey description, and nothing in a name, a date or a choice', () => {
    // 4111 1111 1111 1111 passes Luhn; 2027-01-31 is a date, not a phone number.
    const values = { name: 'Phone support', description: 'Refund for card 4111 1111 1111 1111', sensitivity: 'high', fields: 'name, email', due: '2027-01-31' };
    const found = customerDataIn(FIELDS, values);
    expect(found.map((f) => [f.id, f.label, f.matches.map((m) => m.text)])).toEqual([['description', 'Description', ['4111 1111 1111 1111']]]);
    expect(customerDataWarning(found)).toBe('Description (a card number) looks like customer data. Ctrl-R masks it.');
  });

  it('a ticket number that fails the check digits is not customer data', () => {
    // 4111 1111 1111 1112 fails Luhn.
    expect(customerDataIn(FIELDS, { description: 'ticket 4111 1111 1111 1112' })).toEqual([]);
    expect(customerDataWarning([])).toBeUndefined();
  });

  it('names every field that holds some, in form order, and masks each with the notes\' masks', () => {
    const values = { name: 'Call +44 20 7946 0958', description: '', sensitivity: 'high', fields: 'jane@example.com and GB82 WEST 1234 5698 7654 32', due: '' };
    const found = customerDataIn(FIELDS, values);
    expect(found.map((f) => f.id)).toEqual(['name', 'fields']);
    expect(customerDataWarning(found)).toBe('Name (a phone number) and Fields (an e-mail address and an IBAN) look like customer data. Ctrl-R masks them.');
    expect(maskCustomerData(FIELDS, values)).toEqual({
      name: 'Call [phone removed]',
      description: '',
      sensitivity: 'high',
      fields: '[email removed] and [IBAN removed]',
      due: '',
    });
  });

  it('asks before saving: mask, save as typed (not where the form refuses it), or keep editing', () => {
    const found = customerDataIn(FIELDS, { description: 'SSN 123-45-6789' });
    expect(customerDataQuestion(found, 'stay')).toBe(
      'Description (a US Social Security number) looks like it holds customer data. Press m to mask it and save, s to save it as typed, any other key to keep editing.',
    );
    expect(customerDataQuestion(found, 'quit')).toBe(
      'Description (a US Social Security number) looks like it holds customer data. Press m to mask it, save and quit, s to save it as typed and quit, any other key to keep editing.',
    );
    expect(customerDataQuestion(found, 'leave', true)).toBe(
      'Description (a US Social Security number) looks like it holds customer data. Press m to mask it and save, any other key to keep editing.',
    );
  });
});
