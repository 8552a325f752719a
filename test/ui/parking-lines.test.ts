/** What the Parking lot screen lists: the order, the due dates in words, where each item was raised. Hand-computed cases. */
import { describe, expect, it } from 'vitest';
import type { ParkedItem } from '../../src/core/workbook-schema.js';
import { daysBetween, dueWords, parkedRows, parkingColumns, parkingSummary, raisedOn } from '../../src/ui/parking-lines.js';
import { fixtureBank } from '../helpers/fixtures.js';

const item = (over: Partial<ParkedItem> & Pick<ParkedItem, 'id'>): ParkedItem => ({
  kind: 'question',
  text: 'Ask the DPO',
  owner: '',
  status: 'open',
  by: 'Ana',
  at: '2026-11-20T10:00:00.000Z',
  ...over,
});

const TODAY = '2026-11-20';

describe('days between two days', () => {
  it.each([
    ['2026-11-20', '2026-11-20', 0],
    ['2026-11-20', '2026-11-21', 1],
    ['2026-11-20', '2026-11-17', -3],
    // Across the end of a month and a leap day: 2028-02-28 -> 2028-03-01 is two days.
    ['2028-02-28', '2028-03-01', 2],
    ['2026-12-31', '2027-01-01', 1],
  ])('%s to %s is %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('a due date in words', () => {
  it.each([
    ['an open question due three days ago', item({ id: 'p1', due: '2026-11-17' }), { short: '3 days overdue', long: 'due 2026-11-17, 3 days overdue', overdue: true }],
    ['an open question due yesterday', item({ id: 'p1', due: '2026-11-19' }), { short: '1 day overdue', long: 'due 2026-11-19, 1 day overdue', overdue: true }],
    ['an open question due today', item({ id: 'p1', due: '2026-11-20' }), { short: 'due today', long: 'due 2026-11-20, today', overdue: false }],
    ['an open question due tomorrow', item({ id: 'p1', due: '2026-11-21' }), { short: 'due tomorrow', long: 'due 2026-11-21, tomorrow', overdue: false }],
    ['an open question due in ten days', item({ id: 'p1', due: '2026-11-30' }), { short: 'due 2026-11-30', long: 'due 2026-11-30, in 10 days', overdue: false }],
    ['an open question without a date', item({ id: 'p1' }), { short: '', long: '', overdue: false }],
    // As in the report: a decision is never overdue.
    ['a decision due three days ago', item({ id: 'p1', kind: 'decision', due: '2026-11-17' }), { short: 'due 2026-11-17', long: 'due 2026-11-17', overdue: false }],
    ['a decision due tomorrow', item({ id: 'p1', kind: 'decision', due: '2026-11-21' }), { short: 'due 2026-11-21', long: 'due 2026-11-21, tomorrow', overdue: false }],
    [
      'a closed question once due',
      item({ id: 'p1', due: '2026-11-01', status: 'closed', closedAt: '2026-11-18T09:00:00.000Z' }),
      { short: 'closed 2026-11-18', long: 'due 2026-11-01, closed 2026-11-18', overdue: false },
    ],
  ])('%s', (_, parked, words) => {
    expect(dueWords(parked, TODAY)).toEqual(words);
  });
});

describe('the rows of the parking lot', () => {
  const bank = fixtureBank();
  const assessment = {
    journeys: [{ id: 'chat', name: 'Chat' }] as never,
    parkingLot: [
      item({ id: 'p1', kind: 'decision', text: 'Keep recordings 90 days', at: '2026-11-20T09:00:00.000Z' }),
      item({ id: 'p2', text: 'Who reads the export log?', at: '2026-11-20T09:30:00.000Z', questionId: 'bulk-export-detection', journeyId: null }),
      item({ id: 'p3', text: 'Closed first', status: 'closed', closedAt: '2026-11-19T09:00:00.000Z', at: '2026-11-18T09:00:00.000Z' }),
      // Raised earlier than p2 though added later (a workbook merged from another copy): oldest first.
      item({ id: 'p4', text: 'Attachments \u001b[31mred\u001b[0m\nkept?', at: '2026-11-20T08:00:00.000Z', questionId: 'attachment-expiry', journeyId: 'chat', owner: 'Ben' }),
      item({ id: 'p5', text: 'Closed last', status: 'closed', closedAt: '2026-11-20T09:00:00.000Z', at: '2026-11-18T09:00:00.000Z' }),
      item({ id: 'p6', text: 'On a removed journey', questionId: 'attachment-expiry', journeyId: 'phone' }),
    ],
  };

  it('lists the open questions oldest first, then the decisions, then the closed items latest closed first', () => {
    const rows = parkedRows(bank, assessment, TODAY);
    expect(rows.map((r) => [r.item.id, r.group])).toEqual([
      ['p4', 'question'],
      ['p2', 'question'],
      ['p6', 'question'],
      ['p1', 'decision'],
      ['p5', 'closed'],
      ['p3', 'closed'],
    ]);
    expect(parkingSummary(rows)).toBe('3 open questions · 1 decision · 2 closed');
  });

  it('says where each was raised, with the text of the workbook on one line, escape sequences gone', () => {
    const rows = parkedRows(bank, assessment, TODAY);
    const p4 = rows.find((r) => r.item.id === 'p4')!;
    expect(p4.text).toBe('Attachments red kept?');
    expect(p4.owner).toBe('Ben');
    expect(p4.where).toBe('Chat: What happens to files customers attach to tickets?');
    expect(rows.find((r) => r.item.id === 'p2')!.where).toBe('Organisation-wide: How soon would a bulk export by one agent be noticed?');
    expect(rows.find((r) => r.item.id === 'p6')!.where).toBe('a journey since removed: What happens to files customers attach to tickets?');
    expect(rows.find((r) => r.item.id === 'p1')!.where).toBe('');
    expect(raisedOn(bank, assessment, { questionId: 'gone-question', journeyId: 'chat' })).toBe('Chat: gone-question');
  });

  it('counts the overdue open questions in the summary, and says when there is nothing', () => {
    const rows = parkedRows(bank, { journeys: [], parkingLot: [item({ id: 'p1', due: '2026-11-01' }), item({ id: 'p2', kind: 'decision', due: '2026-11-01' })] }, TODAY);
    expect(parkingSummary(rows)).toBe('1 open question (1 overdue) · 1 decision');
    expect(parkingSummary(parkedRows(bank, { journeys: [] }, TODAY))).toBe('Nothing parked yet.');
  });
});

describe('the columns of a row', () => {
  it.each([
    // 60: 2 + 10 + 17 + 3 margins = 32, the text gets 28; no room for where.
    [60, { text: 28, owner: 10, due: 17, where: 0, long: false }],
    // 100: 100 - 2 - 14 - 17 - 4 = 63: where 25, text 38.
    [100, { text: 38, owner: 14, due: 17, where: 25, long: false }],
    // 200: 200 - 2 - 14 - 34 - 4 = 146: where 58, text 88.
    [200, { text: 88, owner: 14, due: 34, where: 58, long: true }],
  ])('at %i columns', (width, columns) => {
    const c = parkingColumns(width);
    expect(c).toEqual(columns);
    // The marker, the cells and one space after each fill the line exactly.
    expect(2 + c.text + c.owner + c.due + c.where + (c.where > 0 ? 4 : 3)).toBe(width);
  });
});
