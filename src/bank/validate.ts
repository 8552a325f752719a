/**
 * Validating a question bank from its text, and reporting every problem at once with
 * the line and column it is about. Pure: a string (or bytes) in, a bank and a list of
 * problems out; no I/O (src/bank/load.ts reads files).
 *
 * The steps, each refusing hostile input before the next step could suffer from it:
 *   1. size (before anything is parsed) and encoding (UTF-8, BOM stripped);
 *   2. YAML lexing and parsing into a CST, refusing deep nesting while parsing;
 *   3. one document only, YAML 1.2 only, yaml's own syntax errors (duplicate keys too);
 *   4. our own conversion of the YAML tree into plain data: no tags, aliases counted and
 *      their expansion bounded, keys such as `__proto__` kept as ordinary own keys;
 *   5. the zod schema (src/core/bank-schema.ts), its issues turned into sentences;
 *   6. cross-references: duplicate ids, unknown dimensions and actions, unused actions,
 *      questions whose options cannot discriminate.
 */
import {
  Composer,
  Lexer,
  LineCounter,
  Parser,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type CST,
  type Node as YamlNode,
  type YAMLError,
  type YAMLMap,
} from 'yaml';
import { z } from 'zod';
import { BankSchema, type Bank } from '../core/bank-schema.js';
import { BANK_LIMITS } from './limits.js';

/** One thing wrong in a bank file. `line` and `column` are 1-based. */
export interface Problem {
  path: string;
  line: number;
  column: number;
  message: string;
}

/** What validating a bank found: the bank when there were no problems. */
export interface BankValidation {
  bank?: Bank;
  problems: Problem[];
}

/** The limits that keep a hostile file from exhausting memory or time (src/bank/limits.ts). */
export { BANK_LIMITS };

/** Tags a bank may use: YAML 1.2's core tags. Anything else (`!!js/function`, `!foo`) is refused. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * YAML syntax errors reported before the rest are summed up: one broken line can make
 * yaml report every token after it.
 */
const MAX_SYNTAX_ERRORS = 5;

/** Path segments from the document's root to a value, as zod reports them. */
type DataPath = readonly PropertyKey[];

/** Stops the checks when going on would be pointless or unsafe; the problem is already recorded. */
class Refused extends Error {}

/** Collects problems of one file, turning offsets into line and column. */
class ProblemList {
  readonly list: Problem[] = [];
  constructor(
    readonly path: string,
    private readonly source: string,
    private readonly lines: LineCounter,
  ) {}

  at(offset: number, message: string): void {
    const clamped = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, this.source.length));
    const { line, col } = this.lines.linePos(clamped);
    this.list.push({ path: this.path, line, column: col, message });
  }

  /** The 1-based line of an offset. */
  lineOf(offset: number): number {
    return this.lines.linePos(Math.max(0, Math.min(offset, this.source.length))).line;
  }

  /** Records a problem and stops the checks. */
  refuse(offset: number, message: string): never {
    this.at(offset, message);
    throw new Refused(message);
  }
}

// ---------------------------------------------------------------------------------
// Bytes: size and encoding

/** Validates a bank file's raw bytes: size, encoding (UTF-8, a BOM is allowed), then the text. */
export function validateBankBytes(bytes: Uint8Array, path: string): BankValidation {
  if (bytes.length > BANK_LIMITS.maxBytes) return { problems: [tooLarge(path, bytes.length)] };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      problems: [{ path, line: 1, column: 1, message: 'the file is UTF-16 text; save it as UTF-8' }],
    };
  }
  let source: string;
  try {
    // The default `ignoreBOM: false` drops a leading UTF-8 byte order mark.
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problems: [invalidUtf8(bytes, path)] };
  }
  return validateBankSource(source, path);
}

