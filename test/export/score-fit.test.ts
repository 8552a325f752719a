/**
 * `cxray score` fitted to the terminal: the layout arithmetic (scoreLayout) and the
 * whole text at 80, 100 and 200 columns and piped, on a small report written out here,
 * so every expected line below is counted by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report-schema.js';
import { scoreLayout } from '../../src/export/score-layout.js';
import { renderScoreTable } from '../../src/export/score-table.js';
import { goldenReport } from './golden-fixtures.js';

type Pair = [number | null, number | null];

const DIMENSIONS = [
  { id: 'footprint', title: 'Data footprint', short: 'Footprint' },
  { id: 'access', title: 'Access control', short: 'Access' },
  { id: 'retention', title: 'Retention and deletion', short: 'Retention' },
  { id: 'third', title: 'Third parties', short: '3rd party' },
  { id: 'identity', title: 'Identity', short: 'Identity' },
];

function dims(pairs: Pair[]) {
  return pairs.map(([exposure, visibility], i) => ({ dimensionId: DIMENSIONS[i]!.id, exposure, visibility, answered: 1, asked: 1 }));
}

function progress(answered: number, total: number) {
  return { answered, total, ratio: answered / total };
}

/** Two journeys over five dimensions; a null figure and a 3-digit one; nothing in the plan. */
function smallReport(): Report {
  const base = goldenReport();
  const journey = base.journeys[0]!;
  return {
    ...base,
    assessment: { ...base.assessment, name: 'Clinic review' },
    bank: { ...base.bank, id: 'demo', version: '1.0.0' },
    dimensions: DIMENSIONS.map((d) => ({ ...d, description: '' })),
    journeys: [
      {
        ...journey,
        name: 'Phone support with call recording',
        exposure: 58.2,
        visibility: 59,
        progress: progress(67, 67),
        dimensions: dims([[55.4, 69], [53, 66], [68, 41], [41, 50], [57, 63]]),
      },
      {
        ...journey,
        name: 'Web chat',
        exposure: 55,
        visibility: 52,
        progress: progress(9, 71),
        dimensions: dims([[63, 62], [null, null], [100, 0], [50, 50], [63, 50]]),
      },
    ],
    overall: {
      exposure: 57,
      visibility: 56,
      progress: progress(76, 138),
      dimensions: dims([[59, 66], [53, 66], [80, 25], [44, 50], [59, 58]]),
    },
    plan: [],
    findOut: [],
    visibilityGaps: [],
    onSomeonesWord: 3,
  };
}

