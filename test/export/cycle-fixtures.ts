/**
 * A hand-made assessment with three cycles, on the golden fixture bank and a fixed clock:
 * two snapshots (May and August) and the answers as they stand in November. Between
 * August and now every kind of change happens once or more: an answer better, one worse,
 * one whose confidence changed, a new unknown, a resolved unknown, a journey added, plan
 * items that appear, go and move horizon; and the plan status has a done item the answers
 * contradict, an accepted risk past its review date and an overdue item.
 */
import type { Bank } from '../../src/core/bank-schema.js';
import { setPlanStatus } from '../../src/core/plan-status.js';
import { buildReport } from '../../src/core/report.js';
import { takeSnapshot } from '../../src/core/snapshot.js';
import type { Answer, Assessment, Confidence, Journey } from '../../src/core/workbook-schema.js';
import { GOLDEN_NOW } from './golden-fixtures.js';

export const CYCLE_NOW = GOLDEN_NOW; // 2026-11-20
const MAY = new Date('2026-05-20T10:00:00.000Z');
const AUGUST = new Date('2026-08-20T10:00:00.000Z');

const journey = (id: string, name: string, channels: Journey['channels'], sensitivity: Journey['sensitivity']): Journey => ({
  id,
  name,
  description: '',
  channels,
  dataCategories: [],
  sensitivity,
  systemIds: [],
});

const PHONE = journey('phone', 'Phone support', ['voice'], 'high');
const CHAT = journey('chat', 'Web chat', ['chat'], 'moderate');
const RETURNS = journey('returns', 'Returns', ['web'], 'low');

type Given = [journeyId: string, questionId: string, answer: string, confidence?: Confidence, by?: string];

function answers(given: Given[], at: Date): Answer[] {
  return given.map(([journeyId, questionId, answer, confidence, by]) =>
    answer === 'unknown' || answer === 'na'
      ? { journeyId, questionId, kind: answer, note: '', by: by ?? 'Sam', at: at.toISOString() }
      : { journeyId, questionId, kind: 'option', optionId: answer, confidence: confidence ?? 'reported', note: '', by: by ?? 'Sam', at: at.toISOString() },
  );
}

const MAY_ANSWERS: Given[] = [
  ['phone', 'notes-content', 'everything'],
  ['phone', 'recording-card-data', 'recorded'],
  ['phone', 'export-rights', 'every-agent'],
  ['phone', 'leaver-access', 'same-day', 'verified'],
  ['phone', 'connector-scopes', 'unknown'],
  ['phone', 'integration-logging', 'not-logged'],
  ['phone', 'bulk-export-detection', 'never'],
  ['phone', 'access-question', 'unknown'],
  ['phone', 'export-copies', 'anywhere'],
  ['chat', 'notes-content', 'contact-details'],
  ['chat', 'export-rights', 'every-agent'],
  ['chat', 'leaver-access', 'unknown'],
  ['chat', 'integration-logging', 'not-logged'],
  ['chat', 'bulk-export-detection', 'never'],
  ['chat', 'export-copies', 'anywhere'],
];

const AUGUST_ANSWERS: Given[] = [
  ['phone', 'notes-content', 'contact-details'],
  ['phone', 'recording-card-data', 'pause'],
  ['phone', 'export-rights', 'every-agent'],
  ['phone', 'leaver-access', 'same-day', 'verified'],
  ['phone', 'connector-scopes', 'unknown'],
  ['phone', 'integration-logging', 'per-tool'],
  ['phone', 'bulk-export-detection', 'never'],
  ['phone', 'access-question', 'days'],
  ['phone', 'export-copies', 'shared-drive'],
  ['chat', 'notes-content', 'contact-details'],
  ['chat', 'export-rights', 'team-leads'],
  ['chat', 'leaver-access', 'unknown'],
  ['chat', 'integration-logging', 'per-tool'],
  ['chat', 'bulk-export-detection', 'days'],
  ['chat', 'export-copies', 'anywhere'],
];