function tooLarge(path: string, bytes: number): Problem {
  const size = bytes > BANK_LIMITS.maxBytes * 2 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${bytes} bytes`;
  return {
    path,
    line: 1,
    column: 1,
    message: `the file is ${size}, more than the ${BANK_LIMITS.maxBytes / (1024 * 1024)} MB (${BANK_LIMITS.maxBytes} bytes) a bank file may hold; split it into smaller banks`,
  };
}

/** Where the first byte that is not UTF-8 is, as line and column of the text before it. */
function invalidUtf8(bytes: Uint8Array, path: string): Problem {
  const offset = firstInvalidUtf8(bytes);
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return {
    path,
    line,
    column: before.length + 1,
    message: `the file is not valid UTF-8 here (byte 0x${byte}); save it as UTF-8`,
  };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= bytes.length) return i; // cut short at the end of the file
    let code = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

// ---------------------------------------------------------------------------------
// Text: YAML, conversion, schema, cross-references

/**
 * Validates a bank's text. `path` is only used to label the problems. Never throws:
 * whatever the text, the result is a bank or a list of problems.
 */
export function validateBankSource(source: string, path: string): BankValidation {
  if (source.length > BANK_LIMITS.maxBytes || Buffer.byteLength(source, 'utf8') > BANK_LIMITS.maxBytes) {
    return { problems: [tooLarge(path, Buffer.byteLength(source, 'utf8'))] };
  }
  if (source.startsWith('\uFEFF')) source = source.slice(1);
  const lines = new LineCounter();
  const problems = new ProblemList(path, source, lines);
  let bank: Bank | undefined;
  try {
    bank = check(source, lines, problems);
  } catch (error) {
    if (!(error instanceof Refused)) {
      // A safety net: a bug of ours must still end as a problem, never as a crash.
      problems.at(0, `cxray could not check this file (internal error: ${String((error as Error)?.message ?? error).split('\n')[0]}); please report it`);
    }
  }
  const list = sortProblems(problems.list);
  return list.length === 0 && bank ? { bank, problems: [] } : { problems: list };
}

function sortProblems(list: Problem[]): Problem[] {
  const seen = new Set<string>();
  return list
    .filter((p) => {
      const key = `${p.line}:${p.column}:${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

function check(source: string, lines: LineCounter, problems: ProblemList): Bank | undefined {
  const tokens = parseCst(source, lines, problems);
  const documents = tokens.filter((t): t is CST.Document => t.type === 'document');

  for (const token of tokens) {
    if (token.type === 'directive' && /^%YAML\b/.test(token.source)) {
      const version = token.source.split(/\s+/)[1] ?? '';
      if (version !== '1.2') {
        problems.at(
          token.offset,
          `the directive "${token.source.trim()}" asks for YAML ${version || '(no version)'}; banks are YAML 1.2, so remove the directive (YAML 1.2 reads yes, no, on and off as text)`,
        );
      }
    }
  }
  if (documents.length > 1) {
    const second = documents[1]!;
    const marker = second.start.find((t) => t.type === 'doc-start');
    problems.at(
      marker?.offset ?? second.offset,
      `a bank file holds one YAML document; found ${documents.length}, so remove this "---" and what follows (or put each bank in a file of its own)`,
    );
  }
  const first = documents[0];
  if (first === undefined) problems.refuse(0, emptyMessage('the file is empty'));
  checkDepth(first, problems);

  // Duplicate keys are found by the conversion below: yaml's own check (uniqueKeys) takes
  // time quadratic in the number of keys of a mapping.
  const composer = new Composer({ keepSourceTokens: true, uniqueKeys: false, merge: false, strict: true, prettyErrors: false });
  // Only the first document is composed: the tokens before the second one, less the
  // directives that belong to it.
  let end = documents.length > 1 ? tokens.indexOf(documents[1]!) : tokens.length;
  while (end > 0 && tokens[end - 1]!.type === 'directive' && documents.length > 1) end--;
  const composed = Array.from(composer.compose(tokens.slice(0, end)));
  const doc = composed[0];
  if (!doc) problems.refuse(0, emptyMessage('the file is empty'));

  // Unresolved tags are reported with every other tag by the conversion below.
  const errors = [...doc.errors, ...doc.warnings].filter((e) => e.code !== 'TAG_RESOLVE_FAILED').sort((a, b) => a.pos[0] - b.pos[0]);
  for (const error of errors.slice(0, MAX_SYNTAX_ERRORS)) problems.at(error.pos[0], yamlErrorMessage(error));
  if (errors.length > MAX_SYNTAX_ERRORS) {
    const more = errors.length - MAX_SYNTAX_ERRORS;
    problems.at(
      errors[MAX_SYNTAX_ERRORS]!.pos[0],
      `${more} more YAML ${more === 1 ? 'error follows' : 'errors follow'}, most likely caused by the ones before; fix those and validate again`,
    );
  }
  // After a syntax error yaml's guess at the structure would mislead the checks below.
  if (errors.length > 0) return undefined;

  const root = doc.contents as YamlNode | null;
  if (root === null || (isScalar(root) && root.value === null && !root.tag)) {
    problems.refuse(first.offset, emptyMessage('the document is empty'));
  }
  const converter = new Converter(source, problems);
  const data = converter.convert(root, 1);
  const locate = new Locator(root, converter.aliasTargets);
  if (!isPlainObject(data)) {
    problems.refuse(root.range?.[0] ?? 0, `a bank is a mapping of keys (id, title, version, description, language, dimensions, questions, actions); found ${describeValue(data)}`);
  }

  const result = BankSchema.safeParse(data);
  if (!result.success) {
    // A misspelt key is reported once, as unknown with a suggestion, not also as missing.
    const misspelt = new Set<string>();
    for (const issue of result.error.issues) {
      if (issue.code !== 'unrecognized_keys') continue;
      const known = knownKeys(issue.path);
      for (const key of issue.keys) {
        const suggestion = closest(key, known);
        if (suggestion) misspelt.add(JSON.stringify([...issue.path, suggestion]));
      }
    }
    for (const issue of result.error.issues) {
      if (issue.code === 'invalid_type' && misspelt.has(JSON.stringify(issue.path))) continue;
      reportIssue(issue, data, locate, problems, source);
    }
  }
  checkReferences(data, locate, problems);
  return result.success ? result.data : undefined;
}

function emptyMessage(what: string): string {
  return `${what}; a bank needs the keys id, title, version, description, language, dimensions and questions`;
}

/**
 * Lexes and parses into CST tokens, refusing to go on once the nesting gets far deeper
 * than any bank needs: yaml's parser slows down and its composer can exhaust memory on
 * thousands of nested levels, long before the 2 MB size limit.
 */
function parseCst(source: string, lines: LineCounter, problems: ProblemList): CST.Token[] {
  // Lines are counted from the text itself: the parser reports no line breaks inside
  // the tokens it could not make sense of, which would shift every later position.
  lines.addNewLine(0);
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  const parser = new Parser();
  const stack = () => (parser as unknown as { stack?: unknown[] }).stack?.length ?? 0;
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(source, false)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (stack() > BANK_LIMITS.maxDepth + 8) problems.refuse(parser.offset, depthMessage());
  }
  for (const token of parser.end()) tokens.push(token);
  return tokens;
}

function depthMessage(): string {
  return `the YAML nests deeper than ${BANK_LIMITS.maxDepth} levels here; a bank needs 6 at most, so flatten this part`;
}

/** Refuses a document whose lists and mappings nest deeper than the limit (an explicit stack: no recursion). */
function checkDepth(document: CST.Document, problems: ProblemList): void {
  const todo: Array<[CST.Token | null | undefined, number]> = [[document.value, 0]];
  while (todo.length > 0) {
    const [token, depth] = todo.pop()!;
    if (!token) continue;
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > BANK_LIMITS.maxDepth) problems.refuse(token.offset, depthMessage());
      for (const item of token.items) {
        todo.push([item.value, depth + 1]);
        if ('key' in item) todo.push([item.key, depth + 1]);
      }
    }
  }
}

