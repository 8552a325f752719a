/**
 * Evidence on answers and evidence requests (issue 18), with hand-computed figures and
 * an injected clock at the boundaries. EVIDENCE_BANK is SCORING_BANK with evidence hints
 * on q1 and q2 (q3 has none): q1 (d1, w 2: a L0, b L2 [fix-a], c L4; discovery disc),
 * q2 (d1, w 1: x L1, y L3 [fix-b]; lifetime 30 days), q3 (d2, w 3: m L0, n L4 [fix-c]).
 * Journey j is moderate (s = 2).
 */
import { describe, expect, it } from 'vitest';
import { addDays, addEvidence, evidenceHint, evidenceProblem, expiryOf, hasExpired, judgeEvidence, removeEvidence } from '../../src/core/evidence.js';
import { buildRequests, parseRequestId, requestId, setRequest } from '../../src/core/evidence-requests.js';
import { assessmentItems } from '../../src/core/assessment-items.js';
import { buildReport } from '../../src/core/report.js';
import { assessmentCode } from '../../src/core/plan-ids.js';
import type { Assessment, Evidence } from '../../src/core/workbook-schema.js';
import { AssessmentSchema } from '../../src/core/workbook-schema.js';
import { NOW, SCORING_BANK, assessment, bank, journey, opt, unknown } from './model-fixtures.js';

const EVIDENCE_BANK = bank({
  ...SCORING_BANK,
  questions: SCORING_BANK.questions.map((q) =>
    q.id === 'q3' ? { ...q, help: '**Why it matters.** No hint here.' } : { ...q, help: `**Why it matters.** Because.\n\n**Evidence.** The ${q.id} log,\nlast month.` },
  ),
});

const at = (iso: string) => new Date(iso);

function evidence(over: Partial<Evidence> & Pick<Evidence, 'id' | 'questionId'>): Evidence {
  return {
    journeyId: 'j',
    optionId: undefined,
    link: 'https://wiki.example.com/e',
    shows: 'the log',
    collectedBy: 'Sam',
    collectedOn: '2026-11-10',
    status: 'accepted',
    reason: '',
    by: '',
    addedAt: NOW.toISOString(),
    ...over,
  } as Evidence;
}

/** q1 b, q2 x, q3 m, all reported: visibility (2 x .5 + 1 x .5 + 3 x .5) / 6 = 50. */
function reportedAll(extra: Partial<Assessment> = {}): Assessment {
  return assessment(
    [journey('j')],
    [opt('j', 'q1', 'b', { confidence: 'reported' }), opt('j', 'q2', 'x', { confidence: 'reported' }), opt('j', 'q3', 'm', { confidence: 'reported' })],
    extra,
  );
}

describe('days added to a day', () => {
  it('crosses months, years and leap days, and gives the same answer when asked again', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-01', 0)).toBe('2026-12-01');
    // Kept from the first time: the same inputs, the same day.
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2026-12-25', 15)).toBe('2027-01-09');
  });
});

describe('evidence: expiry', () => {
  it('lasts the question\'s lifetime after it was collected, counting through its last day; its own expiry wins; none: never', () => {
    const q2 = EVIDENCE_BANK.questions[1]!; // lifetime 30
    const q3 = EVIDENCE_BANK.questions[2]!; // none
    // 2026-11-10 + 30 days = 2026-12-10
    expect(expiryOf({ collectedOn: '2026-11-10' }, q2)).toBe('2026-12-10');
    expect(hasExpired({ collectedOn: '2026-11-10' }, q2, '2026-12-10')).toBe(false);
    expect(hasExpired({ collectedOn: '2026-11-10' }, q2, '2026-12-11')).toBe(true);
    expect(expiryOf({ collectedOn: '2026-11-10', expiresOn: '2026-11-12' }, q2)).toBe('2026-11-12');
    expect(expiryOf({ collectedOn: '2026-11-10' }, q3)).toBeNull();
    expect(hasExpired({ collectedOn: '2000-01-01' }, q3, '2099-01-01')).toBe(false);
  });
});

