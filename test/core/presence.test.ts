/**
 * The presence sidecar's text (issue 16): what the driver writes reads back as written;
 * anything else a file could hold reads as nothing (undefined), never as a place.
 */
import { describe, expect, it } from 'vitest';
import { parsePresence, presenceText, PRESENCE_MAX_BYTES } from '../../src/core/presence.js';

const NOW = new Date('2026-12-01T10:00:00.000Z');

describe('the presence sidecar', () => {
  it('reads back what the driver wrote: a question with its place and a vote', () => {
    const text = presenceText(
      { screen: 'question', assessmentId: 'q4', journeyId: 'phone', questionId: 'ticket-notes-content', index: 2, total: 22, vote: { voted: 2, voters: 6, positions: [{ name: 'Ana', kind: 'option', optionId: 'some' }, { name: 'Ben', kind: 'unknown' }] } },
      4242,
      'vm',
      NOW,
    );
    expect(text.endsWith('\n')).toBe(true);
    expect(parsePresence(text)).toEqual({
      cxray: 'presence',
      format: 1,
      pid: 4242,
      hostname: 'vm',
      at: '2026-12-01T10:00:00.000Z',
      screen: 'question',
      assessmentId: 'q4',
      journeyId: 'phone',
      questionId: 'ticket-notes-content',
      index: 2,
      total: 22,
      vote: { voted: 2, voters: 6, positions: [{ name: 'Ana', kind: 'option', optionId: 'some' }, { name: 'Ben', kind: 'unknown' }] },
    });
    expect(parsePresence(presenceText({ screen: 'closed' }, 1, 'vm', NOW))?.screen).toBe('closed');
  });

  const valid = JSON.parse(presenceText({ screen: 'end', assessmentId: 'q4', journeyId: null, total: 3 }, 7, 'vm', NOW)) as Record<string, unknown>;
  const cases: [string, string][] = [
    ['empty', ''],
    ['torn in the middle', JSON.stringify(valid).slice(0, 40)],
    ['not an object', '"question"'],
    ['null', 'null'],
    ['another program’s file', '{"hello":"world"}'],
    ['a format from the future', JSON.stringify({ ...valid, format: 2 })],
    ['a field it does not know', JSON.stringify({ ...valid, command: 'rm -rf /' })],
    ['a screen it does not know', JSON.stringify({ ...valid, screen: 'results' })],
    ['a negative index', JSON.stringify({ ...valid, index: -1 })],
    ['a huge total', JSON.stringify({ ...valid, total: 1e9 })],
    ['an id of 101 characters', JSON.stringify({ ...valid, assessmentId: 'a'.repeat(101) })],
    ['a pid that is not a whole number', JSON.stringify({ ...valid, pid: 1.5 })],
    ['a date that is not one', JSON.stringify({ ...valid, at: 'yesterday' })],
    ['more than the bytes a sidecar may have', JSON.stringify({ ...valid, hostname: ' '.repeat(PRESENCE_MAX_BYTES) })],
    ['a vote of 101 positions', JSON.stringify({ ...valid, vote: { voted: 1, voters: 1, positions: Array.from({ length: 101 }, () => ({ name: 'x', kind: 'na' })) } })],
  ];
  for (const [what, text] of cases) {
    it(`reads ${what} as nothing`, () => {
      expect(parsePresence(text)).toBeUndefined();
    });
  }

  it('keeps text with terminal escapes as data (the presenter filters what it draws, and draws no sidecar text but names)', () => {
    const p = parsePresence(JSON.stringify({ ...valid, screen: 'question', questionId: 'q\u001b[2J', vote: { voted: 1, voters: 1, positions: [{ name: '\u001b]0;pwned\u0007Eve', kind: 'na' }] } }));
    expect(p?.vote?.positions?.[0]?.name).toBe('\u001b]0;pwned\u0007Eve');
  });
});
