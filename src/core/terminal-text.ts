/**
 * Text from a bank or a workbook is data, never terminal commands. `plainText` removes
 * every control sequence (CSI, OSC including hyperlinks and clipboard writes, DCS, SOS,
 * PM, APC, their 8-bit C1 forms), every other C0/C1 control (carriage return, backspace,
 * bell, escape), DEL and bidirectional overrides, keeping only newlines and tabs.
 * Pure: no I/O.
 */

// String-terminated sequences: OSC, DCS, SOS, PM, APC, in 7-bit (ESC x) and 8-bit form,
// ended by BEL or ST (ESC \ or 0x9C), or running to the end of the text when unterminated.
const STRING_SEQUENCE = /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)/g;
// Control sequences: CSI parameters, intermediates and a final byte.
const CSI_SEQUENCE = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?/g;
// Any other escape: ESC, optional intermediates, one final byte.
const ESCAPE_SEQUENCE = /\u001b[ -/]*[0-~]?/g;
// Remaining controls except \t and \n; DEL; C1; bidi embeddings, overrides and isolates.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// Every sequence above starts with a character of CONTROLS (ESC or a C1 control), so
// text without one is returned as it is: one scan instead of four replacements (the
// markdown export calls this for every cell of every answer).
const ANY_CONTROL = new RegExp(CONTROLS.source);

export function plainText(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text
    .replace(STRING_SEQUENCE, '')
    .replace(CSI_SEQUENCE, '')
    .replace(ESCAPE_SEQUENCE, '')
    .replace(CONTROLS, '');
}

/** `plainText` on one line: newlines and tabs become spaces too. */
export function plainLine(text: string): string {
  return plainText(text).replace(/[\n\t]+/g, ' ');
}
