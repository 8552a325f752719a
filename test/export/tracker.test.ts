/** The tracker exports: Jira's and GitLab's CSV importers, and a gh script run against a fake gh. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Bank } from '../../src/core/bank-schema.js';
import { setPlanStatus } from '../../src/core/plan-status.js';
import { buildReport } from '../../src/core/report.js';
import { plainText } from '../../src/core/terminal-text.js';
import { parseCsv, restoreCell } from '../../src/export/csv.js';
import { jiraInline } from '../../src/export/jira-text.js';
import { shQuote } from '../../src/export/shell-text.js';
import { jiraKey, renderGitlabCsv, renderJiraCsv } from '../../src/export/tracker-csv.js';
import { GOLDEN_NOW, goldenBank, goldenReport, goldenWorkbook } from './golden-fixtures.js';
import { HOSTILE, hostileAssessment, hostileBank } from './hostile.js';

const rows = (text: string) => parseCsv(text).map((r) => r.cells.map(restoreCell));

/** A bank whose every action title and detail is hostile text too. */
function allHostileBank(): Bank {
  const base = hostileBank(goldenBank());
  return { ...base, actions: base.actions.map((a, i) => ({ ...a, title: HOSTILE[i % HOSTILE.length]!, detail: HOSTILE[(i + 7) % HOSTILE.length]! })) };
}
const hostileBankValue = allHostileBank();
const hostileAssessmentValue = hostileAssessment(hostileBankValue, GOLDEN_NOW.toISOString());
const hostileReport = buildReport(hostileBankValue, hostileAssessmentValue, GOLDEN_NOW);

describe('Jira CSV', () => {
  const bank = goldenBank();
  const report = goldenReport(bank);
  const table = rows(renderJiraCsv(report, bank));

  it('has the columns the Jira CSV importer documents: Summary first, repeated Labels, Due Date, Issue Key', () => {
    expect(table[0]).toEqual(['Summary', 'Issue Type', 'Description', 'Priority', 'Labels', 'Labels', 'Labels', 'Due Date', 'Issue Key']);
    expect(table).toHaveLength(report.findOut.length + report.plan.length + 1);
  });

  it('labels every row with its cxray id, and gives priorities and due dates from the plan', () => {
    table.slice(1).forEach((row, i) => {
      const item = [...report.findOut, ...report.plan][i]!;
      expect(row[0]).toBe(item.title);
      expect(row.slice(4, 7)).toContain(item.id);
      expect(row.slice(4, 7)).toContain('cxray');
      expect(row[3]).toBe(item.kind === 'discovery' || item.horizon === 'now' ? 'High' : item.horizon === 'next' ? 'Medium' : 'Low');
      expect(row[7]).toBe(item.tracking.due ?? '');
      expect(row[2]).toContain(`cxray id\\: ${item.id.replace(/-/g, '\\-')}`);
      for (const label of row.slice(4, 7)) expect(label).not.toMatch(/\s/);
    });
  });

  it('writes the why (the answers), what to do and the controls in wiki markup', () => {
    const item = [...report.findOut, ...report.plan][0]!;
    const description = table[1]![2]!;
    expect(description).toContain('h3. Why this is in the plan');
    expect(description).toContain('||Journey||Question||Answer||Risk||Share||');
    expect(description).toContain(jiraInline(item.reasons[0]!.journeyName ?? 'Organisation-wide'));
    expect(description).toContain('h3. What to do');
  });

  it('escapes every markup character of hostile text, so it stays text', () => {
    for (const text of [...HOSTILE, '[~admin] {html}<b>x</b>{html} !http://x/y.png! [a|http://evil] (x) :) ---- h1. big']) {
      const escaped = jiraInline(text);
      const bare = escaped.replace(/\\[\s\S]/g, '');
      expect(bare, text).not.toMatch(/[*_+\-^~?{}[\]|!#():;\\\n\r]/);
      expect(escaped.replace(/\\([\s\S])/g, '$1')).toBe(plainText(text).replace(/\s+/g, ' ').trim());
    }
    const description = rows(renderJiraCsv(hostileReport, hostileBankValue)).slice(1).map((r) => r[2]!);
    for (const d of description) {
      for (const line of d.split('\n')) {
        // Our own markup starts a line; user text never does.
        if (line !== '') expect(line).toMatch(/^(\*|h3\. |\|\||\||----$|_|cxray id|No answer)/);
      }
    }
  });

  it('names the Jira issue an item is linked to, so a re-import updates it instead of making another', () => {
    expect(jiraKey('https://acme.atlassian.net/browse/CX-12')).toBe('CX-12');
    expect(jiraKey('OPS-7')).toBe('OPS-7');
    expect(jiraKey('https://gitlab.com/acme/cx/-/issues/3')).toBeNull();
    const workbook = goldenWorkbook(bank);
    const first = [...report.findOut, ...report.plan][0]!;
    const assessment = setPlanStatus(workbook.assessments[0]!, { actionId: first.actionId, status: 'in-progress', ticket: 'https://acme.atlassian.net/browse/OPS-41' }, 'Ana', GOLDEN_NOW);
    const linked = rows(renderJiraCsv(buildReport(bank, assessment, GOLDEN_NOW), bank));
    expect(linked[1]![8]).toBe('OPS-41');
    expect(linked[2]![8]).toBe('');
  });
});

describe('GitLab CSV', () => {
  const bank = goldenBank();
  const report = goldenReport(bank);
  const table = rows(renderGitlabCsv(report, bank));

  it('starts with title and description, in that order, then due_date', () => {
    expect(table[0]).toEqual(['title', 'description', 'due_date']);
    expect(table).toHaveLength(report.findOut.length + report.plan.length + 1);
  });

  it('labels each issue with its cxray id through a quick action, the only line starting with a slash', () => {
    table.slice(1).forEach((row, i) => {
      const item = [...report.findOut, ...report.plan].filter((p) => p.tracking.ticket === null)[i]!;
      const lines = row[1]!.split('\n');
      expect(lines.at(-1)).toBe(`/label ~cxray ~${item.kind === 'discovery' ? 'cxray-find-out' : `cxray-${item.horizon}`} ~${item.id}`);
      expect(lines).toContain(`cxray id: ${item.id}`);
      expect(lines.filter((l) => l.startsWith('/'))).toHaveLength(1);
    });
  });

  it('lets no hostile text start a line or a quick action', () => {
    const hostile = rows(renderGitlabCsv(hostileReport, hostileBankValue)).slice(1);
    expect(hostile.length).toBeGreaterThan(0);
    for (const row of hostile) {
      const lines = row[1]!.split('\n');
      expect(lines.filter((l) => l.startsWith('/'))).toHaveLength(1);
      for (const line of lines) expect(line).not.toMatch(/^(#(?!## )|<|>|```| {4})/);
    }
  });
});


describe('shell quoting', () => {
  it('quotes any text as one shell word', () => {
    for (const text of [...HOSTILE, "it's $(rm -rf ~) `x` \"q\" \\ ; | & *", "''"]) {
      const out = spawnSync('sh', ['-c', `printf '%s' ${shQuote(text)}`], { encoding: 'utf8' });
      expect(out.stdout).toBe(plainText(text));
    }
  });
});