describe('scoreLayout', () => {
  const input = (width: number | undefined) => ({
    width,
    nameHeader: 'Journey',
    names: ['Phone support with call recording', 'Web chat', 'All journeys (by sensitivity)'],
    columns: [
      { title: 'Data footprint', short: 'Footprint', figureWidth: 7 },
      { title: 'Access control', short: 'Access', figureWidth: 7 },
      { title: 'Retention and deletion', short: 'Retention', figureWidth: 7 },
      { title: 'Third parties', short: '3rd party', figureWidth: 7 },
      { title: 'Identity', short: 'Identity', figureWidth: 7 },
    ],
    overallWidth: 7,
    answeredWidth: 6,
  });
  // Titles: columns 14+14+22+13+8, Overall 7, Answered 8, seven gaps of 2: 100 beside the names.
  // Short labels: 9+7+9+9+8, 7, 8 and the gaps: 71 beside the names.

  it('keeps the titles, names whole, when piped', () => {
    expect(scoreLayout(input(undefined))).toEqual({
      mode: 'table',
      headers: ['Data footprint', 'Access control', 'Retention and deletion', 'Third parties', 'Identity'],
      nameWidth: 33,
      cellWidths: [14, 14, 22, 13, 8],
      overallWidth: 7,
      answeredWidth: 8,
    });
  });

  it('keeps the titles where the names keep 16 columns (116 and wider)', () => {
    expect(scoreLayout(input(200))).toMatchObject({ mode: 'table', nameWidth: 33, cellWidths: [14, 14, 22, 13, 8] });
    expect(scoreLayout(input(116))).toMatchObject({ mode: 'table', nameWidth: 16, headers: ['Data footprint', 'Access control', 'Retention and deletion', 'Third parties', 'Identity'] });
  });

  it('takes the short labels below that, down to 87 columns', () => {
    expect(scoreLayout(input(115))).toMatchObject({ mode: 'table', nameWidth: 33, headers: ['Footprint', 'Access', 'Retention', '3rd party', 'Identity'] });
    expect(scoreLayout(input(100))).toEqual({
      mode: 'table',
      headers: ['Footprint', 'Access', 'Retention', '3rd party', 'Identity'],
      nameWidth: 29,
      cellWidths: [9, 7, 9, 9, 8],
      overallWidth: 7,
      answeredWidth: 8,
    });
    expect(scoreLayout(input(87))).toMatchObject({ mode: 'table', nameWidth: 16 });
  });

  it('gives one block per row below that, titles in a grid as wide as fits', () => {
    // An entry: the label (22, the longest title), two spaces, the figure (7); 3 between entries.
    expect(scoreLayout(input(86))).toEqual({
      mode: 'blocks',
      labels: ['Data footprint', 'Access control', 'Retention and deletion', 'Third parties', 'Identity'],
      labelWidth: 22,
      figureWidth: 7,
      perRow: 2,
    });
    expect(scoreLayout(input(80))).toMatchObject({ mode: 'blocks', perRow: 2 });
    expect(scoreLayout(input(64))).toMatchObject({ mode: 'blocks', perRow: 1 });
    // 2 + 31 = 33 columns hold one entry of titles; narrower, the short labels (an entry of 10 + 2 + 7).
    expect(scoreLayout(input(33))).toMatchObject({ mode: 'blocks', perRow: 1, labelWidth: 22 });
    expect(scoreLayout(input(32))).toMatchObject({ mode: 'blocks', perRow: 1, labelWidth: 9, labels: ['Footprint', 'Access', 'Retention', '3rd party', 'Identity'] });
  });

  it('never makes a name column wider than 36 nor narrower than the names need', () => {
    const long = { ...input(300), names: ['x'.repeat(60)] };
    expect(scoreLayout(long)).toMatchObject({ mode: 'table', nameWidth: 36 });
    // The names need only 7 ('Journey'): the titles fit in 100 + 7 columns.
    const names = ['Web', 'All'];
    expect(scoreLayout({ ...input(107), names })).toMatchObject({ mode: 'table', nameWidth: 7, cellWidths: [14, 14, 22, 13, 8] });
    expect(scoreLayout({ ...input(106), names })).toMatchObject({ mode: 'table', nameWidth: 7, cellWidths: [9, 7, 9, 9, 8] });
  });
});

