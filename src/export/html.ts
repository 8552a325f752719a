/**
 * The report as one self-contained HTML file, to read, print and sign: no script, no
 * font, no image or style from anywhere else (a Content-Security-Policy says so to the
 * browser too), so it opens the same from a file:// URL or an e-mail. The sections are
 * the markdown report's (the same escaped markdown, turned into HTML by marked, which
 * the command hands in, then checked by `safeMarkup`), except three that HTML draws better: the heat map as a
 * coloured table that keeps the shade symbols (░ ▒ ▓ █) for readers who cannot tell the
 * colours apart, the trend as small SVG line charts, and each journey's systems and
 * integrations as an SVG map drawn by cxray. The sign-off block closes it. Print CSS
 * gives clean A4 and Letter pages: each section on a new page, table rows never cut,
 * table headers repeated on every page. Pure: the date comes from the report.
 */
import type { Figures, Report } from '../core/report-schema.js';
import { trendModelNote } from './diff-words.js';
import { esc, safeMarkup } from './html-text.js';
import { journeyMapSvg, trendSvg } from './html-svg.js';
import { scopeWords } from './scope-words.js';
import { renderMarkdown, type MarkdownOptions } from './markdown.js';
import { signoffLines } from './signoff-text.js';

const SHADES = ['░', '▒', '▓', '█'] as const;
const BAND_WORDS = ['low', 'moderate', 'high', 'severe'] as const;
const BAND_COLOURS = ['#c8e6c9', '#fff59d', '#ffcc80', '#ef9a9a'] as const;

/** 0 (low) ... 3 (severe) for an exposure figure, as the TUI and the markdown band it. */
function band(exposure: number | null): 0 | 1 | 2 | 3 | undefined {
  if (exposure === null) return undefined;
  const x = Math.round(exposure);
  return x < 25 ? 0 : x < 50 ? 1 : x < 75 ? 2 : 3;
}

const whole = (x: number | null) => (x === null ? '—' : String(Math.round(x)));

function heatCell(figures: Figures, tag: 'td' | 'th' = 'td'): string {
  const b = band(figures.exposure);
  const style = b === undefined ? '' : ` style="background:${BAND_COLOURS[b]}"`;
  const shade = b === undefined ? '·' : SHADES[b];
  const title = b === undefined ? 'no figure' : `exposure ${whole(figures.exposure)} (${BAND_WORDS[b]}), visibility ${whole(figures.visibility)}`;
  return `<${tag} class="heat"${style} title="${esc(title)}"><span class="shade">${shade}</span> <strong>${whole(figures.exposure)}</strong><br><span class="vis">vis ${whole(figures.visibility)}</span></${tag}>`;
}

