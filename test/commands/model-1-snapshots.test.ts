/**
 * Issue 13: a workbook of format 2 whose snapshots were scored with model 1, compared by
 * `cxray diff` with the answers as they stand (model 2): the older side is recomputed
 * from its stored answers (read with the bank, organisation-wide questions adopted) and
 * the comparison says so in one line; two model-1 snapshots compare as stored; the trend
 * never sets a model-1 figure beside a model-2 one; the file on disk is never rewritten.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as diffCommand from '../../src/commands/diff.js';
import * as exportCommand from '../../src/commands/export.js';
import { DiffDocumentSchema, type DiffDocument } from '../../src/core/diff-schema.js';
import { MODEL_1_WORKBOOK, writeModel1Files } from '../helpers/model-1.js';
import { invoke, tempFolder } from './invoke.js';

let folder: ReturnType<typeof tempFolder>;
let files: { db: string; bank: string };
beforeEach(() => {
  folder = tempFolder();
  files = writeModel1Files(folder.dir);
});
afterEach(() => folder.cleanup());

/** The fixture's answers are of 2026-10-30 and its latest snapshot of 2026-11-02: now is 2026-11-20. */
const env = { SOURCE_DATE_EPOCH: String(Date.parse('2026-11-20T10:00:00.000Z') / 1000) };
const diff = async (extra: Record<string, string> = {}) => invoke(diffCommand, { values: { db: files.db, bank: files.bank, ...extra }, env, cwd: folder.dir });
const json = async (extra: Record<string, string> = {}): Promise<DiffDocument> => DiffDocumentSchema.parse(JSON.parse((await diff({ ...extra, format: 'json' })).stdout));
const stored = JSON.parse(readFileSync(MODEL_1_WORKBOOK, 'utf8')).assessments[0].snapshots as { label: string; scores: { exposure: number } }[];
const RECOMPUTED = (label: string) =>
  `The snapshot “${label}” was scored with an older model; it is recomputed here from its answers with model 2, so the two sides compare like with like.`;

