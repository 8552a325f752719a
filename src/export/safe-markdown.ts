/**
 * The markdown a bank may use in an action's detail and a question's help, and nothing
 * more: paragraphs (a line break kept as one), bullet and numbered lists, **strong** and
 * *emphasis*, and links whose target is an http or https address, always shown with
 * that address. Everything else (headings, code, HTML, images, tables, quotes, links to
 * anything but http/https) stays literal text, escaped for the target. One parse, two
 * outputs: markdown for the exports, where a link reads "text (<https://…>)" (the
 * address is the link, so a reader always sees where it leads, and the HTML export's
 * marked draws it as one link), and markdown for the terminal, where it reads
 * "text (https://…)". Pure.
 */
import { plainText } from '../core/terminal-text.js';
import { httpUrl } from './links.js';
import { mdText } from './markdown-text.js';

type Inline = { kind: 'text'; text: string } | { kind: 'strong' | 'em'; children: Inline[] } | { kind: 'link'; label: Inline[]; url: string };

export type SafeBlock = { kind: 'paragraph'; lines: Inline[][] } | { kind: 'list'; ordered: boolean; items: Inline[][][] };

const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const NUMBERED = /^ {0,3}\d{1,9}[.)][ \t]+(.*)$/;
// Emphasis by asterisks, or by underscores at word edges (snake_case stays text); a link
// [label](target) with a target of no spaces or parentheses.
const INLINE = /\*\*(?=\S)([\s\S]*?\S)\*\*|__(?=\S)([\s\S]*?\S)__(?!\w)|\*(?=[^\s*])([^*]*?[^\s*])\*|(?<!\w)_(?=[^\s_])([^_]*?[^\s_])_(?!\w)|\[([^\]\n]+)\]\(([^()\s]+)\)/g;

/** The inline pieces of one line. */
function inline(text: string, depth = 0): Inline[] {
  if (depth > 3) return [{ kind: 'text', text }];
  const out: Inline[] = [];
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    const start = m.index;
    if (start > at) out.push({ kind: 'text', text: text.slice(at, start) });
    const [whole, strong1, strong2, em1, em2, label, target] = m;
    if (strong1 !== undefined || strong2 !== undefined) out.push({ kind: 'strong', children: inline(strong1 ?? strong2!, depth + 1) });
    else if (em1 !== undefined || em2 !== undefined) out.push({ kind: 'em', children: inline(em1 ?? em2!, depth + 1) });
    else {
      const url = httpUrl(target);
      // Any other target (javascript:, a relative path, mailto:) stays literal text.
      out.push(url ? { kind: 'link', label: inline(label!, depth + 1).filter((p) => p.kind !== 'link'), url } : { kind: 'text', text: whole });
    }
    at = start + whole.length;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}

/** The blocks of a detail or a help text. */
export function parseSafeMarkdown(source: string): SafeBlock[] {
  const blocks: SafeBlock[] = [];
  let paragraph: Inline[][] | undefined;
  let list: Extract<SafeBlock, { kind: 'list' }> | undefined;
  let item: Inline[][] | undefined;
  const end = () => {
    paragraph = undefined;
    list = undefined;
    item = undefined;
  };
  for (const raw of plainText(source).split(/\r?\n|\r/)) {
    const line = raw.replace(/\t/g, '  ');
    if (line.trim() === '') {
      if (paragraph) paragraph = undefined;
      else if (item) item = undefined; // a blank line inside a list: the next item may follow
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = numbered !== null;
      if (!list || list.ordered !== ordered || paragraph) {
        paragraph = undefined;
        list = { kind: 'list', ordered, items: [] };
        blocks.push(list);
      }
      item = [inline((bullet ?? numbered)![1]!.trim())];
      list.items.push(item);
      continue;
    }
    if (item && /^\s/.test(line)) {
      // A continuation of the list item above.
      item.push(inline(line.trim()));
      continue;
    }
    if (list) end();
    if (!paragraph) {
      paragraph = [];
      blocks.push({ kind: 'paragraph', lines: paragraph });
    }
    paragraph.push(inline(line.trim()));
  }
  return blocks;
}

type Target = 'export' | 'terminal';

function renderInline(pieces: Inline[], target: Target): string {
  return pieces
    .map((p) => {
      if (p.kind === 'text') return mdText(p.text);
      if (p.kind !== 'link') return p.kind === 'strong' ? `**${renderInline(p.children, target)}**` : `*${renderInline(p.children, target)}*`;
      const label = renderInline(p.label, target);
      // The address is always shown, after the text: in an export as an autolink (httpUrl
      // allows no space, quote or angle bracket in it), in the terminal as text (a
      // terminal link would hide it).
      return target === 'export' ? `${label} (<${p.url}>)` : `${label} (${linkText(p.url)})`;
    })
    .join('');
}

/** An address as text in the terminal's markdown: its markdown punctuation escaped. */
function linkText(url: string): string {
  return url.replace(/[\\`*_[\]()!|~#<>&]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

/** A line's text, safe at the start of a line (no block marker after the escapes). */
function lineStart(text: string): string {
  return text.replace(/^[-+=]/, '\\$&').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * The blocks as markdown, every block after the first on a line of its own indented by
 * `indent` (so that they stay inside the list item they are written in), blocks apart by
 * a blank line, a paragraph's lines joined by a hard break.
 */
export function safeMarkdown(source: string, indent = '', target: Target = 'export'): string {
  const out: string[] = [];
  for (const block of parseSafeMarkdown(source)) {
    const lines =
      block.kind === 'paragraph'
        ? [block.lines.map((l) => lineStart(renderInline(l, target))).filter(Boolean).join(`\\\n${indent}`)]
        : block.items.map((item, i) => {
            const marker = block.ordered ? `${i + 1}. ` : '- ';
            const pad = ' '.repeat(marker.length);
            return `${marker}${item.map((l) => renderInline(l, target)).filter(Boolean).join(`\\\n${indent}${pad}`)}`;
          });
    out.push(lines.join(`\n${indent}`));
  }
  return out.join(`\n\n${indent}`);
}
