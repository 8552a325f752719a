/**
 * No link, image or HTML in a markdown export comes from user or bank text (issue 15,
 * item 7), read as GitHub reads it: marked in GFM mode, whose autolinks turn bare
 * addresses, www. and e-mail addresses into links.
 */
import { marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report.js';
import { mdBlock, mdInline } from '../../src/export/markdown-text.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { GOLDEN_NOW, goldenBank } from './golden-fixtures.js';
import { HOSTILE, hostileAssessment, hostileBank } from './hostile.js';

const AUTOLINK_ATTACKS = [
  'see https://evil.example/x?y=1 now',
  'HTTP://EVIL.EXAMPLE',
  'www.evil.example/path',
  'write to ana@evil.example',
  'mailto:ana@evil.example',
  'xmpp:ana@evil.example',
  'ftp://evil.example/file',
  'ping @octocat',
  '<https://evil.example>',
  '[x](https://evil.example)',
  '![i](https://evil.example/i.png)',
  '<!-- a comment -->',
  '<img src=x onerror=alert(1)>',
  'http&#58;//evil.example',
  '[ref]: https://evil.example',
  '(www.evil.example)',
  'a.b@c.d.example, e_f@g.example',
];

/** Every token marked (GFM) finds in `markdown`, nested ones too. */
function tokens(markdown: string): Token[] {
  const all: Token[] = [];
  marked.walkTokens(marked.lexer(markdown, { gfm: true }), (t) => void all.push(t));
  return all;
}
const live = (markdown: string) => tokens(markdown).filter((t) => t.type === 'link' || t.type === 'image' || t.type === 'html' || t.type === 'def');

describe('user and bank text in markdown', () => {
  it.each([...AUTOLINK_ATTACKS, ...HOSTILE])('%j: no link, image or HTML, inline or as a block', (text) => {
    for (const md of [mdInline(text), mdBlock(text), `- ${mdInline(text)}`, `| a |\n| --- |\n| ${mdInline(text)} |`]) {
      expect(live(md)).toEqual([]);
      // No bare @ either (an @mention pings a GitHub user).
      expect(md).not.toMatch(/(^|[^[])@/);
    }
  });

  it('still reads as the text (defanged the way security reports do)', () => {
    expect(mdInline('see https://evil.example/x and www.evil.example, ana@evil.example')).toBe(
      'see https\\[:\\]//evil.example/x and www\\[.\\]evil.example, ana\\[@\\]evil.example',
    );
    const html = marked.parse(mdInline('see https://evil.example/x'), { gfm: true, async: false });
    expect(html).toBe('<p>see https[:]//evil.example/x</p>\n');
  });

  it('a whole export of a hostile workbook: the only links are the renderer\'s own', () => {
    const bank = hostileBank(goldenBank());
    const assessment = hostileAssessment(bank, GOLDEN_NOW.toISOString());
    assessment.answers = assessment.answers.map((a, i) => ({ ...a, note: `${a.note} ${AUTOLINK_ATTACKS[i % AUTOLINK_ATTACKS.length]}` }));
    assessment.journeys = assessment.journeys.map((j, i) => ({ ...j, name: `${j.name} ${AUTOLINK_ATTACKS[i]}` }));
    assessment.organisation = 'www.evil.example';
    assessment.facilitator = 'ana@evil.example';
    const markdown = renderMarkdown(buildReport(bank, assessment, GOLDEN_NOW), { version: '0.0.0' });
    const found = live(markdown);
    expect(found.length).toBeGreaterThan(0);
    for (const t of found) {
      expect(t.type).toBe('link');
      expect((t as { href: string }).href).toMatch(/^docs\/|^https:\/\/github\.com\//);
    }
    expect(markdown).not.toMatch(/https?:\/\/evil/i);
  });
});
