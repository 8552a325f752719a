/**
 * Text and markup for the HTML report. `esc` makes any text HTML text (terminal
 * controls removed, & < > " ' as entities), safe in element content and in quoted
 * attributes. `safeMarkup` checks HTML made by marked from cxray's escaped markdown: it
 * keeps only the elements and attributes cxray's markdown can produce, turns a link
 * whose address is not http or https into its text, and shows every kept link's address
 * beside it, so nothing in the report can run, load or hide where it leads. Pure.
 */
import { plainText } from '../core/terminal-text.js';
import { httpUrl } from './links.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Any text as HTML text. */
export function esc(text: string): string {
  return plainText(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

// The elements marked writes for cxray's markdown, and no attribute but these.
const ELEMENTS = new Set(['h1', 'h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'em', 'del', 'code', 'pre', 'br', 'hr', 'input', 'a']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)\s*(\/?)>/g;
const ATTRIBUTE = /\s+([a-zA-Z-]+)(?:="([^"]*)")?/g;

/**
 * marked's HTML with only what cxray's markdown makes: other tags are escaped as text,
 * attributes other than alignment, a disabled checkbox and an http(s) link are dropped.
 */
export function safeMarkup(html: string): string {
  let out = '';
  let last = 0;
  // An <a> whose address is not kept: its closing tag is dropped too.
  const openLinks: ({ url: string; start: number } | null)[] = [];
  for (const match of html.matchAll(TAG)) {
    out += escapeStray(html.slice(last, match.index));
    last = match.index + match[0].length;
    const [, closing, rawName, rawAttributes] = match;
    const name = rawName!.toLowerCase();
    if (!ELEMENTS.has(name)) {
      out += esc(match[0]);
      continue;
    }
    if (name === 'a') {
      if (closing) {
        const kept = openLinks.pop();
        if (kept) {
          // A link shows where it leads: its address, when its text is anything else.
          const text = decodeEntities(out.slice(kept.start).replace(/<[^>]*>/g, ''));
          out += text === kept.url ? '</a>' : `</a> <span class="url">(${esc(kept.url)})</span>`;
        }
        continue;
      }
      const href = /\shref="([^"]*)"/.exec(rawAttributes ?? '')?.[1];
      const url = httpUrl(decodeEntities(href ?? ''));
      if (url) out += `<a href="${esc(url)}">`;
      openLinks.push(url ? { url, start: out.length } : null);
      continue;
    }
    if (closing) {
      out += `</${name}>`;
      continue;
    }
    const kept: string[] = [];
    for (const [, attribute, value] of (rawAttributes ?? '').matchAll(ATTRIBUTE)) {
      const a = attribute!.toLowerCase();
      if (a === 'align' && /^(left|right|center)$/.test(value ?? '')) kept.push(`class="align-${value}"`);
      if (name === 'input' && (a === 'checked' || a === 'disabled')) kept.push(a);
      if (name === 'input' && a === 'type' && value === 'checkbox') kept.push('type="checkbox"');
    }
    if (name === 'input' && !kept.includes('type="checkbox"')) continue;
    if (name === 'input' && !kept.includes('disabled')) kept.push('disabled');
    out += `<${name}${kept.length > 0 ? ` ${kept.join(' ')}` : ''}>`;
  }
  out += escapeStray(html.slice(last));
  return out;
}

/** Text between tags: marked has escaped it; a stray < or > is escaped again. */
function escapeStray(text: string): string {
  return text.replace(/[<>]/g, (c) => ENTITIES[c]!);
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
}