/** yaml's own error, as a sentence naming the fix. */
function yamlErrorMessage(error: YAMLError): string {
  const text = lowerFirst(error.message.replace(/\s*\n[\s\S]*$/, '').replace(/\.$/, ''));
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML indents with spaces only';
    case 'BAD_DIRECTIVE':
      return `${text}; remove the directive`;
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
    case 'BAD_PROP_ORDER':
    case 'ALIAS_PROPS':
      return `${text}; remove the extra anchor or tag`;
    case 'KEY_OVER_1024_CHARS':
      return 'a key is longer than 1024 characters; use one of the keys a bank knows';
    default:
      return `YAML syntax error: ${text}; fix the YAML here`;
  }
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

// ---------------------------------------------------------------------------------
// The YAML tree to plain data

/**
 * Turns the YAML tree into plain data by our own rules rather than `toJS()`: explicit
 * tags other than YAML 1.2's core ones are refused; aliases are counted and the values
 * they expand to bounded; every key, `__proto__` included, becomes an own property of
 * an ordinary object, so no prototype is ever set. An aliased value is converted once
 * and shared, which keeps memory flat; zod copies what it returns.
 */
class Converter {
  /** Each alias and the node it stands for, for locating problems through aliases. */
  readonly aliasTargets = new Map<YamlNode, YamlNode>();
  private readonly anchors = new Map<string, YamlNode>();
  private readonly converting = new Set<YamlNode>();
  private readonly done = new Map<YamlNode, { value: unknown; size: number }>();
  private aliases = 0;
  /** Values added by resolving aliases, beyond those written in the file. */
  private expanded = 0;

