/** The words, the terminal text and the markdown of a comparison between two cycles. */
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { diffStates, stateOfCurrent, stateOfSnapshot } from '../../src/core/diff.js';
import { buildReport } from '../../src/core/report.js';
import { takeSnapshot } from '../../src/core/snapshot.js';
import type { Assessment } from '../../src/core/workbook-schema.js';
import { renderDiffMarkdown } from '../../src/export/diff-markdown.js';
import { renderDiffText } from '../../src/export/diff-text.js';
import { deltaView, verdictWords } from '../../src/export/diff-words.js';
import { CYCLE_NOW, cycleAssessment } from './cycle-fixtures.js';
import { GOLDEN_NOW, goldenBank, goldenReport, goldenWorkbook } from './golden-fixtures.js';
import { HOSTILE, hostileAssessment, hostileBank } from './hostile.js';
import { controlChanges, type VerdictChange } from '../../src/core/controls/view-diff.js';

describe('how a figure moved', () => {
  it.each([
    // exposure: lower is better
    [{ from: 52, to: 41, change: -11 }, true, 'better by 11'],
    [{ from: 41, to: 52, change: 11 }, true, 'worse by 11'],
    // visibility: higher is better
    [{ from: 41, to: 52, change: 11 }, false, 'better by 11'],
    [{ from: 52, to: 41, change: -11 }, false, 'worse by 11'],
    // the change shown is between the rounded figures, as a reader would subtract them
    [{ from: 52.4, to: 41.6, change: -10.8 }, true, 'better by 10'],
    [{ from: 40.2, to: 40.4, change: 0.2 }, true, 'about the same'],
    [{ from: null, to: 40, change: null }, true, 'new figure'],
    [{ from: 40, to: null, change: null }, false, 'no figure now'],
    [{ from: null, to: null, change: null }, false, 'no figure'],
  ])('%j (lower is better: %s) reads "%s"', (delta, lowerIsBetter, words) => {
    expect(verdictWords(deltaView(delta, lowerIsBetter))).toBe(words);
  });

  it('shows the figures rounded, and a dash where there is none', () => {
    expect(deltaView({ from: 52.4, to: null, change: null }, true)).toMatchObject({ from: '52', to: '—' });
  });
});

