/**
 * Escaping user and bank text for GitHub-flavoured markdown and Mermaid. Whatever a
 * note or a name holds, it stays text: it cannot open a code fence, close a table cell,
 * start a heading, a list or a quote, form a link or an image, or reach the page as
 * HTML. GitHub also turns bare addresses into links (autolinks: `https://…`, `www.…`,
 * `name@example.com`, and `@name` pings a user), after escapes are read, so no
 * backslash can stop it: such text is defanged as security reports do, `https[:]//`,
 * `www[.]`, `[@]`, which reads the same and links nowhere. Pure.
 */
import { plainText } from '../core/terminal-text.js';

// Punctuation with a meaning somewhere in GFM inline syntax; a backslash makes it literal.
// &, < and > become entities instead, so no HTML reaches the page.
const ESCAPED = /[&<>\\`*_[\]()!|~#]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const escapeChar = (c: string) => ENTITIES[c] ?? `\\${c}`;

// A line that escapeLine would return unchanged: none of the characters it escapes, no
// tab or double space, nothing to trim, no block marker or digit at the start, nothing
// GitHub would autolink.
const UNCHANGED_BY_ESCAPE = /[&<>\\`*_[\]()!|~#\t@]| {2}|^[\s+=0-9-]|\s$|www\.|\b(?:https?|ftp|mailto|xmpp):/i;

// What GitHub autolinks: a scheme (https://, mailto:, xmpp: …), www., an e-mail address
// or an @mention. The brackets added are escaped with the rest of the punctuation.
const AUTOLINKED = /\b(?:https?|ftp|mailto|xmpp):|\bwww\.|@/i;
const AUTOLINK_SCHEME = /\b(https?|ftp|mailto|xmpp):/gi;
const AUTOLINK_WWW = /\b(www)\./gi;

function defang(line: string): string {
  if (!AUTOLINKED.test(line)) return line;
  return line.replace(AUTOLINK_SCHEME, '$1[:]').replace(AUTOLINK_WWW, '$1[.]').replace(/@/g, '[@]');
}

// Runs of spaces would mean nothing in markdown and four of them open a code block.
const SPACE_RUN = /\t| {2}/;

function escapeLine(line: string): string {
  if (!UNCHANGED_BY_ESCAPE.test(line)) return line;
  let escaped = defang(line).replace(ESCAPED, escapeChar);
  if (SPACE_RUN.test(escaped)) escaped = escaped.replace(/[ \t]+/g, ' ');
  escaped = escaped.trim();
  // At the start of a line these open a block: a list item or a thematic break (- +), a
  // setext heading underline (=), an ordered list item ("1. " or "1) ").
  return escaped.replace(/^[-+=]/, '\\$&').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * A piece of a line, safe inline wherever it stands (its spaces kept, runs of them made
 * one, nothing trimmed): what mdInline does to a line, less what only a whole line needs.
 */
export function mdText(piece: string): string {
  return defang(plainText(piece)).replace(ESCAPED, escapeChar).replace(/[ \t]{2,}/g, ' ');
}

/**
 * One line of text, safe anywhere inline: in a paragraph, a list item, emphasis or a
 * table cell. Newlines become spaces.
 */
export function mdInline(text: string): string {
  // The same prompts, labels and names come back for every journey: kept (short texts only, so notes do not fill it).
  const kept = inlineKept.get(text);
  if (kept !== undefined) return kept;
  const plain = plainText(text);
  const md = escapeLine(plain.includes('\n') ? plain.replace(/\s*\n\s*/g, ' ') : plain);
  if (text.length <= INLINE_KEPT_LENGTH) {
    if (inlineKept.size >= INLINE_KEPT_COUNT) inlineKept.clear();
    inlineKept.set(text, md);
  }
  return md;
}
const inlineKept = new Map<string, string>();
const INLINE_KEPT_LENGTH = 300;
const INLINE_KEPT_COUNT = 8192;

/** Text for a table cell (the same as inline: `|` is escaped, newlines become spaces). */
export const mdCell = mdInline;

/**
 * Text of several lines (a note) inside a list item or a paragraph: each line escaped,
 * blank lines dropped (they would end the list item), lines joined by a hard break and
 * indented by `indent` so they stay inside the item.
 */
export function mdBlock(text: string, indent = ''): string {
  return plainText(text)
    .split(/\r?\n|\r/)
    .map(escapeLine)
    .filter((line) => line !== '')
    .join(`\\\n${indent}`);
}

/**
 * A GFM table: the header, the alignment row (`l` left, `r` right) and the rows, whose
 * cells are already escaped (mdCell).
 */
export function mdTable(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string[] {
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [row(header), `|${align.map((a) => (a === 'r' ? ' ---: ' : ' --- ')).join('|')}|`, ...rows.map(row)];
}

/**
 * A Mermaid label, to be written between double quotes. ASCII punctuation other than a
 * harmless few becomes a Mermaid entity (#60; for <), and so does a hyphen before
 * another, so quotes, brackets, pipes, arrows (-->), semicolons, backticks, entities
 * (#) and HTML cannot break out. Line breaks become spaces.
 */
export function mermaidLabel(text: string): string {
  return plainText(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[^A-Za-z0-9 .,:'/_+?!%=@\u0080-\u{10ffff}-]|-(?=-)/gu, (c) => `#${c.codePointAt(0)};`);
}
