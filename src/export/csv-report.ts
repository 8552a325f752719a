/**
 * The report as CSV for trackers and spreadsheets: one row per plan item, or one row
 * per answer (the format `cxray import` reads back). Pure.
 */
import { PLAN_STATUS_LABEL, TRACKING_FLAG_TEXT } from '../core/plan-status.js';
import type { Report } from '../core/report-schema.js';
import { plainLine, plainText, visibleKey } from '../core/terminal-text.js';
import { formatCsv } from './csv.js';

/** What the journey column holds for an organisation answer (and `cxray import` reads as one). */
export const ORGANISATION_COLUMN = 'organisation';

/**
 * Cells are plain text: terminal control sequences (and carriage returns) are removed,
 * so that printing the file in a terminal cannot run them. Line breaks and tabs stay.
 */
function csv(rows: string[][]): string {
  return formatCsv(rows.map((row) => row.map(plainText)));
}

/** Up to two decimals, no trailing zeros, never exponent notation for our ranges. */
function number(x: number): string {
  return String(Number(x.toFixed(2)));
}

export const PLAN_COLUMNS = [
  'rank',
  'horizon',
  'action id',
  'title',
  'effort',
  'owner',
  'priority',
  'risk removed',
  'journeys',
  'questions',
  'detail',
  'status',
  'assigned to',
  'due',
  'overdue',
  'review by',
  'status reason',
  'flag',
  'id',
  'ticket',
  'lane',
  'horizon reason',
  'effective priority',
  'requires',
] as const;

/**
 * One row per plan item: the Find out lane first (horizon "find out"), then the Fix lane,
 * each in rank order. Journeys ("organisation" for the organisation answer) and questions
 * are listed by contribution, "; " apart. The status columns come after the first ones
 * (so scripts reading them by position keep working): the status that counts today, who
 * it is assigned to, the due date and whether it has passed, an accepted risk's review
 * date and reason, and the flag in words; then the lane, why the item is in its horizon,
 * its effective priority and the plan items it requires. After the plan, one row per open
 * question of the parking lot (lane "parking lot") and per decision (lane "decision"):
 * its id, text (title), owner, due date, the journey and question it was raised on.
 */
export function renderCsvPlan(report: Report): string {
  const items = [
    ...report.findOut.map((item) => ({ ...item, horizon: 'find out', lane: 'find out', horizonReason: '', effectivePriority: item.priority, requires: [] as string[] })),
    ...report.plan.map((item) => ({ ...item, lane: 'fix' })),
  ];
  const rows = items.map((item) => [
    String(item.rank),
    item.horizon,
    item.actionId,
    item.title,
    item.effort,
    item.owner,
    number(item.priority),
    number(item.riskRemoved),
    [...new Set(item.reasons.map((r) => r.journeyName ?? ORGANISATION_COLUMN))].join('; '),
    [...new Set(item.reasons.map((r) => r.questionId))].join('; '),
    item.detail,
    PLAN_STATUS_LABEL[item.tracking.status],
    item.tracking.owner,
    item.tracking.due ?? '',
    item.tracking.overdue ? 'yes' : '',
    item.tracking.reviewBy ?? '',
    item.tracking.reason,
    item.tracking.flag ? TRACKING_FLAG_TEXT[item.tracking.flag] : '',
    item.id,
    item.tracking.ticket ?? '',
    item.lane,
    item.horizonReason,
    number(item.effectivePriority),
    item.requires.join('; '),
  ]);
  const parked = [...report.parkingLot, ...report.decisions].map((p) => {
    const row: string[] = PLAN_COLUMNS.map(() => '');
    const set = (column: (typeof PLAN_COLUMNS)[number], value: string) => (row[PLAN_COLUMNS.indexOf(column)] = value);
    set('action id', p.id);
    set('title', p.text);
    set('owner', p.owner);
    set('journeys', p.questionId ? (p.journeyName ?? ORGANISATION_COLUMN) : '');
    set('questions', p.questionId ?? '');
    set('status', 'open');
    set('due', p.due ?? '');
    set('overdue', p.overdue ? 'yes' : '');
    set('id', p.id);
    set('lane', p.kind === 'question' ? 'parking lot' : 'decision');
    return row;
  });
  return csv([[...PLAN_COLUMNS], ...rows, ...parked]);
}

/**
 * The columns `cxray import` needs, then informative ones it reads when present (by, at;
 * vote: "hidden" or "open" when the room voted before settling the answer, and positions:
 * one line per person, "Name: answer" with the answer as the answer column writes it) or
 * ignores (carried over: "yes" for an answer brought forward and not yet confirmed;
 * evidence: each evidence item of the answer, " | " between them).
 */
export const ANSWER_COLUMNS = [
  'journey',
  'question id',
  'answer',
  'confidence',
  'policy',
  'note',
  'question',
  'answer label',
  'by',
  'at',
  'vote',
  'positions',
  'carried over',
  'evidence',
] as const;

/**
 * One row per answer that counts: the organisation answers first (journey column
 * "organisation"), then journey by journey in bank order, an override being a journey's
 * row on an organisation-wide question. The journey column holds the journey's name, or
 * its id where two journeys share a name or a journey is called "organisation" (so
 * import can tell them apart).
 */
export function renderCsvAnswers(report: Report): string {
  const nameCount = new Map<string, number>();
  for (const j of report.journeys) {
    const key = visibleKey(j.name);
    nameCount.set(key, (nameCount.get(key) ?? 0) + 1);
  }
  const journeyCell = new Map(
    report.journeys.map((j) => {
      const key = visibleKey(j.name);
      return [j.id, nameCount.get(key)! > 1 || key === ORGANISATION_COLUMN ? j.id : j.name];
    }),
  );
  const rows = report.answers.map((a) => [
    a.journeyId === null ? ORGANISATION_COLUMN : (journeyCell.get(a.journeyId) ?? a.journeyId),
    a.questionId,
    a.kind === 'option' ? a.optionId! : a.kind,
    a.confidence ?? '',
    a.policy ?? '',
    a.note,
    a.questionPrompt,
    a.optionLabel ?? '',
    a.by,
    a.at,
    a.vote ? (a.vote.hidden ? 'hidden' : 'open') : '',
    // One line a person: a name is written on one line, and the answer after the last ": " has none.
    (a.vote?.positions ?? []).map((p) => `${plainLine(p.name)}: ${p.kind === 'option' ? p.optionId : p.kind}`).join('\n'),
    a.carriedOver ? 'yes' : '',
    (a.evidence ?? [])
      .map((e) => `${e.status}${e.expired ? ', expired' : ''}${e.fileCheck === 'changed' ? ', changed since accepted' : ''}: ${e.reference} (${e.shows}; collected ${e.collectedOn})`)
      .join(' | '),
  ]);
  return csv([[...ANSWER_COLUMNS], ...rows]);
}
