/** `cxray snapshot` and `cxray diff`, run() against workbook files in a temporary folder. */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as diffCommand from '../../src/commands/diff.js';
import * as importCommand from '../../src/commands/import.js';
import { jsonSchemaOf } from '../../src/commands/schema.js';
import * as snapshotCommand from '../../src/commands/snapshot.js';
import { controlChanges } from '../../src/core/controls/view-diff.js';
import { DIFF_SCHEMA_VERSION, DiffDocumentSchema } from '../../src/core/diff-schema.js';
import { buildReport } from '../../src/core/report.js';
import { WorkbookSchema, type Assessment, type Workbook } from '../../src/core/workbook-schema.js';
import { formatCsv } from '../../src/export/csv.js';
import { openWorkbook } from '../../src/store/workbook-store.js';
import { GOLDEN_BANK_PATH, GOLDEN_NOW, goldenBank, goldenReport, goldenWorkbook } from '../export/golden-fixtures.js';
import { schemaValidator } from '../helpers/json-schema.js';
import { invoke, tempFolder, writeWorkbook } from './invoke.js';

let folder: ReturnType<typeof tempFolder>;
const values = (extra: Record<string, string | boolean> = {}) => ({ db: 'work.json', bank: GOLDEN_BANK_PATH, ...extra });
const readWorkbookFile = (path: string): Workbook => WorkbookSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
const work = () => readWorkbookFile(folder.path('work.json')).assessments[0]!;
/** SOURCE_DATE_EPOCH of a given day, for a command run on another day than the golden one. */
const epochOf = (iso: string) => ({ SOURCE_DATE_EPOCH: String(Date.parse(iso) / 1000) });

beforeEach(() => {
  folder = tempFolder();
  writeWorkbook(folder.path('work.json'), goldenWorkbook());
});
afterEach(() => folder.cleanup());

