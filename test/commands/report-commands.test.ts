/** `cxray score` and `cxray export`, run() against a workbook file in a temporary folder. */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as exportCommand from '../../src/commands/export.js';
import * as scoreCommand from '../../src/commands/score.js';
import { jsonSchemaOf } from '../../src/commands/schema.js';
import { UserError } from '../../src/core/errors.js';
import { ReportSchema } from '../../src/core/report-schema.js';
import { renderGithubScript } from '../../src/export/github-script.js';
import { renderScoreTable } from '../../src/export/score-table.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { renderGitlabCsv, renderJiraCsv } from '../../src/export/tracker-csv.js';
import packageJson from '../../package.json' with { type: 'json' };
import { buildControlsView } from '../../src/core/controls/view.js';
import { GOLDEN_BANK_PATH, GOLDEN_DIR, goldenBank, goldenReport, goldenWorkbook } from '../export/golden-fixtures.js';
import { invoke, tempFolder, writeWorkbook } from './invoke.js';

let folder: ReturnType<typeof tempFolder>;
const values = (extra: Record<string, string | boolean> = {}) => ({ db: 'work.json', bank: GOLDEN_BANK_PATH, ...extra });

beforeEach(() => {
  folder = tempFolder();
  writeWorkbook(folder.path('work.json'), goldenWorkbook());
});
afterEach(() => folder.cleanup());

describe('cxray score', () => {
  it('prints a table of journeys x dimensions with journey and overall figures, no colour off a terminal', async () => {
    const r = await invoke(scoreCommand, { values: values(), cwd: folder.dir });
    expect(r.code).toBe(0);
    const report = goldenReport();
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`${report.assessment.name} · bank cx-data-exposure 1.0.0 · 2026-11-20`);
    expect(lines[2]).toMatch(/^Journey +Footprint +Access +Integrations +Detection +Overall +Answered$/);
    const phone = report.journeys[0]!;
    const figure = (x: number | null) => (x === null ? '—' : String(Math.round(x)));
    expect(lines[3]).toContain(`${figure(phone.exposure)} / ${figure(phone.visibility)}`);
    expect(r.stdout).toMatch(/^All journeys \(by sensitivity\) .* 29\/29$/m);
    expect(r.stdout).not.toContain('\u001b');
  });

  it('fits the table to the terminal: blocks at 60 columns, the names cut at 80, whole at 100 and piped', async () => {
    const run = (columns?: number) => invoke(scoreCommand, { values: values(), cwd: folder.dir, ...(columns === undefined ? {} : { columns }) });
    const [at60, at80, at100, piped] = await Promise.all([run(60), run(80), run(100), run()]);
    for (const [r, width] of [[at60, 60], [at80, 80], [at100, 100]] as const) {
      expect(r.code).toBe(0);
      for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(width);
      expect(r.stdout).toBe(renderScoreTable(goldenReport(), { width }));
    }
    expect(at60.stdout).toContain('\nPhone support with call recording\n  Overall        66 / 47   Answered           9/9\n');
    expect(at80.stdout).toContain('\nPhone support w…    83 / 17  60 / 50       75 / 38   38 / 100  66 / 47       9/9\n');
    expect(at100.stdout).toContain('\nPhone support with call recording    83 / 17  60 / 50');
    // Piped: the notes keep their own lines, however long.
    expect(piped.stdout).toBe(renderScoreTable(goldenReport()));
    expect(piped.stdout).toContain('\nCells: exposure / visibility, 0-100; — no figure. Exposure 0 is well controlled, 100 fully exposed;\n');
  });

  it('prints the scores as JSON, unrounded', async () => {
    const r = await invoke(scoreCommand, { values: values({ json: true }), cwd: folder.dir });
    const json = JSON.parse(r.stdout);
    const report = goldenReport();
    expect(json.overall).toEqual(report.overall);
    expect(json.journeys).toEqual(report.journeys);
    expect(json).not.toHaveProperty('plan');
  });

  it('refuses an assessment that is not there, listing those that are', async () => {
    await expect(invoke(scoreCommand, { values: values({ assessment: 'nope' }), cwd: folder.dir })).rejects.toThrow(
      /no assessment is named "nope" or has that id; the workbook holds "Northwind Home Energy — customer data review" \(id northwind-2026\)/,
    );
  });

  it('refuses a bank the assessment was not answered against', async () => {
    const other = folder.path('other.yaml');
    writeFileSync(other, readFileSync(GOLDEN_BANK_PATH, 'utf8').replace('id: cx-data-exposure', 'id: another-bank'));
    await expect(invoke(scoreCommand, { values: values({ bank: other }), cwd: folder.dir })).rejects.toThrow(/pass that bank with --bank FILE/);
  });
});

