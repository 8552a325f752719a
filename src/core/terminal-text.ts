/**
 * Text from a bank, a workbook, an argument or a file name is data, never terminal
 * commands, and never hidden. `plainText` removes every control sequence (CSI, OSC
 * including hyperlinks and clipboard writes, DCS, SOS, PM, APC, their 8-bit C1 forms),
 * every other C0/C1 control (carriage return, backspace, bell, escape), DEL,
 * bidirectional controls and the invisible format characters (zero-width spaces and
 * joiners, word joiners, line and paragraph separators, the byte-order mark), keeping
 * only newlines, tabs, and a zero-width joiner inside an emoji sequence (👩‍💻).
 * `visibleKey` is how names and labels are compared, so that two that look the same are
 * the same. `terminalOutput` is the filter every byte cxray prints passes through
 * (src/terminal-write.ts). Pure: no I/O.
 */

// String-terminated sequences: OSC, DCS, SOS, PM, APC, in 7-bit (ESC x) and 8-bit form,
// ended by BEL or ST (ESC \ or 0x9C), or running to the end of the text when unterminated.
const STRING_SEQUENCE = /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)/g;
// Control sequences: CSI parameters, intermediates and a final byte.
const CSI_SEQUENCE = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?/g;
// Any other escape: ESC, optional intermediates, one final byte.
const ESCAPE_SEQUENCE = /\u001b[ -/]*[0-~]?/g;
// Remaining controls except \t and \n; DEL; C1.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/**
 * Invisible format characters: Arabic letter mark, zero-width space / non-joiner /
 * joiner, LRM and RLM, line and paragraph separators, bidi embeddings and overrides,
 * word joiner and invisible operators, bidi isolates, the byte-order mark (zero-width
 * no-break space). A joiner between two pictographs (an emoji sequence, optionally after
 * a variation selector or a skin tone) is kept: it draws one emoji.
 */
export const INVISIBLE_CHARACTERS = /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- the class holds the skin-tone modifiers as a range on purpose: an emoji before a joiner may carry one
  /(?<!\p{Extended_Pictographic}[\u{fe0f}\u{1f3fb}-\u{1f3ff}]?)\u200d|\u200d(?!\p{Extended_Pictographic})|[\u061c\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

// Every sequence above starts with a character of CONTROLS (ESC or a C1 control), so
// text without one of these is returned as it is: one scan instead of five replacements
// (the markdown export calls this for every cell of every answer).
const ANY_CONTROL = new RegExp(`${CONTROLS.source}|${INVISIBLE_CHARACTERS.source}`);

export function plainText(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text
    .replace(STRING_SEQUENCE, '')
    .replace(CSI_SEQUENCE, '')
    .replace(ESCAPE_SEQUENCE, '')
    .replace(CONTROLS, '')
    .replace(INVISIBLE, '');
}

/** `plainText` on one line: newlines and tabs become spaces too. */
export function plainLine(text: string): string {
  return plainText(text).replace(/[\n\t]+/g, ' ');
}

/** Only the invisible characters of `plainText` removed (controls kept as they are). */
export function withoutInvisibles(text: string): string {
  return INVISIBLE_CHARACTERS.test(text) ? text.replace(INVISIBLE, '') : text;
}

/**
 * The key two names or labels are compared by: what a person sees (invisible characters
 * and controls removed, spaces folded, trimmed), in lower case. "Q4" and "Q\u200b4" are
 * the same label.
 */
export function visibleKey(text: string): string {
  return plainLine(text).replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');
}

// Select Graphic Rendition (colour, bold, dim, reset): the only sequence styled output
// keeps; and a line end CRLF (a CSV file printed to a pipe), whose CR is harmless.
const KEEP_STYLED = /(\u001b\[[0-9;:]*m|\r\n)/;
const KEEP_PLAIN = /(\r\n)/;

/**
 * What cxray prints: `plainText`, except that CRLF line ends stay where the text has
 * them (CSV), and, in `styled` text (cxray's own colour tables), SGR colour sequences
 * stay too. Nothing else a terminal would act on gets through: no cursor move, no
 * query, no title, no hyperlink, no clipboard write, no C1 control, nothing invisible.
 * The text is cut at what is kept and each piece filtered on its own, so no piece can
 * join another into a sequence.
 */
export function terminalOutput(text: string, options: { styled?: boolean } = {}): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text
    .split(options.styled ? KEEP_STYLED : KEEP_PLAIN)
    .map((part, i) => (i % 2 === 1 ? part : plainText(part)))
    .join('');
}
