/** The controls screen: each cited control's verdict from the answers, claims first, one framework at a time. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { updateAssessment } from '../../src/core/workbook-ops.js';
import { FIXED_NOW, KEYS, fixtureBank, renderWorkbench, setUpWorkbook, widestLine, withAnswers } from './app.js';

afterEach(() => cleanup());

function bankWithControls() {
  const bank = fixtureBank();
  bank.questions.find((q) => q.id === 'ticket-notes-content')!.references = [
    { framework: 'ISO27001', control: 'A.8.11', title: 'Data masking' },
    { framework: 'GDPR', control: 'Art. 5(1)(c)', title: 'Data minimisation' },
  ];
  bank.questions.find((q) => q.id === 'bulk-export-detection')!.references = [{ framework: 'ISO27001', control: 'A.8.16', title: 'Monitoring activities' }];
  return bank;
}

function workbook() {
  const w = withAnswers(setUpWorkbook(bankWithControls()), [
    { journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'everything', confidence: 'verified', at: FIXED_NOW.toISOString() },
    { journeyId: 'phone-support', questionId: 'bulk-export-detection', kind: 'unknown', at: FIXED_NOW.toISOString() },
  ]);
  return updateAssessment(w, 'q4', (a) => ({
    ...a,
    controlClaims: [
      { framework: 'ISO27001', controlId: 'A.8.11', status: 'implemented', auditedOn: '2026-06-30', reference: 'ISO audit' },
      { framework: 'ISO27001', controlId: 'A.8.16', status: 'implemented', auditedOn: null, reference: '' },
    ],
  }));
}

describe('the controls screen', () => {
  it.each([
    [100, 30],
    [80, 24],
  ])('at %ix%i: opens from the assessment with k, leads with the claimed-but-exposed controls, and fits', async (columns, rows) => {
    const app = await renderWorkbench({ workbook: workbook(), bank: bankWithControls(), size: { columns, rows } });
    await app.keys(KEYS.enter, 'k');
    const frame = app.frame();
    expect(frame).toContain('Controls in practice: all frameworks');
    expect(frame).toContain('Claimed implemented, exposed in practice (1)');
    expect(frame).toMatch(/ISO27001 A\.8\.11 +exp +100/);
    // One answer behind a control is one answer, not '1 answers'.
    expect(frame).toMatch(/ · 1 answer {2}/);
    expect(frame).not.toContain('1 answers');
    expect(widestLine(frame)).toBeLessThanOrEqual(columns);
    await app.keys(KEYS.escape);
    expect(app.frame()).toMatch(/❯ Controls: what the answers show/);
  });

  it('shows one framework at a time with f, and all again after the last', async () => {
    const app = await renderWorkbench({ workbook: workbook(), bank: bankWithControls(), size: { columns: 100, rows: 30 } });
    await app.keys(KEYS.enter, 'k', 'f');
    expect(app.frame()).toContain('Controls in practice: GDPR (Regulation (EU) 2016/679)');
    expect(app.frame()).not.toContain('A.8.11');
    expect(app.frame()).toContain('Art. 5(1)(c)');
    await app.keys('f');
    expect(app.frame()).toContain('Controls in practice: ISO/IEC 27001:2022');
    expect(app.frame()).toMatch(/Unknown in practice \(1\)/);
    await app.keys('f', 'f', 'f', 'f');
    expect(app.frame()).toContain('Controls in practice: all frameworks');
  });
});
