/**
 * The parking lot and the decision log in the exports: the demo workbook of the golden
 * tests with two open questions (one raised on a question of a journey, one on its own,
 * past due) and a decision.
 */
import { describe, expect, it } from 'vitest';
import { addParked, parkNote } from '../../src/core/parking-lot.js';
import { buildReport } from '../../src/core/report.js';
import { ReportSchema } from '../../src/core/report-schema.js';
import type { Assessment } from '../../src/core/workbook-schema.js';
import { renderCsvPlan } from '../../src/export/csv-report.js';
import { parseCsv } from '../../src/export/csv.js';
import { renderJson } from '../../src/export/json.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { GOLDEN_NOW, goldenBank, goldenWorkbook } from './golden-fixtures.js';

const bank = goldenBank();

/** The demo without the parking lot and decisions it has of its own. */
function withoutRoomItems(): Assessment {
  const { parkingLot: _demo, ...rest } = goldenWorkbook(bank).assessments[0]!;
  return rest;
}

function withParkingLot(): Assessment {
  let a = withoutRoomItems();
  const journey = a.journeys[0]!;
  const question = bank.questions.find((q) => q.scope !== 'organisation')!;
  a = parkNote(a, { journeyId: journey.id, questionId: question.id }, 'Ask the QA lead | whether *all* calls are sampled', 'Ana', GOLDEN_NOW);
  a = addParked(a, { kind: 'question', text: 'Who owns the survey tool?', owner: 'Lee', due: '2026-11-01' }, 'Ben', GOLDEN_NOW).assessment;
  a = addParked(a, { kind: 'decision', text: 'Chat transcripts are kept 90 days, then deleted', owner: 'Dana' }, 'Ana', GOLDEN_NOW).assessment;
  return a;
}

describe('the parking lot and decisions in the exports', () => {
  const a = withParkingLot();
  const report = buildReport(bank, a, GOLDEN_NOW);
  const journey = a.journeys[0]!;
  const question = bank.questions.find((q) => q.scope !== 'organisation')!;

  it('are in the report: open questions with where they were raised and whether overdue, then the decisions', () => {
    expect(ReportSchema.parse(report)).toEqual(report);
    expect(report.parkingLot).toEqual([
      { id: 'p1', kind: 'question', text: 'Ask the QA lead | whether *all* calls are sampled', owner: '', due: null, overdue: false, questionId: question.id, questionPrompt: question.prompt, journeyId: journey.id, journeyName: journey.name, by: 'Ana', at: GOLDEN_NOW.toISOString() },
      { id: 'p2', kind: 'question', text: 'Who owns the survey tool?', owner: 'Lee', due: '2026-11-01', overdue: true, questionId: null, questionPrompt: null, journeyId: null, journeyName: null, by: 'Ben', at: GOLDEN_NOW.toISOString() },
    ]);
    expect(report.decisions.map((d) => [d.id, d.text, d.owner])).toEqual([['p3', 'Chat transcripts are kept 90 days, then deleted', 'Dana']]);
    expect(JSON.parse(renderJson(report)).parkingLot).toHaveLength(2);
  });

  it('have their markdown sections, cells escaped', () => {
    const md = renderMarkdown(report);
    const section = md.slice(md.indexOf('## Parking lot'), md.indexOf('## Decisions'));
    expect(section).toContain('2 questions the room could not settle, to answer outside it:');
    expect(section).toContain(`| p1 | Ask the QA lead \\| whether \\*all\\* calls are sampled | ${journey.name}: ${question.prompt} | — | — | 2026-11-20 by Ana |`);
    expect(section).toContain('| p2 | Who owns the survey tool? | — | Lee | 2026-11-01 (overdue) | 2026-11-20 by Ben |');
    expect(md).toContain('- **Chat transcripts are kept 90 days, then deleted** (p3) — owner Dana · 2026-11-20, Ana');
    // Between the stale answers and the method.
    expect(md.indexOf('## Stale answers')).toBeLessThan(md.indexOf('## Parking lot'));
    expect(md.indexOf('## Decisions')).toBeLessThan(md.indexOf('## How the scores work'));
  });

  it('are rows of the plan CSV after the plan, in lanes of their own', () => {
    const rows = parseCsv(renderCsvPlan(report)).map((r) => r.cells);
    const header = rows[0]!;
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    const parked = rows.filter((r) => col(r, 'lane') === 'parking lot' || col(r, 'lane') === 'decision');
    expect(parked.map((r) => [col(r, 'id'), col(r, 'lane'), col(r, 'title'), col(r, 'owner'), col(r, 'due'), col(r, 'overdue'), col(r, 'journeys'), col(r, 'questions')])).toEqual([
      ['p1', 'parking lot', 'Ask the QA lead | whether *all* calls are sampled', '', '', '', journey.name, question.id],
      ['p2', 'parking lot', 'Who owns the survey tool?', 'Lee', '2026-11-01', 'yes', '', ''],
      ['p3', 'decision', 'Chat transcripts are kept 90 days, then deleted', 'Dana', '', '', '', ''],
    ]);
    expect(rows.indexOf(parked[0]!)).toBe(rows.length - 3);
  });

  it('leave the exports as they were when there are none', () => {
    const plain = buildReport(bank, withoutRoomItems(), GOLDEN_NOW);
    expect(renderMarkdown(plain)).not.toContain('## Parking lot');
    expect(renderMarkdown(plain)).not.toContain('## Decisions');
  });
});
