/**
 * The evidence of one answer as the Evidence screen lists it (evidence-lines.ts): where it
 * stands today (counts, expired, another option, rejected), its expiry, a changed or
 * unreadable file flagged, terminal text filtered, the summary, and where `e` leads.
 */
import { describe, expect, it } from 'vitest';
import type { Assessment, Evidence } from '../../src/core/workbook-schema.js';
import { evidenceRows, evidenceScreenFor, evidenceSummary } from '../../src/ui/evidence-lines.js';

function item(id: string, over: Partial<Evidence> = {}): Evidence {
  return {
    id,
    journeyId: 'chat',
    questionId: 'q1',
    optionId: 'a',
    link: 'https://wiki.example.com/x',
    shows: 'the settings page',
    collectedBy: 'Ben',
    collectedOn: '2026-11-01',
    status: 'accepted',
    reason: '',
    by: 'Ana',
    addedAt: '2026-11-01T10:00:00.000Z',
    ...over,
  } as Evidence;
}

const TODAY = '2026-11-20';
const answer = { kind: 'option', optionId: 'a' };

describe('evidence rows', () => {
  it('say where each item stands today and until when it lasts', () => {
    const rows = evidenceRows(
      [
        item('ev1'),
        // 2026-11-01 + 10 days = 2026-11-11, before today.
        item('ev2', { expiresOn: '2026-11-11' }),
        item('ev3', { optionId: 'b' }),
        item('ev4', { status: 'rejected', reason: 'another tenant' }),
        item('ev5', { link: undefined, path: '/srv/shot.png', sha256: '743bf8234da66f928c9ddb503f359ff6dfa932c2fd9cbeca1512b5144fa917cf', size: 27, collectedBy: '' }),
      ],
      answer,
      { lifetimeDays: 30 },
      TODAY,
      new Map([['ev5', 'changed']]),
    );
    expect(rows.map((r) => [r.evidence.id, r.standing, r.counts, r.expiry, r.check])).toEqual([
      // 2026-11-01 + 30 days = 2026-12-01.
      ['ev1', 'accepted, counts', true, 'lasts to 2026-12-01', ''],
      ['ev2', 'accepted, expired 2026-11-11', false, '', ''],
      ['ev3', 'accepted for another option than the answer now given', false, 'lasts to 2026-12-01', ''],
      ['ev4', 'rejected: another tenant', false, '', ''],
      ['ev5', 'accepted, counts', true, 'lasts to 2026-12-01', '! changed since it was accepted'],
    ]);
    expect(rows[4]!.kind).toBe('file, SHA-256 743bf8234da6…, 27 bytes');
    expect(rows[4]!.collected).toBe('collected 2026-11-01');
    expect(rows[0]!.collected).toBe('collected 2026-11-01 by Ben');
    expect(evidenceSummary(rows)).toBe('5 items · 2 counting: the answer is verified · 1 changed since accepted');
    expect(evidenceSummary(rows.slice(1, 4))).toBe('3 items · none counting: the answer is not verified by evidence');
  });

  it('without a lifetime it does not expire; a file that cannot be read is said; text is filtered for the terminal', () => {
    const [row] = evidenceRows(
      [item('ev1', { link: undefined, path: '/srv/\u001b[2Jshot.png', sha256: 'ab', size: 1, shows: 'the\u0007 list', collectedBy: 'Ben\u001b]0;x\u0007' })],
      answer,
      {},
      TODAY,
      new Map([['ev1', 'missing']]),
    );
    expect(row!.expiry).toBe('does not expire');
    expect(row!.check).toBe('! the file cannot be read here to check it');
    expect([row!.reference, row!.shows, row!.collected].join('|')).toBe('/srv/shot.png|the list|collected 2026-11-01 by Ben');
  });

  it('e leads to the list of an answer with evidence, else straight to the form that adds the first', () => {
    const a = { id: 'q4', evidence: [item('ev1')] } as unknown as Assessment;
    expect(evidenceScreenFor(a, { journeyId: 'chat', questionId: 'q1', requestId: 'EV-x' })).toEqual({ name: 'evidence', assessmentId: 'q4', journeyId: 'chat', questionId: 'q1', requestId: 'EV-x' });
    expect(evidenceScreenFor(a, { journeyId: null, questionId: 'q1', collectedBy: 'Ben' })).toEqual({ name: 'evidence-form', assessmentId: 'q4', journeyId: null, questionId: 'q1', collectedBy: 'Ben' });
  });
});
