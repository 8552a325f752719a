import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { marked } from 'marked';
import { buildReport } from '../src/core/report.js';
import { renderHtml } from '../src/export/html.js';
import { questionHelp, renderMarkdown } from '../src/export/markdown.js';
import { CLINIC_PATH, heldOutBank, heldOutWorkbook, SAMM_PATH } from './helpers/held-out.js';
it('p', () => {
  const NOW = new Date('2026-11-20T10:00:00.000Z');
  for (const [p, names, out] of [[SAMM_PATH, ['Payments API', 'Customer portal'], 'samm'], [CLINIC_PATH, ['Reception', 'Phone line'], 'clinic']] as const) {
    const bank = heldOutBank(p);
    const w = heldOutWorkbook(bank, [...names] as [string, string], NOW);
    writeFileSync(`/tmp/bankfit-${out}.json`, JSON.stringify(w, null, 2));
    const report = buildReport(bank, w.assessments[0]!, NOW);
    const o = { version: 'test', questionHelp: questionHelp(bank) };
    writeFileSync(`/tmp/bankfit-${out}.md`, renderMarkdown(report, o));
    writeFileSync(`/tmp/bankfit-${out}.html`, renderHtml(report, { ...o, markdownToHtml: (m) => marked.parse(m, { async: false, gfm: true }) }));
  }
});