const NOW_ANSWERS: Given[] = [
  // confidence only: reported -> verified
  ['phone', 'notes-content', 'contact-details', 'verified', 'Priya'],
  // new unknown
  ['phone', 'recording-card-data', 'unknown', undefined, 'Tom'],
  ['phone', 'export-rights', 'every-agent'],
  // worse: same day -> nobody checks
  ['phone', 'leaver-access', 'never-checked', 'reported', 'Grace'],
  // resolved unknown
  ['phone', 'connector-scopes', 'partly', 'disputed', 'Grace'],
  ['phone', 'integration-logging', 'per-tool'],
  // better: never -> within minutes
  ['phone', 'bulk-export-detection', 'minutes', 'verified', 'Tom'],
  ['phone', 'access-question', 'days'],
  ['phone', 'export-copies', 'none', 'verified', 'Luis'],
  ['chat', 'notes-content', 'contact-details'],
  ['chat', 'export-rights', 'team-leads'],
  ['chat', 'leaver-access', 'unknown'],
  ['chat', 'integration-logging', 'per-tool'],
  ['chat', 'bulk-export-detection', 'days'],
  ['chat', 'export-copies', 'none', 'verified', 'Luis'],
  // a journey added this cycle
  ['returns', 'notes-content', 'everything', 'reported', 'Hannah'],
  ['returns', 'export-rights', 'named-few', 'verified', 'Hannah'],
];

function base(journeys: Journey[], given: Given[], at: Date, bank: Bank): Assessment {
  return {
    id: 'quarterly',
    name: 'Quarterly review | <b>Northwind</b>',
    organisation: 'Northwind',
    facilitator: 'Sam',
    participants: [],
    createdAt: MAY.toISOString(),
    bank: { id: bank.id, version: bank.version, questionIds: bank.questions.map((q) => q.id) },
    journeys,
    systems: [],
    integrations: [],
    answers: answers(given, at),
    organisationAnswers: [],
    planCapacity: { now: 12, next: 24 },
    planStatus: [],
    snapshots: [],
  };
}

/** The assessment as of CYCLE_NOW, with its May and August snapshots and the plan status set. */
export function cycleAssessment(bank: Bank): Assessment {
  const may = base([PHONE, CHAT], MAY_ANSWERS, MAY, bank);
  const maySnapshot = takeSnapshot(may, buildReport(bank, may, MAY), { label: '2026 Q2', by: 'Sam' }, MAY).snapshot;
  const august = { ...base([PHONE, CHAT], AUGUST_ANSWERS, AUGUST, bank), snapshots: [maySnapshot] };
  const augustSnapshot = takeSnapshot(august, buildReport(bank, august, AUGUST), { label: '2026 Q3 *final*', by: 'Sam' }, AUGUST).snapshot;
  let now: Assessment = { ...base([PHONE, CHAT, RETURNS], NOW_ANSWERS, new Date(CYCLE_NOW.getTime() - 86_400_000), bank), snapshots: [maySnapshot, augustSnapshot] };
  const at = new Date(CYCLE_NOW.getTime() - 5 * 86_400_000);
  // Done, but the export answers still trigger it.
  now = setPlanStatus(now, { actionId: 'export-alert', status: 'done', owner: 'Tom' }, 'Tom', at);
  // Accepted until 2026-11-19, the day before the report: open again.
  now = setPlanStatus(
    now,
    { actionId: 'connector-review', status: 'accepted-risk', reason: 'Only two apps; both vendors audited.', reviewBy: '2026-11-19' },
    'Sam',
    at,
  );
  // Accepted until the day of the report: still accepted.
  now = setPlanStatus(now, { actionId: 'central-log', status: 'accepted-risk', reason: 'Covered by the SIEM project.', reviewBy: '2026-11-20' }, 'Sam', at);
  // Due yesterday.
  now = setPlanStatus(now, { actionId: 'restrict-export', status: 'in-progress', owner: 'Grace', due: '2026-11-19' }, 'Grace', at);
  return now;
}
