/** The GitHub export: the gh script, run with sh against a fake gh (test/export/helpers/fake-gh.mjs). */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Bank } from '../../src/core/bank-schema.js';
import { planItemId } from '../../src/core/plan-ids.js';
import { setPlanStatus } from '../../src/core/plan-status.js';
import { buildReport } from '../../src/core/report.js';
import { plainText } from '../../src/core/terminal-text.js';
import { renderGithubScript } from '../../src/export/github-script.js';
import { trackerItems } from '../../src/export/tracker-items.js';
import { trackerMarkdown } from '../../src/export/tracker-markdown.js';
import { GOLDEN_NOW, goldenBank, goldenReport, goldenWorkbook } from '../export/golden-fixtures.js';
import { HOSTILE, hostileAssessment, hostileBank } from '../export/hostile.js';

/** A bank whose every action title and detail is hostile text too. */
function allHostileBank(): Bank {
  const base = hostileBank(goldenBank());
  return { ...base, actions: base.actions.map((a, i) => ({ ...a, title: HOSTILE[i % HOSTILE.length]!, detail: HOSTILE[(i + 7) % HOSTILE.length]! })) };
}
const hostileBankValue = allHostileBank();
const hostileAssessmentValue = hostileAssessment(hostileBankValue, GOLDEN_NOW.toISOString());
const hostileReport = buildReport(hostileBankValue, hostileAssessmentValue, GOLDEN_NOW);

describe('GitHub script', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cxray-gh-'));
  const bin = join(dir, 'bin');
  spawnSync('mkdir', ['-p', bin]);
  copyFileSync(join(import.meta.dirname, '..', 'export', 'helpers', 'fake-gh.mjs'), join(bin, 'gh'));
  chmodSync(join(bin, 'gh'), 0o755);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function run(script: string, state: string) {
    const file = join(dir, 'issues.sh');
    writeFileSync(file, script);
    const result = spawnSync('sh', [file], { env: { PATH: `${bin}:${process.env.PATH}`, FAKE_GH_STATE: state }, encoding: 'utf8' });
    return { ...result, state: JSON.parse(readFileSync(state, 'utf8')) as { calls: string[][]; issues: { title: string; body: string; labels: string[] }[] } };
  }

  it('creates each hostile item once, with exactly its title, body and labels; a second run creates nothing', () => {
    const script = renderGithubScript(hostileReport, hostileBankValue);
    expect(spawnSync('sh', ['-n', '-c', script]).status).toBe(0);
    const state = join(dir, 'hostile.json');
    const first = run(script, state);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const items = trackerItems(hostileReport, hostileBankValue);
    expect(first.state.issues.map((i) => i.title)).toEqual(items.map((i) => plainText(i.title)));
    first.state.issues.forEach((issue, n) => {
      expect(issue.body).toBe(plainText(trackerMarkdown(items[n]!, { assessment: hostileReport.assessment.name, date: '2026-11-20' })));
      expect(issue.body.split('\n').at(-1)).toBe(`cxray id: ${items[n]!.id}`);
      expect(issue.labels).toEqual(items[n]!.labels.filter((l) => l !== items[n]!.id));
    });
    expect(first.stdout).toContain(`cxray: ${items.length} created, 0 already filed.`);
    // Nothing but gh ran: no call other than label create, issue list and issue create.
    for (const call of first.state.calls) expect(['label create', 'issue list', 'issue create']).toContain(call.slice(0, 2).join(' '));

    const second = run(script, state);
    expect(second.status).toBe(0);
    expect(second.state.issues).toHaveLength(items.length);
    expect(second.stdout).toContain(`cxray: 0 created, ${items.length} already filed.`);
  });

  it('leaves out items already linked to a ticket, and tells an item from one whose id only starts the same', () => {
    const bank = goldenBank();
    const workbook = goldenWorkbook(bank);
    const report = goldenReport(bank);
    const [first, second] = [...report.findOut, ...report.plan];
    const assessment = setPlanStatus(workbook.assessments[0]!, { actionId: first!.actionId, status: 'open', ticket: 'https://github.com/acme/cx/issues/9' }, 'Ana', GOLDEN_NOW);
    const script = renderGithubScript(buildReport(bank, assessment, GOLDEN_NOW), bank);
    expect(script).toContain(`# ${first!.id} is already linked to https://github.com/acme/cx/issues/9: not filed again.`);
    const state = join(dir, 'linked.json');
    // An issue filed by hand whose id line names a longer id does not count as this item's.
    writeFileSync(state, JSON.stringify({ calls: [], labels: [], issues: [{ number: 1, title: 'x', body: `cxray id: ${second!.id}-extra`, labels: [] }] }));
    const result = run(script, state);
    expect(result.status).toBe(0);
    // Both lanes are filed, Find out first; the linked item is not filed again.
    expect(result.state.issues.map((i) => i.title)).toEqual(['x', ...[...report.findOut, ...report.plan].filter((p) => p.actionId !== first!.actionId).map((p) => p.title)]);
    expect(planItemId(workbook.assessments[0]!.id, second!.actionId)).toBe(second!.id);
  });

  it('stops with one sentence when gh is missing', () => {
    const result = spawnSync('/bin/sh', ['-c', renderGithubScript(goldenReport(), goldenBank())], { env: { PATH: '/nonexistent' }, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('This script needs the GitHub CLI (gh) on PATH');
  });
});