describe('cxray snapshot', () => {
  it('freezes the assessment as it stands, says what it froze and how to compare', async () => {
    const before = work();
    const report = goldenReport();
    const r = await invoke(snapshotCommand, { values: values({ label: '2026 Q4' }), cwd: folder.dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      `Took snapshot "2026 Q4" (id 2026-q4) of "${before.name}": exposure ${Math.round(report.overall.exposure!)}, visibility ${Math.round(report.overall.visibility!)}; ${before.answers.length} answers and ${report.plan.length} plan items frozen.`,
    );
    expect(lines[1]).toBe(`Later, see what changed since: cxray diff --db work.json --bank ${GOLDEN_BANK_PATH}`);
    expect(lines).toHaveLength(3);

    const after = work();
    expect(after.snapshots).toHaveLength(before.snapshots.length + 1);
    expect(after.snapshots.slice(0, -1)).toEqual(before.snapshots);
    const snapshot = after.snapshots.at(-1)!;
    expect(snapshot).toMatchObject({ id: '2026-q4', label: '2026 Q4', takenAt: GOLDEN_NOW.toISOString(), by: before.facilitator });
    expect(snapshot.answers).toEqual(before.answers);
    expect(snapshot.planStatus).toEqual(before.planStatus);
    expect(snapshot.scores.exposure).toBe(report.overall.exposure);
    expect(snapshot.plan.map((p) => p.actionId)).toEqual(report.plan.map((p) => p.actionId));
    // Nothing else changed: the answers keep their marks, nothing new is carried over.
    expect(after.answers).toEqual(before.answers);
    expect(statSync(folder.path('work.json')).mode & 0o777).toBe(0o600);
  });

  it('labels a snapshot with the day when no label is given', async () => {
    const r = await invoke(snapshotCommand, { values: values(), cwd: folder.dir });
    expect(r.stdout).toMatch(/^Took snapshot "2026-11-20" \(id 2026-11-20\) of /);
    expect(work().snapshots.at(-1)!.label).toBe('2026-11-20');
  });

  it('starts a new cycle with --new-cycle: the snapshot keeps the answers as they were, each answer is marked carried over', async () => {
    const before = work();
    expect(before.answers.some((a) => !a.carriedOver)).toBe(true);
    const r = await invoke(snapshotCommand, { values: values({ label: 'Q4', 'new-cycle': true, assessment: before.id }), cwd: folder.dir });
    expect(r.stdout.split('\n')[0]).toMatch(/^Started a new cycle: took snapshot "Q4" \(id q4\) of /);
    expect(r.stdout.split('\n')[1]).toBe(
      `All ${before.answers.length} answers are marked as carried over until someone confirms or changes them. Later, see what changed: cxray diff --db work.json --assessment ${before.id} --bank ${GOLDEN_BANK_PATH}`,
    );
    const after = work();
    expect(after.answers.every((a) => a.carriedOver === true)).toBe(true);
    expect(after.answers.map(({ carriedOver: _m, ...a }) => a)).toEqual(before.answers.map(({ carriedOver: _m, ...a }) => a));
    expect(after.snapshots.at(-1)!.answers).toEqual(before.answers);
  });

  it('never changes a snapshot once taken: later answers and later snapshots leave it byte for byte as it was', async () => {
    await invoke(snapshotCommand, { values: values({ label: 'first' }), cwd: folder.dir });
    const frozen = () => work().snapshots.map((s) => JSON.stringify(s));
    const first = frozen();

    // Change every answer through `cxray import` (a CSV with another option or "unknown" each).
    const bank = goldenBank();
    const current = work();
    const rows = buildReport(bank, current, GOLDEN_NOW).answers.map((a) => [a.journeyName ?? 'organisation', a.questionId, a.kind === 'na' ? 'na' : 'unknown', '', '', '']);
    writeFileSync(folder.path('changed.csv'), formatCsv([['journey', 'question id', 'answer', 'confidence', 'policy', 'note'], ...rows]));
    const imported = await invoke(importCommand, { positionals: ['changed.csv'], values: values(), cwd: folder.dir });
    expect(imported.stdout).toMatch(/changed [1-9]\d*,/);
    expect(work().answers).not.toEqual(current.answers);
    expect(frozen()).toEqual(first);

    await invoke(snapshotCommand, { values: values({ label: 'second', 'new-cycle': true }), cwd: folder.dir, env: epochOf('2026-12-01T00:00:00Z') });
    const now = frozen();
    expect(now).toHaveLength(first.length + 1);
    expect(now.slice(0, first.length)).toEqual(first);
    expect(JSON.parse(now.at(-1)!).answers.every((a: { kind: string }) => a.kind === 'unknown' || a.kind === 'na')).toBe(true);
  });

  describe('refuses in one sentence, exit 2, and leaves the file as it was', () => {
    const cases: Array<[string, Record<string, string | boolean>, RegExp, ((w: Workbook) => Workbook)?]> = [
      ['an assessment that is not there', { assessment: 'nope' }, /^no assessment is named "nope" or has that id; the workbook holds "Northwind/],
      ['a workbook with no assessment', {}, /^the workbook has no assessment yet; create one with `cxray`/, (w) => ({ ...w, assessments: [] })],
      [
        'an assessment with no answers',
        {},
        /^snapshot: "Northwind Home Energy — customer data review" has no answers yet; answer some questions first/,
        (w) => ({ ...w, assessments: w.assessments.map((a) => ({ ...a, answers: [] })) }),
      ],
      ['a label too long', { label: 'x'.repeat(201) }, /^snapshot: the label is 201 characters long; keep it to 200 or fewer\.$/],
      ['an empty label', { label: '  ' }, /^snapshot: --label needs some text, e.g. --label "2026 Q4"\.$/],
      ['a label on two lines', { label: 'Q4\nreview' }, /^snapshot: the label holds line breaks, tabs, control or invisible characters; write it on one line/],
      ['a label with an escape sequence', { label: 'Q4 \u001b[31mred' }, /^snapshot: the label holds line breaks, tabs, control or invisible characters/],
      ['a label diff reads otherwise', { label: 'Latest' }, /^snapshot: "Latest" means something else to `cxray diff`; choose another label/],
      [
        'a label already taken (in any case)',
        { label: 'AUGUST 2026 REVIEW' },
        /^snapshot: "Northwind Home Energy — customer data review" already has a snapshot labelled "August 2026 review" \(id august-2026-review, taken 2026-08-21\); choose another --label\.$/,
      ],
    ];
    it.each(cases)('%s', async (_, extra, message, change) => {
      if (change) writeWorkbook(folder.path('work.json'), change(goldenWorkbook()));
      const before = readFileSync(folder.path('work.json'));
      await expect(invoke(snapshotCommand, { values: values(extra), cwd: folder.dir })).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(message) });
      expect(readFileSync(folder.path('work.json')).equals(before)).toBe(true);
      expect(existsSync(folder.path('work.json.lock'))).toBe(false);
    });

    it('a second snapshot on the same day without a label', async () => {
      await invoke(snapshotCommand, { values: values(), cwd: folder.dir });
      const before = readFileSync(folder.path('work.json'));
      await expect(invoke(snapshotCommand, { values: values(), cwd: folder.dir })).rejects.toMatchObject({
        exitCode: 2,
        message: expect.stringMatching(/already has a snapshot labelled "2026-11-20" \(id 2026-11-20, taken 2026-11-20\); name this one with --label TEXT\.$/),
      });
      expect(readFileSync(folder.path('work.json')).equals(before)).toBe(true);
    });

    it('a bank the assessment was not answered against', async () => {
      const other = folder.path('other.yaml');
      writeFileSync(other, readFileSync(GOLDEN_BANK_PATH, 'utf8').replace('id: cx-data-exposure', 'id: another-bank'));
      const before = readFileSync(folder.path('work.json'));
      await expect(invoke(snapshotCommand, { values: values({ bank: other }), cwd: folder.dir })).rejects.toMatchObject({
        exitCode: 2,
        message: expect.stringMatching(/was answered against the question bank "cx-data-exposure", not "another-bank"; pass that bank with --bank FILE\.$/),
      });
      expect(readFileSync(folder.path('work.json')).equals(before)).toBe(true);
    });

    it('a workbook that does not exist (and creates none)', async () => {
      await expect(invoke(snapshotCommand, { values: values({ db: 'missing.json' }), cwd: folder.dir })).rejects.toMatchObject({
        exitCode: 2,
        message: expect.stringMatching(/missing\.json does not exist; check --db/),
      });
      expect(existsSync(folder.path('missing.json'))).toBe(false);
    });

    it('a workbook open in another cxray', async () => {
      const holder = await openWorkbook(folder.path('work.json'), { lock: true, command: 'cxray --db work.json' });
      try {
        const before = readFileSync(folder.path('work.json'));
        // Held by this very process here; by another process, the message names it (src/store/lock.ts).
        await expect(invoke(snapshotCommand, { values: values({ label: 'x' }), cwd: folder.dir })).rejects.toMatchObject({
          exitCode: 2,
          message: expect.stringMatching(/work\.json is already open in this cxray/),
        });
        expect(readFileSync(folder.path('work.json')).equals(before)).toBe(true);
      } finally {
        await holder.close();
      }
    });
  });
});

