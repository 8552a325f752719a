import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { meetBank } from '../../src/core/organisation.js';
import { buildReport } from '../../src/core/report.js';
import { renderMarkdown, heatSquare } from '../../src/export/markdown.js';
import { mdBlock, mdInline, mermaidLabel } from '../../src/export/markdown-text.js';
import { GOLDEN_NOW, goldenBank, goldenReport, goldenWorkbook } from './golden-fixtures.js';
import { HOSTILE, hostileAssessment, hostileBank } from './hostile.js';

/** Splits a table row on the pipes that are not escaped. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/);
}

/** The document with its Mermaid blocks removed (they have their own rules). */
function outsideFences(md: string): string[] {
  const lines: string[] = [];
  let inFence = false;
  for (const line of md.split('\n')) {
    if (line.startsWith('```')) {
      inFence = !inFence;
      continue;
    }
    if (!inFence) lines.push(line);
  }
  return lines;
}

function mermaidBlocks(md: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] | undefined;
  for (const line of md.split('\n')) {
    if (line === '```mermaid') current = [];
    else if (line === '```' && current) {
      blocks.push(current);
      current = undefined;
    } else if (current) current.push(line);
  }
  return blocks;
}

const HEADINGS = /^(# \S|## (Summary|Heat map|Systems and integrations|Find out first|Fix|Visibility gaps|Unresolved disagreements|Documented but exposed|Stale answers|Answers|How the scores work|Sign-off)$|### (Now|Next|Later)$|### [^#])/;

describe('markdown escaping', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert\\(1\\)&lt;/script&gt;'],
    ['[x](javascript:alert(1))', '\\[x\\]\\(javascript:alert\\(1\\)\\)'],
    ['![i](x)', '\\!\\[i\\]\\(x\\)'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['1. item', '1\\. item'],
    ['version 1.0.0', 'version 1.0.0'],
    ['```js', '\\`\\`\\`js'],
    ['two\nlines', 'two lines'],
    ['&lt;', '&amp;lt;'],
    ['\u001b[31mred\u001b[0m', 'red'],
  ])('mdInline(%j) = %j', (input, expected) => {
    expect(mdInline(input)).toBe(expected);
  });

  it('keeps the lines of a block inside a list item, with hard breaks, and drops blank lines', () => {
    expect(mdBlock('one\n\n# two\n- three', '    ')).toBe('one\\\n    \\# two\\\n    \\- three');
  });

  it('turns Mermaid syntax in labels into entities', () => {
    expect(mermaidLabel('a "b" [c] --> d; <e>\nf|g `h` #i')).toBe('a #34;b#34; #91;c#93; #45;-#62; d#59; #60;e#62; f#124;g #96;h#96; #35;i');
  });

  it.each([
    [null, '⬜'],
    [0, '🟩'],
    [24.4, '🟩'],
    [24.5, '🟨'],
    [49, '🟨'],
    [50, '🟧'],
    [74, '🟧'],
    [75, '🟥'],
    [100, '🟥'],
  ])('shows exposure %s as %s (by the rounded figure, as the legend reads)', (exposure, square) => {
    expect(heatSquare(exposure)).toBe(square);
  });
});