  constructor(
    private readonly source: string,
    private readonly problems: ProblemList,
  ) {}

  convert(node: YamlNode | null | undefined, depth: number): unknown {
    return this.visit(node, depth).value;
  }

  private visit(node: YamlNode | null | undefined, depth: number): { value: unknown; size: number } {
    if (node === null || node === undefined) return { value: null, size: 1 };
    if (depth > BANK_LIMITS.maxDepth + 1) this.problems.refuse(node.range?.[0] ?? 0, depthMessage());
    if (isAlias(node)) return this.alias(node);
    const start = node.range?.[0] ?? 0;
    if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
      const tag = this.tagSource(start) ?? node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
      this.problems.at(
        this.tagOffset(start) ?? start,
        `the tag "${tag}" is not allowed; a bank uses no custom tags, so remove it (quote the value if it is text)`,
      );
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) {
      this.anchors.set(anchor, node);
      this.converting.add(node);
    }
    let result: { value: unknown; size: number };
    if (isMap(node)) {
      const object: Record<string, unknown> = {};
      const keyOffsets = new Map<string, number>();
      let size = 1;
      for (const pair of node.items) {
        const key = this.key(pair.key as YamlNode | null, depth + 1);
        const value = this.visit(pair.value as YamlNode | null, depth + 1);
        size += value.size + 1;
        const earlier = keyOffsets.get(key);
        if (earlier !== undefined) {
          this.problems.at(
            startOf(pair.key as YamlNode | null),
            `duplicate key "${printable(key)}" (first on line ${this.problems.lineOf(earlier)}); a mapping holds each key once, so remove or rename one of them`,
          );
          continue;
        }
        keyOffsets.set(key, startOf(pair.key as YamlNode | null));
        // defineProperty: a key "__proto__" stays data and never becomes the prototype.
        Object.defineProperty(object, key, { value: value.value, enumerable: true, writable: true, configurable: true });
      }
      result = { value: object, size };
    } else if (isSeq(node)) {
      const list: unknown[] = [];
      let size = 1;
      for (const item of node.items) {
        const value = this.visit(item as YamlNode | null, depth + 1);
        size += value.size;
        list.push(value.value);
      }
      result = { value: list, size };
    } else if (isScalar(node)) {
      const value = node.value;
      result = { value: typeof value === 'object' && value !== null ? String(value) : value, size: 1 };
    } else {
      result = { value: null, size: 1 };
    }
    if (anchor) {
      this.converting.delete(node);
      this.done.set(node, result);
    }
    return result;
  }

  private key(node: YamlNode | null, depth: number): string {
    if (node === null) return '';
    if (isScalar(node)) {
      this.visit(node, depth);
      return String(node.value ?? '');
    }
    this.problems.refuse(
      node.range?.[0] ?? 0,
      'a key is a list, a mapping or an alias; keys in a bank are plain words such as id or title, so write the key out',
    );
  }

  private alias(node: YamlNode & { source: string }): { value: unknown; size: number } {
    const start = node.range?.[0] ?? 0;
    this.aliases++;
    if (this.aliases > BANK_LIMITS.maxAliases) {
      this.problems.refuse(start, `too many aliases: more than ${BANK_LIMITS.maxAliases} in one file; write the values out instead`);
    }
    const target = this.anchors.get(node.source);
    if (!target) {
      this.problems.refuse(start, `the alias "*${node.source}" refers to no anchor; define "&${node.source}" on an earlier value, or remove the alias`);
    }
    this.aliasTargets.set(node, target);
    if (this.converting.has(target)) {
      this.problems.refuse(start, `the alias "*${node.source}" refers to a value that contains it; a bank cannot be circular, so remove the alias`);
    }
    const resolved = this.done.get(target)!;
    this.expanded += resolved.size;
    if (this.expanded > BANK_LIMITS.maxExpandedValues) {
      this.problems.refuse(
        start,
        `too many aliases: they expand the file to more than ${BANK_LIMITS.maxExpandedValues} values; write the values out or use fewer aliases`,
      );
    }
    return resolved;
  }

  /** The start of the tag written before a value that starts at `start`, if any. */
  private tagOffset(start: number): number | undefined {
    const before = this.source.slice(Math.max(0, start - 1000), start);
    const match = /(?:^|[\s[{,])(![^\s,[\]{}]*)(?:\s+&[^\s,[\]{}]+)?\s*$/.exec(before);
    return match ? start - before.length + match.index + match[0].indexOf(match[1]!) : undefined;
  }

  private tagSource(start: number): string | undefined {
    const offset = this.tagOffset(start);
    return offset === undefined ? undefined : /^[^\s,[\]{}]+/.exec(this.source.slice(offset))?.[0];
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------
// Where a value is: from a data path back to the YAML nodes

interface Located {
  /** The key of the pair holding the value, when the value sits in a mapping. */
  key?: YamlNode;
  /** The value itself, when it exists. */
  value?: YamlNode | null;
  /** The deepest node found on the way (the parent mapping of a missing key). */
  nearest: YamlNode;
}

class Locator {
  constructor(
    private readonly root: YamlNode,
    private readonly aliasTargets: Map<YamlNode, YamlNode>,
  ) {}

  /** Each mapping's pairs by key, built once: a file may have thousands of problems. */
  private readonly index = new Map<YamlNode, Map<string, { key: unknown; value: unknown }>>();

  private pairs(map: YAMLMap): Map<string, { key: unknown; value: unknown }> {
    let pairs = this.index.get(map);
    if (!pairs) {
      pairs = new Map();
      for (const pair of map.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value ?? '');
        if (!pairs.has(key)) pairs.set(key, pair);
      }
      this.index.set(map, pairs);
    }
    return pairs;
  }

  private deref(node: YamlNode | null | undefined): YamlNode | null | undefined {
    return node && isAlias(node) ? (this.aliasTargets.get(node) ?? node) : node;
  }

  find(path: DataPath): Located {
    let located: Located = { value: this.root, nearest: this.root };
    for (const segment of path) {
      const node = this.deref(located.value);
      if (!node) return { nearest: located.nearest };
      if (isMap(node)) {
        const pair = this.pairs(node).get(String(segment));
        if (!pair) return { nearest: node };
        located = { key: pair.key as YamlNode, value: pair.value as YamlNode | null, nearest: (pair.value as YamlNode | null) ?? node };
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as YamlNode | null | undefined;
        if (item === undefined) return { nearest: node };
        located = { value: item, nearest: item ?? node };
      } else {
        return { nearest: node };
      }
    }
    return located;
  }

  /** The offset to point at for a value: a scalar itself, else its key, else the nearest node. */
  valueOffset(path: DataPath): number {
    const found = this.find(path);
    const value = found.value;
    if (value && !isMap(value) && !isSeq(value)) return startOf(value);
    return startOf(found.key ?? value ?? found.nearest);
  }

  /** The offset of a key in the mapping at `path`. */
  keyOffset(path: DataPath, key: string): number {
    const found = this.find([...path, key]);
    return startOf(found.key ?? found.nearest);
  }

  /** The offset of the mapping a missing key belongs in. */
  parentOffset(path: DataPath): number {
    const found = this.find(path);
    return startOf(found.value ?? found.nearest);
  }
}

function startOf(node: YamlNode | null | undefined): number {
  return node?.range?.[0] ?? 0;
}

// ---------------------------------------------------------------------------------
// Schema issues as sentences

/** Hints for a missing or wrong field, shown after "add it" or "use". */
const FIELD_HINTS: Record<string, string> = {
  id: 'lowercase letters, digits and hyphens, e.g. ticket-notes',
  version: 'a semantic version such as 1.0.0',
  language: 'a language tag such as en',
  level: 'a whole number from 0 (well controlled) to 4 (fully exposed)',
  weight: '1, 2 or 3',
  effort: 'S, M or L',
  dimension: "the id of one of the bank's dimensions",
  options: 'a list of 2 to 8 options, each with id, label and level',
  dimensions: 'a list of dimensions, each with id, title and description',
  questions: 'a list of questions, each with id, dimension, prompt, weight and options',
};

function reportIssue(issue: z.core.$ZodIssue, data: Record<string, unknown>, locate: Locator, problems: ProblemList, source: string): void {
  const path = issue.path;
  const last = path[path.length - 1];
  const parentPath = path.slice(0, -1);
  const value = valueAt(data, path);
  const subject = describeOwner(data, path);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(path);
      for (const key of issue.keys) {
        problems.at(locate.keyOffset(path, key), unknownKeyMessage(key, known));
      }
      return;
    }
    case 'invalid_type': {
      if (typeof last === 'string' && !hasOwn(valueAt(data, parentPath), last)) {
        const hint = FIELD_HINTS[last];
        problems.at(locate.parentOffset(parentPath), `${describeOwner(data, parentPath)} is missing "${last}"; add it${hint ? ` (${hint})` : ''}`);
        return;
      }
      const offset = locate.valueOffset(path);
      if (value === null) {
        problems.at(offset, `${subject} is empty; write ${expectedText(issue.expected, path)}${isOptional(path) ? ' or remove the key' : ''}`);
        return;
      }
      if (issue.expected === 'int' && typeof value === 'number') {
        problems.at(offset, `${subject} is ${value}; use a whole number${rangeText(path)}`);
        return;
      }
      let message = `${subject} should be ${expectedText(issue.expected, path)}, not ${describeValue(value)}`;
      if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        const written = source.slice(offset).split(/[\n#]/)[0]!.trim();
        message += `; put it in quotes ("${written || String(value)}") so that YAML reads it as text`;
      }
      problems.at(offset, message);
      return;
    }
    case 'too_small':
    case 'too_big': {
      const offset = locate.valueOffset(path);
      const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      if (issue.origin === 'number') {
        if (last === 'level') {
          problems.at(offset, `${describeOwner(data, parentPath)} has level ${String(value)}, outside 0-4; use 0 (well controlled) to 4 (fully exposed)`);
        } else {
          problems.at(offset, `${subject} is ${String(value)}; use a number${rangeText(path) || (issue.code === 'too_small' ? ` of at least ${bound}` : ` of at most ${bound}`)}`);
        }
      } else if (issue.origin === 'string') {
        const length = typeof value === 'string' ? value.length : 0;
        problems.at(
          offset,
          issue.code === 'too_small'
            ? length === 0
              ? `${subject} is empty; write some text`
              : `${subject} is too short; write at least ${bound} characters`
            : `${subject} is ${length} characters long; shorten it to ${bound} or fewer`,
        );
      } else if (issue.origin === 'array') {
        const count = Array.isArray(value) ? value.length : 0;
        problems.at(
          offset,
          `${subject} holds ${count} ${count === 1 ? 'item' : 'items'}; give it ${issue.code === 'too_small' ? 'at least' : 'at most'} ${bound}`,
        );
      } else {
        problems.at(offset, `${subject}: ${lowerFirst(issue.message)}`);
      }
      return;
    }
    case 'invalid_value':
      problems.at(locate.valueOffset(path), `${subject} is ${describeValue(value)}; use one of ${issue.values.map(String).join(', ')}`);
      return;
    case 'invalid_union': {
      const allowed = issue.errors.flat().flatMap((e) => (e.code === 'invalid_value' ? e.values : [Symbol.for('other')]));
      if (allowed.every((v) => typeof v !== 'symbol')) {
        problems.at(locate.valueOffset(path), `${subject} is ${describeValue(value)}; use one of ${allowed.map(String).join(', ')}`);
      } else {
        problems.at(locate.valueOffset(path), `${subject} is not valid: ${lowerFirst(issue.message)}`);
      }
      return;
    }
    case 'invalid_format':
      problems.at(locate.valueOffset(path), `${subject} is ${describeValue(value)}; ${issue.message.startsWith('use ') ? issue.message : `use ${FIELD_HINTS[String(last)] ?? 'a valid value'}`}`);
      return;
    default:
      problems.at(locate.valueOffset(path), `${subject}: ${lowerFirst(issue.message)}; fix the value`);
  }
}

function unknownKeyMessage(key: string, known: string[]): string {
  if (key === '<<') return 'merge keys ("<<") are not supported in a bank; write the keys out';
  const suggestion = closest(key, known);
  if (suggestion) return `unknown key "${key}"; did you mean "${suggestion}"?`;
  return `unknown key "${printable(key)}"; the keys allowed here are ${known.join(', ')}`;
}

/** The closest candidate by edit distance (adjacent swaps count once), if it is close enough. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const key = `${candidates.join('\u0000')}\u0001${word}`;
  if (closestCache.has(key)) return closestCache.get(key);
  const found = findClosest(word, candidates);
  if (closestCache.size > 10_000) closestCache.clear();
  closestCache.set(key, found);
  return found;
}

const closestCache = new Map<string, string | undefined>();

function findClosest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  return bestDistance <= allowed ? best : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3 || a.length > 100 || b.length > 100) return Infinity;
  const width = b.length + 1;
  const d = new Uint8Array((a.length + 1) * width);
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    d[i * width] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * width + j]! + 1, d[i * width + j - 1]! + 1, d[(i - 1) * width + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * width + j - 2]! + 1);
      d[i * width + j] = v;
    }
  }
  return d[a.length * width + b.length]!;
}

/** The zod schema that describes the value at a data path (wrappers such as optional removed). */
function schemaAt(path: DataPath): z.ZodType | undefined {
  let schema: z.ZodType | undefined = BankSchema;
  for (const segment of [...path, undefined]) {
    // Unwrap optional, default and the like.
    for (let i = 0; i < 5 && schema; i++) {
      const def: { type: string; innerType?: z.ZodType } = (schema as unknown as { def: { type: string; innerType?: z.ZodType } }).def;
      if (def.innerType && ['optional', 'default', 'nullable', 'prefault', 'readonly', 'nonoptional', 'catch'].includes(def.type)) {
        schema = def.innerType;
      } else break;
    }
    if (segment === undefined || !schema) return schema;
    if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.ZodType>)[String(segment)];
    else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else return undefined;
  }
  return schema;
}

