/**
 * Step 3: the YAML tree to plain data, by our own rules (see Converter).
 */
import { isAlias, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { BANK_LIMITS } from '../limits.js';
import { printable } from './describe.js';
import { startOf } from './locate.js';
import type { ProblemList } from './problems.js';
import { depthMessage } from './yaml.js';

/** Tags a bank may use: YAML 1.2's core tags. Anything else (`!!js/function`, `!foo`) is refused. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));


/**
 * Turns the YAML tree into plain data by our own rules rather than `toJS()`: explicit
 * tags other than YAML 1.2's core ones are refused; aliases are counted and the values
 * they expand to bounded; every key, `__proto__` included, becomes an own property of
 * an ordinary object, so no prototype is ever set. An aliased value is converted once
 * and shared, which keeps memory flat; zod copies what it returns.
 */
export class Converter {
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
