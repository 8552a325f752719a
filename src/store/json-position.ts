/**
 * Where in a JSON text something is: the first syntax error, or the value at a path.
 * JSON.parse does the real parsing; this scanner runs only when something is wrong, so
 * that a message can say `file:line:column` (Node's own messages give a position for
 * some errors, none for others, and quote the file's content, which is sensitive).
 * Pure: no I/O.
 */

/** A 1-based line and column in a text (the column counts UTF-16 code units, as editors mostly do). */
export interface TextPosition {
  line: number;
  column: number;
}

/** A syntax error: where it is (offset into the text) and what is wrong, in words. */
export interface JsonSyntaxProblem {
  offset: number;
  message: string;
}

/** The line and column of `offset` in `text`. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

class ScanError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

type Path = (string | number)[];

/** Names a character for a message without quoting more of the file than that character. */
function describeChar(char: string | undefined): string {
  if (char === undefined) return 'the end of the file';
  const code = char.charCodeAt(0);
  if (code === 0) return 'a NUL byte';
  if (code === 0xfeff) return 'a byte order mark';
  if (code < 0x20 || code === 0x7f) return `the control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  return JSON.stringify(char);
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const MAX_DEPTH = 2000;

/** A small recursive-descent JSON scanner that reports values as it meets them. */
class Scanner {
  i = 0;
  constructor(
    readonly text: string,
    readonly onValue?: (path: Path, offset: number) => void,
  ) {}

  fail(message: string, offset = this.i): never {
    throw new ScanError(offset, message);
  }

  unexpected(expected: string): never {
    if (this.i >= this.text.length) this.fail(`the file ends where ${expected} should be; it looks truncated`);
    this.fail(`expected ${expected} but found ${describeChar(this.text[this.i])}`);
  }

  ws(): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.i += 1;
      else break;
    }
  }

  document(): void {
    this.ws();
    if (this.i >= this.text.length) this.fail('the file is empty or holds only spaces', 0);
    this.value([], 0);
    this.ws();
    if (this.i < this.text.length) this.fail(`unexpected ${describeChar(this.text[this.i])} after the end of the JSON document`);
  }

  value(path: Path, depth: number): void {
    if (depth > MAX_DEPTH) this.fail('the JSON is nested too deeply');
    this.onValue?.(path, this.i);
    const c = this.text[this.i];
    if (c === '{') this.object(path, depth);
    else if (c === '[') this.array(path, depth);
    else if (c === '"') this.string();
    else if (c === 't') this.literal('true');
    else if (c === 'f') this.literal('false');
    else if (c === 'n') this.literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) this.number();
    else this.unexpected('a value');
  }

  object(path: Path, depth: number): void {
    this.i += 1;
    this.ws();
    if (this.text[this.i] === '}') {
      this.i += 1;
      return;
    }
    for (;;) {
      this.ws();
      if (this.text[this.i] !== '"') {
        if (this.text[this.i] === '}') this.fail('a trailing comma before "}"');
        this.unexpected('a property name in double quotes');
      }
      const keyStart = this.i;
      this.string();
      const key = JSON.parse(this.text.slice(keyStart, this.i)) as string;
      this.ws();
      if (this.text[this.i] !== ':') this.unexpected('":" after the property name');
      this.i += 1;
      this.ws();
      path.push(key);
      this.value(path, depth + 1);
      path.pop();
      this.ws();
      const next = this.text[this.i];
      if (next === ',') {
        this.i += 1;
        continue;
      }
      if (next === '}') {
        this.i += 1;
        return;
      }
      this.unexpected('"," or "}" after a property');
    }
  }

  array(path: Path, depth: number): void {
    this.i += 1;
    this.ws();
    if (this.text[this.i] === ']') {
      this.i += 1;
      return;
    }
    for (let index = 0; ; index += 1) {
      this.ws();
      if (this.text[this.i] === ']' && index > 0) this.fail('a trailing comma before "]"');
      path.push(index);
      this.value(path, depth + 1);
      path.pop();
      this.ws();
      const next = this.text[this.i];
      if (next === ',') {
        this.i += 1;
        continue;
      }
      if (next === ']') {
        this.i += 1;
        return;
      }
      this.unexpected('"," or "]" after an element');
    }
  }

  string(): void {
    const t = this.text;
    const start = this.i;
    this.i += 1;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c === 0x22) {
        this.i += 1;
        return;
      }
      if (c === 0x5c) {
        const e = t[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(this.i + 2, this.i + 6))) this.fail('an invalid \\u escape in a string');
          this.i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          this.i += 2;
        } else if (e === undefined) {
          break;
        } else {
          this.fail(`an invalid escape "\\${e}" in a string`);
        }
        continue;
      }
      if (c < 0x20) this.fail(`${describeChar(t[this.i])} inside a string (a line break must be written \\n)`);
      this.i += 1;
    }
    this.fail('a string that is never closed; the file looks truncated', start);
  }

  number(): void {
    NUMBER.lastIndex = this.i;
    const match = NUMBER.exec(this.text);
    if (!match || match[0] === '-') this.unexpected('a number');
    this.i += match[0].length;
  }

  literal(word: string): void {
    for (let k = 0; k < word.length; k += 1) {
      if (this.text[this.i + k] !== word[k]) {
        this.i += k;
        this.unexpected(k === 0 ? 'a value' : `"${word}"`);
      }
    }
    this.i += word.length;
  }
}

/**
 * The first syntax error in `text`, or undefined if it is valid JSON (as far as this
 * scanner can tell: it follows RFC 8259, as JSON.parse does).
 */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  try {
    new Scanner(text).document();
    return undefined;
  } catch (error) {
    if (error instanceof ScanError) return { offset: error.offset, message: error.message };
    // A stack overflow on absurd nesting: say so without a position.
    return { offset: 0, message: 'the JSON is nested too deeply to read' };
  }
}

/**
 * The offset of the value at `path` in a valid JSON `text`, or of its deepest ancestor
 * that exists (a missing field points at the object that lacks it).
 */
export function locateJsonPath(text: string, path: readonly PropertyKey[]): number | undefined {
  let best: { depth: number; offset: number } | undefined;
  const onValue = (at: Path, offset: number) => {
    if (at.length > path.length || (best && at.length <= best.depth)) return;
    for (let k = 0; k < at.length; k += 1) if (at[k] !== path[k]) return;
    best = { depth: at.length, offset };
  };
  try {
    new Scanner(text, onValue).document();
  } catch {
    // Best effort: whatever was found before the problem.
  }
  return best?.offset;
}