describe('evidence: verified while it lasts, back to reported and stale after', () => {
  const withEvidence = reportedAll({ evidence: [evidence({ id: 'ev1', questionId: 'q2', optionId: 'x' })] });

  it('accepted evidence for the option held makes it verified: visibility 58.33, 16.67 of it on evidence', () => {
    const r = buildReport(EVIDENCE_BANK, withEvidence, NOW);
    // (2 x .5 + 1 x 1 + 3 x .5) / 6 = 3.5 / 6 = 58.333...; on evidence 100 x 1 / 6 = 16.666...
    expect(r.overall.visibility).toBeCloseTo(58.3333, 3);
    expect(r.evidence!.visibilityOnEvidence).toBeCloseTo(16.6667, 3);
    expect(r.evidence!.verified).toBe(1);
    const q2 = r.answers.find((a) => a.questionId === 'q2')!;
    expect(q2).toMatchObject({ confidence: 'reported', effectiveConfidence: 'verified', stale: false });
    expect(q2.evidence!.map((e) => [e.id, e.counts, e.expiresOn])).toEqual([['ev1', true, '2026-12-10']]);
    expect(r.answers.find((a) => a.questionId === 'q1')!.evidence).toBeUndefined();
  });

  it('still verified at the last moment of its last day (2026-12-10 23:59:59)', () => {
    const r = buildReport(EVIDENCE_BANK, withEvidence, at('2026-12-10T23:59:59.999Z'));
    expect(r.overall.visibility).toBeCloseTo(58.3333, 3);
    expect(r.staleAnswers).toEqual([]);
  });

  it('from the next day it counts as reported again (50) and is listed as stale, with the day its evidence ran out', () => {
    const r = buildReport(EVIDENCE_BANK, withEvidence, at('2026-12-11T00:00:00.000Z'));
    expect(r.overall.visibility).toBe(50);
    expect(r.evidence!.visibilityOnEvidence).toBe(0);
    expect(r.evidence!.verified).toBe(0);
    // The answer itself (given 2026-11-20, lifetime 30) is only 20 days old: stale because of its evidence.
    expect(r.staleAnswers.map((s) => [s.questionId, s.effectiveConfidence, s.evidenceExpiredOn, s.lifetimeDays])).toEqual([['q2', 'reported', '2026-12-10', 30]]);
    expect(r.answers.find((a) => a.questionId === 'q2')!.evidence![0]).toMatchObject({ expired: true, counts: false });
  });

  it('a recorded "verified" falls back to reported when its evidence expires', () => {
    const a = assessment([journey('j')], [opt('j', 'q2', 'x', { confidence: 'verified' })], { evidence: [evidence({ id: 'ev1', questionId: 'q2', optionId: 'x', expiresOn: '2026-11-20' })] });
    expect(buildReport(EVIDENCE_BANK, a, at('2026-11-20T12:00:00Z')).overall.visibility).toBe(100);
    expect(buildReport(EVIDENCE_BANK, a, at('2026-11-21T00:00:00Z')).overall.visibility).toBe(50);
  });

  it('renews an answer older than its lifetime while the evidence is newer', () => {
    // The answer was given 40 days before NOW (stale by age); evidence collected 2026-11-15 lasts to 2026-12-15.
    const old = new Date(NOW.getTime() - 40 * 86_400_000).toISOString();
    const a = assessment([journey('j')], [opt('j', 'q2', 'x', { confidence: 'reported', at: old })], {
      evidence: [evidence({ id: 'ev1', questionId: 'q2', optionId: 'x', collectedOn: '2026-11-15' })],
    });
    const r = buildReport(EVIDENCE_BANK, a, NOW);
    expect(r.staleAnswers).toEqual([]);
    expect(r.overall.visibility).toBe(100);
  });

  it('counts only for the option it shows, only when accepted, only with at least one item unexpired', () => {
    const a = reportedAll({
      evidence: [
        evidence({ id: 'ev1', questionId: 'q1', optionId: 'c' }), // the answer is b now
        evidence({ id: 'ev2', questionId: 'q3', optionId: 'm', status: 'rejected', reason: 'blurred' }),
        evidence({ id: 'ev3', questionId: 'q3', optionId: 'm', expiresOn: '2026-11-19' }), // expired yesterday
      ],
    });
    const r = buildReport(EVIDENCE_BANK, a, NOW);
    expect(r.overall.visibility).toBe(50);
    expect(r.evidence!.items.map((e) => [e.id, e.counts])).toEqual([
      ['ev1', false],
      ['ev2', false],
      ['ev3', false],
    ]);
    // Another item still current keeps q3 verified: (1 + .5 + 3) / 6 = 75.
    const b = { ...a, evidence: [...a.evidence!, evidence({ id: 'ev4', questionId: 'q3', optionId: 'm' })] };
    expect(buildReport(EVIDENCE_BANK, b, NOW).overall.visibility).toBe(75);
  });

  it('lists counting evidence whose last day is within 30 days, soonest first', () => {
    const a = reportedAll({
      evidence: [
        evidence({ id: 'ev1', questionId: 'q3', optionId: 'm', expiresOn: '2026-12-20' }), // 30 days after 11-20: in
        evidence({ id: 'ev2', questionId: 'q2', optionId: 'x' }), // 2026-12-10: in
        evidence({ id: 'ev3', questionId: 'q1', optionId: 'b', expiresOn: '2026-12-21' }), // 31 days: out
      ],
    });
    expect(buildReport(EVIDENCE_BANK, a, NOW).evidence!.expiringSoon).toEqual(['ev2', 'ev1']);
  });
});

