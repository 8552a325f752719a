/**
 * The held-out banks in the exports: they validate with no problem and no warning, and
 * the markdown and HTML reports read in their terms: the bank's title, its scope
 * ("application", "desk"), its level names, details and help rendered in the safe
 * markdown subset, and the help of each question answered in the answers appendix.
 */
import { readFileSync } from 'node:fs';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { validateBankSource } from '../../src/bank/validate/index.js';
import { capitalised } from '../../src/core/bank-words.js';
import { buildReport } from '../../src/core/report.js';
import { takeSnapshot } from '../../src/core/snapshot.js';
import { addJourney, recordAnswer, updateAssessment } from '../../src/core/workbook-ops.js';
import { emptyWorkbook } from '../../src/core/workbook-schema.js';
import { renderDiffMarkdown } from '../../src/export/diff-markdown.js';
import { renderDiffText } from '../../src/export/diff-text.js';
import { renderGitlabCsv, renderJiraCsv } from '../../src/export/tracker-csv.js';
import { renderHtml } from '../../src/export/html.js';
import { questionHelp, renderMarkdown } from '../../src/export/markdown.js';
import { CLINIC_PATH, heldOutBank, heldOutWorkbook, SAMM_PATH } from '../helpers/held-out.js';

const NOW = new Date('2026-11-20T10:00:00.000Z');
const markdownToHtml = (md: string) => marked.parse(md, { async: false, gfm: true });
/** What a reader of the HTML sees: no style sheet, no tags (class names may say "journey"). */
const visibleText = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]*>/g, ' ');

function reportOf(path: string, names: [string, string]) {
  const bank = heldOutBank(path);
  const report = buildReport(bank, heldOutWorkbook(bank, names, NOW).assessments[0]!, NOW);
  const options = { version: 'test', questionHelp: questionHelp(bank) };
  return { bank, report, md: renderMarkdown(report, options), html: renderHtml(report, { ...options, markdownToHtml }) };
}

describe('the held-out banks', () => {
  it.each([SAMM_PATH, CLINIC_PATH])('%s validates with no problem and no warning', (path) => {
    const result = validateBankSource(readFileSync(path, 'utf8'), path);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.bank).toBeDefined();
  });
});

describe('a maturity model assessing applications, in the markdown and HTML reports', () => {
  const { md, html } = reportOf(SAMM_PATH, ['Payments API', 'Customer portal']);

  it('is titled by the bank and speaks of applications, never of journeys', () => {
    expect(md.split('\n')[0]).toBe('# Software assurance maturity by application: Spring review');
    expect(md).toMatch(/\b2 applications\b/);
    expect(md).toContain('### Payments API');
    expect(md).not.toMatch(/journey/i);
    expect(visibleText(html)).not.toMatch(/journey/i);
    expect(md).not.toContain('## Systems and integrations');
  });

  it('names a level by the bank and its place on the scale', () => {
    // Payments API took each question's third option: "Goals written down once, no figures" is at level 2.
    expect(md).toContain('| Goals written down once, no figures (Maturity level 1, exposure 2 of 4) |');
    expect(md).toContain('(0 Maturity level 3, 1 Maturity level 2, 2 Maturity level 1, 3 Ad hoc, 4 Not practised)');
    expect(html).toContain('Goals written down once, no figures (Maturity level 1, exposure 2 of 4)');
  });

  it('renders an action detail in the safe subset: bold, a link with its address, a list', () => {
    expect(md).toContain(
      [
        '  - How: Agree **three goals** for the next year with the product owner, name an owner for\\',
        '    each, and choose two figures to track. The\\',
        '    SAMM quick-start guide (<https://owaspsamm.org/guidance/quick-start-guide/>) shows a\\',
        '    way to begin.',
      ].join('\n'),
    );
    expect(md).toContain(['  - How: Choose training by role:', '', '    - developers: secure coding for the languages in use;', '    - testers: security test techniques;'].join('\n'));
    expect(html).toContain('<strong>three goals</strong>');
    expect(html).toContain('SAMM quick-start guide (<a href="https://owaspsamm.org/guidance/quick-start-guide/">https://owaspsamm.org/guidance/quick-start-guide/</a>) shows a');
    expect(html).toContain('<li>developers: secure coding for the languages in use;</li>');
    expect(html).not.toContain('**');
  });

  it('carries each answered question’s help into the answers appendix, once, in bank order', () => {
    const at = md.indexOf('### Question help');
    expect(at).toBeGreaterThan(md.indexOf('## Answers'));
    const help = md.slice(at, md.indexOf('\n## ', at));
    expect(help.match(/^- \*\*/gm)).toHaveLength(8);
    expect(help).toContain(
      [
        '- **Is there an agreed security plan for this application, with figures that show progress?**',
        '',
        '  **Practice:** Strategy and Metrics.',
        '',
        '  **Quality criteria** for the top answer:',
        '',
        '  - the plan names goals for the next 12 months and who owns each;',
      ].join('\n'),
    );
    expect(help).toContain('  Background: OWASP SAMM (<https://owaspsamm.org/model/>).');
    expect(help).toContain('  1. the model covers every external interface and trust boundary;');
    expect(html).toContain('<h3>Question help</h3>');
    expect(html).toContain('Background: OWASP SAMM (<a href="https://owaspsamm.org/model/">https://owaspsamm.org/model/</a>).');
  });
});

