/**
 * Where a value is: from a data path (as zod reports it) back to the YAML nodes, through
 * aliases, to the offset a problem points at.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { DataPath } from './problems.js';

interface Located {
  /** The key of the pair holding the value, when the value sits in a mapping. */
  key?: YamlNode;
  /** The value itself, when it exists. */
  value?: YamlNode | null;
  /** The deepest node found on the way (the parent mapping of a missing key). */
  nearest: YamlNode;
}

export class Locator {
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

export function startOf(node: YamlNode | null | undefined): number {
  return node?.range?.[0] ?? 0;
}
