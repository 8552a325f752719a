/**
 * Markdown drawn in the terminal with marked-terminal. Both libraries (and the syntax
 * highlighter marked-terminal pulls in) cost about 100 ms to load, so they are imported
 * the first time something needs them, never at start-up.
 *
 * Bank and workbook text is data: the markdown source is stripped of every control
 * sequence before it is parsed, and the output keeps only the styling (SGR) sequences
 * marked-terminal adds (never a hyperlink, title or clipboard sequence).
 */
import { useEffect, useState } from 'react';
import { plainText } from '../core/terminal-text.js';

export type RenderMarkdown = (markdown: string, width: number) => string;

let loading: Promise<RenderMarkdown> | undefined;

// SGR: ESC [ params m. Everything else that starts with ESC or is a C1 control goes.
const ANY_SEQUENCE = /\u001b\][\s\S]*?(?:\u0007|\u001b\\)|\u001b\[[0-?]*[ -/]*[@-~]|\u001b[PX^_][\s\S]*?\u001b\\|\u001b[ -/]*[0-~]?|[\u0080-\u009f]/g;
const SGR = /^\u001b\[[0-9;]*m$/;

/** marked-terminal's output with only styling sequences left (none at all without colour). */
export function keepStyling(output: string, color: boolean): string {
  return output.replace(ANY_SEQUENCE, (sequence) => (color && SGR.test(sequence) ? sequence : ''));
}

/**
 * The source as the terminal should see it: no control sequences, and task-list boxes
 * ("- [ ] ") as plain bullets (marked-terminal would draw the box twice; the TUI has
 * nothing to tick).
 */
export function terminalSource(markdown: string): string {
  return plainText(markdown).replace(/^(\s*)([-*+]) \[[ xX]\] /gm, '$1$2 ');
}

type Wrap = (text: string, columns: number, options: { hard: boolean; trim: boolean }) => string;

/**
 * Lines cut to `width` columns, continuation lines indented under the text of their
 * line (after its indentation and bullet), so list items stay readable when wrapped. A
 * hard line break inside a paragraph (a `|-` block in a bank's detail becomes one)
 * reaches here as the carriage return marked-terminal draws it: it starts a new line at
 * the same hanging indent, never a return to column 0 that would overwrite the line.
 */
export function hangingWrap(text: string, width: number, wrap: Wrap): string {
  return text
    .split('\n')
    .map((line) => {
      const lead = /^ */.exec(line)![0].length;
      const bullet = /^ *(?:\u001b\[[0-9;]*m)*(?:[*+-]|\d+\.) /.exec(line) ? 2 : 0;
      const indent = Math.min(lead + bullet, Math.floor(width / 2));
      const [firstPiece = '', ...breaks] = line.slice(lead).split('\r');
      const pieces = [firstPiece, ...breaks.map((p) => p.replace(/^ +/, ''))];
      const wrapped = pieces.flatMap((piece) => wrap(piece, Math.max(10, width - indent), { hard: true, trim: false }).split('\n'));
      const [first = '', ...rest] = wrapped;
      return [' '.repeat(lead) + first, ...rest.map((r) => ' '.repeat(indent) + r.replace(/^ +/, ''))].join('\n');
    })
    .join('\n');
}

/** Loads marked and marked-terminal once; later calls share the same promise. */
export function loadMarkdown(): Promise<RenderMarkdown> {
  loading ??= (async () => {
    const [{ Marked }, { markedTerminal }, { default: wrapAnsi }] = await Promise.all([
      import('marked'),
      import('marked-terminal'),
      // Ink's own wrapper (a dependency of ink): list items are not reflowed by marked-terminal.
      import('wrap-ansi'),
    ]);
    const byWidth = new Map<number, (source: string) => string>();
    return (markdown: string, width: number) => {
      let parse = byWidth.get(width);
      if (!parse) {
        const marked = new Marked<string, string>(markedTerminal({ width, reflowText: true, showSectionPrefix: false, emoji: false, tab: 2 }));
        // marked-terminal draws a text token from its raw text, so **bold** inside a list
        // item would show its asterisks: draw its inline tokens instead.
        marked.use({
          renderer: {
            text(token) {
              return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : false;
            },
          },
        });
        parse = (source) => hangingWrap(marked.parse(source, { async: false }), width, wrapAnsi);
        byWidth.set(width, parse);
      }
      return parse(terminalSource(markdown)).replace(/\s+$/, '');
    };
  })();
  return loading;
}

/**
 * `markdown` rendered for `width` columns once the renderer has loaded (undefined until
 * then, or while `enabled` is false, which also keeps the libraries unloaded).
 */
export function useMarkdown(markdown: string | undefined, width: number, color: boolean, enabled = true): string | undefined {
  const [rendered, setRendered] = useState<{ key: string; text: string } | undefined>();
  const key = `${width}\u0000${color}\u0000${markdown ?? ''}`;
  useEffect(() => {
    if (!enabled || markdown === undefined) return;
    let live = true;
    void loadMarkdown().then((render) => {
      if (live) setRendered({ key, text: keepStyling(render(markdown, width), color) });
    });
    return () => {
      live = false;
    };
  }, [key, enabled, markdown, width, color]);
  return rendered?.key === key ? rendered.text : undefined;
}
