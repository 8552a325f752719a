/**
 * User and bank text in Jira's wiki markup (the markup of descriptions the CSV importer
 * reads): every character with a meaning in it is escaped with a backslash, so a note
 * cannot make a table cell, a link ([x|y]), a macro ({code}, {html}), an image (!x!),
 * a mention ([~user]), emphasis, an icon ((x), (!)) or an emoticon (:), ;)), and cannot
 * autolink (the ":" of "https://" is escaped too). Line breaks become spaces, so no user
 * text starts a line (h1. or bq. at a line start would be a heading or a quote). Pure.
 */
import { plainLine } from '../core/terminal-text.js';

// Markup characters of Jira's wiki renderer, and the punctuation of its icons and emoticons.
const JIRA_SPECIAL = /[\\*_+\-^~?{}[\]|!#():;]/g;

/** One line of text, safe anywhere in a Jira description: in a paragraph, a list item or a table cell. */
export function jiraInline(text: string): string {
  return plainLine(text).replace(/\s+/g, ' ').trim().replace(JIRA_SPECIAL, (c) => `\\${c}`);
}

/** A Jira table: a header row (|| cells ||) and rows whose cells are already escaped. */
export function jiraTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`||${header.join('||')}||`, ...rows.map((r) => `|${r.map((c) => (c === '' ? ' ' : c)).join('|')}|`)];
}
