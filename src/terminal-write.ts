/**
 * The one way text reaches standard output and standard error. Everything cxray prints,
 * a report, a message, an error naming a workbook's assessments or a file the user
 * typed, goes through `terminalOutput` (src/core/terminal-text.ts), the filter the TUI
 * uses too: no control sequence, C1 control or invisible character from a workbook, a
 * bank, an argument or a file name reaches the terminal. Only `styled` text (cxray's own
 * colour tables) keeps its SGR colours. test/cli/output-gate.test.ts fails if anything
 * in src/ writes to the streams another way. (The TUI draws through Ink, whose every
 * text is filtered where it is drawn; its switch to the alternate screen is the one
 * other write.)
 */
import { terminalOutput } from './core/terminal-text.js';

export interface WriteOptions {
  /** cxray's own colour (SGR) sequences stay; everything else is filtered as always. */
  styled?: boolean;
}

/** Writes `text`, filtered, to standard output or standard error. */
export function writeTerminal(stream: 'stdout' | 'stderr', text: string, options: WriteOptions = {}): void {
  const target = stream === 'stdout' ? process.stdout : process.stderr;
  target.write(terminalOutput(text, options));
}
