/**
 * The worked example of docs/scoring.md, figure by figure, so that the document stays
 * true: the same bank and assessment are built here, and every figure the document
 * computes by hand is compared with what the code computes.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report.js';
import type { OrganisationAnswer } from '../../src/core/workbook-schema.js';
import { NOW, assessment, bank, journey, na, opt, unknown } from './model-fixtures.js';

const EXAMPLE_BANK = bank({
  id: 'example',
  title: 'Example',
  version: '2.0.0',
  description: 'docs/scoring.md',
  language: 'en',
  dimensions: [
    { id: 'access', title: 'Access', description: 'Who can get in.' },
    { id: 'detection', title: 'Detection', description: 'Noticing.' },
  ],
  questions: [
    {
      id: 'mfa',
      dimension: 'access',
      scope: 'organisation',
      prompt: 'Who must use a second factor to sign in?',
      weight: 3,
      options: [
        { id: 'everyone', label: 'Everyone', level: 0 },
        { id: 'staff', label: 'Staff, not vendors', level: 2, actions: ['enforce-mfa'] },
        {
          id: 'none',
          label: 'Nobody is made to',
          level: 4,
          actions: [
            { id: 'enforce-mfa', share: 0.75 },
            { id: 'vendor-mfa', share: 0.25 },
          ],
        },
      ],
    },
    {
      id: 'leavers',
      dimension: 'access',
      prompt: 'When does a leaver lose access to this journey\'s tools?',
      weight: 3,
      options: [
        { id: 'same-day', label: 'The same day', level: 0 },
        { id: 'week', label: 'Within a week', level: 2, actions: ['leaver-feed'] },
        { id: 'never', label: 'When someone notices', level: 4, actions: ['leaver-feed', 'access-review'] },
      ],
    },
    {
      id: 'shared-logins',
      dimension: 'access',
      prompt: 'Do agents share a login to any tool?',
      weight: 2,
      options: [
        { id: 'no', label: 'No', level: 0 },
        { id: 'some', label: 'For some tools', level: 3, actions: ['named-accounts', 'password-vault'] },
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
      weight: 2,
      discovery: 'log-sample',
      options: [
        { id: 'minutes', label: 'Answered in minutes', level: 0 },
        { id: 'days', label: 'Answered in days', level: 2, actions: ['central-log'] },
        { id: 'never', label: 'Cannot be answered', level: 4, actions: ['central-log'] },
      ],
    },
  ],
  actions: [
    { id: 'enforce-mfa', title: 'Enforce a second factor for staff', detail: 'd', effort: 'M', owner: 'IT' },
    { id: 'vendor-mfa', title: 'Require a second factor of vendors', detail: 'd', effort: 'S', owner: 'IT' },
    { id: 'leaver-feed', title: 'Feed leavers from HR to every tool', detail: 'd', effort: 'L', owner: 'IT' },
    { id: 'access-review', title: 'Review access each quarter', detail: 'd', effort: 'M', owner: 'Security' },
    { id: 'named-accounts', title: 'One named account per agent', detail: 'd', effort: 'M', owner: 'Operations' },
    { id: 'password-vault', title: 'Keep the remaining shared logins in a vault', detail: 'd', effort: 'M', owner: 'IT' },
    { id: 'export-alert', title: 'Alert on bulk exports', detail: 'd', effort: 'M', owner: 'Security', requires: ['central-log'] },
    { id: 'central-log', title: 'Central access log', detail: 'd', effort: 'L', owner: 'IT' },
    { id: 'log-sample', title: 'Pull a sample of access logs', detail: 'd', effort: 'S', owner: 'IT' },
  ],
});

const ORG_MFA: OrganisationAnswer = { questionId: 'mfa', kind: 'option', optionId: 'none', confidence: 'disputed', note: '', by: '', at: NOW.toISOString() };

const report = buildReport(
  EXAMPLE_BANK,
  assessment(
    [journey('phone', 'high'), journey('chat', 'moderate'), journey('post', 'low')],
    [
      opt('phone', 'mfa', 'staff', { confidence: 'verified' }),
      opt('phone', 'leavers', 'never', { confidence: 'disputed' }),
      opt('phone', 'shared-logins', 'some', { confidence: 'verified', policy: 'documented' }),
      unknown('phone', 'bulk-export'),
      opt('phone', 'who-opened', 'days', { confidence: 'verified' }),
      opt('chat', 'leavers', 'week', { confidence: 'reported' }),
      opt('chat', 'shared-logins', 'some', { confidence: 'reported' }),
      opt('chat', 'bulk-export', 'minutes', { confidence: 'verified' }),
      opt('chat', 'who-opened', 'days', { confidence: 'reported' }),
      opt('post', 'leavers', 'week', { confidence: 'verified' }),
      na('post', 'shared-logins'),
      opt('post', 'bulk-export', 'never', { confidence: 'reported' }),
      unknown('post', 'who-opened'),
    ],
    { bank: { id: 'example', version: '2.0.0', questionIds: [] }, organisationAnswers: [ORG_MFA] },
  ),
  NOW,
);

/** Exposure and visibility, to two decimals as the document writes them. */
const figures = (x: { exposure: number | null; visibility: number | null }) => [x.exposure, x.visibility].map((v) => (v === null ? null : Math.round(v * 100) / 100));
const three = (v: number) => Math.round(v * 1000) / 1000;

