/**
 * Controls whose verdict changed between two cycles: the controls view of each side (a
 * snapshot's answers and claims re-read with today's bank and model, as the diff does),
 * compared control by control, each change with why each side's verdict was what it
 * was. A control whose verdict stayed the same but that joined or left "claimed
 * implemented, exposed in practice" (its claim changed) is a change too. Pure.
 */
import type { Bank } from '../bank-schema.js';
import { assessmentAtSnapshot } from '../diff.js';
import { buildReport } from '../report.js';
import type { Report } from '../report-schema.js';
import type { Assessment, Snapshot } from '../workbook-schema.js';
import { EXPOSED_LEVEL, HOLDS_MIN_VISIBILITY, buildControlsView, type ControlFinding, type ControlsView } from './view.js';
import type { VerdictChange, VerdictReason } from './view-schema.js';

export type { VerdictChange, VerdictReason } from './view-schema.js';

/** The controls view of a snapshot: its answers and claims, read with `bank`, as of the day it was taken. */
export function controlsAtSnapshot(bank: Bank, assessment: Assessment, snapshot: Snapshot): ControlsView {
  const at = assessmentAtSnapshot(bank, assessment, snapshot);
  return buildControlsView(bank, buildReport(bank, at, new Date(snapshot.takenAt)), { claims: at.controlClaims });
}

/** The controls view of the assessment as it stands (`report` is its report). */
export function controlsNow(bank: Bank, assessment: Assessment, report: Report): ControlsView {
  return buildControlsView(bank, report, { claims: assessment.controlClaims });
}

/** The verdict changes from the snapshot `from` to the snapshot `to`, or to the answers as they stand (`to` null). */
export function controlChanges(bank: Bank, assessment: Assessment, report: Report, from: Snapshot, to: Snapshot | null): VerdictChange[] {
  return verdictChanges(controlsAtSnapshot(bank, assessment, from), to ? controlsAtSnapshot(bank, assessment, to) : controlsNow(bank, assessment, report));
}

const claimedButExposed = (c: ControlFinding | undefined) => c?.claim?.status === 'implemented' && c.verdict === 'exposed';

/** Why a control's verdict is what it is (see verdictOf in view.ts); not-cited when the side's view lacks it. */
export function verdictReason(c: ControlFinding | undefined): VerdictReason {
  if (!c) return { kind: 'not-cited' };
  switch (c.verdict) {
    case 'exposed': {
      // The answers are the riskiest first: the first at level 3 or 4 is the one named.
      const exposing = c.answers.filter((a) => a.kind === 'option' && (a.level ?? 0) >= EXPOSED_LEVEL);
      const first = exposing[0]!;
      return {
        kind: 'exposed-answer',
        questionId: first.questionId,
        questionPrompt: first.questionPrompt,
        scope: first.scope,
        journeyName: first.journeyName,
        level: first.level!,
        more: exposing.length - 1,
      };
    }
    case 'unknown':
      return c.unknowns > 0
        ? { kind: 'unknown-answers', unknowns: c.unknowns, answers: c.answers.length }
        : { kind: 'low-visibility', visibility: c.visibility ?? 0, threshold: HOLDS_MIN_VISIBILITY };
    case 'holds':
      return { kind: 'holds', answers: c.answers.length, visibility: c.visibility ?? 0 };
    case 'not-tested':
      return { kind: 'not-asked', questions: c.questions.length };
  }
}

/**
 * Controls whose verdict differs between `from` and `to`, or that joined or left the
 * controls claimed implemented and exposed in practice; in the order of `to` (by
 * exposure), then those only `from` has.
 */
export function verdictChanges(from: ControlsView, to: ControlsView): VerdictChange[] {
  const key = (c: { framework: string; controlId: string }) => `${c.framework}\u0000${c.controlId}`;
  const before = new Map(from.controls.map((c) => [key(c), c]));
  const after = new Map(to.controls.map((c) => [key(c), c]));
  const change = (was: ControlFinding | undefined, now: ControlFinding | undefined): VerdictChange => {
    const either = (now ?? was)!;
    return {
      framework: either.framework,
      controlId: either.controlId,
      title: either.title,
      from: was?.verdict ?? null,
      to: now?.verdict ?? null,
      exposure: { from: was?.exposure ?? null, to: now?.exposure ?? null },
      visibility: { from: was?.visibility ?? null, to: now?.visibility ?? null },
      claim: { from: was?.claim?.status ?? null, to: now?.claim?.status ?? null },
      claimedButExposed: { from: claimedButExposed(was), to: claimedButExposed(now) },
      why: { from: verdictReason(was), to: verdictReason(now) },
    };
  };
  const changes: VerdictChange[] = [];
  for (const c of to.controls) {
    const was = before.get(key(c));
    if (was?.verdict === c.verdict && claimedButExposed(was) === claimedButExposed(c)) continue;
    changes.push(change(was, c));
  }
  for (const c of from.controls) if (!after.has(key(c))) changes.push(change(c, undefined));
  return changes;
}
