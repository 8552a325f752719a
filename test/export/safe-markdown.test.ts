/**
 * The markdown subset a bank may use in action details and question help
 * (src/export/safe-markdown.ts): emphasis, lists, http(s) links shown with their
 * address, and everything else literal. Expected outputs written out by hand.
 */
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { safeMarkup } from '../../src/export/html-text.js';
import { safeMarkdown } from '../../src/export/safe-markdown.js';

/** The export's markdown as the HTML export draws it: marked, then cxray's filter. */
const html = (source: string) => safeMarkup(marked.parse(safeMarkdown(source), { async: false, gfm: true }));

describe('safe markdown: the subset a bank may use in details and help', () => {
  it('keeps strong and emphasis, escaping the text around them', () => {
    expect(safeMarkdown('Keep **every** copy *listed* & under_scored names')).toBe('Keep **every** copy *listed* &amp; under\\_scored names');
    expect(safeMarkdown('__strong__ and _em_')).toBe('**strong** and *em*');
  });

  it('keeps an http or https link with its address shown; the address is the link', () => {
    expect(safeMarkdown('See [the model](https://example.org/model).')).toBe('See the model (<https://example.org/model>).');
    expect(safeMarkdown('See [the **model**](http://example.org/a_b?x=1&y=2).')).toBe('See the **model** (<http://example.org/a_b?x=1&y=2>).');
    // In the terminal the address follows the text, as text.
    expect(safeMarkdown('See [the model](https://example.org/model).', '', 'terminal')).toBe('See the model (https://example.org/model).');
    expect(html('See [the model](https://example.org/model).')).toBe('<p>See the model (<a href="https://example.org/model">https://example.org/model</a>).</p>\n');
  });

  it('leaves any other link target as text: javascript:, data:, a relative path, mailto:', () => {
    expect(safeMarkdown('[run](javascript:alert(1))')).toBe('\\[run\\]\\(javascript:alert\\(1\\)\\)');
    expect(safeMarkdown('[x](JavaScript:alert`1`)')).toBe('\\[x\\]\\(JavaScript:alert\\`1\\`\\)');
    expect(safeMarkdown('[img](data:text/html;base64,PHNjcmlwdD4=)')).toBe('\\[img\\]\\(data:text/html;base64,PHNjcmlwdD4=\\)');
    expect(safeMarkdown('[file](docs/x.md)')).toBe('\\[file\\]\\(docs/x.md\\)');
    expect(safeMarkdown('[mail](mailto:a@example.org)')).toBe('\\[mail\\]\\(mailto\\[:\\]a\\[@\\]example.org\\)');
    expect(html('[run](javascript:alert(1))')).not.toMatch(/<a |href/);
    // An address with a quote or an angle bracket in it is no link either.
    expect(safeMarkdown('[q](https://example.org/"onclick=x)')).toBe('\\[q\\]\\(https\\[:\\]//example.org/"onclick=x\\)');
  });

  it('keeps nested brackets literal and never makes a link inside a link', () => {
    expect(safeMarkdown('[a [b] c](https://example.org)')).toBe('\\[a \\[b\\] c\\]\\(https\\[:\\]//example.org\\)');
    expect(safeMarkdown('[[inner](https://a.example)](https://b.example)')).toBe('\\[inner (<https://a.example>)\\]\\(https\\[:\\]//b.example\\)');
    expect(safeMarkdown('[x]](https://example.org)')).toBe('\\[x\\]\\]\\(https\\[:\\]//example.org\\)');
  });

  it('keeps bullet and numbered lists, renumbered from 1, and paragraphs apart', () => {
    expect(safeMarkdown('Check:\n\n- one\n* two\n\n3. first\n4. second\n\nDone.', '  ')).toBe('Check:\n\n  - one\n  - two\n\n  1. first\n  2. second\n\n  Done.');
  });

  it('keeps a line break within a paragraph as a hard break at the indent', () => {
    expect(safeMarkdown('Line one\nline two', '    ')).toBe('Line one\\\n    line two');
  });

  it('escapes everything else: headings, code, HTML, images, quotes, tables, bare addresses', () => {
    expect(safeMarkdown('# Heading\n`code`\n<b>x</b>\n<script>alert(1)</script>\n> quote\n| a | b |\nhttps://example.org')).toBe(
      [
        '\\# Heading',
        '\\`code\\`',
        '&lt;b&gt;x&lt;/b&gt;',
        '&lt;script&gt;alert\\(1\\)&lt;/script&gt;',
        '&gt; quote',
        '\\| a \\| b \\|',
        'https\\[:\\]//example.org',
      ].join('\\\n'),
    );
    const out = html('<img src=x onerror=alert(1)> **ok** <a href="https://evil.example">x</a>');
    expect(out).toBe('<p>&lt;img src=x onerror=alert(1)&gt; <strong>ok</strong> &lt;a href=&quot;https[:]//evil.example&quot;&gt;x&lt;/a&gt;</p>\n');
  });

  it('keeps an image literal but makes its brackets the link they are, address shown', () => {
    expect(safeMarkdown('![img](https://example.org/i.png)')).toBe('\\!img (<https://example.org/i.png>)');
  });

  it('strips terminal control sequences and other controls from the source', () => {
    expect(safeMarkdown('ok\u001b[31m red\u0007\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007')).toBe('ok redlink');
    expect(safeMarkdown('a\u0000b\u202ec')).toBe('abc');
  });
});
