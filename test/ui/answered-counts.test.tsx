/**
 * The home list and the assessment screen count the same answers: the organisation-wide
 * questions once and each journey's own, not the organisation's answers again in every
 * journey they hold for (the demo on the built-in bank: 119, where added up per journey
 * they are 209).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { BankSchema } from '../../src/core/bank-schema.js';
import { buildDemoWorkbook } from '../../src/core/demo.js';
import { FIXED_NOW, KEYS, renderWorkbench } from './app.js';

afterEach(() => cleanup());

describe('answers counted on the home list and the assessment', () => {
  it('are the same figure, the organisation-wide questions counted once', async () => {
    const bank = BankSchema.parse(parse(readFileSync(join(import.meta.dirname, '..', '..', 'questions', 'cx-data-exposure.yaml'), 'utf8')));
    const workbook = buildDemoWorkbook(bank, FIXED_NOW);
    const a = workbook.assessments[0]!;
    const once = a.organisationAnswers.length + a.answers.length;
    const app = await renderWorkbench({ bank, workbook, size: { columns: 100, rows: 30 }, color: false });
    expect(app.frame()).toMatch(new RegExp(`${once}/${once}`));
    await app.keys(KEYS.enter);
    expect(app.frame()).toMatch(new RegExp(`All questions .* ${once} / ${once}`));
  });
});
