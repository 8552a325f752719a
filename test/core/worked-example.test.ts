/** The worked example of docs/scoring.md, figure by figure, so that the document stays true. */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report.js';
import { NOW, assessment, bank, journey, na, opt, unknown } from './model-fixtures.js';

const EXAMPLE_BANK = bank({
  id: 'example',
  title: 'Example',
  version: '1.0.0',
  description: 'docs/scoring.md',
  language: 'en',
  dimensions: [
    { id: 'free-text', title: 'Free text', description: 'Notes.' },
    { id: 'detection', title: 'Detection', description: 'Noticing.' },
  ],
  questions: [
    {
      id: 'notes',
      dimension: 'free-text',
      prompt: 'What do agents type into notes?',
      weight: 2,
      options: [
        { id: 'facts', label: 'Case facts only', level: 0 },
        { id: 'contact', label: 'Contact details now and then', level: 2, actions: ['note-guidance'] },
        { id: 'cards', label: 'Card digits are common', level: 4, actions: ['note-guidance', 'note-scanner'] },
      ],
    },
    {
      id: 'bulk-export',
      dimension: 'detection',
      prompt: 'How soon would a bulk export be noticed?',
      weight: 3,
      options: [
        { id: 'minutes', label: 'Within minutes', level: 0 },
        { id: 'days', label: 'Within days', level: 2, actions: ['export-alert'] },
        { id: 'never', label: 'Never', level: 4, actions: ['export-alert'] },
      ],
    },
    {
      id: 'who-opened',
      dimension: 'detection',
      prompt: 'Who opened this customer record last month?',
      weight: 1,
      options: [
        { id: 'minutes', label: 'Answered in minutes', level: 0 },
        { id: 'days', label: 'Answered in days', level: 2, actions: ['central-log'] },
        { id: 'never', label: 'Cannot be answered', level: 4, actions: ['central-log'] },
      ],
    },
  ],
  actions: [
    { id: 'note-guidance', title: 'Note template and redaction', detail: 'd', effort: 'M', owner: 'o' },
    { id: 'note-scanner', title: 'Scan notes for card numbers', detail: 'd', effort: 'L', owner: 'o' },
    { id: 'export-alert', title: 'Alert on bulk exports', detail: 'd', effort: 'M', owner: 'o' },
    { id: 'central-log', title: 'Central access log', detail: 'd', effort: 'L', owner: 'o' },
  ],
});

const report = buildReport(
  EXAMPLE_BANK,
  assessment(
    [journey('phone', 'high'), journey('chat', 'moderate')],
    [
      opt('phone', 'notes', 'cards', { confidence: 'reported', policy: 'documented' }),
      unknown('phone', 'bulk-export'),
      opt('phone', 'who-opened', 'days', { confidence: 'verified' }),
      opt('chat', 'notes', 'contact', { confidence: 'verified' }),
      opt('chat', 'bulk-export', 'never', { confidence: 'disputed' }),
      na('chat', 'who-opened'),
    ],
    { bank: { id: 'example', version: '1.0.0', questionIds: [] } },
  ),
  NOW,
);

const figures = (x: { exposure: number | null; visibility: number | null }) => [x.exposure, x.visibility].map((v) => (v === null ? null : Math.round(v * 100) / 100));

describe('the worked example of docs/scoring.md', () => {
  it('scores each journey x dimension, each journey and the whole', () => {
    const [phone, chat] = report.journeys;
    expect(phone!.dimensions.map(figures)).toEqual([
      [100, 50],
      [87.5, 25],
    ]);
    expect(figures(phone!)).toEqual([91.67, 33.33]);
    expect(chat!.dimensions.map(figures)).toEqual([
      [50, 100],
      [100, 25],
    ]);
    expect(figures(chat!)).toEqual([80, 55]);
    expect(report.overall.dimensions.map(figures)).toEqual([
      [80, 70],
      [92.5, 25],
    ]);
    expect(figures(report.overall)).toEqual([87, 42]);
  });

  it('ranks the plan and cuts it into horizons', () => {
    expect(report.findOut.map((i) => [i.actionId, i.riskRemoved])).toEqual([['find-out:bulk-export', 9]]);
    expect(report.plan.map((i) => [i.actionId, i.riskRemoved, Math.round(i.priority * 1000) / 1000, i.horizon])).toEqual([
      ['export-alert', 6, 2, 'now'],
      ['note-guidance', 5, 1.667, 'now'],
      ['note-scanner', 3, 0.375, 'now'],
      ['central-log', 1.5, 0.188, 'next'],
    ]);
    expect(report.plan[1]!.reasons.map((r) => [r.journeyId, r.risk, r.share, r.contribution, r.portion])).toEqual([
      ['phone', 6, 0.5, 3, 0.6],
      ['chat', 2, 1, 2, 0.4],
    ]);
  });

  it('lists the documented-but-exposed answer', () => {
    expect(report.documentedButExposed.map((d) => [d.journeyId, d.questionId, d.level])).toEqual([['phone', 'notes', 4]]);
  });
});