describe('the terminal text of a comparison', () => {
  const report = goldenReport();
  const diff = report.cycles.sinceLastCycle!;

  it('is coloured only when asked: green better, red worse', () => {
    const plain = renderDiffText(diff, { assessmentName: 'A' });
    expect(plain).not.toContain('\u001b');
    const coloured = renderDiffText(diff, { assessmentName: 'A', color: true });
    expect(coloured).toContain('\u001b[32mbetter by 5\u001b[0m');
    expect(coloured).toMatch(/\u001b\[31mworse by \d+\u001b\[0m/);
    // The same text once the colour is taken out.
    expect(coloured.replace(/\u001b\[[\d;]*m/g, '')).toBe(plain);
  });

  it('counts the answers of a new journey instead of listing them', () => {
    const bank = goldenBank();
    const cycles = buildReport(bank, cycleAssessment(bank), CYCLE_NOW);
    const text = renderDiffText(cycles.cycles.sinceLastCycle!, { assessmentName: 'A' });
    expect(text).toContain('  Returns (new journey)  exposure — → 40 new figure · visibility — → 80 new figure\n');
    expect(text).toMatch(/\nAnswers changed \(5\)\n(.*\n){10} {2}Not listed: the 2 answers of the new journey Returns\.\n\n/);
    expect(text).not.toMatch(/^ {2}\S+ +Returns · /m);
  });

  it('says so when nothing changed', () => {
    const bank = goldenBank();
    const assessment = goldenWorkbook(bank).assessments[0]!;
    const current = buildReport(bank, assessment, GOLDEN_NOW);
    const { snapshot } = takeSnapshot(assessment, current, { label: 'same' }, GOLDEN_NOW);
    const same = diffStates(bank, stateOfSnapshot(snapshot), stateOfCurrent(assessment, current));
    const text = renderDiffText(same, { assessmentName: 'A' });
    expect(text).toContain('  None: every journey and dimension has the same figures.');
    expect(text).toContain('Answers changed (0)\n  None.');
    expect(text).toContain('  No item appeared, went or changed horizon.');
    expect(text).toMatch(/^0 answers changed, 0 new unknowns, 0 resolved; plan: 0 new, 0 gone, 0 moved\.$/m);
    const md = renderDiffMarkdown(same, { assessmentName: 'A' });
    expect(md).toContain('None: every journey and dimension has the same figures.');
    expect(md).toContain('No item appeared, went or changed horizon.');
  });
});

describe('a comparison of hostile text', () => {
  const bank = hostileBank(goldenBank());
  const earlier = hostileAssessment(bank, new Date(GOLDEN_NOW.getTime() - 90 * 86_400_000).toISOString());
  const { assessment: withSnapshot, snapshot } = takeSnapshot(earlier, buildReport(bank, earlier, GOLDEN_NOW), { label: HOSTILE[4], by: HOSTILE[3] }, GOLDEN_NOW);
  // Later: the first journey gone, every answer of the second now unknown, the third's answers all on their first option.
  const later: Assessment = {
    ...withSnapshot,
    // The second journey renamed to text with terminal escapes in it.
    journeys: withSnapshot.journeys.slice(1).map((j) => (j.id === 'j1' ? { ...j, name: HOSTILE[22] } : j)),
    answers: withSnapshot.answers
      .filter((a) => a.journeyId !== 'j0')
      .map((a) => {
        if (a.journeyId === 'j1') return { journeyId: a.journeyId, questionId: a.questionId, kind: 'unknown' as const, note: '', by: HOSTILE[0], at: GOLDEN_NOW.toISOString() };
        if (a.journeyId === 'j2') return { ...a, kind: 'option' as const, optionId: bank.questions.find((q) => q.id === a.questionId)!.options[0]!.id, confidence: 'verified' as const };
        return a;
      }),
  };
  const report = buildReport(bank, later, GOLDEN_NOW);
  // With the controls, as `cxray diff` compares them: the hostile prompts and journey names are in their reasons.
  const diff = { ...diffStates(bank, stateOfSnapshot(snapshot), stateOfCurrent(later, report)), controls: controlChanges(bank, later, report, snapshot, null) };
  const text = renderDiffText(diff, { assessmentName: HOSTILE[22], trend: report.cycles.trend, plan: report.plan });
  const md = renderDiffMarkdown(diff, { assessmentName: HOSTILE[3], trend: report.cycles.trend, plan: report.plan, version: '1.0.0' });

  it('has changes of every list to show', () => {
    expect(diff.journeys.some((j) => j.presence === 'removed')).toBe(true);
    expect(diff.newUnknowns.length).toBeGreaterThan(0);
    expect(diff.answers.length).toBeGreaterThan(0);
    expect(diff.plan.disappeared.length + diff.plan.appeared.length).toBeGreaterThan(0);
    expect(diff.controls.length).toBeGreaterThan(0);
  });

  it('prints no terminal control sequence from the text, and keeps each entry on its lines', () => {
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('link and red · ');
    // Every line is indented under its heading, except the headings, the title and the last line.
    const ownLines = /^(|link and red: from .*|Overall|Journeys and dimensions that moved|(Answers changed|New unknowns|Unknowns resolved|Controls whose verdict changed) \(\d+\)|Plan|Trend, oldest first .*|\d+ answers? changed, .*)$/;
    for (const line of text.split('\n')) if (!line.startsWith('  ')) expect(line).toMatch(ownLines);
  });

  it('writes markdown with only its own structure: headings, tables and lists', () => {
    const lines = md.split('\n');
    for (const line of lines.filter((l) => l.startsWith('#'))) {
      expect(line).toMatch(/^(# What changed: |## (Scores that moved|Answers changed \(\d+\)|New unknowns: now “we don't know” \(\d+\)|Unknowns resolved \(\d+\)|Plan changes|Controls whose verdict changed \(\d+\)|Trend)$)/);
    }
    expect(md).not.toMatch(/<script|<b>|<img/i);
    // Every table row is as wide as its header.
    let width: number | undefined;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        width = undefined;
        continue;
      }
      const cells = line.split(/(?<!\\)\|/).length;
      width ??= cells;
      expect(cells, line).toBe(width);
    }
    const html = marked.parse(md, { async: false, gfm: true });
    expect(html).not.toMatch(/<script|href="javascript|<img|<blockquote|<pre>/i);
    expect(html.match(/<h[1-6][ >]/g)).toHaveLength(lines.filter((l) => l.startsWith('#')).length);
  });

  it('keeps hostile text in a control change to its line: control id, title, prompt and journey', () => {
    const change: VerdictChange = {
      framework: 'ISO27001',
      controlId: HOSTILE[16],
      title: HOSTILE[6],
      from: 'holds',
      to: 'exposed',
      exposure: { from: 0, to: 75 },
      visibility: { from: 100, to: 100 },
      claim: { from: null, to: null },
      claimedButExposed: { from: false, to: false },
      why: {
        from: { kind: 'holds', answers: 1, visibility: 100 },
        to: { kind: 'exposed-answer', questionId: 'q', questionPrompt: HOSTILE[22], scope: 'journey', journeyName: HOSTILE[2], level: 3, more: 0 },
      },
    };
    const one = { ...diff, controls: [change] };
    const t = renderDiffText(one, { assessmentName: 'A' });
    expect(t).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const section = t.slice(t.indexOf('Controls whose verdict changed (1)')).split('\n');
    expect(section.slice(1, 4).every((l) => l.startsWith('  '))).toBe(true);
    expect(section[4]).toBe('');
    const m = renderDiffMarkdown(one, { assessmentName: 'A' });
    const entry = m.split('\n').filter((l) => l.startsWith('- **ISO27001 '));
    expect(entry).toHaveLength(1);
    expect(m.split('\n').filter((l) => l.startsWith('#')).some((l) => l.includes('heading'))).toBe(false);
    const html = marked.parse(m, { async: false, gfm: true });
    expect(html).not.toMatch(/<script|href="javascript|<img|<pre>/i);
  });

  it('escapes the label of the snapshot', () => {
    expect(md).toContain('From **\\[click\\]\\(javascript:alert\\(1\\)\\)** (');
    expect(text).toContain('from "[click](javascript:alert(1))" (');
  });
});
