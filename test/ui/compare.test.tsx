/** The compare screen: a snapshot against the answers as they stand, in words and colour; a snapshot of scoring model 1 recomputed. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import chalk from 'chalk';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { buildReport } from '../../src/core/report.js';
import { takeSnapshot } from '../../src/core/snapshot.js';
import { updateAssessment } from '../../src/core/workbook-ops.js';
import type { Workbook } from '../../src/core/workbook-schema.js';
import { controlChanges } from '../../src/core/controls/view-diff.js';
import { controlWords, verdictFiguresWords, verdictMoveWords, verdictWhyWords } from '../../src/export/diff-words.js';
import { deltaText } from '../../src/ui/compare-lines.js';
import { goldenBank, goldenReport, goldenWorkbook } from '../export/golden-fixtures.js';
import { openModel1Workbook, organisationBank } from '../helpers/model-1.js';
import { FIXED_NOW, KEYS, fixtureBank, flat, renderWorkbench, setUpWorkbook, widestLine, withAnswers } from './app.js';

afterEach(() => cleanup());
const plain = (frame: string) => frame.replace(/\u001b\[[0-9;]*m/g, '');
const level = chalk.level;
beforeAll(() => {
  chalk.level = 1;
});
afterAll(() => {
  chalk.level = level;
});

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(FIXED_NOW.getTime() - n * DAY);

function snapshot(workbook: Workbook, label: string, at: Date): Workbook {
  const bank = fixtureBank();
  return updateAssessment(workbook, 'q4', (a) => takeSnapshot(a, buildReport(bank, a, at), { label, by: 'Ana' }, at).assessment);
}

/** Q2: notes "everything"; Q3: the same plus exports never noticed; now: notes minimal, attachments unknown. */
function cycles(): Workbook {
  let w = withAnswers(setUpWorkbook(), [
    { journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'everything', confidence: 'verified', at: daysAgo(60).toISOString() },
  ]);
  w = snapshot(w, 'Q2', daysAgo(60));
  w = withAnswers(w, [
    { journeyId: 'phone-support', questionId: 'bulk-export-detection', kind: 'option', optionId: 'never', confidence: 'reported', at: daysAgo(30).toISOString() },
  ]);
  w = snapshot(w, 'Q3', daysAgo(30));
  return withAnswers(w, [
    { journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'minimal', confidence: 'verified', by: 'Ben' },
    { journeyId: 'phone-support', questionId: 'attachment-expiry', kind: 'unknown', by: 'Ben' },
  ]);
}

describe('deltaText', () => {
  it.each([
    ['exposure', { from: 60, to: 40, change: -20 }, '60 → 40, better by 20', 'green'],
    ['exposure', { from: 40, to: 60, change: 20 }, '40 → 60, worse by 20', 'red'],
    ['visibility', { from: 40, to: 60, change: 20 }, '40 → 60, better by 20', 'green'],
    ['visibility', { from: 60, to: 40, change: -20 }, '60 → 40, worse by 20', 'red'],
    // The words of `cxray diff` (src/export/diff-words.ts): by the rounded figures shown.
    ['visibility', { from: 50.2, to: 50.4, change: 0.2 }, '50 → 50, about the same', undefined],
    ['exposure', { from: 50, to: 50, change: 0 }, '50 → 50, about the same', undefined],
    ['exposure', { from: null, to: 30, change: null }, '— → 30, new figure', undefined],
    ['exposure', { from: 30, to: null, change: null }, '30 → —, no figure now', 'yellow'],
  ] as const)('%s %j reads "%s"', (measure, delta, text, tone) => {
    const segment = deltaText(measure, delta);
    expect(segment.text).toBe(text);
    expect(segment.tone).toBe(tone);
  });
});

