/**
 * What the end of a walk shows, from the report of a small workbook on the starter bank,
 * every figure worked out by hand (SCORING.md): Phone support is high sensitivity (s 3),
 * Chat low (s 1).
 */
import { describe, expect, it } from 'vitest';
import type { Bank } from '../../src/core/bank-schema.js';
import { addParked } from '../../src/core/parking-lot.js';
import { putOrganisationAnswer } from '../../src/core/organisation.js';
import { buildReport } from '../../src/core/report.js';
import { updateAssessment } from '../../src/core/workbook-ops.js';
import type { Workbook } from '../../src/core/workbook-schema.js';
import { sectionSummary, summaryFigures } from '../../src/ui/section-summary.js';
import { FIXED_NOW, fixtureBank, setUpWorkbook, withAnswers } from './app.js';
import { answered, organisationBank, withParked } from './summary-workbook.js';

const at = FIXED_NOW.toISOString();

const summaryOf = (workbook: Workbook, journeyId: string | null, bank: Bank = fixtureBank()) => sectionSummary(buildReport(bank, workbook.assessments[0]!, FIXED_NOW), journeyId);

describe("a journey's summary", () => {
  it('has its figures: exposure 7.5/9, visibility 3.5/9', () => {
    // Exposure: (2·1 + 2·0.75 + 3·1 + 2·0.5) / 9 = 7.5/9. Visibility: (2·1 + 2·0.25 + 3·0 + 2·0.5) / 9 = 3.5/9.
    const summary = summaryOf(answered(), 'phone-support');
    expect(summary.kind).toBe('journey');
    expect(summary.figures!.exposure).toBeCloseTo((100 * 7.5) / 9, 9);
    expect(summary.figures!.visibility).toBeCloseTo((100 * 3.5) / 9, 9);
    expect(summary.progress).toEqual({ answered: 4, total: 4, ratio: 1 });
  });

  it("ranks the Fix items by the risk this journey feeds them, with each item's whole R", () => {
    expect(summaryOf(answered(), 'phone-support').fixes).toEqual([
      { id: expect.any(String), rank: 1, title: 'Give agents a note template and redact what slips through', horizon: 'now', fed: 10.5, riskRemoved: 12.5 },
      { id: expect.any(String), rank: 2, title: 'Log and alert on bulk exports', horizon: 'now', fed: 3, riskRemoved: 6 },
    ]);
    // Chat feeds export-alert 3 and note-guidance 2: the lower-ranked item comes first.
    const chat = summaryOf(answered(), 'chat');
    expect(chat.fixes.map((f) => [f.rank, f.fed])).toEqual([
      [2, 3],
      [1, 2],
    ]);
    expect(chat.fixesFed).toBe(2);
  });

  it('counts its unknowns and names the Find-out items they call for', () => {
    const phone = summaryOf(answered(), 'phone-support');
    expect(phone.unknowns).toBe(1);
    expect(phone.findOut).toEqual([{ id: expect.any(String), rank: 1, title: expect.stringContaining('How soon would a bulk export'), owner: expect.any(String), fed: 9 }]);
    const chat = summaryOf(answered(), 'chat');
    expect(chat.findOut).toEqual([{ id: expect.any(String), rank: 2, title: 'Read a sample of recent ticket notes', owner: 'Support operations lead', fed: 2 }]);
  });

  it('lists its disputed answers with the option settled on and who gave it', () => {
    expect(summaryOf(answered(), 'phone-support').disputed).toEqual([
      { questionId: 'attachment-expiry', questionPrompt: 'What happens to files customers attach to tickets?', optionLabel: 'Kept as long as the ticket, visible to every agent', by: 'Ben' },
    ]);
    expect(summaryOf(answered(), 'chat').disputed).toEqual([]);
  });

  it('lists the open questions parked in it, not those of another journey, of no question, or decisions', () => {
    const workbook = withParked(answered());
    expect(summaryOf(workbook, 'phone-support').parked).toEqual([
      { id: 'p1', text: 'Ask the vendor how long recordings stay', owner: 'Kim', due: '2026-11-01', overdue: true, questionPrompt: 'What happens to files customers attach to tickets?' },
    ]);
    expect(summaryOf(workbook, 'chat').parked.map((p) => p.text)).toEqual(['Who reads the export report?']);
  });

  it('is empty but for its progress before any answer', () => {
    const summary = summaryOf(setUpWorkbook(), 'chat');
    expect(summary).toEqual({
      kind: 'journey',
      figures: { exposure: null, visibility: null },
      progress: { answered: 0, total: 4, ratio: 0 },
      unknowns: 0,
      fixes: [],
      fixesFed: 0,
      findOut: [],
      disputed: [],
      parked: [],
    });
  });

  it('names at most three Fix items, and counts them all', () => {
    // Five actions, each fed by one answer of Phone support: the three most fed are named.
    const bank = fixtureBank();
    const extra = ['a', 'b', 'c'].map((id) => ({ id: `act-${id}`, title: `Action ${id}`, detail: '', effort: 'S' as const, owner: 'Ops' }));
    const withActions: Bank = {
      ...bank,
      actions: [...bank.actions, ...extra],
      questions: bank.questions.map((q) =>
        q.id === 'access-log-answer-time' ? { ...q, options: q.options.map((o) => (o.id === 'days' ? { ...o, actions: ['export-alert', 'act-a', 'act-b', 'act-c'] } : o)) } : q,
      ),
    };
    // access log "days": r 3 shared four ways: 0.75 each.
    const summary = summaryOf(answered(withActions), 'phone-support', withActions);
    expect(summary.fixesFed).toBe(5);
    expect(summary.fixes.map((f) => f.fed)).toEqual([10.5, 0.75, 0.75]);
  });
});

