/**
 * The plan's filters: by journey (its own answers and the organisation-wide answers that
 * hold for it), by horizon, by owner (recorded, else suggested), and how a key steps
 * through the choices. Items are written out by hand with only what the filters read.
 */
import { describe, expect, it } from 'vitest';
import { feedsJourney, filterChoices, matchesFilter, nextChoice, ownerOf, type HeldBy } from '../../src/core/plan-filter.js';
import type { FindOutItem, PlanItem } from '../../src/core/report-schema.js';

type Reason = { scope: 'journey' | 'organisation'; journeyId: string | null; questionId: string };
const item = (actionId: string, horizon: 'now' | 'next' | 'later' | 'find', owner: string, recorded: string, reasons: Reason[]) =>
  ({
    actionId,
    kind: horizon === 'find' ? 'discovery' : 'remediation',
    ...(horizon === 'find' ? {} : { horizon }),
    owner,
    tracking: { owner: recorded },
    reasons,
  }) as unknown as PlanItem | FindOutItem;

// sso-mfa: the organisation's answer to q-sso, which holds for phone and chat (web overrides it).
const heldBy: HeldBy = new Map([['q-sso', ['phone', 'chat']]]);
const journeys = [{ id: 'phone' }, { id: 'web' }, { id: 'chat' }, { id: 'shop' }];
const plan = [
  item('trace', 'find', 'Privacy officer', '', [{ scope: 'journey', journeyId: 'web', questionId: 'q-copies' }]),
  item('sso-mfa', 'now', 'IT', 'Dana', [{ scope: 'organisation', journeyId: null, questionId: 'q-sso' }]),
  item('export-alert', 'next', 'Security operations', '', [
    { scope: 'journey', journeyId: 'phone', questionId: 'q-export' },
    { scope: 'journey', journeyId: 'web', questionId: 'q-export' },
  ]),
  item('retention', 'later', '', '', [{ scope: 'journey', journeyId: 'web', questionId: 'q-keep' }]),
];
const ids = (filter: Parameters<typeof matchesFilter>[1]) => plan.filter((p) => matchesFilter(p, filter, heldBy)).map((p) => p.actionId);

describe('the plan filters', () => {
  it('take the owner recorded on an item before the team the bank suggests', () => {
    expect(plan.map(ownerOf)).toEqual(['Privacy officer', 'Dana', 'Security operations', '']);
  });

  it('count an organisation-wide answer for the journeys it holds for, and not for one that overrides it', () => {
    expect(feedsJourney(plan[1]!, 'phone', heldBy)).toBe(true);
    expect(feedsJourney(plan[1]!, 'chat', heldBy)).toBe(true);
    expect(feedsJourney(plan[1]!, 'web', heldBy)).toBe(false);
    expect(ids({ journey: 'phone' })).toEqual(['sso-mfa', 'export-alert']);
    expect(ids({ journey: 'web' })).toEqual(['trace', 'export-alert', 'retention']);
    expect(ids({ journey: 'chat' })).toEqual(['sso-mfa']);
  });

  it('filter by horizon, Find out being one, and by owner, "" for no owner at all; several filters all hold', () => {
    expect(ids({ horizon: 'find-out' })).toEqual(['trace']);
    expect(ids({ horizon: 'later' })).toEqual(['retention']);
    expect(ids({ owner: 'Dana' })).toEqual(['sso-mfa']);
    expect(ids({ owner: 'IT' })).toEqual([]);
    expect(ids({ owner: '' })).toEqual(['retention']);
    expect(ids({ journey: 'web', horizon: 'next' })).toEqual(['export-alert']);
    expect(ids({})).toEqual(['trace', 'sso-mfa', 'export-alert', 'retention']);
  });

  it('offer only the choices some item has among those the other filters leave: journeys in assessment order, horizons in plan order, no owner last', () => {
    expect(filterChoices(plan, journeys, heldBy)).toEqual({
      journey: ['phone', 'web', 'chat'],
      horizon: ['find-out', 'now', 'next', 'later'],
      owner: ['Privacy officer', 'Dana', 'Security operations', ''],
    });
    // With web's items only: no chat, no phone-only owner, no Now.
    expect(filterChoices(plan, journeys, heldBy, { journey: 'web' })).toEqual({
      journey: ['phone', 'web', 'chat'],
      horizon: ['find-out', 'next', 'later'],
      owner: ['Privacy officer', 'Security operations', ''],
    });
    expect(filterChoices(plan, journeys, heldBy, { journey: 'web', horizon: 'next' })).toEqual({
      journey: ['phone', 'web'],
      horizon: ['find-out', 'next', 'later'],
      owner: ['Security operations'],
    });
  });

  it('step from all to the first choice, along, and back to all after the last', () => {
    const choices = ['phone', 'web'];
    expect(nextChoice(undefined, choices)).toBe('phone');
    expect(nextChoice('phone', choices)).toBe('web');
    expect(nextChoice('web', choices)).toBeUndefined();
    // A choice gone from the plan (its items answered away) starts again from all.
    expect(nextChoice('chat', choices)).toBeUndefined();
    expect(nextChoice(undefined, [])).toBeUndefined();
  });
});