describe('cxray diff, a model-1 snapshot against a model-2 present', () => {
  it('recomputes the snapshot from its answers: the same answers as now compare as no change at all', async () => {
    const d = await json();
    expect(d.from).toEqual({ label: '2026 Q3', snapshotId: '2026-q3', at: '2026-11-02T16:00:00.000Z', scoringModel: 2, recomputed: true });
    expect(d.to).toMatchObject({ label: 'now', scoringModel: 2, recomputed: false });
    // Its stored model-1 figure (41.6) is not the one compared.
    expect(stored[1]!.scores.exposure).toBe(41.6);
    expect(d.overall.exposure.from).not.toBe(41.6);
    expect(d.overall.exposure.change).toBe(0);
    expect(d.overall.visibility.change).toBe(0);
    for (const j of d.journeys) {
      expect(j.presence).toBe('both');
      expect([j.exposure.change, j.visibility.change, ...j.dimensions.flatMap((x) => [x.exposure.change, x.visibility.change])].every((c) => c === 0 || c === null)).toBe(true);
    }
    // Both sides read the journey answers to the questions now organisation-wide the same way: nothing changed.
    expect([d.answers, d.newUnknowns, d.resolvedUnknowns]).toEqual([[], [], []]);
    // The model-1 plan (find-out items among its horizons, no effort) is not compared: the recomputed one is.
    expect(d.plan).toEqual({ appeared: [], disappeared: [], moved: [] });
    expect(d.controls).toEqual([]);
  });

  it('says so in one line, once, in the text and the markdown', async () => {
    const text = (await diff()).stdout;
    expect(text.split('\n')[1]).toBe(RECOMPUTED('2026 Q3'));
    expect(text.split(RECOMPUTED('2026 Q3')).length).toBe(2);
    expect(text).toMatch(/^ {2}Exposure +(\d+) → \1 +about the same$/m);
    const md = (await diff({ format: 'md' })).stdout;
    expect(md.split(RECOMPUTED('2026 Q3')).length).toBe(2);
  });

  it('lists what changed since an older model-1 snapshot, answer by answer, organisation answers as such', async () => {
    const d = await json({ from: '2026 Q2' });
    expect(d.from).toMatchObject({ label: '2026 Q2', scoringModel: 2, recomputed: true });
    const line = (a: DiffDocument['answers'][number]) => [a.scope, a.journeyName, a.questionId, a.from?.optionId ?? a.from?.kind, a.to?.optionId ?? a.to?.kind, a.direction, a.lostSight];
    // 2026 Q2: every agent could export on the phone (now team leads); leavers were never
    // checked in either journey (one organisation answer now: the single sign-on sweep);
    // the chat's access question was answered (now we don't know).
    expect(d.answers.map(line)).toEqual([
      ['organisation', 'Organisation-wide', 'leaver-access', 'never-checked', 'sso-only', 'better', false],
      ['journey', 'Phone support', 'export-rights', 'every-agent', 'team-leads', 'better', false],
    ]);
    expect(d.newUnknowns.map(line)).toEqual([['journey', 'Web chat', 'access-question', 'days', 'unknown', 'worse', true]]);
    expect(d.resolvedUnknowns).toEqual([]);
    expect((await diff({ from: '2026 Q2' })).stdout.split('\n')[1]).toBe(RECOMPUTED('2026 Q2'));
  });

  it('compares two model-1 snapshots as they were stored, with no line about models', async () => {
    const d = await json({ from: '2026 Q2', to: '2026 Q3' });
    expect(d.from).toMatchObject({ scoringModel: 1, recomputed: false });
    expect(d.to).toMatchObject({ scoringModel: 1, recomputed: false });
    // The stored figures: 55.8 -> 41.6.
    expect(d.overall.exposure).toEqual({ from: 55.8, to: 41.6, change: 41.6 - 55.8 });
    // Items that changed horizon between two model-1 plans: why is "the scoring model" (no capacity then).
    expect(d.plan.moved.map((m) => [m.actionId, m.from, m.to, m.why.kind])).toEqual([['leaver-sweep', 'now', 'next', 'model']]);
    expect((await diff({ from: '2026 Q2', to: '2026 Q3' })).stdout).not.toContain('older model; it is recomputed');
  });

  it('leaves the model-1 snapshots out of the trend, saying so, instead of setting their figures beside model 2', async () => {
    const d = await json();
    expect(d.from.recomputed).toBe(true);
    const text = (await diff()).stdout;
    expect(text).toContain('\nTrend, oldest first (2026 Q2, 2026 Q3, now)\n');
    // Only now has a figure: the row names it alone, not as a change from itself.
    expect(text).toMatch(/^ {2}All journeys +exposure ··[▁▂▃▄▅▆▇█] (\d+) +visibility ··[▁▂▃▄▅▆▇█] \d+ *$/m);
    expect(text).toContain('  The snapshots “2026 Q2”, “2026 Q3” were scored with an older model and have no figure in the trend (·); compared one by one, each is recomputed from its answers.\n');
  });

  it('the report names them the same way under its trend, in markdown, HTML and JSON', async () => {
    const note = 'The snapshots “2026 Q2”, “2026 Q3” were scored with an older model and have no figure in the trend (·); compared one by one, each is recomputed from its answers.';
    const report = async (format: string) => (await invoke(exportCommand, { values: { db: files.db, bank: files.bank, format }, env, cwd: folder.dir })).stdout;
    const md = await report('md');
    expect(md).toMatch(/\n## Trend\n\nExposure at each cycle, .*\n\nThe snapshots “2026 Q2”, “2026 Q3” were scored with an older model/);
    expect(md).toMatch(/^\| \*\*All journeys\*\* \| \*\*—\*\* \| \*\*—\*\* \| \*\*\d+\*\* \| ··[▁▂▃▄▅▆▇█] \|$/m);
    expect(await report('html')).toContain(`<p>${note}</p>`);
    const trend = JSON.parse(await report('json')).cycles.trend;
    expect(trend.points.map((p: { scoringModel: number }) => p.scoringModel)).toEqual([1, 1, 2]);
    expect(trend.overall.exposure.slice(0, 2)).toEqual([null, null]);
  });

  it('reads the format-2 file in memory and never rewrites it', async () => {
    const before = readFileSync(files.db);
    await diff();
    await diff({ format: 'json', from: '1' });
    expect(readFileSync(files.db).equals(before)).toBe(true);
    expect(JSON.parse(before.toString('utf8')).schemaVersion).toBe(2);
  });
});