describe('a markdown export of hostile text', () => {
  const bank = hostileBank(goldenBank());
  const report = buildReport(bank, hostileAssessment(bank, GOLDEN_NOW.toISOString()), GOLDEN_NOW);
  const md = renderMarkdown(report, { version: '1.0.0' });
  const lines = outsideFences(md);

  it('has every hostile text in it, in some form (nothing was dropped wholesale)', () => {
    expect(report.answers.length).toBeGreaterThan(20);
    expect(md).toContain('HYPERLINK');
    expect(md).toContain('&lt;script&gt;');
  });

  it('holds no raw HTML, no link or image made by the text, and no terminal escapes', () => {
    expect(md).not.toMatch(/<script/i);
    expect(md).not.toMatch(/<(b|i|img)\b/i);
    expect(md).not.toContain('\u001b');
    // The only link is the one to the scoring method.
    const links = md.match(/(?<!\\)\]\(/g) ?? [];
    expect(links).toHaveLength(1);
    expect(md).toContain('[the scoring model](docs/scoring.md)');
  });

  it('keeps every table row at the width of its header', () => {
    let header: number | undefined;
    let tables = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        header = undefined;
        continue;
      }
      if (header === undefined) {
        header = cells(line).length;
        tables++;
      }
      expect(cells(line), line).toHaveLength(header);
    }
    expect(tables).toBeGreaterThanOrEqual(5);
  });

  it('starts no line with # except its own headings, and opens no code block', () => {
    for (const line of lines.filter((l) => l.startsWith('#'))) expect(line).toMatch(HEADINGS);
    const headings = lines.filter((l) => l.startsWith('#'));
    // title, 12 sections, one per owner in Find out first, 3 horizons, 4 journeys x 2 (maps and answers), one per disagreement
    const owners = new Set(report.findOut.map((i) => i.owner)).size;
    expect(owners).toBeGreaterThan(0);
    expect(report.disagreements.length).toBeGreaterThan(0);
    expect(headings).toHaveLength(1 + 12 + owners + 3 + 4 * 2 + report.disagreements.length);
    const fences = md.split('\n').filter((l) => l.startsWith('```'));
    expect(fences).toEqual(Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? '```mermaid' : '```')));
    lines.forEach((line, i) => {
      expect(line).not.toMatch(/(?<!\\)`/);
      // Indented four spaces: only the continuation of a note or detail after a hard break,
      // or a detail's next paragraph or list inside its "  - How:" item (content at column 4,
      // so never a code block: that would take eight).
      if (/^ {4,}\S/.test(line)) {
        if (lines[i - 1] === '') expect(line).toMatch(/^ {4}\S/);
        else expect(lines[i - 1]).toMatch(/\\$|^ {2}- How:$|^ {4}(?:- |\d+\. )/);
      }
    });
  });

  it('renders to HTML with only its own structure', () => {
    const html = marked.parse(md, { async: false, gfm: true });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<blockquote/i);
    expect(html).not.toMatch(/<pre>(?!<code class="language-mermaid")/);
    expect(html.match(/<h[1-3][ >]/g)).toHaveLength(1 + 12 + new Set(report.findOut.map((i) => i.owner)).size + 3 + 4 * 2 + report.disagreements.length);
    expect(html.match(/<table>/g)?.length).toBe(lines.filter((l, i) => l.startsWith('|') && !lines[i - 1]?.startsWith('|')).length);
    // Bare web addresses in notes become links (GFM autolinks) that show their own address:
    // nothing can hide where a link goes. The only other link is ours.
    const anchors = [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)];
    expect(anchors.length).toBe(html.match(/<a /g)?.length);
    for (const [, href, text] of anchors) {
      if (href === 'docs/scoring.md') expect(text).toBe('the scoring model');
      else {
        expect(href).toMatch(/^https?:\/\//);
        const unescape = (t: string) => t.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
        expect(decodeURI(unescape(href!))).toBe(unescape(text!));
      }
    }
  });

  it('writes Mermaid maps whose lines are all our own syntax, labels made safe', () => {
    const blocks = mermaidBlocks(md);
    expect(blocks).toHaveLength(4);
    for (const block of blocks) {
      expect(block[0]).toBe('flowchart LR');
      for (const line of block.slice(1)) {
        expect(line).toMatch(
          /^ {2}(n\d+\["([^"<>[\]|;`#]|#\d+;)*"\]|n\d+ (-->|-\.->)\|"([^"<>[\]|;`#]|#\d+;)*"\| n\d+|linkStyle [\d,]+ stroke:#c62828,stroke-width:2px,color:#c62828|classDef outside stroke-dasharray:4 3|class [n\d,]+ outside)$/,
        );
        const labels = line.replace(/#\d+;/g, '').match(/"[^"]*"/g) ?? [];
        for (const label of labels) expect(label).not.toMatch(/--/);
      }
    }
  });

  it('marks write links and unlogged links as sensitive', () => {
    const block = mermaidBlocks(md)[0]!;
    const edges = block.filter((l) => /-->|-\.->/.test(l));
    // i0 write + not logged; i1 read + logged; i2 read + logging unknown
    expect(edges.map((e) => (e.includes('-.->') ? 'sensitive' : 'plain'))).toEqual(['sensitive', 'plain', 'sensitive']);
    expect(block).toContain('  linkStyle 0,2 stroke:#c62828,stroke-width:2px,color:#c62828');
  });
});