describe('evidence: adding it', () => {
  it('checks the input in one sentence each', () => {
    const base = { shows: 'x', collectedOn: '2026-11-10' };
    expect(evidenceProblem({ ...base }, '2026-11-20')).toMatch(/link .* or a file path/);
    expect(evidenceProblem({ ...base, link: 'ftp://x' }, '2026-11-20')).toMatch(/not an http or https/);
    expect(evidenceProblem({ ...base, link: 'https://x', path: '/p' }, '2026-11-20')).toMatch(/not both/);
    expect(evidenceProblem({ ...base, link: 'https://x', collectedOn: '2026-11-21' }, '2026-11-20')).toMatch(/after today/);
    expect(evidenceProblem({ ...base, link: 'https://x', collectedOn: '2026-02-30' }, '2026-11-20')).toMatch(/not a day/);
    expect(evidenceProblem({ ...base, link: 'https://x', expiresOn: '2026-11-01' }, '2026-11-20')).toMatch(/before the day it was collected/);
    expect(evidenceProblem({ ...base, link: 'https://x', shows: ' ' }, '2026-11-20')).toMatch(/what the evidence shows/);
    expect(evidenceProblem({ ...base, link: 'https://x', status: 'rejected' }, '2026-11-20')).toMatch(/why/);
    expect(evidenceProblem({ ...base, link: 'https://x' }, '2026-11-20')).toBeNull();
  });

  it('adds a reference for the option the answer holds, ids never reused, and the result is a valid assessment', () => {
    let a = reportedAll();
    ({ assessment: a } = addEvidence(a, { journeyId: 'j', questionId: 'q1', path: '/srv/log.csv', sha256: 'a'.repeat(64), size: 12, shows: 'log', collectedOn: '2026-11-19' }, 'Fac', NOW));
    ({ assessment: a } = addEvidence(a, { journeyId: 'j', questionId: 'q2', link: 'https://x.example/a', shows: 'page', collectedOn: '2026-11-19', expiresOn: '2027-01-01' }, 'Fac', NOW));
    expect(a.evidence!.map((e) => [e.id, e.optionId, e.path ?? e.link, e.expiresOn])).toEqual([
      ['ev1', 'b', '/srv/log.csv', undefined],
      ['ev2', 'x', 'https://x.example/a', '2027-01-01'],
    ]);
    expect(AssessmentSchema.safeParse(a).success).toBe(true);
    a = { ...a, evidence: a.evidence!.slice(1) };
    expect(addEvidence(a, { journeyId: 'j', questionId: 'q3', link: 'https://x.example/b', shows: 's', collectedOn: '2026-11-19' }, '', NOW).evidence.id).toBe('ev3');
  });

  it('reads the hint from the **Evidence.** paragraph of the help, or none', () => {
    expect(evidenceHint(EVIDENCE_BANK.questions[0]!)).toBe('The q1 log, last month.');
    expect(evidenceHint(EVIDENCE_BANK.questions[2]!)).toBeNull();
    expect(evidenceHint({ help: undefined })).toBeNull();
  });
});

