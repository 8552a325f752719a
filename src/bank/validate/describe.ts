/**
 * Values and places named as a person would in a message: text "…", question "x",
 * option "y" of question "x". Shared by the steps that report problems.
 */
import type { DataPath } from './problems.js';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasOwn(object: unknown, key: string): boolean {
  return isPlainObject(object) && Object.prototype.hasOwnProperty.call(object, key);
}

export function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isPlainObject(value) && hasOwn(value, String(segment))) value = value[String(segment)];
    else return undefined;
  }
  return value;
}

/** A value as a person would name it: text "…", the number 7, a list, a mapping. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `text "${printable(value)}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

/** Shortens and escapes user text quoted in a message, keeping the message on one line. */
export function printable(text: string, max = 40): string {
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return JSON.stringify(short).slice(1, -1);
}

function idOf(value: unknown): string | undefined {
  return isPlainObject(value) && typeof value.id === 'string' && value.id !== '' ? printable(value.id) : undefined;
}

const ITEM_NAMES: Record<string, string> = {
  dimensions: 'dimension',
  questions: 'question',
  options: 'option',
  actions: 'action',
  references: 'reference',
  channels: 'channel',
  systemKinds: 'system kind',
  dataCategories: 'data category',
};

/** Names the thing at a data path: the bank, question "x", option "y" of question "x", … */
export function describeOwner(data: unknown, path: DataPath, byPosition = false): string {
  if (path.length === 0) return 'the bank';
  const last = path[path.length - 1];
  const parentPath = path.slice(0, -1);
  if (typeof last === 'number') {
    const listKey = parentPath[parentPath.length - 1];
    const listOwnerPath = parentPath.slice(0, -1);
    const name = ITEM_NAMES[String(listKey)];
    const of = listOwnerPath.length > 0 ? ` of ${describeOwner(data, listOwnerPath)}` : '';
    if (name) {
      const id = name === 'reference' || byPosition ? undefined : idOf(valueAt(data, path));
      return id ? `${name} "${id}"${name === 'option' ? of : ''}` : `${name} ${last + 1}${of}`;
    }
    return `item ${last + 1} of "${String(listKey)}"${listOwnerPath.length > 0 ? ` of ${describeOwner(data, listOwnerPath)}` : ''}`;
  }
  // An id is named by position: the id itself may be what is wrong.
  return `"${String(last)}" of ${describeOwner(data, parentPath, last === 'id')}`;
}

export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
