/**
 * The requests' owner groups and the evidence hint: the orders and values written out,
 * since both are computed without Intl and read through a cache.
 */
import { describe, expect, it } from 'vitest';
import { evidenceHint } from '../../src/core/evidence.js';
import { requestsByOwner, type EvidenceRequest } from '../../src/core/evidence-requests.js';
import { assessmentCode, planItemId } from '../../src/core/plan-ids.js';

const request = (id: string, owner: string) => ({ id, owner }) as EvidenceRequest;

describe('requests by owner', () => {
  it('orders owners ignoring case, then as written; blank owners become "No owner named"; each group keeps list order', () => {
    const groups = requestsByOwner([
      request('r1', 'support lead'),
      request('r2', 'Data protection officer'),
      request('r3', '  '),
      request('r4', 'Support lead'),
      request('r5', 'support lead'),
      request('r6', 'CRM admin'),
    ]);
    expect(groups.map((g) => [g.owner, g.requests.map((r) => r.id)])).toEqual([
      ['CRM admin', ['r6']],
      ['Data protection officer', ['r2']],
      ['No owner named', ['r3']],
      // Same name but for case: the capitalised one first ("S" < "s").
      ['Support lead', ['r4']],
      ['support lead', ['r1', 'r5']],
    ]);
  });
});

describe('evidence hint read through its cache', () => {
  it('gives each help text its own hint, the same on a second read', () => {
    const a = { help: 'Why it matters.\n\n**Evidence.** A  screenshot of\nthe retention setting.' };
    const b = { help: '**Evidence** The export log.' };
    const none = { help: 'No evidence paragraph here.' };
    for (let round = 0; round < 2; round++) {
      expect(evidenceHint(a)).toBe('A screenshot of the retention setting.');
      expect(evidenceHint(b)).toBe('The export log.');
      expect(evidenceHint(none)).toBeNull();
      expect(evidenceHint({})).toBeNull();
    }
  });
});

describe('assessment code read through its cache', () => {
  it('differs between assessments and stays the same for each, in any order', () => {
    const first = assessmentCode('assessment-one');
    const second = assessmentCode('assessment-two');
    expect(first).not.toBe(second);
    expect(assessmentCode('assessment-one')).toBe(first);
    expect(planItemId('assessment-two', 'fix:a')).toBe(`CX-${second}-fix.a`);
    expect(assessmentCode('assessment-two')).toBe(second);
    expect(first).toMatch(/^[a-z2-7]{6}$/);
  });
});
