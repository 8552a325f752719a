import { describe, expect, it } from 'vitest';
import { describePii, findPii, ibanValid, luhnValid, maskPii, type PiiKind } from '../../src/core/pii.js';

const kinds = (text: string): PiiKind[] => findPii(text).map((m) => m.kind);

describe('check digits', () => {
  it.each([
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['79927398713', true],
    ['12a4', false],
  ])('luhn %s -> %s', (digits, ok) => expect(luhnValid(digits)).toBe(ok));

  it.each([
    ['GB82 WEST 1234 5698 7654 32', true],
    ['GB82WEST12345698765432', true],
    ['DE89 3704 0044 0532 0130 00', true],
    ['gb82west12345698765432', true],
    ['GB83 WEST 1234 5698 7654 32', false],
    ['GB82', false],
  ])('iban %s -> %s', (text, ok) => expect(ibanValid(text)).toBe(ok));
});

describe('findPii', () => {
  it.each<[string, PiiKind[]]>([
    ['Customer wrote from ana.silva+cx@example.co.uk about it', ['email']],
    ['card 4111 1111 1111 1111 was read out', ['card']],
    ['card 4111-1111-1111-1111', ['card']],
    ['card 4111111111111111 2024', ['card']],
    ['IBAN GB82 WEST 1234 5698 7654 32 on the call', ['iban']],
    ['NI number QQ 12 34 56 C is a test one, AB123456C is not', ['uk-ni']],
    ['SSN 123-45-6789 typed in', ['us-ssn']],
    ['call back on +44 20 7946 0958', ['phone']],
    ['call back on 020 7946 0958', ['phone']],
    ['US (555) 123-4567 or 555-123-4567', ['phone', 'phone']],
    ['0044 7700 900123', ['phone']],
  ])('finds %s', (text, expected) => {
    // QQ is not a valid NI prefix: only AB123456C counts.
    expect(kinds(text)).toEqual(expected);
  });

  it.each([
    'Ticket 123456789 reopened on 2026-11-20 at 10:30',
    'Up to 4111 1111 1111 1112 records (fails Luhn)',
    'SSN 000-12-3456 and 666-12-3456 are never issued',
    'version 1.2.3, 50% of 1200 agents, port 8080',
    'Mail the team at support (no address given)',
    'GB83 WEST 1234 5698 7654 32 fails mod 97',
    'They keep 90 days of logs and 12 months of exports.',
  ])('ignores %s', (text) => {
    expect(findPii(text)).toEqual([]);
  });

  it('gives positions that slice back to the match, in order', () => {
    const text = 'a@b.io then 4111111111111111 then +44 20 7946 0958';
    const found = findPii(text);
    expect(found.map((m) => m.kind)).toEqual(['email', 'card', 'phone']);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('maskPii', () => {
  it('replaces every match by what it was', () => {
    expect(maskPii('Write to ana@example.com or call +44 20 7946 0958.')).toBe(
      'Write to [email removed] or call [phone removed].',
    );
    expect(maskPii('card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00')).toBe(
      'card [card number removed], IBAN [IBAN removed]',
    );
  });

  it('leaves text without customer data unchanged', () => {
    expect(maskPii('Agents paste whole emails into notes.')).toBe('Agents paste whole emails into notes.');
  });
});

describe('describePii', () => {
  it('names what was found in a phrase', () => {
    expect(describePii(findPii('a@b.io'))).toBe('an e-mail address');
    expect(describePii(findPii('a@b.io c@d.io and 020 7946 0958'))).toBe('2 e-mail addresses and a phone number');
  });
});