describe('cxray diff', () => {
  const report = goldenReport();
  const since = report.cycles.sinceLastCycle!;

  it('compares the latest snapshot with now by default, as terminal text without colour off a terminal', async () => {
    const r = await invoke(diffCommand, { values: values(), cwd: folder.dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`${report.assessment.name}: from "August 2026 review" (2026-08-21) to now (2026-11-20)`);
    const figure = (x: number | null) => String(Math.round(x!));
    expect(r.stdout).toMatch(new RegExp(`^ {2}Exposure +${figure(since.overall.exposure.from)} → ${figure(since.overall.exposure.to)} +better by \\d+$`, 'm'));
    expect(r.stdout).toContain('\nJourneys and dimensions that moved\n');
    expect(r.stdout).toContain(`\nAnswers changed (${since.answers.length})\n`);
    expect(r.stdout).toContain('\nTrend, oldest first (May 2026 review, August 2026 review, now)\n');
    expect(r.stdout).not.toContain('\u001b');
  });

  it('writes JSON valid against the schema `cxray schema diff` prints: the comparison the report shows since the last cycle, its version, and the controls whose verdict changed', async () => {
    const r = await invoke(diffCommand, { values: values({ format: 'json' }), cwd: folder.dir });
    const json = JSON.parse(r.stdout);
    expect(schemaValidator('diff')(json)).toEqual([]);
    const { schemaVersion, controls, ...comparison } = DiffDocumentSchema.parse(json);
    expect(schemaVersion).toBe(DIFF_SCHEMA_VERSION);
    expect(comparison).toEqual(since);
    const workbook = goldenWorkbook();
    const assessment = workbook.assessments[0]!;
    expect(controls).toEqual(controlChanges(goldenBank(), assessment, report, assessment.snapshots.at(-1)!, null));
    expect(controls.length).toBeGreaterThan(0);
    // Every change names its control, both verdicts and why each was what it was.
    for (const c of controls) {
      expect(c.from === c.to ? c.claimedButExposed.from !== c.claimedButExposed.to : true).toBe(true);
      expect(c.why.to.kind).toEqual(c.to === 'exposed' ? 'exposed-answer' : c.to === 'holds' ? 'holds' : c.to === 'not-tested' ? 'not-asked' : c.to === null ? 'not-cited' : expect.stringMatching(/^(unknown-answers|low-visibility)$/));
    }
  });

  it('a JSON diff that breaks its shape fails the published JSON Schema', async () => {
    const r = await invoke(diffCommand, { values: values({ format: 'json' }), cwd: folder.dir });
    const json = JSON.parse(r.stdout);
    const validate = schemaValidator('diff');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed JSON document, changed at any depth
    const broken = (change: (doc: any) => void) => {
      const copy = structuredClone(json);
      change(copy);
      return validate(copy).map((e) => `${e.instancePath} ${e.message}`);
    };
    expect(broken((d) => delete d.controls)).toContain(" must have required property 'controls'");
    expect(broken((d) => (d.schemaVersion = 1))).toContain('/schemaVersion must be equal to constant');
    expect(broken((d) => (d.controls[0].to = 'fine'))).toContain('/controls/0/to must be equal to one of the allowed values');
    expect(broken((d) => (d.controls[0].why.to = { kind: 'holds' }))).not.toEqual([]);
    expect(broken((d) => (d.controls[0].surprise = true))).toContain('/controls/0 must NOT have additional properties');
  });

  it('writes markdown: the changes, the plan items whose status needs a look, and the trend', async () => {
    const r = await invoke(diffCommand, { values: values({ format: 'md' }), cwd: folder.dir });
    const headings = r.stdout.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      `# What changed: ${report.assessment.name}`,
      '## Scores that moved',
      `## Answers changed (${since.answers.length})`,
      `## New unknowns: now “we don't know” (${since.newUnknowns.length})`,
      `## Unknowns resolved (${since.resolvedUnknowns.length})`,
      '## Plan changes',
      expect.stringMatching(/^## Controls whose verdict changed \(\d+\)$/),
      '## Trend',
    ]);
    expect(r.stdout).toMatch(/\n## Controls whose verdict changed \(\d+\)\n\n(- \*\*.*: .* → .*, because .*; before, .*\n)+\n## Trend\n/);
    expect(r.stdout).toContain('- ⚠ Marked done, but the answers still show the gap (1): **Log and alert on bulk exports**');
  });

  it('compares two snapshots: --to alone compares with the snapshot before it', async () => {
    const r = await invoke(diffCommand, { values: values({ to: 'August 2026 review', format: 'json' }), cwd: folder.dir });
    const json = DiffDocumentSchema.parse(JSON.parse(r.stdout));
    expect(json.from).toMatchObject({ label: 'May 2026 review', snapshotId: 'may-2026-review' });
    expect(json.to).toMatchObject({ label: 'August 2026 review', snapshotId: 'august-2026-review' });
    // The returns journey was added in August.
    expect(json.journeys.find((j) => j.presence === 'added')?.journeyName).toBe('Smart-meter and appliance returns');

    const md = await invoke(diffCommand, { values: values({ from: '1', to: 'latest', format: 'md' }), cwd: folder.dir });
    expect(md.stdout).toContain('From **May 2026 review** (2026-05-22) to **August 2026 review** (2026-08-21).');
    // The status of plan items is today's: it goes with "now" only.
    expect(md.stdout).not.toContain('⚠');
  });

  it('compares any snapshot with now by --from, by id, label or number', async () => {
    for (const from of ['may-2026-review', 'may 2026 REVIEW', '1']) {
      const r = await invoke(diffCommand, { values: values({ from, to: 'current', format: 'json' }), cwd: folder.dir });
      expect(JSON.parse(r.stdout).from.label).toBe('May 2026 review');
      expect(JSON.parse(r.stdout).to).toEqual({ label: 'now', snapshotId: null, at: GOLDEN_NOW.toISOString(), scoringModel: 2, recomputed: false });
    }
  });

  it('writes a private file, and never replaces one without --force', async () => {
    const r = await invoke(diffCommand, { values: values({ format: 'md', output: 'changes.md' }), cwd: folder.dir });
    expect(r).toMatchObject({ code: 0, stdout: 'Wrote the changes from "August 2026 review" to "now" to changes.md.\n' });
    expect(statSync(folder.path('changes.md')).mode & 0o777).toBe(0o600);
    const first = readFileSync(folder.path('changes.md'), 'utf8');
    expect(first).toMatch(/^# What changed: /);

    writeFileSync(folder.path('changes.md'), 'mine');
    await expect(invoke(diffCommand, { values: values({ format: 'md', output: 'changes.md' }), cwd: folder.dir })).rejects.toMatchObject({
      exitCode: 2,
      message: 'changes.md already exists; pass --force to overwrite it, or choose another --output file.',
    });
    expect(readFileSync(folder.path('changes.md'), 'utf8')).toBe('mine');
    await invoke(diffCommand, { values: values({ format: 'md', output: 'changes.md', force: true }), cwd: folder.dir });
    expect(readFileSync(folder.path('changes.md'), 'utf8')).toBe(first);
  });

  it('never writes the workbook', async () => {
    const before = readFileSync(folder.path('work.json'));
    await invoke(diffCommand, { values: values(), cwd: folder.dir });
    expect(readFileSync(folder.path('work.json')).equals(before)).toBe(true);
  });

  const noSnapshots = (w: Workbook): Workbook => ({ ...w, assessments: w.assessments.map((a: Assessment) => ({ ...a, snapshots: [] })) });
  it.each<[string, Record<string, string | boolean>, RegExp, ((w: Workbook) => Workbook)?]>([
    ['an unknown format', { format: 'pdf' }, /^diff: unknown format "pdf"; use text, md or json\.$/],
    ['--force without --output', { force: true }, /^diff: --force only makes sense with --output FILE\.$/],
    ['an empty --output', { output: ' ' }, /^diff: --output needs a file name/],
    ['an empty --from', { from: '' }, /^diff: --from needs a snapshot: its label, its id, its number/],
    ['"current" as --from', { from: 'current' }, /^diff: --from must be a snapshot \(the earlier side\)/],
    ['the first snapshot as --to alone', { to: '1' }, /^diff: "May 2026 review" is the first snapshot, there is nothing before it; name the other side with --from/],
    ['the same snapshot twice', { from: '2', to: 'latest' }, /^diff: --from and --to both name the snapshot "August 2026 review"; name two different cycles\.$/],
    ['the later snapshot as --from', { from: '2', to: '1' }, /^diff: "August 2026 review" was taken after "May 2026 review"; swap --from and --to/],
    ['a snapshot that is not there', { from: 'Q9' }, /^no snapshot of "Northwind Home Energy — customer data review" is called "Q9"; it has 1\. "May 2026 review" \(id may-2026-review, 2026-05-22\), 2\. "August 2026 review"/],
    ['an assessment without snapshots', {}, /^the assessment "Northwind Home Energy — customer data review" has no snapshot yet; take one with `cxray snapshot`\.$/, noSnapshots],
    ['an assessment that is not there', { assessment: 'nope' }, /^no assessment is named "nope"/],
  ])('refuses %s in one sentence, exit 2', async (_, extra, message, change) => {
    if (change) writeWorkbook(folder.path('work.json'), change(goldenWorkbook()));
    await expect(invoke(diffCommand, { values: values(extra), cwd: folder.dir })).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(message) });
  });

  it('refuses a bank the assessment was not answered against', async () => {
    const other = folder.path('other.yaml');
    writeFileSync(other, readFileSync(GOLDEN_BANK_PATH, 'utf8').replace('id: cx-data-exposure', 'id: another-bank'));
    await expect(invoke(diffCommand, { values: values({ bank: other }), cwd: folder.dir })).rejects.toThrow(/pass that bank with --bank FILE/);
  });
});

describe('cxray schema diff', () => {
  it('is the JSON Schema of what diff --format json writes', () => {
    const schema = JSON.parse(JSON.stringify(jsonSchemaOf('diff')));
    expect(schema.title).toMatch(/cxray diff --format json/);
    expect(schema.required).toEqual(expect.arrayContaining(['from', 'to', 'overall', 'journeys', 'answers', 'newUnknowns', 'resolvedUnknowns', 'plan']));
    expect(schema.properties.answers.items.properties.direction.enum).toEqual(['better', 'worse', 'same']);
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'controls']));
    expect(schema.properties.schemaVersion).toEqual({ type: 'number', const: DIFF_SCHEMA_VERSION });
    expect(schema.properties.controls.items.required).toEqual(expect.arrayContaining(['framework', 'controlId', 'from', 'to', 'why']));
  });
});