describe("a clinic's front desks, in the markdown report", () => {
  const { md, html } = reportOf(CLINIC_PATH, ['Reception', 'Phone line']);

  it('is titled by the bank, speaks of desks and shows the default level words', () => {
    expect(md.split('\n')[0]).toBe('# Patient data at the clinic front desk: Spring review');
    expect(md).toMatch(/\b2 desks\b/);
    expect(md).not.toMatch(/journey/i);
    expect(visibleText(html)).not.toMatch(/journey/i);
    expect(md).toContain('(level 4)');
  });

  it('renders the numbered detail and the linked help', () => {
    expect(md).toContain('  - How: Write the check down and train the desk on it:\n\n    1. ask two details only the patient would know, or call back the number on file;');
    expect(md).toContain('sending information to the right person (<https://ico.org.uk/for-organisations/>)');
  });
});

describe('the held-out banks across cycles and in trackers', () => {
  const LATER = new Date('2026-12-20T10:00:00.000Z');
  /** A snapshot, then the first scope's first answer changed to the question's first option and a third scope added. */
  function cycled(path: string, names: [string, string], third: string) {
    const bank = heldOutBank(path);
    const before = heldOutWorkbook(bank, names, NOW).assessments[0]!;
    const snapped = takeSnapshot(before, buildReport(bank, before, NOW), { label: 'Autumn', by: 'Dana' }, NOW).assessment;
    const q = bank.questions[0]!;
    let w = recordAnswer({ ...emptyWorkbook(), assessments: [snapped] }, snapped.id, { journeyId: snapped.journeys[0]!.id, questionId: q.id, kind: 'option', optionId: q.options[0]!.id, confidence: 'verified', note: '', by: 'Dana', at: LATER.toISOString() });
    w = updateAssessment(w, snapped.id, (a) => addJourney(a, { name: third, sensitivity: 'low' }).assessment);
    const report = buildReport(bank, w.assessments[0]!, LATER);
    const words = { scope: report.bank.scope, levels: report.bank.levels };
    return { bank, report, words };
  }

  it.each([
    { path: SAMM_PATH, names: ['Payments API', 'Customer portal'] as [string, string], third: 'Billing', scope: /Applications and dimensions that moved/, level: /Maturity level 1, exposure 2 of 4, reported\) → “.*” \(Maturity level 3, exposure 0 of 4, verified\)/s },
    { path: CLINIC_PATH, names: ['Reception', 'Phone line'] as [string, string], third: 'Online booking', scope: /Desks and dimensions that moved/, level: /\(level 4, reported\) → “.*” \(level 0, verified\)/s },
  ])('$path: the changes since the last cycle, the diff and the tickets speak of its scope and levels', ({ path, names, third, scope, level }) => {
    const { report, words, bank } = cycled(path, names, third);
    const md = renderMarkdown(report, { version: 'test', questionHelp: questionHelp(bank) });
    expect(md).toContain('## Since last cycle');
    expect(md).not.toMatch(/journey/i);
    expect(md).toMatch(new RegExp(`${third} \\(new ${report.bank.scope.singular}\\)`));
    const diff = report.cycles.sinceLastCycle!;
    const text = renderDiffText(diff, { assessmentName: 'Spring review', trend: report.cycles.trend ?? null, plan: report.plan, words });
    expect(text).not.toMatch(/journey/i);
    expect(text).toMatch(scope);
    expect(text).toMatch(level);
    const diffMd = renderDiffMarkdown(diff, { assessmentName: 'Spring review', trend: report.cycles.trend ?? null, plan: report.plan, words });
    expect(diffMd).not.toMatch(/journey/i);
    for (const csv of [renderJiraCsv(report, bank), renderGitlabCsv(report, bank)]) {
      expect(csv).not.toMatch(/journey/i);
      expect(csv).toContain(capitalised(report.bank.scope.singular));
    }
  });
});

describe('a disputed vote in the report, in the bank’s level names', () => {
  it('tells the settled answer, the positions and the spread by the names, not by cxray’s numbers', () => {
    const bank = heldOutBank(SAMM_PATH);
    const w0 = heldOutWorkbook(bank, ['Payments API', 'Customer portal'], NOW);
    const a = w0.assessments[0]!;
    const q = bank.questions[0]!;
    const vote = { hidden: true, positions: [{ name: 'Ana', kind: 'option' as const, optionId: q.options[0]!.id }, { name: 'Ben', kind: 'option' as const, optionId: q.options[4]!.id }] };
    const w = recordAnswer(w0, a.id, { journeyId: a.journeys[0]!.id, questionId: q.id, kind: 'option', optionId: q.options[2]!.id, confidence: 'disputed', note: '', by: 'Dana', at: NOW.toISOString(), vote });
    const md = renderMarkdown(buildReport(bank, w.assessments[0]!, NOW), { version: 'test' });
    const section = md.slice(md.indexOf('## Unresolved disagreements'));
    expect(section).toContain('- **Settled on:** “Goals written down once, no figures” (Maturity level 1, exposure 2 of 4)');
    expect(section).toContain('(Maturity level 3, exposure 0 of 4): Ana; “Nobody has looked at security for this application” (Not practised, exposure 4 of 4): Ben');
    expect(section).toContain('(“Maturity level 3” to “Not practised” (exposure 0 to 4, 4 apart), in a hidden vote of 2)');
    // What would settle it: the question's help, its bold drawn as bold, not escaped to '\\*\\*'.
    const settle = section.split('\n').find((l) => l.startsWith('- **What would settle it:**'))!;
    expect(settle).toContain('**Practice:** Strategy and Metrics.');
    expect(settle).not.toContain('\\*');
  });
});
