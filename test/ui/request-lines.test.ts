/**
 * The Requests screen's rows, worked out by hand (request-lines.ts): grouped by owner
 * (by name, case-insensitive), due dates in words with overdue marked, the summary line,
 * what each status key does, and terminal text filtered.
 */
import { describe, expect, it } from 'vitest';
import type { ReportEvidence, ReportRequest } from '../../src/core/report-schema.js';
import { STATUS_BY_DIGIT, STATUS_KEYS_TEXT, requestColumns, requestDetail, requestDueWords, requestRows, requestsSummary, statusAction } from '../../src/ui/request-lines.js';

function request(over: Partial<ReportRequest> & Pick<ReportRequest, 'id' | 'owner'>): ReportRequest {
  return {
    scope: 'journey',
    journeyId: 'chat',
    journeyName: 'Chat',
    questionId: 'q1',
    questionPrompt: 'Who reads the transcripts?',
    answer: 'Only the team',
    reason: 'reported',
    hint: 'The access list.',
    due: '2026-12-04',
    status: 'requested',
    overdue: false,
    recorded: false,
    note: '',
    ...over,
  };
}

const TODAY = '2026-11-20';

describe('request rows', () => {
  it('groups by owner by name whatever the case, each owner\'s requests in the order given, with counts per owner', () => {
    const { rows, groups } = requestRows(
      [
        request({ id: 'EV-a', owner: 'zoe' }),
        request({ id: 'EV-b', owner: 'Ana', status: 'accepted', reason: null }),
        request({ id: 'EV-c', owner: 'zoe', due: '2026-11-15', overdue: true, journeyId: null, journeyName: null }),
        request({ id: 'EV-d', owner: 'ana' }),
      ],
      TODAY,
    );
    expect(rows.map((r) => [r.request.id, r.owner, r.where, r.due])).toEqual([
      ['EV-b', 'Ana', 'Chat', 'due 2026-12-04'],
      ['EV-d', 'ana', 'Chat', 'due 2026-12-04'],
      ['EV-a', 'zoe', 'Chat', 'due 2026-12-04'],
      // 2026-11-15 to 2026-11-20: 5 days late; marked with ! for a terminal without colour.
      ['EV-c', 'zoe', 'Organisation-wide', '! 5 days overdue'],
    ]);
    expect(groups).toEqual([
      { owner: 'Ana', open: 0, overdue: 0, first: 0, count: 1 },
      { owner: 'ana', open: 1, overdue: 0, first: 1, count: 1 },
      { owner: 'zoe', open: 2, overdue: 1, first: 2, count: 2 },
    ]);
  });

  it('says due today, tomorrow, a date, and 1 day overdue', () => {
    expect(requestDueWords({ due: TODAY, overdue: false }, TODAY)).toBe('due today');
    expect(requestDueWords({ due: '2026-11-21', overdue: false }, TODAY)).toBe('due tomorrow');
    expect(requestDueWords({ due: '2026-11-22', overdue: false }, TODAY)).toBe('due 2026-11-22');
    expect(requestDueWords({ due: '2026-11-19', overdue: true }, TODAY)).toBe('! 1 day overdue');
    // An accepted request past its date is not overdue: it says the date.
    expect(requestDueWords({ due: '2026-11-19', overdue: false }, TODAY)).toBe('due 2026-11-19');
  });

  it('filters workbook and bank text for the terminal', () => {
    const { rows, groups } = requestRows([request({ id: 'EV-a', owner: 'Ben\u001b[2J', questionPrompt: 'Who\u0007 reads\nit?', journeyName: 'Chat\u001b]0;x\u0007' })], TODAY);
    expect(groups[0]!.owner).toBe('Ben');
    expect(rows[0]!.question).toBe('Who reads it?');
    expect(rows[0]!.where).toBe('Chat');
    const detail = requestDetail({ items: [] }, request({ id: 'EV-a', owner: 'x', answer: 'A\u001b[31mB', hint: 'the\rlog', note: 'n\u0000o' }));
    expect(detail.map((d) => d.text).join('|')).not.toMatch(/[\u0000-\u001f\u007f]/);
  });

  it('summarises: how many, open, overdue and accepted; an empty list says so', () => {
    expect(
      requestsSummary([
        { status: 'requested', overdue: true },
        { status: 'sent', overdue: false },
        { status: 'accepted', overdue: false },
      ]),
    ).toBe('3 evidence requests · 2 open, 1 overdue · 1 accepted');
    expect(requestsSummary([])).toBe('No evidence requests.');
  });

  it('the detail names the answer and why, what would show it, the last evidence given for it, and the note', () => {
    const r = request({ id: 'EV-a', owner: 'x', note: 'Asked Ben on Monday' });
    const items = [
      { requestId: 'EV-a', status: 'rejected', reference: 'https://wiki.example.com/old', shows: 'old list', collectedOn: '2026-11-01', reason: 'from last year' },
      { requestId: 'EV-b', status: 'accepted', reference: 'https://other', shows: 'x', collectedOn: '2026-11-02', reason: '' },
    ] as ReportEvidence[];
    expect(requestDetail({ items }, r)).toEqual([
      { label: 'Answer', text: "Only the team (on someone's word)" },
      { label: 'Would show it', text: 'The access list.' },
      { label: 'Evidence', text: 'rejected: https://wiki.example.com/old (old list, collected 2026-11-01): from last year' },
      { label: 'Note', text: 'Asked Ben on Monday' },
    ]);
    expect(requestDetail({ items: [] }, request({ id: 'EV-a', owner: 'x', reason: null, status: 'accepted' }))[0]!.text).toBe('Only the team (verified by evidence since)');
  });
});

describe('status keys', () => {
  it('1-5 are requested, sent, submitted, accepted, rejected', () => {
    expect(STATUS_BY_DIGIT).toEqual({ 1: 'requested', 2: 'sent', 3: 'submitted', 4: 'accepted', 5: 'rejected' });
    expect(STATUS_KEYS_TEXT).toBe('1 requested · 2 sent · 3 submitted · 4 accepted · 5 rejected');
  });

  it('accepted asks for evidence unless evidence already counts; an unknown answer must be answered first; the same status changes nothing', () => {
    expect(statusAction({ status: 'requested', reason: 'reported' }, 'sent')).toEqual({ kind: 'set' });
    expect(statusAction({ status: 'sent', reason: 'reported' }, 'accepted')).toEqual({ kind: 'evidence' });
    expect(statusAction({ status: 'sent', reason: 'stale' }, 'accepted')).toEqual({ kind: 'evidence' });
    expect(statusAction({ status: 'sent', reason: 'disputed' }, 'accepted')).toEqual({ kind: 'evidence' });
    expect(statusAction({ status: 'sent', reason: 'unknown' }, 'accepted')).toEqual({ kind: 'answer-first' });
    expect(statusAction({ status: 'rejected', reason: null }, 'accepted')).toEqual({ kind: 'set' });
    expect(statusAction({ status: 'accepted', reason: null }, 'rejected')).toEqual({ kind: 'set' });
    expect(statusAction({ status: 'sent', reason: 'reported' }, 'sent')).toEqual({ kind: 'same' });
  });

  it('the first line fits the width: the question takes what the due date and the status leave', () => {
    // 80 - marker 2 - due 18 - status 10 - 3 spaces = 47.
    expect(requestColumns(80)).toEqual({ question: 47, due: 18, status: 10 });
    expect(requestColumns(200).question).toBe(167);
  });
});
