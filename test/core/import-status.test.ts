/** Statuses back from a tracker's CSV: columns per tracker, every row checked, changes worked out by hand. */
import { describe, expect, it } from 'vitest';
import { dayFromTracker, detectTracker, planStatusImport, applyStatusImport, statusFromTracker, type StatusRow } from '../../src/core/import-status.js';
import { planItemId } from '../../src/core/plan-ids.js';
import { goldenBank, goldenWorkbook, GOLDEN_NOW } from '../export/golden-fixtures.js';

const bank = goldenBank();
const assessment = goldenWorkbook(bank).assessments[0]!;
const id = (action: string) => planItemId(assessment.id, action);
const table = (header: string[], ...rows: string[][]): [StatusRow, StatusRow[]] => [
  { line: 1, cells: header },
  rows.map((cells, i) => ({ line: i + 2, cells })),
];

describe('reading a tracker export', () => {
  it.each([
    [['Summary', 'Issue key', 'Status'], 'jira'],
    [['Issue ID', 'URL', 'Title', 'State', 'Description', 'Labels'], 'gitlab'],
    [['number', 'url', 'state', 'assignee', 'body'], 'github'],
    [['id', 'status', 'assignee', 'due', 'ticket'], 'cxray'],
  ] as const)('tells %j is %s', (header, tracker) => {
    expect(detectTracker(header)).toBe(tracker);
  });

  it.each([
    ['jira', 'To Do', 'open'],
    ['jira', 'In Progress', 'in-progress'],
    ['jira', 'Done', 'done'],
    ['jira', 'Resolved', 'done'],
    ['gitlab', 'opened', 'open'],
    ['gitlab', 'Closed', 'done'],
    ['github', 'OPEN', 'open'],
    ['github', 'CLOSED', 'done'],
    ['cxray', 'in progress', 'in-progress'],
    ['cxray', 'accepted-risk', undefined],
    ['jira', 'Waiting for Godot', undefined],
  ] as const)('reads %s status %j as %s', (tracker, text, status) => {
    expect(statusFromTracker(tracker, text)).toBe(status);
  });

  it.each([
    ['2026-12-31', '2026-12-31'],
    ['2026-12-31T00:00:00Z', '2026-12-31'],
    ['31/Dec/26 12:00 AM', '2026-12-31'],
    ['1/Feb/2027', '2027-02-01'],
    ['30/Feb/26', null],
    ['next week', null],
  ])('reads the due date %j as %s', (text, day) => {
    expect(dayFromTracker(text)).toBe(day);
  });
});

describe('planStatusImport', () => {
  it('updates status, owner, due date and ticket of the items whose id a Jira row carries; rows without an id are left alone', () => {
    const [header, rows] = table(
      ['Issue key', 'Summary', 'Status Category', 'Status', 'Assignee', 'Due Date', 'Labels', 'Labels'],
      ['OPS-1', 'x', 'Done', 'Shipped', 'Lee', '2026-12-01', 'cxray', id('note-guidance')],
      ['OPS-2', 'y', 'To Do', 'Backlog', '', '', '', ''],
    );
    const result = planStatusImport(bank, assessment, header, rows, { file: 'jira.csv' });
    expect(result).toMatchObject({ ok: true, tracker: 'jira', withoutId: 1 });
    if (!result.ok) return;
    expect(result.changes).toEqual([
      { line: 2, id: id('note-guidance'), actionId: 'note-guidance', before: undefined, after: { status: 'done', owner: 'Lee', due: '2026-12-01', ticket: 'OPS-1' }, changed: true },
    ]);
    const next = applyStatusImport(assessment, result.changes, 'Ana', GOLDEN_NOW);
    expect(next.planStatus.find((s) => s.actionId === 'note-guidance')).toEqual({
      actionId: 'note-guidance', status: 'done', owner: 'Lee', due: '2026-12-01', reason: '', by: 'Ana', updatedAt: GOLDEN_NOW.toISOString(), ticket: 'OPS-1',
    });
  });

  it('finds the id in a GitHub body, and keeps an accepted risk accepted while taking its owner and ticket', () => {
    const accepted = { ...assessment, planStatus: [{ actionId: 'central-log', status: 'accepted-risk' as const, owner: '', reason: 'SIEM project', reviewBy: '2027-01-01', by: 'Ana', updatedAt: GOLDEN_NOW.toISOString() }] };
    const [header, rows] = table(['number', 'url', 'state', 'assignee', 'body'], ['4', 'https://github.com/a/b/issues/4', 'CLOSED', 'sam', `text\n\ncxray id: ${id('central-log')}`]);
    const result = planStatusImport(bank, accepted, header, rows, { file: 'gh.csv' });
    expect(result.ok && result.changes[0]!.after).toEqual({ status: 'accepted-risk', owner: 'sam', due: '', ticket: 'https://github.com/a/b/issues/4' });
    const next = applyStatusImport(accepted, result.ok ? result.changes : [], 'Ana', GOLDEN_NOW);
    expect(next.planStatus[0]).toMatchObject({ status: 'accepted-risk', reason: 'SIEM project', reviewBy: '2027-01-01', owner: 'sam' });
  });

  it('reports every bad row with its line, and changes nothing', () => {
    const [header, rows] = table(
      ['id', 'status', 'due', 'ticket'],
      ['', 'open', '', ''],
      ['not-an-id', 'open', '', ''],
      ['CX-aaaaaa-note-guidance', 'open', '', ''],
      [id('no-such-action'), 'open', '', ''],
      [id('note-guidance'), 'maybe', '', ''],
      [id('export-alert'), 'done', '31/12/2026', ''],
      [id('central-log'), 'done', '', 'javascript:alert(1)'],
      [id('connector-review'), 'done', '', ''],
      [id('connector-review'), 'open', '', ''],
    );
    const result = planStatusImport(bank, assessment, header, rows, { file: 's.csv' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.split(':').slice(0, 2).join(':'))).toEqual(['s.csv:2', 's.csv:3', 's.csv:4', 's.csv:5', 's.csv:6', 's.csv:7', 's.csv:8', 's.csv:10']);
    expect(result.problems[2]).toContain('belongs to another assessment');
    expect(result.problems[7]).toContain('already on line 9');
  });

  it('names the missing columns in one sentence', () => {
    const [header, rows] = table(['Summary', 'Issue key'], ['x', 'OPS-1']);
    expect(planStatusImport(bank, assessment, header, rows, { file: 'j.csv' })).toEqual({
      ok: false,
      problems: ['j.csv:1: a jira status file needs the columns "labels" or "description" and "status category" or "status"; name the tracker with --tracker jira, gitlab, github or cxray, or see docs/exports.md for the columns each one reads.'],
    });
  });

  it('leaves an item alone when the tracker says what the workbook says', () => {
    const same = { ...assessment, planStatus: [{ actionId: 'note-guidance', status: 'open' as const, owner: 'Lee', reason: '', by: 'Ana', updatedAt: GOLDEN_NOW.toISOString(), ticket: 'OPS-1' }] };
    const [header, rows] = table(['Issue key', 'Status', 'Assignee', 'Labels'], ['OPS-1', 'Open', 'Lee', id('note-guidance')]);
    const result = planStatusImport(bank, same, header, rows, { file: 'j.csv' });
    expect(result.ok && result.changes[0]!.changed).toBe(false);
  });
});
