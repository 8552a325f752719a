/**
 * Finds what looks like real customer data in free text (a workshop note), so the
 * facilitator can be warned before it is saved into the workbook, and can mask it.
 * Numbers are only reported when they pass their check digits (Luhn for cards, mod-97
 * for IBANs), which keeps ticket numbers and dates from raising false alarms.
 * Pure: no I/O.
 */

export type PiiKind = 'email' | 'card' | 'iban' | 'uk-ni' | 'us-ssn' | 'phone';

/** One stretch of text that looks like customer data: `text.slice(start, end)`. */
export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
}

/** How each kind is named to people, and what replaces it when masked. */
export const PII_LABELS: Record<PiiKind, { name: string; mask: string }> = {
  email: { name: 'an e-mail address', mask: '[email removed]' },
  card: { name: 'a card number', mask: '[card number removed]' },
  iban: { name: 'an IBAN', mask: '[IBAN removed]' },
  'uk-ni': { name: 'a UK National Insurance number', mask: '[NI number removed]' },
  'us-ssn': { name: 'a US Social Security number', mask: '[SSN removed]' },
  phone: { name: 'a phone number', mask: '[phone removed]' },
};

/** True when the digits pass the Luhn check used by payment card numbers. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** True when the text (spaces allowed) is an IBAN whose check digits pass mod 97. */
export function ibanValid(text: string): boolean {
  const iban = text.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

interface Detector {
  kind: PiiKind;
  pattern: RegExp;
  /** Further checks on the matched text (check digits, digit counts). */
  accept?: (match: string) => boolean;
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

// Order matters: earlier detectors win where matches overlap (a card number is not
// also reported as a phone number).
const DETECTORS: readonly Detector[] = [
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  {
    kind: 'iban',
    pattern: /\b[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}\b/g,
    accept: ibanValid,
  },
  {
    kind: 'card',
    pattern: /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g,
    accept: (m) => {
      const d = digitsOf(m);
      return d.length >= 13 && d.length <= 19 && luhnValid(d);
    },
  },
  {
    kind: 'us-ssn',
    pattern: /(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])/g,
  },
  {
    // Two prefix letters (never D, F, I, Q, U or V; second never O), six digits, a suffix A-D.
    kind: 'uk-ni',
    pattern: /\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/gi,
  },
  {
    // International (+44 ..., 0044 ...), national with a trunk 0 (020 7946 0958), or the
    // North American (555) 123-4567 / 555-123-4567 shapes; 9 to 15 digits in all.
    kind: 'phone',
    pattern: /(?<![\w+])(?:(?:\+|00)\d[\d ().-]{7,20}\d|\(?0\d[\d ().-]{6,18}\d|\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4})(?![\w-])/g,
    accept: (m) => {
      const n = digitsOf(m).length;
      // A date (2026-11-20) is not a phone number, nor is the 3-2-4 shape of an SSN.
      return n >= 9 && n <= 15 && !/^\d{4}-\d{2}-\d{2}/.test(m) && !/^\d{3}-\d{2}-\d{4}$/.test(m);
    },
  },
];

/**
 * The length of the longest acceptable prefix of a match: a pattern can run on into the
 * next word or number ("GB82 WEST ... 32 2024"), so when the whole match fails its check,
 * shorter prefixes that end before a space or hyphen are tried.
 */
function acceptedEnd(detector: Detector, match: string): number | undefined {
  if (!detector.accept) return match.length;
  if (detector.accept(match)) return match.length;
  for (let end = match.length - 1; end > 0; end--) {
    if ((match[end] === ' ' || match[end] === '-') && /[A-Za-z0-9]/.test(match[end - 1]!) && detector.accept(match.slice(0, end))) {
      return end;
    }
  }
  return undefined;
}

/** Everything in `text` that looks like customer data, in order, without overlaps. */
export function findPii(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  const overlaps = (start: number, end: number) => found.some((m) => start < m.end && m.start < end);
  for (const detector of DETECTORS) {
    for (const m of text.matchAll(detector.pattern)) {
      const start = m.index;
      const end = acceptedEnd(detector, m[0]);
      if (end === undefined || overlaps(start, start + end)) continue;
      found.push({ kind: detector.kind, start, end: start + end, text: m[0].slice(0, end) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The text with every match (by default every one `findPii` finds) replaced by its mask. */
export function maskPii(text: string, matches: readonly PiiMatch[] = findPii(text)): string {
  let out = '';
  let at = 0;
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    if (m.start < at) continue;
    out += text.slice(at, m.start) + PII_LABELS[m.kind].mask;
    at = m.end;
  }
  return out + text.slice(at);
}

/** "an e-mail address and 2 phone numbers": what was found, for a warning sentence. */
export function describePii(matches: readonly PiiMatch[]): string {
  const counts = new Map<PiiKind, number>();
  for (const m of matches) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  const plural: Record<PiiKind, string> = {
    email: 'e-mail addresses',
    card: 'card numbers',
    iban: 'IBANs',
    'uk-ni': 'UK National Insurance numbers',
    'us-ssn': 'US Social Security numbers',
    phone: 'phone numbers',
  };
  const parts = [...counts].map(([kind, n]) => (n === 1 ? PII_LABELS[kind].name : `${n} ${plural[kind]}`));
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
