
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { SHORT_LABEL_WIDTH, labelColumns, shortLabels } from '../../src/core/dimension-short.js';

const dims = (...titles: string[]) => titles.map((title) => ({ title }));

describe('shortLabels', () => {
  it('keeps a title that fits, and a given short label as written', () => {
    expect(shortLabels([{ title: 'Access' }, { title: 'Retention and deletion', short: 'Retention' }])).toEqual(['Access', 'Retention']);
    // Exactly 10 characters fits.
    expect(shortLabels(dims('Automation'))).toEqual(['Automation']);
  });

  it('cuts between words when that keeps at least 6 columns', () => {
    // The first 9 columns end on a whole word: "Retention" + ellipsis.
    expect(shortLabels(dims('Retention and deletion', 'Free text and files'))).toEqual(['Retention…', 'Free text…']);
    // "Access an" drops the cut word: "Access" (6 columns).
    expect(shortLabels(dims('Access and identity'))).toEqual(['Access…']);
    // Punctuation before the cut goes: "Logging," -> "Logging…".
    expect(shortLabels(dims('Logging, alerting'))).toEqual(['Logging…']);
    // A title over several lines counts as one: "Access rights" -> "Access…".
    expect(shortLabels(dims('Access\n  rights'))).toEqual(['Access…']);
  });

  it('cuts within a word when the whole words kept would be under 6 columns', () => {
    // Whole words would leave "Data" (4 columns): "Data foot" + ellipsis.
    expect(shortLabels(dims('Data footprint', 'Third parties', 'Integrations'))).toEqual(['Data foot…', 'Third par…', 'Integrati…']);
  });

  it('measures terminal columns: a wide character counts two', () => {
    // 8 characters, 16 columns: four of them (8 columns) and the ellipsis (1).
    const [label] = shortLabels(dims('顧客データの保存'));
    expect(label).toBe('顧客デー…');
    expect(stringWidth(label!)).toBe(9);
  });

  it('never derives a label a dimension already has: a number makes it unique', () => {
    // Both titles cut to "Customer…"; the second takes the next free number.
    expect(shortLabels(dims('Customer data in logs', 'Customer data in tickets', 'Customer data in chats'))).toEqual([
      'Customer…',
      'Customer 2',
      'Customer 3',
    ]);
    // A given label (any case) is taken before anything is derived, even a later one.
    expect(shortLabels([{ title: 'Retention and deletion' }, { title: 'Retention of calls', short: 'retention…' }])).toEqual([
      'Retentio 2',
      'retention…',
    ]);
    // A title that fits but is another's given label is cut instead.
    expect(shortLabels([{ title: 'Access' }, { title: 'Access control', short: 'Access' }])).toEqual(['Access 2', 'Access']);
  });

  it('derives labels no wider than the limit for every built-in dimension title', () => {
    const titles = ['Data footprint', 'Access', 'Free text and files', 'Integrations', 'Automation', 'Detection', 'Retention and deletion', 'Third parties', 'Identity'];
    const labels = shortLabels(dims(...titles));
    expect(new Set(labels).size).toBe(titles.length);
    for (const label of labels) expect(stringWidth(label)).toBeLessThanOrEqual(SHORT_LABEL_WIDTH);
  });
});

describe('labelColumns', () => {
  it('agrees with string-width on the kinds of text a label holds', () => {
    for (const text of ['Access', 'Données', 'Cafe\u0301', '顧客データ', 'ｆｕｌｌ', '한국어', 'Risk 🔥', '']) {
      expect(labelColumns(text), text).toBe(stringWidth(text));
    }
  });
});