describe('evidence requests', () => {
  const code = assessmentCode('a');

  it('one per answer reported, disputed or unknown on a question with a hint; owners from the fix or the Find-out action; due 14 days after the answer', () => {
    const a = assessment(
      [journey('j'), journey('k')],
      [
        opt('j', 'q1', 'b', { confidence: 'reported' }), // fix-a: Owner A
        opt('j', 'q2', 'x', { confidence: 'verified' }), // verified: no request
        opt('j', 'q3', 'n', { confidence: 'reported' }), // no hint: no request
        unknown('k', 'q1'), // disc: Owner D
        opt('k', 'q2', 'y', { confidence: 'disputed', at: '2026-11-01T09:00:00Z' }), // fix-b: Owner B
      ],
    );
    const requests = buildRequests(EVIDENCE_BANK, a, assessmentItems(EVIDENCE_BANK, a, NOW), NOW);
    expect(requests.map((r) => [r.id, r.reason, r.owner, r.due, r.status, r.overdue])).toEqual([
      [`EV-${code}-q1.j`, 'reported', 'Owner A', '2026-12-04', 'requested', false],
      [`EV-${code}-q1.k`, 'unknown', 'Owner D', '2026-12-04', 'requested', false],
      // 2026-11-01 + 14 = 2026-11-15, before NOW (2026-11-20): overdue.
      [`EV-${code}-q2.k`, 'disputed', 'Owner B', '2026-11-15', 'requested', true],
    ]);
    expect(requests[0]!.hint).toBe('The q1 log, last month.');
    expect(requests[1]!.answer).toBe("We don't know");
  });

  it('is overdue from the day after its due date', () => {
    const a = assessment([journey('j')], [opt('j', 'q1', 'b', { confidence: 'reported' })]);
    const on = (iso: string) => buildRequests(EVIDENCE_BANK, a, assessmentItems(EVIDENCE_BANK, a, at(iso)), at(iso))[0]!.overdue;
    expect(on('2026-12-04T23:59:59Z')).toBe(false);
    expect(on('2026-12-05T00:00:00Z')).toBe(true);
  });

  it('takes the owner the team gave the plan item, then what was recorded on the request; a stale answer is asked again', () => {
    const old = new Date(NOW.getTime() - 31 * 86_400_000).toISOString();
    let a = assessment([journey('j')], [opt('j', 'q1', 'b', { confidence: 'reported' }), opt('j', 'q2', 'x', { confidence: 'verified', at: old })], {
      planStatus: [{ actionId: 'fix-a', status: 'open', owner: 'Dana', reason: '', by: '', updatedAt: NOW.toISOString() }],
    });
    let requests = buildRequests(EVIDENCE_BANK, a, assessmentItems(EVIDENCE_BANK, a, NOW), NOW);
    expect(requests.map((r) => [r.questionId, r.owner, r.reason])).toEqual([
      ['q1', 'Dana', 'reported'],
      ['q2', 'Owner B', 'stale'],
    ]);
    a = setRequest(a, { id: requests[0]!.id, journeyId: 'j', questionId: 'q1', status: 'sent', owner: 'Lee', due: '2027-01-10' }, requests[0]!, 'Fac', NOW);
    requests = buildRequests(EVIDENCE_BANK, a, assessmentItems(EVIDENCE_BANK, a, NOW), NOW);
    expect(requests[0]).toMatchObject({ owner: 'Lee', due: '2027-01-10', status: 'sent', recorded: true });
  });

  it('keeps a request whose answer is verified since with its recorded status; reopens it when the evidence expires', () => {
    const id = requestId('a', 'q2', 'j');
    const a = assessment([journey('j')], [opt('j', 'q2', 'x', { confidence: 'reported' })], {
      evidence: [evidence({ id: 'ev1', questionId: 'q2', optionId: 'x', requestId: id })],
      evidenceRequests: [{ id, journeyId: 'j', questionId: 'q2', status: 'accepted', owner: '', note: '', by: '', updatedAt: NOW.toISOString() }],
    });
    const list = (iso: string) => buildRequests(EVIDENCE_BANK, a, assessmentItems(EVIDENCE_BANK, a, at(iso)), at(iso));
    expect(list('2026-11-20T10:00:00Z').map((r) => [r.status, r.reason])).toEqual([['accepted', null]]);
    expect(list('2026-12-11T00:00:00Z').map((r) => [r.status, r.reason])).toEqual([['requested', 'stale']]);
  });

  it('ids are stable: made from the assessment, the question and the journey only, and read back', () => {
    expect(requestId('a', 'q1', 'j')).toBe(`EV-${code}-q1.j`);
    expect(requestId('a', 'q1', null)).toBe(`EV-${code}-q1`);
    expect(parseRequestId(`EV-${code}-q1.phone-uk`)).toEqual({ code, questionId: 'q1', journeyId: 'phone-uk' });
    expect(parseRequestId(`EV-${code}-q1`)).toEqual({ code, questionId: 'q1', journeyId: null });
    expect(parseRequestId('CX-abc234-x')).toBeNull();
  });
});

