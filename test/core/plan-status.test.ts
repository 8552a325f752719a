/** Plan tracking: setting a status, what it means on a given day, and the flags. */
import { describe, expect, it } from 'vitest';
import { isDay, planStatusProblem, setPlanStatus, trackingOf } from '../../src/core/plan-status.js';
import { buildReport } from '../../src/core/report.js';
import { PlanStatusSchema, type Assessment } from '../../src/core/workbook-schema.js';
import { DAY, NOW, SCORING_BANK, assessment, journey, opt } from './model-fixtures.js';

/** J1 q1 c (L4): fix-a and fix-b in the plan; q3 m (L0): nothing. */
function base(): Assessment {
  return assessment([journey('j1')], [opt('j1', 'q1', 'c'), opt('j1', 'q3', 'm')]);
}

const trackingIn = (a: Assessment, now: Date, actionId: string) => buildReport(SCORING_BANK, a, now).plan.find((p) => p.actionId === actionId)!.tracking;

describe('setting a status', () => {
  it('records owner, due date, who and when, replacing the earlier status of the same item', () => {
    let a = setPlanStatus(base(), { actionId: 'fix-a', status: 'in-progress', owner: ' Ben ', due: '2026-12-31' }, 'Sam', NOW);
    a = setPlanStatus(a, { actionId: 'fix-a', status: 'done', owner: 'Ben' }, 'Ana', NOW);
    expect(a.planStatus).toEqual([{ actionId: 'fix-a', status: 'done', owner: 'Ben', reason: '', by: 'Ana', updatedAt: NOW.toISOString() }]);
    expect(PlanStatusSchema.safeParse(a.planStatus[0]).success).toBe(true);
  });

  it.each([
    [{ status: 'accepted-risk', reviewBy: '2027-01-31' }, 'an accepted risk needs a reason: say why the risk is accepted.'],
    [{ status: 'accepted-risk', reason: '  ' , reviewBy: '2027-01-31' }, 'an accepted risk needs a reason: say why the risk is accepted.'],
    [{ status: 'accepted-risk', reason: 'Vendor fix due in Q1' }, 'an accepted risk needs a review date, when it will be looked at again (YYYY-MM-DD).'],
    [{ status: 'open', due: '31/12/2026' }, 'the due date "31/12/2026" is not a day; write it as YYYY-MM-DD, e.g. 2027-01-31.'],
    [{ status: 'open', due: '2026-02-30' }, 'the due date "2026-02-30" is not a day; write it as YYYY-MM-DD, e.g. 2027-01-31.'],
    [{ status: 'accepted-risk', reason: 'x', reviewBy: 'soon' }, 'the review date "soon" is not a day; write it as YYYY-MM-DD, e.g. 2027-03-31.'],
  ] as const)('refuses %j', (input, problem) => {
    expect(planStatusProblem({ actionId: 'fix-a', ...input })).toBe(problem);
    expect(() => setPlanStatus(base(), { actionId: 'fix-a', ...input }, '', NOW)).toThrow(problem);
  });

  it('accepts a complete accepted risk, and the schema refuses one without its reason', () => {
    const a = setPlanStatus(base(), { actionId: 'fix-a', status: 'accepted-risk', reason: 'Vendor fix due in Q1', reviewBy: '2027-01-31' }, '', NOW);
    expect(PlanStatusSchema.safeParse(a.planStatus[0]).success).toBe(true);
    expect(PlanStatusSchema.safeParse({ ...a.planStatus[0], reason: '' }).success).toBe(false);
  });

  it('knows a day from a string that only looks like one', () => {
    expect([isDay('2028-02-29'), isDay('2027-02-29'), isDay('2027-1-05'), isDay('2027-01-05T00:00')]).toEqual([true, false, false, false]);
  });
});

describe('what a status means on a day', () => {
  it('is open with nothing set', () => {
    expect(trackingIn(base(), NOW, 'fix-a')).toEqual({
      status: 'open', recorded: null, owner: '', due: null, overdue: false, reason: '', reviewBy: null, by: '', updatedAt: null, flag: null, ticket: null,
    });
  });

  it('flags an item marked done that the answers still put in the plan', () => {
    const a = setPlanStatus(base(), { actionId: 'fix-a', status: 'done' }, 'Sam', NOW);
    expect(trackingIn(a, NOW, 'fix-a')).toMatchObject({ status: 'done', recorded: 'done', flag: 'done-but-gap' });
    // Re-answered with an option that triggers nothing: the item leaves the plan, with its status kept.
    const fixed = { ...a, answers: [opt('j1', 'q1', 'a'), opt('j1', 'q3', 'm')] };
    const report = buildReport(SCORING_BANK, fixed, NOW);
    expect(report.plan.map((p) => p.actionId)).not.toContain('fix-a');
    expect(report.closedItems).toEqual([{ actionId: 'fix-a', title: 'Fix A', owner: '', by: 'Sam', updatedAt: NOW.toISOString() }]);
  });

  it('lists closed items newest first, naming a generated "Find out" action by its question', () => {
    let a = setPlanStatus(base(), { actionId: 'find-out:q3', status: 'done', owner: 'Ana' }, '', NOW);
    a = setPlanStatus(a, { actionId: 'fix-c', status: 'done' }, '', new Date(NOW.getTime() + DAY));
    a = setPlanStatus(a, { actionId: 'fix-a', status: 'in-progress' }, '', NOW); // in the plan, and not done
    expect(buildReport(SCORING_BANK, a, NOW).closedItems.map((c) => [c.actionId, c.title, c.owner])).toEqual([
      ['fix-c', 'Fix C', ''],
      ['find-out:q3', 'Find out: Question three?', 'Ana'],
    ]);
  });

  it('keeps an accepted risk until its review date and opens it again the day after', () => {
    const a = setPlanStatus(base(), { actionId: 'fix-b', status: 'accepted-risk', reason: 'Vendor fix due', reviewBy: '2026-12-01' }, '', NOW);
    const onTheDay = new Date('2026-12-01T23:59:59.999Z');
    const dayAfter = new Date('2026-12-02T00:00:00.000Z');
    expect(trackingIn(a, onTheDay, 'fix-b')).toMatchObject({ status: 'accepted-risk', flag: null, reviewBy: '2026-12-01' });
    expect(trackingIn(a, dayAfter, 'fix-b')).toMatchObject({ status: 'open', recorded: 'accepted-risk', flag: 'risk-review-passed', reason: 'Vendor fix due' });
  });

  it('calls an item overdue from the day after its due date, unless it is done', () => {
    const status = { actionId: 'fix-a', status: 'in-progress' as const, owner: 'Ben', due: '2026-11-30', reason: '', by: '', updatedAt: NOW.toISOString() };
    expect(trackingOf(status, '2026-11-30').overdue).toBe(false);
    expect(trackingOf(status, '2026-12-01').overdue).toBe(true);
    expect(trackingOf({ ...status, status: 'done' }, '2026-12-01').overdue).toBe(false);
    expect(trackingOf({ ...status, status: 'open' }, '2027-01-01')).toMatchObject({ overdue: true, flag: null, owner: 'Ben' });
  });

  it('carries across cycles by action id: a status set before a snapshot still applies after', () => {
    const a = setPlanStatus(base(), { actionId: 'fix-a', status: 'in-progress', owner: 'Ben' }, '', NOW);
    const later = new Date(NOW.getTime() + 100 * DAY);
    expect(trackingIn(a, later, 'fix-a')).toMatchObject({ status: 'in-progress', owner: 'Ben' });
  });
});
