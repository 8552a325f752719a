/**
 * Statuses back from a tracker: the rows of a tracker's CSV export (Jira, GitLab, a
 * GitHub issue list written by `gh`, or cxray's own columns) matched with the plan by the
 * cxray id each ticket carries, and turned into plan status changes: status, owner (the
 * ticket's assignee), due date and ticket link. Every row is checked first; every problem
 * names its line; nothing is applied unless all rows are valid. An accepted risk keeps its
 * status (its reason and review date are cxray's, not the tracker's); its owner, due date
 * and ticket still follow the tracker. Pure: no I/O, `now` is given.
 */
import type { Bank } from './bank-schema.js';
import { findOutActionId } from './plan.js';
import { assessmentCode, findPlanItemId, parsePlanItemId, planItemId } from './plan-ids.js';
import { isDay, setPlanStatus, statusOf } from './plan-status.js';
import { plainLine } from './terminal-text.js';
import type { Assessment, PlanStatus, PlanStatusKind } from './workbook-schema.js';

export const TRACKERS = ['cxray', 'jira', 'gitlab', 'github'] as const;
export type Tracker = (typeof TRACKERS)[number];

/** One row of the file: its line and its cells. */
export interface StatusRow {
  line: number;
  cells: string[];
}

/**
 * The header names each tracker's export uses for what cxray reads (compared in lower
 * case), in order of preference. `id` columns are searched for a cxray id; so is `text`
 * (a description or body) when they hold none.
 */
export const TRACKER_COLUMNS: Record<Tracker, { id: string[]; text: string[]; status: string[]; assignee: string[]; due: string[]; ticket: string[] }> = {
  cxray: { id: ['id'], text: [], status: ['status'], assignee: ['assignee', 'assigned to'], due: ['due', 'due date'], ticket: ['ticket', 'url'] },
  jira: { id: ['labels'], text: ['description'], status: ['status category', 'status'], assignee: ['assignee'], due: ['due date', 'due'], ticket: ['issue key'] },
  gitlab: { id: ['labels'], text: ['description'], status: ['state'], assignee: ['assignee', 'assignee username'], due: ['due date', 'due_date'], ticket: ['url'] },
  github: { id: ['labels'], text: ['body'], status: ['state'], assignee: ['assignee', 'assignees'], due: [], ticket: ['url'] },
};

/** The tracker whose export this header looks like, when none is named. */
export function detectTracker(header: readonly string[]): Tracker {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  if (names.has('issue key') || names.has('issue id') && names.has('summary')) return 'jira';
  if (names.has('state') && names.has('title') && names.has('url') && names.has('description')) return 'gitlab';
  if (names.has('state') && names.has('body')) return 'github';
  return 'cxray';
}

/** A tracker's status (or status category) in cxray's words; undefined when it is none cxray knows. */
export function statusFromTracker(tracker: Tracker, text: string): PlanStatusKind | undefined {
  const s = text.trim().toLowerCase().replace(/[_\s]+/g, ' ');
  if (tracker === 'cxray') return s === 'open' ? 'open' : s === 'in progress' || s === 'in-progress' ? 'in-progress' : s === 'done' ? 'done' : undefined;
  if (['open', 'opened', 'to do', 'todo', 'backlog', 'new', 'reopened', 'selected for development'].includes(s)) return 'open';
  if (['in progress', 'in review', 'review', 'in testing', 'testing', 'blocked', 'doing'].includes(s)) return 'in-progress';
  if (['done', 'closed', 'resolved', 'complete', 'completed', 'fixed'].includes(s)) return 'done';
  return undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A due date as YYYY-MM-DD: from YYYY-MM-DD (any time after it), or Jira's dd/MMM/yy [time]; null when it is neither. */
export function dayFromTracker(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(t);
  if (iso) return isDay(iso[1]!) ? iso[1]! : null;
  const jira = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2}|\d{4})(?:\s.*)?$/.exec(t);
  if (jira) {
    const month = MONTHS.indexOf(jira[2]!.toLowerCase());
    const year = jira[3]!.length === 2 ? `20${jira[3]}` : jira[3]!;
    const day = `${year}-${String(month + 1).padStart(2, '0')}-${jira[1]!.padStart(2, '0')}`;
    return month >= 0 && isDay(day) ? day : null;
  }
  return null;
}

export interface StatusChange {
  line: number;
  id: string;
  actionId: string;
  before: PlanStatus | undefined;
  after: { status: PlanStatusKind; owner: string; due: string; ticket: string };
  changed: boolean;
}

export type StatusImportResult =
  | { ok: true; tracker: Tracker; changes: StatusChange[]; withoutId: number }
  | { ok: false; problems: string[] };

function quoted(cell: string): string {
  const line = plainLine(cell);
  return `"${line.length > 60 ? `${line.slice(0, 59)}…` : line}"`;
}

/** The action ids a ticket may name: the bank's actions, a generated "Find out" of one of its questions, and any with a status already. */
function knownActions(bank: Bank, assessment: Assessment): Set<string> {
  return new Set([...bank.actions.map((a) => a.id), ...bank.questions.map((q) => findOutActionId(q.id)), ...assessment.planStatus.map((s) => s.actionId)]);
}