describe('evidence: cycles and the report', () => {
  it('a snapshot keeps evidence and requests; the diff lists evidence accepted, rejected and expired since', async () => {
    const { snapshotOf } = await import('../../src/core/snapshot.js');
    const { diffStates, stateOfCurrent, stateOfSnapshot } = await import('../../src/core/diff.js');
    const id = requestId('a', 'q2', 'j');
    const then = reportedAll({
      evidence: [evidence({ id: 'ev1', questionId: 'q2', optionId: 'x' })], // lasts to 2026-12-10
      evidenceRequests: [{ id, journeyId: 'j', questionId: 'q2', status: 'accepted', owner: '', note: '', by: '', updatedAt: NOW.toISOString() }],
    });
    const snap = snapshotOf(then, buildReport(EVIDENCE_BANK, then, NOW), { label: 'Q4' }, NOW);
    expect(snap.evidence!.map((e) => e.id)).toEqual(['ev1']);
    expect(snap.evidenceRequests!.map((r) => r.id)).toEqual([id]);
    const later = at('2026-12-15T10:00:00Z');
    const now = {
      ...then,
      snapshots: [snap],
      evidence: [
        ...then.evidence!,
        evidence({ id: 'ev2', questionId: 'q1', optionId: 'b', collectedOn: '2026-12-14' }),
        evidence({ id: 'ev3', questionId: 'q3', optionId: 'm', status: 'rejected', reason: 'wrong tenant' }),
      ],
    };
    const diff = diffStates(EVIDENCE_BANK, stateOfSnapshot(snap), stateOfCurrent(now, buildReport(EVIDENCE_BANK, now, later)));
    expect(diff.evidence!.accepted.map((e) => e.id)).toEqual(['ev2']);
    expect(diff.evidence!.rejected.map((e) => [e.id, e.reason])).toEqual([['ev3', 'wrong tenant']]);
    expect(diff.evidence!.expired.map((e) => [e.id, e.expiresOn])).toEqual([['ev1', '2026-12-10']]);
  });

  it('the markdown has an Evidence section and lists each answer\'s evidence in the appendix', async () => {
    const { renderMarkdown } = await import('../../src/export/markdown.js');
    const a = reportedAll({ evidence: [evidence({ id: 'ev1', questionId: 'q2', optionId: 'x', link: 'https://wiki.example.com/q2' })] });
    const md = renderMarkdown(buildReport(EVIDENCE_BANK, a, NOW));
    expect(md).toContain('## Evidence\n\n1 answer is verified by evidence. Of the visibility figure\'s 58 points, 16.7 rest on evidence and the rest on answers alone.');
    expect(md).toContain('### Requests by owner');
    // Each request by its stable id: q1 and q3 reported (q3 has no hint, so no request), q2 verified by ev1.
    expect(md).toContain(`| \`EV-${assessmentCode('a')}-q1.j\` | Owner A | Question one? | J | 2026-12-04 | requested |`);
    expect(md).not.toContain(`EV-${assessmentCode('a')}-q3.j`);
    expect(md).toContain('- <https://wiki.example.com/q2>: the log; collected 2026-11-10 by Sam; accepted, lasts to 2026-12-10.');
    expect(md).toContain('### Expiring in the next 30 days\n\n- 2026-12-10: J, “Question two?”: <https://wiki.example.com/q2>');
  });
});