describe('the compare screen', () => {
  it('says how to get a snapshot when there is none', async () => {
    const app = await renderWorkbench({ workbook: setUpWorkbook() });
    await app.keys(KEYS.enter, 'c');
    expect(app.frame()).toContain('No snapshot to compare with yet');
    await app.keys(KEYS.escape);
    expect(plain(app.frame())).toMatch(/❯ Compare: nothing yet/);
  });

  it('compares the latest snapshot with now: overall, cells, trend, answers, unknowns, plan', async () => {
    const app = await renderWorkbench({ workbook: cycles(), size: { columns: 100, rows: 60 } });
    await app.keys(KEYS.enter, 'c');
    const coloured = app.frame();
    const frame = plain(coloured);
    const text = flat(frame);
    expect(frame).toContain('cxray › Q4 › Compare with "Q3"');
    expect(frame).toContain('Snapshot 2 of 2 · ←→ another');
    expect(text).toMatch(/Exposure \d+ → \d+, better by \d+/);
    expect(frame).toMatch(/Journeys × dimensions that moved \(\d\)/);
    // The new unknown counts as fully exposed: free text (2 x 0 + 2 x 1) / 4 = 50.
    expect(frame).toMatch(/Free text: exposure 100 → 50, better by 50/);
    expect(frame).toContain('Trend: Q2 → Q3 → now');
    expect(frame).toMatch(/Phone support +exposure [▁▂▃▄▅▆▇█·]{3} +visibility [▁▂▃▄▅▆▇█·]{3}/);
    expect(text).toContain('Answers that changed (1)');
    expect(text).toContain('Phone support · What do agents routinely type into ticket notes?');
    expect(text).toContain('“Full addresses, card digits or ID numbers are common” (level 4, verified) → “Only case facts; customer identifiers stay in structured fields” (level 0, verified)');
    expect(text).toContain('better · Ben, 2026-11-20');
    expect(text).toContain(`New unknowns: "we don't know" now (1)`);
    expect(text).toContain("no answer → we don't know");
    expect(text).toContain('Unknowns resolved (0)');
    expect(text).toMatch(/Disappeared: no longer needed by the answers \(1\) Give agents a note template/);
    expect(text).toMatch(/Appeared \(1\) Find out: .+ \(find out, #1\)/);
    // Colour repeats the words: green for better.
    expect(coloured).toMatch(/\u001b\[32m[^\u001b]*better by/);
  });

  it('picks an earlier snapshot with ←', async () => {
    const app = await renderWorkbench({ workbook: cycles(), size: { columns: 100, rows: 60 } });
    await app.keys(KEYS.enter, 'c', KEYS.left);
    const frame = plain(app.frame());
    expect(frame).toContain('Compare with "Q2"');
    expect(frame).toContain('Snapshot 1 of 2');
    expect(frame).toContain('From the snapshot "Q2"');
    await app.keys(KEYS.left);
    expect(app.frame()).toContain('Snapshot 1 of 2');
    await app.keys(KEYS.right);
    expect(app.frame()).toContain('Snapshot 2 of 2');
  });

  it('scrolls on a small terminal, and draws without colour under NO_COLOR, the words still there', async () => {
    const size = { columns: 80, rows: 24 };
    const app = await renderWorkbench({ workbook: cycles(), size, color: false });
    await app.keys(KEYS.enter, 'c');
    let frame = app.frame();
    expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
    expect(widestLine(frame)).toBeLessThanOrEqual(size.columns);
    expect(frame).toMatch(/lines 1-\d+ of (\d+)/);
    expect(frame).not.toContain('Plan');
    const total = Number(/lines \d+-\d+ of (\d+)/.exec(frame)![1]);
    await app.keys(KEYS.end);
    frame = app.frame();
    expect(frame).toContain(`of ${total}`);
    expect(frame).toMatch(new RegExp(`lines \\d+-${total} of ${total}`));
    expect(frame).toContain('Give agents a note template');
    expect(widestLine(frame)).toBeLessThanOrEqual(size.columns);
    expect(frame).not.toMatch(/\u001b\[(?:3[0-79]|9[0-7])m/);
    await app.keys(KEYS.home);
    expect(app.frame()).toMatch(/better by \d+/);
    // Tab jumps from section to section: the heading comes to the top.
    await app.keys(KEYS.tab, KEYS.tab);
    const body = () => plain(app.frame()).split('\n').slice(4).join('\n');
    expect(body().split('\n')[0]).toMatch(/^Journeys × dimensions that moved/);
    expect(app.frame()).not.toContain('Visibility  ');
    await app.keys(KEYS.shiftTab);
    expect(body().split('\n')[0]).toBe('Overall');
  });

  it('ends with the controls whose verdict changed, in the words of `cxray diff`', async () => {
    const bank = goldenBank();
    const workbook = goldenWorkbook(bank);
    const assessment = workbook.assessments[0]!;
    const [change] = controlChanges(bank, assessment, goldenReport(bank), assessment.snapshots.at(-1)!, null);
    expect(change).toMatchObject({ framework: 'PCI-DSS', controlId: '3.3.1.2', from: 'holds', to: 'unknown' });
    const app = await renderWorkbench({ workbook, bank, size: { columns: 200, rows: 50 } });
    await app.keys(KEYS.enter, 'c');
    expect(flat(plain(app.frame()))).toMatch(/In short: .* · 1 control changed verdict\. Details below\./);
    await app.keys(KEYS.end);
    const coloured = app.frame();
    const frame = plain(coloured);
    const lines = frame.split('\n').map((l) => l.trimEnd());
    const at = lines.indexOf('Controls whose verdict changed (1)');
    expect(at).toBeGreaterThan(0);
    // The same words as the text and markdown diffs (src/export/diff-words.ts), one part a line.
    expect(lines.slice(at + 1, at + 5)).toEqual([
      `  ${controlWords(change!, (s) => s)}`,
      `      ${verdictMoveWords(change!)}`,
      `      ${verdictWhyWords(change!, (s) => s)}`,
      `      ${verdictFiguresWords(change!)}`,
    ]);
    expect(lines[at + 2]).toBe('      holds in practice → unknown in practice');
    expect(lines[at + 3]).toBe("      because its one answer is “we don't know”; before, no answer at level 3 or 4 nor unknown, visibility 50");
    // Colour repeats the later verdict: yellow for unknown.
    expect(coloured).toMatch(/\u001b\[33m\s*holds in practice → unknown in practice/);
  });

  it('opens from the results screen too, and goes back there', async () => {
    const app = await renderWorkbench({ workbook: cycles() });
    await app.keys(KEYS.enter, 'r', 'c');
    expect(app.frame()).toContain('Compare with "Q3"');
    await app.keys(KEYS.escape);
    expect(app.frame()).toContain('by journey and dimension');
  });
});

describe('the compare screen with a model-1 snapshot (a format-2 workbook migrated)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cxray-compare-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    { columns: 100, rows: 30 },
    { columns: 80, rows: 24 },
  ])('at $columns x $rows: recomputes it, says so in one line, and shows no change where the answers are the same', async (size) => {
    const bank = organisationBank();
    const workbook = await openModel1Workbook(dir, bank);
    const app = await renderWorkbench({ workbook, bank, size, color: false });
    await app.keys(KEYS.enter, 'c');
    let frame = plain(app.frame());
    expect(widestLine(frame)).toBeLessThanOrEqual(size.columns);
    expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
    expect(frame).toContain('Snapshot 2 of 2');
    const text = flat(frame);
    expect(text).toContain('The snapshot “2026 Q3” was scored with an older model; it is recomputed here from its answers with model 2, so the two sides compare like with like.');
    expect(text).toMatch(/Exposure (\d+) → \1, about the same/);
    // Read to the end: nothing moved, no answer changed, the line about the model once.
    const seen: string[] = [];
    const total = Number(/lines \d+-\d+ of (\d+)/.exec(frame)![1]);
    for (let i = 0; i < total && !/lines \d+-(\d+) of \1/.test(frame); i++) {
      seen.push(frame);
      await app.keys(KEYS.pageDown);
      frame = plain(app.frame());
    }
    seen.push(frame);
    const all = flat(seen.join('\n'));
    expect(all).toContain('nothing moved');
    expect(all).toContain('Answers that changed (0)');
    expect(all).toContain('no item appeared, disappeared or changed horizon');
    expect(all).toContain('Controls whose verdict changed (0)');
    expect(all).toContain('were scored with an older model and have no figure in the trend');
    expect(all.split('it is recomputed here from its answers').length).toBe(2);
  });

  it('recomputes the earlier one too: the answers that changed since, the organisation answer as such', async () => {
    const bank = organisationBank();
    const app = await renderWorkbench({ workbook: await openModel1Workbook(dir, bank), bank, size: { columns: 100, rows: 60 }, color: false });
    await app.keys(KEYS.enter, 'c', KEYS.left);
    const text = flat(plain(app.frame()));
    expect(text).toContain('Snapshot 1 of 2');
    expect(text).toContain('The snapshot “2026 Q2” was scored with an older model; it is recomputed');
    expect(text).toContain('Answers that changed (2)');
    expect(text).toContain('Organisation-wide · How soon do leavers lose access to every CX tool, including those outside single sign-on?');
    expect(text).toContain('“Nobody checks the tools outside single sign-on” (level 4, reported) → “The same day behind single sign-on; weeks elsewhere” (level 2, reported)');
    expect(text).toContain(`New unknowns: "we don't know" now (1)`);
    expect(text).toContain('worse: lost sight');
  });
});
