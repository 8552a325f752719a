/** The HTML report: self-contained, every text escaped, the markdown's sections, the heat map's shades, the sign-off. */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report.js';
import { setSignoff } from '../../src/core/signoff.js';
import { esc, safeMarkup } from '../../src/export/html-text.js';
import { marked } from 'marked';
import { renderHtml } from '../../src/export/html.js';

const markdownToHtml = (markdown: string) => marked.parse(markdown, { async: false, gfm: true });
import { renderMarkdown } from '../../src/export/markdown.js';
import { GOLDEN_NOW, goldenBank, goldenReport, goldenWorkbook } from './golden-fixtures.js';
import { HOSTILE, hostileAssessment, hostileBank } from './hostile.js';

describe('the HTML report', () => {
  const report = goldenReport();
  const html = renderHtml(report, { markdownToHtml });

  it('loads nothing from anywhere: no script, no external style, font or image, and a policy that forbids them', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|@import|@font-face|url\((?!#)|\ssrc=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('has the markdown report\'s sections, in its order, and ends with the sign-off', () => {
    const sections = [...renderMarkdown(report).matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect([...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual(sections.map((s) => esc(s!)));
    expect(html.lastIndexOf('<h2>Sign-off</h2>')).toBe(html.lastIndexOf('<h2>'));
  });

  it('colours each heat-map cell and keeps the shade symbol and the figures', () => {
    const cells = [...html.matchAll(/<td class="heat"( style="background:#[0-9a-f]{6}")? title="[^"]*"><span class="shade">(.)<\/span> <strong>([^<]+)<\/strong>/g)];
    expect(cells).toHaveLength((report.journeys.length + 1) * (report.dimensions.length + 1));
    const first = report.journeys[0]!.dimensions[0]!;
    expect(cells[0]![3]).toBe(String(Math.round(first.exposure!)));
    for (const cell of cells) expect('░▒▓█·').toContain(cell[2]);
  });

  it('draws a map per journey and fills the sign-off from the assessment, or leaves lines to sign', () => {
    expect(html.match(/<svg class="map"/g)).toHaveLength(report.journeys.length);
    expect(html).toContain('accepted with conditions');
    const workbook = goldenWorkbook();
    const signed = setSignoff(workbook.assessments[0]!, { name: 'Dana <b>Reyes</b>', role: 'CX', decision: 'not-accepted', date: '2026-11-21' }, GOLDEN_NOW);
    const out = renderHtml(buildReport(goldenBank(), signed, GOLDEN_NOW), { markdownToHtml });
    expect(out).toContain('<tr><th scope="row">Name</th><td>Dana &lt;b&gt;Reyes&lt;/b&gt;</td></tr>');
    expect(out).toContain('<tr><th scope="row">Decision</th><td>not accepted</td></tr>');
    expect(out).not.toContain('accepted with conditions <span class="box">');
  });

  it('keeps every hostile text as text: no element, attribute or link comes from it', () => {
    const bank = hostileBank(goldenBank());
    const out = renderHtml(buildReport(bank, hostileAssessment(bank, GOLDEN_NOW.toISOString()), GOLDEN_NOW), { markdownToHtml });
    expect(out).not.toMatch(/<script|<img|<b>|<i>|="javascript:/i);
    for (const [, href] of out.matchAll(/<a href="([^"]*)"/g)) expect(href).toMatch(/^https?:\/\//);
    const tags = new Set([...out.matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]));
    const allowed = ['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'section', 'figure', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'em', 'del', 'code', 'pre', 'br', 'hr', 'input', 'a', 'span', 'svg', 'defs', 'marker', 'path', 'g', 'rect', 'text', 'line', 'polyline', 'circle'];
    for (const tag of tags) expect(allowed, tag).toContain(tag);
    for (const text of HOSTILE.slice(0, 4)) expect(out).toContain(esc(text.split('\n')[0]!).slice(0, 12));
  });
});

describe('safeMarkup', () => {
  it.each([
    ['<p>a <script>x</script></p>', '<p>a &lt;script&gt;x&lt;/script&gt;</p>'],
    ['<a href="javascript:alert(1)">x</a>', 'x'],
    ['<a href="mailto:a@b.c">a@b.c</a>', 'a@b.c'],
    ['<a href="https://x.example/a">https://x.example/a</a>', '<a href="https://x.example/a">https://x.example/a</a>'],
    ['<a href="https://x.example/">docs</a>', '<a href="https://x.example/">docs</a> <span class="url">(https://x.example/)</span>'],
    ['<td align="right" onclick="x()">1</td>', '<td class="align-right">1</td>'],
    ['<input checked="" type="checkbox"> done', '<input checked type="checkbox" disabled> done'],
    ['<input type="text">', ''],
  ])('turns %j into %j', (input, output) => {
    expect(safeMarkup(input)).toBe(output);
  });
});
