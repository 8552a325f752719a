/**
 * The dependency picture of DESIGN.md, checked on the sources: the commands start
 * without Ink, React or marked (only `cxray` with no command loads the TUI, lazily), the
 * core does no I/O and draws nothing, the renderers in src/export only turn reports into text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** The modules a file imports statically (`import ... from`, `export ... from`), type-only imports left out. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm)) {
    if (!match[1]) specifiers.push(match[2]!);
  }
  for (const match of text.matchAll(/^\s*import\s+'([^']+)'/gm)) specifiers.push(match[1]!);
  return specifiers;
}

/** A relative specifier as the file it names (.js written for .ts and .tsx sources). */
function sourceOf(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  for (const ext of ['.ts', '.tsx']) {
    try {
      readFileSync(base + ext);
      return base + ext;
    } catch {
      // try the next extension
    }
  }
  return undefined;
}

/** Every module reached from `entry` by static imports: source files and packages. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of staticImports(file)) {
      const source = sourceOf(file, specifier);
      if (source) todo.push(source);
      else if (!specifier.startsWith('.')) packages.add(specifier);
    }
  }
  return { files, packages };
}

const tsFiles = (dir: string) => readdirSync(join(SRC, dir)).filter((f) => /\.tsx?$/.test(f)).map((f) => join(SRC, dir, f));
const rel = (file: string) => relative(SRC, file);

describe('the dependency picture', () => {
  it.each(tsFiles('commands').map((f) => [rel(f), f]))('%s loads no UI, no Ink, React or marked', (_, file) => {
    const { files, packages } = reach(file);
    expect([...files].map(rel).filter((f) => f.startsWith('ui/'))).toEqual([]);
    expect([...packages].filter((p) => /^(ink|ink-|react|marked)/.test(p))).toEqual([]);
  });

  it.each(tsFiles('core').map((f) => [rel(f), f]))('%s is pure: no I/O, no UI, no store', (_, file) => {
    const { files, packages } = reach(file);
    expect([...files].map(rel).filter((f) => !f.startsWith('core/'))).toEqual([]);
    expect([...packages].filter((p) => !['zod'].includes(p))).toEqual([]);
  });

  it.each(tsFiles('export').map((f) => [rel(f), f]))('%s is pure rendering: no workbook, no UI, no file system', (_, file) => {
    const { files, packages } = reach(file);
    expect([...files].map(rel).filter((f) => !f.startsWith('core/') && !f.startsWith('export/'))).toEqual([]);
    expect([...packages].filter((p) => !['zod'].includes(p))).toEqual([]);
  });

  it('finds the imports it looks for (the check itself works)', () => {
    expect([...reach(join(SRC, 'commands', 'diff.ts')).files].map(rel)).toEqual(
      expect.arrayContaining(['core/diff.ts', 'export/diff-text.ts', 'store/workbook-store.ts']),
    );
    expect([...reach(join(SRC, 'ui', 'main.tsx')).packages]).toEqual(expect.arrayContaining(['ink', 'react']));
  });
});
