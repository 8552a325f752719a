/** The walk's help names the controls the question relates to, with the catalogue's titles. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { addAssessment, addJourney, updateAssessment } from '../../src/core/workbook-ops.js';
import { emptyWorkbook } from '../../src/core/workbook-schema.js';
import { FIXED_NOW, KEYS, fixtureBank, renderWorkbench } from './app.js';

afterEach(() => cleanup());

describe('the walk help', () => {
  it('lists the controls the question tests, even when it has no help text', async () => {
    const bank = fixtureBank();
    delete bank.questions[0]!.help;
    bank.questions[0]!.references = [
      { framework: 'ISO27001', control: 'A.5.18', title: 'Access rights' },
      { framework: 'PCI-DSS', control: '8.2.5', title: 'Access of terminated users revoked immediately' },
    ];
    const { workbook, id } = addAssessment(emptyWorkbook(), { name: 'Q4' }, bank, FIXED_NOW);
    const app = await renderWorkbench({ bank, workbook: updateAssessment(workbook, id, (a) => addJourney(a, { name: 'J' }).assessment), size: { columns: 100, rows: 40 } });
    await app.keys(KEYS.enter, KEYS.enter);
    expect(app.frame()).not.toContain('A.5.18');
    await app.keys('h');
    // The markdown renderer loads on first use: wait for it (up to 5 s on a loaded machine).
    for (let i = 0; i < 100 && !app.frame().includes('A.5.18'); i++) await new Promise((r) => setTimeout(r, 50));
    const frame = app.frame();
    expect(frame).toContain('Controls it tests in practice');
    expect(frame).toContain('ISO/IEC 27001:2022 A.5.18 Access rights');
    expect(frame).toContain('PCI DSS v4.0.1 8.2.5 Access of terminated users revoked immediately');
    expect(frame).not.toContain('no help text');
  });
});