describe('the markdown export of the demo', () => {
  const md = renderMarkdown(goldenReport(), { version: '1.0.0' });

  it('follows the order a reader needs', () => {
    const order = ['## Summary', '## Heat map', '## Systems and integrations', '## Find out first', '## Fix', '### Now', '### Next', '### Later', '## Visibility gaps', '## Documented but exposed', '## Stale answers', '## Answers', '## How the scores work'];
    const positions = order.map((h) => md.indexOf(`\n${h}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('writes plan items as task-list items with effort, owner, priority and why', () => {
    expect(md).toMatch(/^- \[ \] \*\*.+\*\* — effort [SML] · owner .+ · priority \d+(\.\d)?$/m);
    expect(md).toMatch(/^ {2}- Why: removes risk \d/m);
  });

  it('counts the answers carried over from the last cycle up top, and marks each in the answer tables', () => {
    const report = goldenReport();
    const n = report.cycles.carriedOver;
    expect(n).toBeGreaterThan(1);
    expect(md).toContain(`\n${n} answers were carried over from the last cycle and are not yet confirmed.\n`);
    expect(md).toContain(`\n${n} answers were carried over from the last cycle and not yet confirmed: marked “carried over” beside their date.\n`);
    expect(md.match(/^\|.*\| \d{4}-\d{2}-\d{2}, carried over \|$/gm)).toHaveLength(n);
  });

  it('shows the age of each stale answer', () => {
    const report = goldenReport();
    expect(report.staleAnswers.length).toBeGreaterThan(0);
    for (const s of report.staleAnswers) expect(md).toContain(`| ${s.at.slice(0, 10)} | ${s.ageDays} | ${s.lifetimeDays} |`);
  });

  it('lists the three things to do first in the summary, and the legend under the heat table', () => {
    expect(md).toMatch(/Find out first: \d+ things nobody knew, clearing risk [\d.]+\.\n\nThen fix these 3 first:\n\n1\. \*\*.+\n2\. \*\*.+\n3\. \*\*/);
    expect(md).toContain('🟩 0–24 · 🟨 25–49 · 🟧 50–74 · 🟥 75–100 · ⬜ no figure');
  });
});

describe('answers from an older bank version', () => {
  it('has no such section when every answer fits the bank', () => {
    expect(renderMarkdown(goldenReport(), { version: '1.0.0' })).not.toContain('## Answers from an older bank version');
  });

  it('lists the answers whose question or option the new bank dropped, and reads a renamed option as its new self', () => {
    const v1 = goldenBank();
    const assessment = goldenWorkbook(v1).assessments[0]!;
    const answered = (questionId: string) => assessment.answers.filter((a) => a.questionId === questionId && a.kind === 'option');
    // Version 2 drops a question, drops an option that was chosen, and renames another chosen option.
    const [dropped, trimmed, renamed] = v1.questions.filter((q) => answered(q.id).length > 0);
    const trimmedOption = answered(trimmed!.id)[0]!.optionId!;
    const renamedOption = answered(renamed!.id)[0]!.optionId!;
    const v2 = {
      ...v1,
      version: '2.0.0',
      questions: v1.questions
        .filter((q) => q !== dropped)
        .map((q) =>
          q === trimmed
            ? { ...q, options: q.options.filter((o) => o.id !== trimmedOption) }
            : q === renamed
              ? { ...q, options: q.options.map((o) => (o.id === renamedOption ? { ...o, id: `${o.id}-now`, formerly: [o.id] } : o)) }
              : q,
        ),
    };
    const report = buildReport(v2, meetBank(v2, assessment), GOLDEN_NOW);
    const md = renderMarkdown(report, { version: '1.0.0' });
    const older = [
      ...assessment.answers.filter((a) => a.questionId === dropped!.id),
      ...answered(trimmed!.id).filter((a) => a.optionId === trimmedOption),
    ];
    expect(md).toContain(`\n## Answers from an older bank version\n\nThese ${older.length} answers were given on version 1.0.0 of the bank, and cx-data-exposure 2.0.0 has no place for them:`);
    const section = md.slice(md.indexOf('## Answers from an older bank version'), md.indexOf('\n## Answers\n'));
    expect(section.match(/^\| (?!Journey|-)/gm)).toHaveLength(older.length);
    expect(section).toContain(`| ${dropped!.id} |`);
    expect(section).toContain(`| ${trimmed!.id} | ${trimmedOption} | the bank no longer has this option |`);
    expect(section).not.toContain(`| ${renamed!.id} |`);
    // The renamed answers count, on the option's new id.
    const moved = report.answers.filter((a) => a.questionId === renamed!.id && a.kind === 'option');
    expect(moved.length).toBe(answered(renamed!.id).length);
    expect(moved.filter((a) => a.optionId === `${renamedOption}-now`).length).toBe(answered(renamed!.id).filter((a) => a.optionId === renamedOption).length);
  });
});

describe('hostile texts', () => {
  it('are all covered by the fixture', () => {
    expect(HOSTILE.length).toBeGreaterThan(20);
  });
});