function knownKeys(path: DataPath): string[] {
  const schema = schemaAt(path);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function isOptional(path: DataPath): boolean {
  const parent = schemaAt(path.slice(0, -1));
  const last = path[path.length - 1];
  if (!(parent instanceof z.ZodObject) || typeof last !== 'string') return false;
  const field = (parent.shape as Record<string, z.ZodType>)[last];
  return field !== undefined && field.safeParse(undefined).success;
}

/** " from MIN to MAX" for a number field whose bounds the schema gives. */
function rangeText(path: DataPath): string {
  const schema = schemaAt(path);
  if (!(schema instanceof z.ZodNumber)) return '';
  const { minValue, maxValue } = schema;
  return Number.isFinite(minValue) && Number.isFinite(maxValue) ? ` from ${minValue} to ${maxValue}` : '';
}

function expectedText(expected: string, path: DataPath): string {
  const last = path[path.length - 1];
  const hint = typeof last === 'string' ? FIELD_HINTS[last] : undefined;
  switch (expected) {
    case 'string':
      return hint && last !== 'dimension' && last !== 'options' ? `text (${hint})` : 'some text';
    case 'number':
    case 'int':
      return hint ? `a number (${hint})` : `a number${rangeText(path)}`;
    case 'array':
      return hint ?? 'a list';
    case 'object':
      return 'a mapping of keys and values';
    case 'boolean':
      return 'true or false';
    default:
      return expected;
  }
}

function hasOwn(object: unknown, key: string): boolean {
  return isPlainObject(object) && Object.prototype.hasOwnProperty.call(object, key);
}

function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isPlainObject(value) && hasOwn(value, String(segment))) value = value[String(segment)];
    else return undefined;
  }
  return value;
}