/** Checks every row; `file` prefixes each problem (`jira.csv:7: …`). */
export function planStatusImport(
  bank: Bank,
  assessment: Assessment,
  header: StatusRow,
  rows: readonly StatusRow[],
  options: { tracker?: Tracker; file: string },
): StatusImportResult {
  const { file } = options;
  const tracker = options.tracker ?? detectTracker(header.cells);
  const names = TRACKER_COLUMNS[tracker];
  const lower = header.cells.map((h) => h.trim().toLowerCase());
  const indexes = (wanted: string[]) => lower.flatMap((h, i) => (wanted.includes(h) ? [i] : []));
  // The first of the preferred names the header has: "Status Category" before "Status".
  const first = (wanted: string[]) => {
    for (const name of wanted) {
      const i = lower.indexOf(name);
      if (i >= 0) return i;
    }
    return -1;
  };
  const idColumns = indexes(names.id);
  const textColumns = indexes(names.text);
  const statusColumn = first(names.status);
  const assigneeColumn = first(names.assignee);
  const dueColumn = first(names.due);
  const ticketColumn = first(names.ticket);

  const missing = [
    idColumns.length + textColumns.length === 0 ? names.id.concat(names.text).join('" or "') : '',
    statusColumn < 0 ? names.status.join('" or "') : '',
  ].filter(Boolean);
  if (missing.length > 0) {
    return {
      ok: false,
      problems: [
        `${file}:${header.line}: a ${tracker} status file needs the column${missing.length === 1 ? '' : 's'} "${missing.join('" and "')}"; name the tracker with --tracker jira, gitlab, github or cxray, or see docs/exports.md for the columns each one reads.`,
      ],
    };
  }

  const code = assessmentCode(assessment.id);
  const actions = knownActions(bank, assessment);
  const problems: string[] = [];
  const changes: StatusChange[] = [];
  const seen = new Map<string, number>();
  let withoutId = 0;
  for (const row of rows) {
    const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? '').trim() : '');
    const at = `${file}:${row.line}`;
    const idText = [...idColumns.map(cell), ...textColumns.map(cell)].map(findPlanItemId).find((x) => x !== null) ?? (tracker === 'cxray' ? cell(idColumns[0] ?? -1) : null);
    if (!idText) {
      // A tracker's export holds other tickets too: those without a cxray id are not ours.
      if (tracker === 'cxray') problems.push(`${at}: the id is empty; give the plan item's cxray id (CX-…), as \`cxray export\` writes it.`);
      else withoutId++;
      continue;
    }
    const parsed = parsePlanItemId(idText);
    if (!parsed) {
      problems.push(`${at}: ${quoted(idText)} is not a cxray id; ids look like CX-abc234-restrict-export.`);
      continue;
    }
    if (parsed.code !== code) {
      problems.push(`${at}: ${quoted(idText)} belongs to another assessment (its code is ${parsed.code}, this one's is ${code}); choose the assessment with --assessment.`);
      continue;
    }
    if (!actions.has(parsed.actionId)) {
      problems.push(`${at}: ${quoted(idText)} names no action of the bank ${quoted(bank.id)}; check the id, or pass the bank the plan was made with (--bank).`);
      continue;
    }
    const id = planItemId(assessment.id, parsed.actionId);
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      problems.push(`${at}: ${id} is already on line ${earlier}; keep one row per ticket.`);
      continue;
    }
    seen.set(id, row.line);

    const statusText = cell(statusColumn);
    const status = statusFromTracker(tracker, statusText);
    if (!status) {
      const hint =
        tracker === 'jira'
          ? 'export the "Status Category" column too (To Do, In Progress, Done)'
          : tracker === 'cxray'
            ? 'use open, in progress or done'
            : 'use open or closed';
      problems.push(`${at}: the status ${quoted(statusText)} is not one cxray knows; ${hint}.`);
      continue;
    }
    const dueText = cell(dueColumn);
    const due = dueText === '' ? '' : dayFromTracker(dueText);
    if (due === null) {
      problems.push(`${at}: the due date ${quoted(dueText)} is not a day; write it as YYYY-MM-DD, e.g. 2027-01-31.`);
      continue;
    }
    const ticket = cell(ticketColumn);
    if (/^[a-z][a-z0-9+.-]*:/i.test(ticket) && !/^https?:\/\/\S+$/i.test(ticket)) {
      problems.push(`${at}: the ticket link ${quoted(ticket)} is not an http or https address; give the ticket's URL or its key.`);
      continue;
    }
    if (plainLine(ticket) !== ticket || ticket.length > 2000) {
      problems.push(`${at}: the ticket link ${quoted(ticket)} holds control characters or is longer than 2000 characters; give the ticket's URL or its key.`);
      continue;
    }

    const before = statusOf(assessment, parsed.actionId);
    const after = {
      // An accepted risk stays one: its reason and review date are not the tracker's to change.
      status: before?.status === 'accepted-risk' ? ('accepted-risk' as const) : status,
      owner: assigneeColumn >= 0 ? plainLine(cell(assigneeColumn)).slice(0, 200) : (before?.owner ?? ''),
      due: dueColumn >= 0 ? due : (before?.due ?? ''),
      ticket: ticketColumn >= 0 && ticket !== '' ? ticket : (before?.ticket ?? ''),
    };
    const changed =
      !before || before.status !== after.status || before.owner !== after.owner || (before.due ?? '') !== after.due || (before.ticket ?? '') !== after.ticket;
    changes.push({ line: row.line, id, actionId: parsed.actionId, before, after, changed });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, tracker, changes, withoutId };
}

/** The assessment with every changed row applied, by `by` at `now`. */
export function applyStatusImport(assessment: Assessment, changes: readonly StatusChange[], by: string, now: Date): Assessment {
  let next = assessment;
  for (const change of changes) {
    if (!change.changed) continue;
    const before = change.before;
    next = setPlanStatus(
      next,
      {
        actionId: change.actionId,
        status: change.after.status,
        owner: change.after.owner,
        due: change.after.due,
        reason: before?.reason ?? '',
        reviewBy: before?.reviewBy ?? '',
        ticket: change.after.ticket,
      },
      by,
      now,
    );
  }
  return next;
}