describe('the organisation-wide section', () => {
  // bulk-export-detection asked once for the organisation; Chat overrides it with "never".
  const workbook = () => {
    const bank = organisationBank();
    const w = withAnswers(setUpWorkbook(bank), [
      { journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'some' },
      { journeyId: 'chat', questionId: 'bulk-export-detection', kind: 'option', optionId: 'never', confidence: 'disputed' },
    ]);
    return updateAssessment(w, 'q4', (a) => {
      const next = putOrganisationAnswer(a, { questionId: 'bulk-export-detection', kind: 'unknown', note: '', by: 'Ana', at });
      return addParked(next, { kind: 'question', text: 'Does the SIEM see exports?' }, 'Ana', FIXED_NOW, { journeyId: null, questionId: 'bulk-export-detection' }).assessment;
    });
  };

  it('has counts, not a score: answered and unknown', () => {
    const summary = summaryOf(workbook(), null, organisationBank());
    expect(summary.kind).toBe('organisation');
    expect(summary.figures).toBeNull();
    expect(summary.progress).toEqual({ answered: 1, total: 1, ratio: 1 });
    expect(summary.unknowns).toBe(1);
    const [answeredFigure, unknownFigure] = summaryFigures(summary);
    expect(answeredFigure).toMatchObject({ text: '1/1', shade: '', plain: 'Answered 1 / 1' });
    expect(unknownFigure).toMatchObject({ text: '1', shade: '', plain: 'Unknown 1' });
  });

  it("takes the organisation answer's Find-out item (r 3·3·1 = 9: s* is Phone support's, Chat overrides) and its parking lot", () => {
    const summary = summaryOf(workbook(), null, organisationBank());
    expect(summary.findOut.map((f) => f.fed)).toEqual([9]);
    expect(summary.fixes).toEqual([]);
    expect(summary.parked.map((p) => p.text)).toEqual(['Does the SIEM see exports?']);
  });

  it("leaves the organisation answer out of a journey's summary, and counts a journey's override in it", () => {
    const bank = organisationBank();
    const phone = summaryOf(workbook(), 'phone-support', bank);
    expect(phone.unknowns).toBe(0);
    expect(phone.findOut).toEqual([]);
    // Phone's notes "some": r 2·3·0.5 = 3 to note-guidance.
    expect(phone.fixes.map((f) => [f.title, f.fed])).toEqual([['Give agents a note template and redact what slips through', 3]]);
    // Chat's override "never" (w 3, L 4, s 1): r 3 to export-alert, and its disputed answer.
    const chat = summaryOf(workbook(), 'chat', bank);
    expect(chat.fixes.map((f) => [f.title, f.fed])).toEqual([['Log and alert on bulk exports', 3]]);
    expect(chat.disputed.map((d) => d.questionId)).toEqual(['bulk-export-detection']);
    expect(chat.parked).toEqual([]);
  });
});

describe('summaryFigures for a journey', () => {
  it('gives each score its band: shade, word, colour', () => {
    const [exposure, visibility] = summaryFigures(summaryOf(answered(), 'phone-support'));
    // 83.3 exposure: band 3 (75 and above); visibility 38.9: its gap 61.1, band 2.
    expect(exposure).toEqual({ text: '83', shade: '█', colour: 'red', bold: true, labels: ['Exposure', 'severe', '0-100, higher is worse'], plain: 'Exposure 83 █ severe' });
    expect(visibility).toEqual({ text: '39', shade: '▓', colour: 'redBright', bold: false, labels: ['Visibility', 'poor', '0-100, lower is worse'], plain: 'Visibility 39 ▓ poor' });
  });

  it('draws a dash, with no shade, for a score not computed yet', () => {
    const [exposure] = summaryFigures(summaryOf(setUpWorkbook(), 'chat'));
    expect(exposure).toEqual({ text: '—', shade: '', colour: '', bold: false, labels: ['Exposure', 'nothing scored yet'], plain: 'Exposure — nothing scored yet' });
  });
});
