/**
 * Checking and serialising a workbook before a save without redoing the work for what
 * did not change. A change to the workbook is pure (src/core): it returns new objects
 * for what it changes and keeps every other object as it was, so a 50-journey workbook
 * whose one answer changed has one new answer, a new answer list, a new assessment and
 * a new workbook, and 3300 answers that are the very objects of the last save. Both
 * caches below are keyed on those objects (WeakMaps: an object that is no longer in the
 * workbook is collected with its entry). They rely on the data never being changed in
 * place, which the rest of cxray already relies on (React's memos, the UI's caches).
 */
import { z } from '../core/zod.js';

// ---------------------------------------------------------------------------------
// Validation: the same verdict as schema.safeParse(value).success

type Schema = z.ZodType;

interface Def {
  type: string;
  shape?: Record<string, Schema>;
  checks?: unknown[];
  element?: Schema;
  innerType?: Schema;
}

const defOf = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Wrappers that pass an array through unchanged (a default only applies to undefined). */
const WRAPPERS = new Set(['default', 'optional', 'nullable', 'prefault', 'readonly', 'nonoptional']);

/** The array schema inside a field's wrappers, or undefined when the field is not an array. */
function arrayInside(schema: Schema): Schema | undefined {
  let s = schema;
  for (;;) {
    const def = defOf(s);
    if (def.type === 'array') return s;
    if (!WRAPPERS.has(def.type) || !def.innerType) return undefined;
    s = def.innerType;
  }
}

/** The same field schema with the array's element replaced by `element` (wrappers and checks kept). */
function withElement(schema: Schema, element: Schema): Schema {
  const def = defOf(schema);
  const clone = (schema as unknown as { clone(def: object): Schema }).clone.bind(schema);
  if (def.type === 'array') return clone({ ...def, element });
  return clone({ ...def, innerType: withElement(def.innerType!, element) });
}

/** Whether a schema is an object schema (without wrappers) whose arrays may be split off. */
function isPlainObjectSchema(schema: Schema): boolean {
  const def = defOf(schema);
  return def.type === 'object' && !!def.shape && (def.checks?.length ?? 0) === 0;
}

interface Split {
  /** The object schema with every split array's element accepted as is. */
  shallow: Schema;
  /** The fields whose elements are checked one by one, with the element schema. */
  arrays: Array<[key: string, element: Schema]>;
}

/**
 * A validator that remembers the objects it has found valid, per schema. An object
 * schema without refinements is checked as its fields without the arrays of objects
 * (`shallow`), then each element of those arrays on its own, so that a valid element
 * already seen costs a WeakSet look-up. Any other schema is checked whole.
 */
export class CachedValidator {
  private readonly valid = new WeakMap<Schema, WeakSet<object>>();
  private readonly splits = new WeakMap<Schema, Split | null>();
  private readonly unknown: Schema = z.unknown();

  /** Whether `schema` accepts `value`: what schema.safeParse(value).success says. */
  isValid(schema: Schema, value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return schema.safeParse(value).success;
    let seen = this.valid.get(schema);
    if (seen?.has(value)) return true;
    const ok = this.check(schema, value);
    if (ok) {
      if (!seen) this.valid.set(schema, (seen = new WeakSet()));
      seen.add(value);
    }
    return ok;
  }

  /**
   * Records `value` as valid without checking it: for what `schema.safeParse` has just
   * returned (a workbook as read), so that the first save does not check it all again.
   */
  trust(schema: Schema, value: unknown): void {
    if (typeof value !== 'object' || value === null) return;
    let seen = this.valid.get(schema);
    if (!seen) this.valid.set(schema, (seen = new WeakSet()));
    seen.add(value);
    const split = this.splitOf(schema);
    if (!split || Array.isArray(value)) return;
    for (const [key, element] of split.arrays) {
      const list = (value as Record<string, unknown>)[key];
      if (Array.isArray(list)) for (const item of list) this.trust(element, item);
    }
  }

  private check(schema: Schema, value: object): boolean {
    const split = this.splitOf(schema);
    if (!split || Array.isArray(value)) return schema.safeParse(value).success;
    if (!split.shallow.safeParse(value).success) return false;
    for (const [key, element] of split.arrays) {
      const list = (value as Record<string, unknown>)[key];
      // The shallow check accepted the field, so it is an array or absent (a default).
      if (!Array.isArray(list)) continue;
      for (const item of list) if (!this.isValid(element, item)) return false;
    }
    return true;
  }

  private splitOf(schema: Schema): Split | null {
    let split = this.splits.get(schema);
    if (split !== undefined) return split;
    split = null;
    if (isPlainObjectSchema(schema)) {
      const shape = defOf(schema).shape!;
      const arrays: Split['arrays'] = [];
      const replaced: Record<string, Schema> = {};
      for (const [key, field] of Object.entries(shape)) {
        const array = arrayInside(field);
        const element = array && defOf(array).element;
        if (!element || defOf(element).type !== 'object') continue;
        arrays.push([key, element]);
        replaced[key] = withElement(field, this.unknown);
      }
      if (arrays.length > 0) {
        const shallow = (schema as unknown as { safeExtend(shape: Record<string, Schema>): Schema }).safeExtend(replaced);
        split = { shallow, arrays };
      }
    }
    this.splits.set(schema, split);
    return split;
  }
}