function heatMap(report: Report): string {
  const words = scopeWords(report);
  if (report.journeys.length === 0) return `<p>No ${esc(words.many)} yet.</p>`;
  const head = [words.One, 'Sensitivity', ...report.dimensions.map((d) => d.title), `${words.One} overall`, 'Answered'].map((h) => `<th>${esc(h)}</th>`).join('');
  const rows = report.journeys.map(
    (j) => `<tr><th scope="row">${esc(j.name)}</th><td>${esc(j.sensitivity)}</td>${j.dimensions.map((d) => heatCell(d)).join('')}${heatCell(j)}<td class="num">${j.progress.answered}/${j.progress.total}</td></tr>`,
  );
  const o = report.overall;
  rows.push(`<tr class="total"><th scope="row">All ${esc(words.many)}</th><td>weighted</td>${o.dimensions.map((d) => heatCell(d)).join('')}${heatCell(o)}<td class="num">${o.progress.answered}/${o.progress.total}</td></tr>`);
  const legend = SHADES.map((s, i) => `<span class="key" style="background:${BAND_COLOURS[i]}">${s} ${BAND_WORDS[i]} (${i * 25}–${i === 3 ? 100 : i * 25 + 24})</span>`).join(' ');
  return [
    `<table class="heatmap"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
    `<p class="legend">Each cell: exposure (0 well controlled … 100 fully exposed) and vis = visibility (100: every answer verified; 0: nobody knows). Exposure: ${legend} <span class="key">· no figure</span></p>`,
  ].join('\n');
}

function trend(report: Report): string {
  const t = report.cycles.trend;
  if (!t) return '';
  const older = trendModelNote(t, esc);
  const labels = t.points.map((p) => (p.snapshotId === null ? 'Now' : p.label));
  const words = scopeWords(report);
  const head = `<tr><th>${esc(words.One)}</th>${labels.map((l) => `<th class="num">${esc(l)}</th>`).join('')}<th>Exposure across cycles</th></tr>`;
  const row = (name: string, series: readonly (number | null)[], total = false) =>
    `<tr${total ? ' class="total"' : ''}><th scope="row">${esc(name)}</th>${series.map((x) => `<td class="num">${whole(x)}</td>`).join('')}<td>${trendSvg(series, `Exposure of ${name} across cycles`, labels)}</td></tr>`;
  return [
    '<section class="section"><h2>Trend</h2>',
    `<p>Exposure at each cycle, oldest first (lower is better; the dashed line is 50). Visibility, all ${esc(words.many)}: ${t.overall.visibility.map(whole).join(' → ')} (higher is better).</p>`,
    `<table class="trend-table"><thead>${head}</thead><tbody>${t.journeys.map((j) => row(j.journeyName, j.exposure)).join('')}${row(`All ${words.many}`, t.overall.exposure, true)}</tbody></table>`,
    ...(older ? [`<p>${older}</p>`] : []),
    '</section>',
  ].join('\n');
}

function maps(report: Report): string {
  const words = scopeWords(report);
  if (report.journeys.length === 0) return `<p>No ${esc(words.many)} yet.</p>`;
  const parts = [
    `<p>An arrow goes from the system that holds the access to the system it reads or writes. Dashed red arrows marked ⚠: write access, or not logged, or nobody knows whether it is logged. Boxes with a dashed border: systems outside the ${esc(words.one)} that its data reaches.</p>`,
  ];
  for (const journey of report.journeys) {
    const svg = journeyMapSvg(report, journey);
    parts.push(`<figure class="journey-map"><figcaption>${esc(journey.name)}</figcaption>${svg ?? `<p>No systems recorded for this ${esc(words.one)}.</p>`}</figure>`);
  }
  return parts.join('\n');
}

function signoff(report: Report): string {
  const rows = signoffLines(report.signoff)
    .map(({ label, value }) => `<tr><th scope="row">${esc(label)}</th><td>${value === null ? '<span class="blank"></span>' : esc(value)}</td></tr>`)
    .join('');
  const decision = report.signoff
    ? ''
    : '<p class="decision">Decision: <span class="box"></span> accepted <span class="box"></span> accepted with conditions <span class="box"></span> not accepted</p>';
  const note = report.signoff ? `<p class="recorded">Recorded ${esc(report.signoff.recordedAt.slice(0, 10))} with cxray.</p>` : '';
  return `<section class="section signoff"><h2>Sign-off</h2><p>The person who accepts the risk this report describes.</p><table class="signoff-table"><tbody>${rows}</tbody></table>${decision}${note}</section>`;
}

/** The markdown report cut at its level-2 headings: the title part, then each section by its heading. */
function markdownSections(markdown: string): { head: string; sections: { title: string; body: string }[] } {
  const lines = markdown.split('\n');
  const sections: { title: string; lines: string[] }[] = [];
  const head: string[] = [];
  for (const line of lines) {
    if (line.startsWith('## ')) sections.push({ title: line.slice(3), lines: [] });
    else if (sections.length === 0) head.push(line);
    else sections.at(-1)!.lines.push(line);
  }
  return { head: head.join('\n'), sections: sections.map((s) => ({ title: s.title, body: s.lines.join('\n') })) };
}

export interface HtmlOptions extends MarkdownOptions {
  /**
   * GitHub-flavoured markdown to HTML (the command passes marked's, loaded only for this
   * format); its output goes through `safeMarkup` whatever it is.
   */
  markdownToHtml: (markdown: string) => string;
}

/** The whole report as an HTML document. */
export function renderHtml(report: Report, options: HtmlOptions): string {
  const md = (text: string) => safeMarkup(options.markdownToHtml(text));
  const { head, sections } = markdownSections(renderMarkdown(report, options));
  const body: string[] = [`<header class="title">${md(head)}</header>`];
  for (const { title, body: text } of sections) {
    if (title === 'Sign-off') continue;
    if (title === 'Trend') {
      body.push(trend(report));
      continue;
    }
    const content = title === 'Heat map' ? heatMap(report) : title === 'Systems and integrations' ? maps(report) : md(text);
    // The first sections share the first page; each later one starts a page when printed.
    const first = title === 'Summary' || title === 'Since last cycle';
    body.push(`<section class="section${first ? ' first' : ''}"><h2>${esc(title)}</h2>\n${content}</section>`);
  }
  body.push(signoff(report));
  const title = `${report.bank.title}: ${report.assessment.name}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1b1b1b; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 1.7em; margin: 0 0 .4em; }
h2 { font-size: 1.35em; border-bottom: 2px solid #37474f; padding-bottom: .2em; margin: 1.6em 0 .6em; }
h3 { font-size: 1.1em; margin: 1.2em 0 .4em; }
ul { padding-left: 1.4em; }
li { margin: .2em 0; }
li > input[type=checkbox] { margin-right: .4em; }
ul:has(> li > input[type=checkbox]) { list-style: none; padding-left: .4em; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: .92em; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1em; table-layout: auto; }
th, td { border: 1px solid #b0bec5; padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: break-word; hyphens: auto; }
thead th { background: #eceff1; }
td.num, th.num, .align-right { text-align: right; }
.align-center { text-align: center; }
tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #37474f; }
.heatmap { font-size: .86em; }
.heatmap td.heat { text-align: center; }
.heatmap tbody th { min-width: 9em; }
.heatmap thead th { hyphens: none; }
.heat .shade { font-family: "DejaVu Sans Mono", monospace; }
.heat .vis { font-size: .85em; color: #37474f; white-space: nowrap; }
.heat strong, .heat .shade { white-space: nowrap; }
.legend .key { display: inline-block; padding: 0 .4em; border: 1px solid #b0bec5; margin: 1px; }
.legend, .recorded { font-size: .9em; color: #37474f; }
figure.journey-map { margin: 1em 0 1.4em; break-inside: avoid; page-break-inside: avoid; }
figure.journey-map figcaption { font-weight: bold; margin-bottom: .3em; }
svg.map { max-width: 100%; height: auto; }
svg .system-name { font: bold 13px system-ui, "DejaVu Sans", sans-serif; fill: #1b1b1b; }
svg .system-kind { font: 11px system-ui, "DejaVu Sans", sans-serif; fill: #455a64; }
svg .link-label { font: 10.5px system-ui, "DejaVu Sans", sans-serif; fill: #263238; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg .link-label.risk { fill: #b71c1c; }
.trend-table svg { display: block; max-width: 100%; height: auto; }
.signoff-table { width: auto; min-width: 60%; }
.signoff-table th { width: 9em; background: #eceff1; }
.signoff-table td { min-width: 22em; height: 2.2em; }
.blank { display: inline-block; width: 100%; }
.box { display: inline-block; width: .9em; height: .9em; border: 1.5px solid #1b1b1b; vertical-align: -0.1em; margin: 0 .3em 0 1em; }
.box:first-child { margin-left: .3em; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@page { margin: 14mm 12mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .section { break-before: page; page-break-before: always; }
  .section.first { break-before: auto; page-break-before: auto; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr, td, th, li, figure, svg { break-inside: avoid; page-break-inside: avoid; }
  table { font-size: 9pt; }
  a { color: inherit; }
  .signoff { break-inside: avoid; }
}
`;
