/**
 * The controls view of the demo workbook, given a claims file that marks every ISO 27001
 * control the golden bank cites as implemented, compared byte for byte with the golden
 * files (`UPDATE_GOLDEN=1 npx vitest run test/export` rewrites them; read the diff).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyClaims, planClaimsImport } from '../../src/core/controls/claims-import.js';
import { buildControlsView } from '../../src/core/controls/view.js';
import { buildReport } from '../../src/core/report.js';
import { parseCsv } from '../../src/export/csv.js';
import { renderControlsCsv, renderControlsMarkdown, renderControlsText } from '../../src/export/controls.js';
import { renderControlsJson } from '../../src/export/controls-json.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { GOLDEN_DIR, GOLDEN_NOW, goldenBank, goldenWorkbook } from './golden-fixtures.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

function expectGolden(path: string, actual: string): void {
  if (UPDATE || !existsSync(path)) {
    writeFileSync(path, actual);
    if (!UPDATE) throw new Error(`${path} did not exist and was written; check it and commit it.`);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('the demo with every cited ISO 27001 control claimed implemented', () => {
  const bank = goldenBank();
  const plain = goldenWorkbook(bank).assessments[0]!;
  const [header, ...rows] = parseCsv(readFileSync(join(GOLDEN_DIR, 'demo-claims.csv'), 'utf8'));
  const result = planClaimsImport(plain, header!, rows, '2026-11-20', 'demo-claims.csv');
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const assessment = applyClaims(plain, result.claims, result.frameworks);
  const report = buildReport(bank, assessment, GOLDEN_NOW);
  const about = { assessment: assessment.name, bank: { id: bank.id, version: bank.version }, date: '2026-11-20' };
  const iso = buildControlsView(bank, report, { frameworks: ['ISO27001'], claims: assessment.controlClaims });

  it('claims every ISO 27001 control the bank cites', () => {
    const cited = new Set(bank.questions.flatMap((q) => q.references.filter((r) => r.framework === 'ISO27001').map((r) => r.control)));
    expect(new Set(result.claims.map((c) => c.controlId))).toEqual(cited);
    expect(iso.claimedButExposed.length).toBeGreaterThan(0);
    // Each claimed-but-exposed control traces to an answer at level 3+ and to plan items.
    for (const c of iso.claimedButExposed) {
      expect(c.answers.some((a) => a.kind === 'option' && a.level! >= 3)).toBe(true);
      expect(c.planItems.some((p) => p.lane === 'fix' && report.plan.some((i) => i.actionId === p.actionId))).toBe(true);
    }
  });

  it('markdown', () => {
    expectGolden(join(GOLDEN_DIR, 'demo-controls.md'), renderControlsMarkdown(iso, about));
  });

  it('csv', () => {
    expectGolden(join(GOLDEN_DIR, 'demo-controls.csv'), renderControlsCsv(iso));
  });

  it('opens the report summary with the claimed-but-exposed list, and adds the controls section', () => {
    const all = buildControlsView(bank, report, { claims: assessment.controlClaims });
    const md = renderMarkdown(report, { version: '1.0.0', controls: all });
    const summaryAt = md.indexOf('## Summary\n');
    expect(summaryAt).toBeGreaterThan(0);
    expect(md.indexOf('### Claimed implemented, exposed in practice')).toBe(summaryAt + '## Summary\n\n'.length);
    expect(md.indexOf('## Controls in practice')).toBeGreaterThan(md.indexOf('## Plan'));
    // Without claims, the summary opens as before.
    const none = renderMarkdown(report, { version: '1.0.0', controls: buildControlsView(bank, report) });
    expect(none).not.toContain('Claimed implemented');
    expect(none).toContain('## Controls in practice');
  });

  it("tells an answer's level by the bank's names where it names them, in the text and the markdown (the JSON keeps the numbers)", () => {
    const levels = ['Optimised', 'Managed', 'Defined', 'Initial', 'Not practised'];
    const named = { ...about, levels };
    const md = renderControlsMarkdown(iso, named);
    const text = renderControlsText(iso, named);
    for (const out of [md, text]) {
      expect(out).toMatch(/\((Initial, exposure 3|Not practised, exposure 4) of 4, (verified|reported|disputed)\)/);
      expect(out).not.toMatch(/\(level \d/);
    }
    // Without names, as the golden has it.
    expect(renderControlsMarkdown(iso, about)).toMatch(/\(level [34], /);
    expect(JSON.parse(renderControlsJson(iso, named))).not.toHaveProperty('levels');
  });
});