describe('cxray export', () => {
  it('writes markdown to standard output', async () => {
    const r = await invoke(exportCommand, { values: values({ format: 'md' }), cwd: folder.dir });
    expect(r.code).toBe(0);
    const controls = buildControlsView(goldenBank(), goldenReport());
    expect(r.stdout).toBe(renderMarkdown(goldenReport(), { version: packageJson.version, controls }));
    expect(r.stdout).toContain('## Controls in practice');
  });

  it('writes JSON that its schema accepts, and the same as the golden file', async () => {
    const r = await invoke(exportCommand, { values: values({ format: 'json' }), cwd: folder.dir });
    expect(ReportSchema.safeParse(JSON.parse(r.stdout)).success).toBe(true);
    expect(r.stdout).toBe(readFileSync(`${GOLDEN_DIR}/demo.json`, 'utf8'));
  });

  it.each([
    [{}, 'demo-plan.csv'],
    [{ answers: true }, 'demo-answers.csv'],
  ])('writes CSV %j like the golden file', async (extra, golden) => {
    const r = await invoke(exportCommand, { values: values({ format: 'csv', ...extra }), cwd: folder.dir });
    expect(r.stdout).toBe(readFileSync(`${GOLDEN_DIR}/${golden}`, 'utf8'));
  });

  it.each([
    ['jira', renderJiraCsv, 'for Jira\'s CSV importer'],
    ['gitlab', renderGitlabCsv, 'for GitLab\'s CSV importer'],
    ['github', renderGithubScript, 'as GitHub issues'],
  ] as const)('writes the plan for %s, and says what it wrote', async (format, render, what) => {
    const r = await invoke(exportCommand, { values: values({ format }), cwd: folder.dir });
    expect(r.stdout).toBe(render(goldenReport(), goldenBank()));
    const written = await invoke(exportCommand, { values: values({ format, output: `plan.${format}` }), cwd: folder.dir });
    const report = goldenReport();
    expect(written.stdout).toContain(`${report.findOut.length + report.plan.length} plan items`);
    expect(written.stdout).toContain(what);
    expect(readFileSync(folder.path(`plan.${format}`), 'utf8')).toBe(r.stdout);
  });

  it('writes a private file, and never replaces one without --force', async () => {
    const r = await invoke(exportCommand, { values: values({ format: 'md', output: 'plan.md' }), cwd: folder.dir });
    expect(r).toMatchObject({ code: 0, stdout: 'Wrote the report to plan.md.\n' });
    expect(statSync(folder.path('plan.md')).mode & 0o777).toBe(0o600);
    const first = readFileSync(folder.path('plan.md'), 'utf8');
    expect(first).toContain('## Plan');

    writeFileSync(folder.path('plan.md'), 'mine');
    const refused = invoke(exportCommand, { values: values({ format: 'md', output: 'plan.md' }), cwd: folder.dir });
    await expect(refused).rejects.toThrow(UserError);
    await expect(refused).rejects.toThrow('plan.md already exists; pass --force to overwrite it');
    await expect(refused).rejects.toMatchObject({ exitCode: 2 });
    expect(readFileSync(folder.path('plan.md'), 'utf8')).toBe('mine');

    await invoke(exportCommand, { values: values({ format: 'md', output: 'plan.md', force: true }), cwd: folder.dir });
    expect(readFileSync(folder.path('plan.md'), 'utf8')).toBe(first);
  });

  it.each([
    [{}, /choose a format with --format and one of md, html, json, csv, .* e\.g\. --format md/],
    [{ format: 'pdf' }, /unknown format "pdf"; use md, html, json, csv, jira, gitlab or github\./],
    [{ format: 'md', answers: true }, /--answers goes with --format csv/],
  ])('refuses %j in one sentence', async (extra, message) => {
    await expect(invoke(exportCommand, { values: values(extra), cwd: folder.dir })).rejects.toThrow(message);
  });

  it('names a missing workbook', async () => {
    await expect(invoke(exportCommand, { values: values({ format: 'md', db: 'missing.json' }), cwd: folder.dir })).rejects.toThrow(/missing\.json does not exist/);
    expect(existsSync(folder.path('missing.json'))).toBe(false);
  });
});

describe('cxray schema report', () => {
  it('is a JSON Schema with the report version', () => {
    const schema = JSON.parse(JSON.stringify(jsonSchemaOf('report')));
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.type).toBe('object');
    expect(schema.properties.schemaVersion).toEqual({ type: 'number', const: 4 });
    expect(schema.required).toContain('findOut');
    expect(schema.required).toContain('plan');
    expect(schema.properties.plan.items.properties.horizon.enum).toEqual(['now', 'next', 'later']);
  });
});
