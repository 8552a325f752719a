/**
 * JSON as cxray writes it: JSON.stringify's text with every character a terminal, an
 * editor or a diff view could act on or hide written as a `\uXXXX` escape: DEL and the
 * C1 controls (U+007F-U+009F), bidirectional controls and invisible format characters
 * (U+061C, U+200B-U+200F, U+2028-U+202E, U+2060-U+2069, U+FEFF). JSON.stringify already
 * escapes the C0 controls. The value read back is the same: only its spelling changes.
 * Pure.
 */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
const ANY_UNSAFE = new RegExp(UNSAFE_IN_JSON.source);

/** `json` (JSON text) with the characters above escaped. They can only stand inside strings. */
export function escapeJsonText(json: string): string {
  if (!ANY_UNSAFE.test(json)) return json;
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON.stringify(value, null, indent), escaped; for every JSON text cxray writes. */
export function toJson(value: unknown, indent = 2): string {
  return escapeJsonText(JSON.stringify(value, null, indent));
}