describe('renderScoreTable fitted to a width', () => {
  const report = smallReport();

  it('at 200 columns: the titles, every name whole, the notes on one line each', () => {
    expect(renderScoreTable(report, { width: 200 })).toBe(
      [
        'Clinic review · bank demo 1.0.0 · 2026-11-20',
        '',
        'Journey                            Data footprint  Access control  Retention and deletion  Third parties  Identity  Overall  Answered',
        'Phone support with call recording         55 / 69         53 / 66                 68 / 41        41 / 50   57 / 63  58 / 59     67/67',
        'Web chat                                  63 / 62           — / —                 100 / 0        50 / 50   63 / 50  55 / 52      9/71',
        '',
        'All journeys (by sensitivity)             59 / 66         53 / 66                 80 / 25        44 / 50   59 / 58  57 / 56    76/138',
        '',
        'Cells: exposure / visibility, 0-100; — no figure. Exposure 0 is well controlled, 100 fully exposed; visibility 100 means every answer was verified, 0 that nobody knows.',
        '',
        "Visibility gaps: 0 (unknown or disputed); 3 on someone's word.",
        '',
      ].join('\n'),
    );
  });

  it('piped: the same table, the notes as written', () => {
    const text = renderScoreTable(report);
    expect(text.split('\n').slice(0, 7)).toEqual(renderScoreTable(report, { width: 200 }).split('\n').slice(0, 7));
    expect(text.split('\n').slice(7, 10)).toEqual([
      '',
      'Cells: exposure / visibility, 0-100; — no figure. Exposure 0 is well controlled, 100 fully exposed;',
      'visibility 100 means every answer was verified, 0 that nobody knows.',
    ]);
  });

  it('at 100 columns: the short labels, the names cut, a legend for the labels that differ, each entry on one line', () => {
    expect(renderScoreTable(report, { width: 100 })).toBe(
      [
        'Clinic review · bank demo 1.0.0 · 2026-11-20',
        '',
        'Journey                        Footprint   Access  Retention  3rd party  Identity  Overall  Answered',
        'Phone support with call reco…    55 / 69  53 / 66    68 / 41    41 / 50   57 / 63  58 / 59     67/67',
        'Web chat                         63 / 62    — / —    100 / 0    50 / 50   63 / 50  55 / 52      9/71',
        '',
        'All journeys (by sensitivity)    59 / 66  53 / 66    80 / 25    44 / 50   59 / 58  57 / 56    76/138',
        '',
        'Short labels: Footprint = Data footprint; Access = Access control;',
        'Retention = Retention and deletion; 3rd party = Third parties.',
        '',
        'Cells: exposure / visibility, 0-100; — no figure. Exposure 0 is well controlled, 100 fully exposed;',
        'visibility 100 means every answer was verified, 0 that nobody knows.',
        '',
        "Visibility gaps: 0 (unknown or disputed); 3 on someone's word.",
        '',
      ].join('\n'),
    );
  });

  it('at 80 columns: one block per journey, two entries across', () => {
    expect(renderScoreTable(report, { width: 80 })).toBe(
      [
        'Clinic review · bank demo 1.0.0 · 2026-11-20',
        '',
        'Phone support with call recording',
        '  Overall                 58 / 59   Answered                  67/67',
        '  Data footprint          55 / 69   Access control          53 / 66',
        '  Retention and deletion  68 / 41   Third parties           41 / 50',
        '  Identity                57 / 63',
        '',
        'Web chat',
        '  Overall                 55 / 52   Answered                   9/71',
        '  Data footprint          63 / 62   Access control            — / —',
        '  Retention and deletion  100 / 0   Third parties           50 / 50',
        '  Identity                63 / 50',
        '',
        'All journeys (by sensitivity)',
        '  Overall                 57 / 56   Answered                 76/138',
        '  Data footprint          59 / 66   Access control          53 / 66',
        '  Retention and deletion  80 / 25   Third parties           44 / 50',
        '  Identity                59 / 58',
        '',
        'Figures: exposure / visibility, 0-100; — no figure. Exposure 0 is well',
        'controlled, 100 fully exposed; visibility 100 means every answer was verified, 0',
        'that nobody knows.',
        '',
        "Visibility gaps: 0 (unknown or disputed); 3 on someone's word.",
        '',
      ].join('\n'),
    );
  });

  it.each([40, 60, 80, 100, 120, 200])('no line is wider than %i columns, on the golden report too', (width) => {
    for (const text of [renderScoreTable(report, { width }), renderScoreTable(goldenReport(), { width })]) {
      for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(width);
    }
  });

  it('colours the exposure figures in blocks too, and is the plain text without the colours', () => {
    const text = renderScoreTable(report, { width: 80, color: true });
    // Bands: 0-24 green, 25-49 yellow, 50-74 orange, 75-100 red.
    expect(text).toContain('Data footprint          \u001b[38;5;208m55\u001b[0m / 69');
    expect(text).toContain('Third parties           \u001b[33m41\u001b[0m / 50');
    expect(text).toContain('\u001b[31m100\u001b[0m / 0');
    expect(text.replace(/\u001b\[[\d;]*m/g, '')).toBe(renderScoreTable(report, { width: 80 }));
  });

  it('names the rows after the bank scope', () => {
    const teams = { ...report, bank: { ...report.bank, scope: { singular: 'team', plural: 'teams' } } };
    expect(renderScoreTable(teams, { width: 100 }).split('\n')[2]).toMatch(/^Team {3}/);
    expect(renderScoreTable(teams, { width: 80 })).toContain('\nAll teams (by sensitivity)\n');
  });
});