describe('the worked example of docs/scoring.md', () => {
  it('scores each journey x dimension (access, detection), each journey and the whole', () => {
    const [phone, chat, post] = report.journeys;
    expect(phone!.dimensions.map(figures)).toEqual([
      [75, 71.88],
      [80, 40],
    ]);
    expect(figures(phone!)).toEqual([76.92, 59.62]);
    expect(chat!.dimensions.map(figures)).toEqual([
      [75, 40.63],
      [20, 80],
    ]);
    expect(figures(chat!)).toEqual([53.85, 55.77]);
    expect(post!.dimensions.map(figures)).toEqual([
      [75, 62.5],
      [100, 30],
    ]);
    expect(figures(post!)).toEqual([86.36, 47.73]);
    expect(report.overall.dimensions.map(figures)).toEqual([
      [75, 59.9],
      [63.33, 51.67],
    ]);
    expect(figures(report.overall)).toEqual([70.8, 56.35]);
    // The exact fractions behind the rounded figures.
    expect(phone!.dimensions[1]!.exposure).toBe(80);
    expect(phone!.exposure).toBeCloseTo(1000 / 13, 10);
    expect(post!.visibility).toBeCloseTo(525 / 11, 10);
    expect(report.overall.exposure).toBeCloseTo((3 * (1000 / 13) + 2 * (700 / 13) + 950 / 11) / 6, 10);
  });

  it('counts progress through the organisation answer and the not-applicable one', () => {
    expect(report.journeys.map((j) => [j.progress.answered, j.progress.total])).toEqual([
      [5, 5],
      [5, 5],
      [5, 5],
    ]);
    expect([report.organisation.progress.answered, report.organisation.progress.total]).toEqual([1, 1]);
  });

  it('feeds the Find out lane with the unknown items, full r each', () => {
    expect(report.findOut.map((i) => [i.actionId, i.riskRemoved, i.generated, i.reasons.map((r) => [r.journeyId, r.risk])])).toEqual([
      ['find-out:bulk-export', 9, true, [['phone', 9]]],
      ['log-sample', 2, false, [['post', 2]]],
    ]);
  });

  it('splits each option item among its actions: R, P, P*, order, effort before, horizon and why', () => {
    expect(
      report.plan.map((i) => [
        i.rank,
        i.actionId,
        i.riskRemoved,
        i.effortPoints,
        three(i.priority),
        three(i.effectivePriority),
        i.effortBefore,
        i.capacityHorizon,
        i.horizon,
        i.horizonReason,
        i.prerequisiteOf,
      ]),
    ).toEqual([
      [1, 'enforce-mfa', 9, 3, 3, 3, 0, 'now', 'now', 'capacity', null],
      [2, 'access-review', 4.5, 3, 1.5, 1.5, 3, 'now', 'now', 'capacity', null],
      [3, 'vendor-mfa', 1.5, 1, 1.5, 1.5, 6, 'now', 'now', 'capacity', null],
      [4, 'named-accounts', 3.75, 3, 1.25, 1.25, 7, 'now', 'now', 'capacity', null],
      [5, 'password-vault', 3.75, 3, 1.25, 1.25, 10, 'now', 'now', 'capacity', null],
      [6, 'leaver-feed', 9, 8, 1.125, 1.125, 13, 'next', 'now', 'long-lead', null],
      [7, 'central-log', 5, 8, 0.625, 1, 21, 'next', 'now', 'prerequisite', 'export-alert'],
      [8, 'export-alert', 3, 3, 1, 1, 29, 'next', 'now', 'contain', null],
    ]);
    const reasons = (id: string) =>
      report.plan.find((i) => i.actionId === id)!.reasons.map((r) => [r.journeyId ?? 'organisation', r.risk, r.share, r.contribution, three(r.portion), r.contains]);
    // The organisation item once, with s* = 2 (chat; phone overrides), beside phone's override.
    expect(reasons('enforce-mfa')).toEqual([
      ['organisation', 6, 0.75, 4.5, 0.5, false],
      ['phone', 4.5, 1, 4.5, 0.5, false],
    ]);
    expect(reasons('vendor-mfa')).toEqual([['organisation', 6, 0.25, 1.5, 1, false]]);
    expect(reasons('leaver-feed')).toEqual([
      ['phone', 9, 0.5, 4.5, 0.5, false],
      ['chat', 3, 1, 3, 0.333, false],
      ['post', 1.5, 1, 1.5, 0.167, false],
    ]);
    expect(reasons('access-review')).toEqual([['phone', 9, 0.5, 4.5, 1, false]]);
    expect(reasons('named-accounts')).toEqual([
      ['phone', 4.5, 0.5, 2.25, 0.6, false],
      ['chat', 3, 0.5, 1.5, 0.4, false],
    ]);
    expect(reasons('central-log')).toEqual([
      ['phone', 3, 1, 3, 0.6, false],
      ['chat', 2, 1, 2, 0.4, false],
    ]);
    expect(reasons('export-alert')).toEqual([['post', 3, 1, 3, 1, true]]);
    expect(report.plan.find((i) => i.actionId === 'enforce-mfa')!.reasons[0]!.sensitivityFactor).toBe(2);
  });

  it('credits no risk twice: the Fix lane adds up to the option items that name an action', () => {
    expect(report.plan.reduce((sum, i) => sum + i.riskRemoved, 0)).toBe(39.5);
    expect(report.plan.reduce((sum, i) => sum + i.effortPoints, 0)).toBe(32);
  });

  it('lists the findings beside the plan', () => {
    expect(report.documentedButExposed.map((d) => [d.journeyId, d.questionId, d.level])).toEqual([['phone', 'shared-logins', 3]]);
    expect(report.visibilityGaps.map((g) => [g.questionId, g.gap, g.entries.map((e) => [e.journeyId, e.reason, e.gap])])).toEqual([
      ['bulk-export', 9, [['phone', 'unknown', 9]]],
      ['leavers', 6.75, [['phone', 'disputed', 6.75]]],
      ['mfa', 4.5, [[null, 'disputed', 4.5]]],
      ['who-opened', 2, [['post', 'unknown', 2]]],
    ]);
    expect(report.onSomeonesWord).toBe(4);
  });
});
