/**
 * Text as one word of a POSIX shell command line. Everything goes between single quotes,
 * where the shell gives no character a meaning ($, `, \, ", ;, |, newlines, globs stay
 * literal); a single quote is written '\'' (end the quoted part, an escaped quote, start
 * again). Terminal controls and NUL (which no argument can hold) are removed first. Pure.
 */
import { plainText } from '../core/terminal-text.js';

/** `text` as a single shell word. */
export function shQuote(text: string): string {
  return `'${plainText(text).replace(/\u0000/g, '').replace(/'/g, `'\\''`)}'`;
}

/** `text` as a shell comment's text: one line, nothing after it can become a command. */
export function shComment(text: string): string {
  return plainText(text).replace(/[\r\n]+/g, ' ');
}