describe('evidence: accepted, rejected, removed', () => {
  const withItems = () =>
    reportedAll({
      evidence: [
        evidence({ id: 'ev1', questionId: 'q1', optionId: 'b' }),
        // Rejected while the answer was unknown: it names no option.
        evidence({ id: 'ev2', questionId: 'q2', status: 'rejected', reason: 'blurry' }),
      ],
    });
  const verifiedOf = (a: Assessment) => buildReport(EVIDENCE_BANK, a, NOW).evidence!.verified;

  it('rejecting needs a reason and stops the answer counting as verified; accepting again clears the reason', () => {
    const a = withItems();
    expect(verifiedOf(a)).toBe(1);
    expect(judgeEvidence(a, 'ev1', 'rejected', '  ')).toEqual({ problem: 'Say why the evidence is rejected: what does it fail to show?' });
    const rejected = judgeEvidence(a, 'ev1', 'rejected', 'it shows\u001b[31m another tenant');
    if ('problem' in rejected) throw new Error(rejected.problem);
    expect(rejected.assessment.evidence![0]).toMatchObject({ id: 'ev1', status: 'rejected', reason: 'it shows another tenant', optionId: 'b' });
    expect(verifiedOf(rejected.assessment)).toBe(0);
    const again = judgeEvidence(rejected.assessment, 'ev1', 'accepted', 'ignored');
    if ('problem' in again) throw new Error(again.problem);
    expect(again.assessment.evidence![0]).toMatchObject({ status: 'accepted', reason: '' });
    expect(verifiedOf(again.assessment)).toBe(1);
    // The other item is the same object: nothing else changed.
    expect(again.assessment.evidence![1]).toBe(a.evidence![1]);
  });

  it('accepting evidence that names no option backs the option the answer holds now; without an option answer it says so', () => {
    const a = withItems();
    const accepted = judgeEvidence(a, 'ev2', 'accepted', '');
    if ('problem' in accepted) throw new Error(accepted.problem);
    expect(accepted.assessment.evidence![1]).toMatchObject({ id: 'ev2', status: 'accepted', optionId: 'x', reason: '' });
    expect(verifiedOf(accepted.assessment)).toBe(2);
    const unknownNow = { ...a, answers: a.answers.map((x) => (x.questionId === 'q2' ? unknown('j', 'q2') : x)) };
    expect(judgeEvidence(unknownNow, 'ev2', 'accepted', '')).toEqual({ problem: 'The answer has no option for the evidence to back; answer the question first.' });
    expect(judgeEvidence(a, 'ev9', 'accepted', '')).toEqual({ problem: 'Evidence ev9 is no longer in the workbook.' });
  });

  it('removing an item takes only it; the answer falls back to its own confidence', () => {
    const a = removeEvidence(withItems(), 'ev1');
    expect(a.evidence!.map((e) => e.id)).toEqual(['ev2']);
    expect(verifiedOf(a)).toBe(0);
  });
});
