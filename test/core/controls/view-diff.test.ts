/**
 * Controls whose verdict changed between two cycles (src/core/controls/view-diff.ts):
 * each side's view built from its own answers, organisation answers and claims, with why
 * each side's verdict was what it was, and the words every renderer shares.
 */
import { describe, expect, it } from 'vitest';
import type { ControlClaim } from '../../../src/core/controls/claims.js';
import { controlChanges, controlsAtSnapshot, verdictChanges, verdictReason } from '../../../src/core/controls/view-diff.js';
import { VerdictChangeSchema } from '../../../src/core/controls/view-schema.js';
import { buildControlsView } from '../../../src/core/controls/view.js';
import { buildReport } from '../../../src/core/report.js';
import { snapshotOf } from '../../../src/core/snapshot.js';
import type { Assessment, OrganisationAnswer } from '../../../src/core/workbook-schema.js';
import { verdictChangeWords, verdictReasonWords } from '../../../src/export/diff-words.js';
import { NOW, assessment, bank, journey, opt, unknown } from '../model-fixtures.js';

const claim = (framework: ControlClaim['framework'], controlId: string, status: ControlClaim['status'] = 'implemented'): ControlClaim => ({
  framework,
  controlId,
  status,
  auditedOn: null,
  reference: '',
});
const org = (questionId: string, optionId: string): OrganisationAnswer => ({ questionId, kind: 'option', optionId, confidence: 'verified', note: '', by: 'CISO', at: NOW.toISOString() });

/**
 * q1 (a journey question, weight 2) tests ISO 27001 A.5.18; q2 (organisation-wide,
 * weight 1) tests A.8.15; q3 (weight 1) tests SOC 2 CC6.1 and is never asked here.
 */
const BANK = bank({
  id: 'test',
  title: 'Test',
  version: '1.0.0',
  description: 'Cycles.',
  language: 'en',
  dimensions: [{ id: 'access', title: 'Access', description: 'Who can see what.' }],
  questions: [
    {
      id: 'q1',
      dimension: 'access',
      prompt: 'Who can export?',
      weight: 2,
      options: [0, 3].map((level) => ({ id: `l${level}`, label: `Level ${level}`, level, actions: level ? ['fix'] : [] })),
      references: [{ framework: 'ISO27001', control: 'A.5.18', title: 'Access rights' }],
    },
    {
      id: 'q2',
      dimension: 'access',
      prompt: 'Are exports logged?',
      weight: 1,
      scope: 'organisation',
      options: [0, 4].map((level) => ({ id: `l${level}`, label: `Level ${level}`, level, actions: level ? ['fix'] : [] })),
      references: [{ framework: 'ISO27001', control: 'A.8.15', title: 'Logging' }],
    },
    {
      id: 'q3',
      dimension: 'access',
      prompt: 'Is MFA enforced?',
      weight: 1,
      options: [0, 3].map((level) => ({ id: `l${level}`, label: `Level ${level}`, level, actions: level ? ['fix'] : [] })),
      references: [{ framework: 'SOC2', control: 'CC6.1', title: 'Logical access' }],
    },
  ],
  actions: [{ id: 'fix', title: 'Fix', detail: 'Do it.', effort: 'S', owner: 'IT' }],
});

/** The assessment `then`, snapshotted, then changed to `now` (keeping the snapshot). */
function cycle(then: Assessment, now: Partial<Assessment>): Assessment {
  const snapshot = snapshotOf(then, buildReport(BANK, then, NOW), { label: 'Q3' }, NOW);
  return { ...then, ...now, snapshots: [snapshot] };
}

