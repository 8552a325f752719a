/**
 * Controls whose verdict changed between two cycles: the controls view of each side
 * (a snapshot's answers and claims are re-read with today's bank and model, as the diff
 * does), compared control by control. Pure.
 */
import type { Assessment, Snapshot } from '../workbook-schema.js';
import type { Framework } from './catalogue.js';
import type { ControlsView, Verdict } from './view.js';

export interface VerdictChange {
  framework: Framework;
  controlId: string;
  title: string;
  /** null: the control was not in that side's view (not cited, not claimed). */
  from: Verdict | null;
  to: Verdict | null;
  exposureFrom: number | null;
  exposureTo: number | null;
  /** The later side claims it implemented. */
  claimedImplemented: boolean;
}

/** The assessment as a snapshot froze it: its journeys, answers, plan status and claims. */
export function assessmentAt(assessment: Assessment, snapshot: Snapshot): Assessment {
  const { controlClaims: _claims, ...rest } = assessment;
  const at: Assessment = { ...rest, journeys: snapshot.journeys, answers: snapshot.answers, planStatus: snapshot.planStatus, snapshots: [] };
  return snapshot.controlClaims ? { ...at, controlClaims: snapshot.controlClaims } : at;
}

/** Controls whose verdict differs between `from` and `to`, in the order of `to` (then those only `from` has). */
export function verdictChanges(from: ControlsView, to: ControlsView): VerdictChange[] {
  const key = (c: { framework: string; controlId: string }) => `${c.framework}\u0000${c.controlId}`;
  const before = new Map(from.controls.map((c) => [key(c), c]));
  const after = new Map(to.controls.map((c) => [key(c), c]));
  const changes: VerdictChange[] = [];
  for (const c of to.controls) {
    const was = before.get(key(c));
    if (was?.verdict === c.verdict) continue;
    changes.push({
      framework: c.framework,
      controlId: c.controlId,
      title: c.title,
      from: was?.verdict ?? null,
      to: c.verdict,
      exposureFrom: was?.exposure ?? null,
      exposureTo: c.exposure,
      claimedImplemented: c.claim?.status === 'implemented',
    });
  }
  for (const c of from.controls) {
    if (after.has(key(c))) continue;
    changes.push({ framework: c.framework, controlId: c.controlId, title: c.title, from: c.verdict, to: null, exposureFrom: c.exposure, exposureTo: null, claimedImplemented: false });
  }
  return changes;
}