// ---------------------------------------------------------------------------------
// Serialisation: the same text as JSON.stringify(value, null, 2)

/** Whether a value holds more than `limit` values, counted down its tree (stops counting there). */
function holdsMore(value: object, limit: number): boolean {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (++count > limit) return true;
    if (typeof item === 'object' && item !== null) for (const member of Array.isArray(item) ? item : Object.values(item)) stack.push(member);
  }
  return false;
}

/** Objects whose text is longer than this are not kept whole: their parts are. */
const MAX_CACHED_TEXT = 16 * 1024;

/**
 * Pretty JSON, byte for byte JSON.stringify(value, null, 2), remembering the text of
 * every object and array (of up to 16 KB) at the depth it was written at. Larger ones
 * (the workbook, an assessment, its list of answers) are new at every change anyway:
 * their parts are collected and joined once, so that a save does not copy the whole
 * text once per level.
 */
export class CachedJson {
  /** One cache per depth: the same object may sit at two depths (text indented differently). */
  private readonly byDepth: Array<WeakMap<object, string>> = [];

  /**
   * `escape` rewrites the text of every string, key and toJSON value as it is composed
   * (escapeJsonText: a character-by-character rewrite inside strings), so the whole is
   * escape(JSON.stringify(value, null, 2)).
   */
  constructor(private readonly escape: (json: string) => string = (json) => json) {}

  /** Like JSON.stringify, undefined for undefined (and functions and symbols). */
  stringify(value: unknown): string {
    const out: string[] = [];
    return this.emit(value, 0, out) ? out.join('') : (undefined as unknown as string);
  }

  /**
   * Fills the cache as the next stringify(value) would, a slice of at most `sliceMs` at a
   * time, handing each next slice to `later` (the first save after opening a 50-journey
   * workbook would otherwise compose 3300 answers at once: ~50-100 ms on the keypress
   * path, ~250 ms at 200 journeys). Large lists are walked; the rest is written whole.
   */
  warm(value: unknown, later: (next: () => void) => void, sliceMs = 2, done: () => void = () => undefined): void {
    const stack: Array<[unknown, number]> = [[value, 0]];
    const step = () => {
      const started = performance.now();
      // At least one item per slice, so that the walk always ends.
      for (let first = true; stack.length > 0; first = false) {
        if (!first && performance.now() - started > sliceMs) return later(step);
        const [item, depth] = stack.pop()!;
        if (typeof item !== 'object' || item === null) continue;
        if (depth > 0 && this.byDepth[depth]?.has(item)) continue;
        const members: unknown[] = Array.isArray(item) ? item : Object.values(item);
        if (depth === 0 || holdsMore(item, 64)) {
          for (let i = members.length - 1; i >= 0; i--) stack.push([members[i], depth + 1]);
        } else {
          this.emit(item, depth, []);
        }
      }
      done();
    };
    step();
  }

  /** Appends the text of a value at a depth; false for what JSON leaves out (undefined, functions, symbols). */
  private emit(value: unknown, depth: number, out: string[]): boolean {
    if (typeof value !== 'object' || value === null) {
      const text = JSON.stringify(value);
      if (text === undefined) return false;
      out.push(typeof value === 'string' ? this.escape(text) : text);
      return true;
    }
    let cache = this.byDepth[depth];
    if (!cache) this.byDepth[depth] = cache = new WeakMap();
    const hit = cache.get(value);
    if (hit !== undefined) {
      out.push(hit);
      return true;
    }
    const parts: string[] = [];
    const length = this.compose(value, depth, parts);
    if (length <= MAX_CACHED_TEXT) {
      const text = parts.join('');
      cache.set(value, text);
      out.push(text);
    } else {
      for (const part of parts) out.push(part);
    }
    return true;
  }

  /** Appends the parts of an object's or array's text; returns their total length. */
  private compose(value: object, depth: number, out: string[]): number {
    const start = out.length;
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
      // Dates and the like: JSON.stringify's own text, indented to this depth.
      out.push(this.escape(JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, `\n${'  '.repeat(depth)}`));
    } else if (Array.isArray(value)) {
      if (value.length === 0) out.push('[]');
      else {
        const inner = `\n${'  '.repeat(depth + 1)}`;
        for (let i = 0; i < value.length; i++) {
          out.push(i === 0 ? `[${inner}` : `,${inner}`);
          if (!this.emit(value[i], depth + 1, out)) out.push('null');
        }
        out.push(`\n${'  '.repeat(depth)}]`);
      }
    } else {
      const inner = `\n${'  '.repeat(depth + 1)}`;
      let first = true;
      for (const key of Object.keys(value)) {
        const at = out.length;
        out.push(`${first ? `{${inner}` : `,${inner}`}${this.escape(JSON.stringify(key))}: `);
        if (this.emit((value as Record<string, unknown>)[key], depth + 1, out)) first = false;
        else out.length = at;
      }
      out.push(first ? '{}' : `\n${'  '.repeat(depth)}}`);
    }
    let length = 0;
    for (let i = start; i < out.length; i++) length += out[i]!.length;
    return length;
  }
}