describe('verdictChanges', () => {
  it("reads each side from its own answers, organisation answers and claims: one control turned exposed, one held; why, figures and claims", () => {
    const claims = [claim('ISO27001', 'A.5.18'), claim('ISO27001', 'A.8.15')];
    const then = assessment([journey('j1')], [opt('j1', 'q1', 'l0'), opt('j1', 'q3', 'l0')], { organisationAnswers: [org('q2', 'l4')], controlClaims: claims });
    const now = cycle(then, { answers: [opt('j1', 'q1', 'l3'), opt('j1', 'q3', 'l0')], organisationAnswers: [org('q2', 'l0')] });
    const snapshot = now.snapshots[0]!;
    expect(snapshot.controlClaims).toEqual(claims);

    const changes = controlChanges(BANK, now, buildReport(BANK, now, NOW), snapshot, null);
    // A.5.18: q1 l0 verified (e 0, k 1) -> l3 (e 3/4): exposure 0 -> 75, visibility 100.
    // A.8.15: the organisation's q2 l4 (e 1) -> l0: exposure 100 -> 0. SOC2 CC6.1 holds on both sides: not listed.
    expect(changes).toEqual([
      {
        framework: 'ISO27001',
        controlId: 'A.5.18',
        title: 'Access rights',
        from: 'holds',
        to: 'exposed',
        exposure: { from: 0, to: 75 },
        visibility: { from: 100, to: 100 },
        claim: { from: 'implemented', to: 'implemented' },
        claimedButExposed: { from: false, to: true },
        why: {
          from: { kind: 'holds', answers: 1, visibility: 100 },
          to: { kind: 'exposed-answer', questionId: 'q1', questionPrompt: 'Who can export?', scope: 'journey', journeyName: 'J1', level: 3, more: 0 },
        },
      },
      {
        framework: 'ISO27001',
        controlId: 'A.8.15',
        title: 'Logging',
        from: 'exposed',
        to: 'holds',
        exposure: { from: 100, to: 0 },
        visibility: { from: 100, to: 100 },
        claim: { from: 'implemented', to: 'implemented' },
        claimedButExposed: { from: true, to: false },
        why: {
          from: { kind: 'exposed-answer', questionId: 'q2', questionPrompt: 'Are exports logged?', scope: 'organisation', journeyName: null, level: 4, more: 0 },
          to: { kind: 'holds', answers: 1, visibility: 100 },
        },
      },
    ]);
    for (const c of changes) expect(VerdictChangeSchema.safeParse(c).success).toBe(true);
    expect(verdictChangeWords(changes[0]!, (s) => s)).toBe(
      'holds in practice → exposed in practice, because “Who can export?” (J1) is at level 3; before, no answer at level 3 or 4 nor unknown, visibility 100; exposure 0 → 75, visibility 100 → 100; now claimed implemented and exposed in practice',
    );
    expect(verdictChangeWords(changes[1]!, (s) => s)).toBe(
      'exposed in practice → holds in practice, because no answer at level 3 or 4 nor unknown, visibility 100; before, “Are exports logged?” (organisation-wide) is at level 4; exposure 100 → 0, visibility 100 → 100; no longer claimed implemented and exposed in practice',
    );
    // Nothing changed: nothing listed.
    const view = controlsAtSnapshot(BANK, now, snapshot);
    expect(verdictChanges(view, view)).toEqual([]);
  });

  it('lists a control whose verdict stayed exposed but that the audit now claims implemented; a snapshot from before claims has none', () => {
    const then = assessment([journey('j1'), journey('j2')], [opt('j1', 'q1', 'l3'), opt('j2', 'q1', 'l3')]);
    const now = cycle(then, { controlClaims: [claim('ISO27001', 'A.5.18'), claim('ISO27001', 'A.5.15', 'partially')] });
    const changes = controlChanges(BANK, now, buildReport(BANK, now, NOW), now.snapshots[0]!, null);
    // A.5.15 is claimed but no question cites it: new in the view, not tested.
    expect(changes.map((c) => [c.controlId, c.from, c.to, c.claim, c.claimedButExposed])).toEqual([
      ['A.5.18', 'exposed', 'exposed', { from: null, to: 'implemented' }, { from: false, to: true }],
      ['A.5.15', null, 'not-tested', { from: null, to: 'partially' }, { from: false, to: false }],
    ]);
    expect(changes[0]!.why.to).toEqual({ kind: 'exposed-answer', questionId: 'q1', questionPrompt: 'Who can export?', scope: 'journey', journeyName: 'J1', level: 3, more: 1 });
    expect(verdictChangeWords(changes[0]!, (s) => s)).toBe(
      'still exposed in practice, because “Who can export?” (J1) is at level 3, and 1 more answer at level 3 or 4; before, “Who can export?” (J1) is at level 3, and 1 more answer at level 3 or 4; exposure 75 → 75, visibility 100 → 100; now claimed implemented and exposed in practice (claim none → implemented)',
    );
    expect(verdictChangeWords(changes[1]!, (s) => s)).toBe(
      'not cited → not tested, because no question of the bank cites it; before, the bank does not cite it and no claim names it; exposure — → —, visibility — → —; claim none → partially implemented',
    );
  });

  it('names unknown answers and low visibility as the reasons for "unknown in practice"', () => {
    const then = assessment([journey('j1'), journey('j2')], [opt('j1', 'q3', 'l0'), opt('j2', 'q3', 'l0')]);
    // One journey turns unknown: 1 of 2 answers unknown.
    const lost = cycle(then, { answers: [opt('j1', 'q3', 'l0'), unknown('j2', 'q3')] });
    const [c] = controlChanges(BANK, lost, buildReport(BANK, lost, NOW), lost.snapshots[0]!, null);
    expect(c).toMatchObject({ controlId: 'CC6.1', from: 'holds', to: 'unknown', exposure: { from: 0, to: 50 }, visibility: { from: 100, to: 50 } });
    expect(c!.why.to).toEqual({ kind: 'unknown-answers', unknowns: 1, answers: 2 });
    expect(verdictReasonWords(c!.why.to, (s) => s)).toBe('1 of 2 answers is “we don\'t know”');
    // Both answers only disputed: no unknown, visibility 25 < 50.
    const disputed = cycle(then, { answers: [opt('j1', 'q3', 'l0', { confidence: 'disputed' }), opt('j2', 'q3', 'l0', { confidence: 'disputed' })] });
    const [d] = controlChanges(BANK, disputed, buildReport(BANK, disputed, NOW), disputed.snapshots[0]!, null);
    expect(d!.why.to).toEqual({ kind: 'low-visibility', visibility: 25, threshold: 50 });
    expect(verdictReasonWords(d!.why.to, (s) => s)).toBe('visibility 25 is below 50');
    // None of the citing questions asked: not tested.
    const none = buildControlsView(BANK, buildReport(BANK, assessment([journey('j1')], []), NOW));
    expect(verdictReason(none.controls.find((x) => x.controlId === 'CC6.1'))).toEqual({ kind: 'not-asked', questions: 1 });
    expect(verdictReasonWords({ kind: 'not-asked', questions: 1 }, (s) => s)).toBe('its one question was not asked');
    expect(verdictReasonWords({ kind: 'not-asked', questions: 3 }, (s) => s)).toBe('none of its 3 questions was asked');
    expect(verdictReasonWords({ kind: 'unknown-answers', unknowns: 2, answers: 2 }, (s) => s)).toBe('both its answers are “we don\'t know”');
  });
});