/** A value as a person would name it: text "…", the number 7, a list, a mapping. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return `text "${printable(value)}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

/** Shortens and escapes user text quoted in a message, keeping the message on one line. */
function printable(text: string, max = 40): string {
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
function describeOwner(data: unknown, path: DataPath, byPosition = false): string {
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

// ---------------------------------------------------------------------------------
// Cross-references

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function checkReferences(data: Record<string, unknown>, locate: Locator, problems: ProblemList): void {
  const lineOf = (path: DataPath) => {
    const offset = locate.valueOffset(path);
    return problems.lineOf(offset);
  };
  const uniqueIds = (items: unknown[], basePath: DataPath, kind: string, owner = '') => {
    const first = new Map<string, number>();
    items.forEach((item, index) => {
      const id = isPlainObject(item) && typeof item.id === 'string' ? item.id : undefined;
      if (id === undefined) return;
      const earlier = first.get(id);
      if (earlier === undefined) {
        first.set(id, index);
        return;
      }
      problems.at(
        locate.valueOffset([...basePath, index, 'id']),
        `duplicate ${kind} id "${printable(id)}"${owner} (first used on line ${lineOf([...basePath, earlier, 'id'])}); give each ${kind} its own id`,
      );
    });
    return new Set(first.keys());
  };

  const dimensions = uniqueIds(list(data.dimensions), ['dimensions'], 'dimension');
  const actions = uniqueIds(list(data.actions), ['actions'], 'action');
  const questions = list(data.questions);
  uniqueIds(questions, ['questions'], 'question');
  const used = new Set<string>();
  const suggest = (id: string, ids: Set<string>, kind: string, section: string) => {
    const near = closest(id, [...ids]);
    // The action meant is not also reported as never used.
    if (near) used.add(near);
    if (near) return `; did you mean "${near}"?`;
    return ids.size > 0 ? `; use one of the ${kind}s defined (${[...ids].join(", ")}) or add it under ${section}`: `; add it under ${section}`;
  };

  questions.forEach((question, q) => {
    if (!isPlainObject(question)) return;
    const name = describeOwner(data, ['questions', q]);
    if (typeof question.dimension === 'string' && Array.isArray(data.dimensions) && !dimensions.has(question.dimension)) {
      problems.at(
        locate.valueOffset(['questions', q, 'dimension']),
        `${name} refers to the dimension "${printable(question.dimension)}", which the bank does not define${suggest(question.dimension, dimensions, 'dimension', 'dimensions')}`,
      );
    }
    if (typeof question.discovery === 'string') {
      used.add(question.discovery);
      if (!actions.has(question.discovery)) {
        problems.at(
          locate.valueOffset(['questions', q, 'discovery']),
          `${name} names the discovery action "${printable(question.discovery)}", which the bank does not define${suggest(question.discovery, actions, 'action', 'actions')}`,
        );
      }
    }
    const options = list(question.options);
    uniqueIds(options, ['questions', q, 'options'], 'option', ` in ${name}`);
    options.forEach((option, o) => {
      if (!isPlainObject(option)) return;
      list(option.actions).forEach((action, a) => {
        if (typeof action !== 'string') return;
        used.add(action);
        if (!actions.has(action)) {
          problems.at(
            locate.valueOffset(['questions', q, 'options', o, 'actions', a]),
            `${describeOwner(data, ['questions', q, 'options', o])} refers to the action "${printable(action)}", which the bank does not define${suggest(action, actions, 'action', 'actions')}`,
          );
        }
      });
    });
    const levels = options.map((o) => (isPlainObject(o) ? o.level : undefined));
    if (levels.length >= 2 && levels.every((l) => l === levels[0]) && (levels[0] === 0 || levels[0] === 4)) {
      problems.at(
        locate.valueOffset(['questions', q, 'options']),
        levels[0] === 0
          ? `every option of ${name} has level 0, so every answer scores as well controlled; give the options that describe exposure a level from 1 to 4`
          : `every option of ${name} has level 4, so every answer scores as fully exposed; give the options that describe control a level from 0 to 3`,
      );
    }
  });

  list(data.actions).forEach((action, a) => {
    const id = isPlainObject(action) && typeof action.id === 'string' ? action.id : undefined;
    if (id === undefined || used.has(id)) return;
    problems.at(
      locate.valueOffset(['actions', a, 'id']),
      `action "${printable(id)}" is never used: no option lists it and no question names it as discovery; refer to it or remove it`,
    );
  });
}
