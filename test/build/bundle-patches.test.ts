/**
 * The patches applied to dependencies when they are bundled (scripts/bundle-patches.mjs)
 * change how fast, never what: each module is bundled with and without its patch and
 * both are run on the same inputs. A patch whose text no longer matches fails the build.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the build, without types
import { ansiSameStyles, inkDrawnWidths } from '../../scripts/bundle-patches.mjs';

const dir = mkdtempSync(join(tmpdir(), 'cxray-patches-'));
/** Ink's own files, by path: its package exports only its entry. */
const ink = (file: string) => JSON.stringify(join(process.cwd(), 'node_modules', 'ink', 'build', file));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `source` bundled (with `plugins`) into a module of its own, imported. */
async function bundled(name: string, source: string, plugins: Plugin[]): Promise<Record<string, unknown>> {
  const entry = join(dir, `${name}-entry.mjs`);
  writeFileSync(entry, source);
  const outfile = join(dir, `${name}.mjs`);
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile, plugins, logLevel: 'silent', nodePaths: [join(process.cwd(), 'node_modules')] });
  return import(pathToFileURL(outfile).href) as Promise<Record<string, unknown>>;
}

const ESC = '\u001b[';
/** Lines styled the ways Ink's frames are: runs of one style, nested styles, resets, none, wide characters. */
const LINES = [
  'plain text, no codes',
  `${ESC}1mbold${ESC}22m then plain`,
  `${ESC}2mdim ${ESC}1mdim and bold${ESC}22m${ESC}22m plain`,
  `${ESC}33mye${ESC}1mllow bold${ESC}39m bold only${ESC}22m`,
  `${ESC}7m❯ selected row ██▓▓▒▒${ESC}27m · next`,
  `${ESC}31m${ESC}42mred on green${ESC}49m red${ESC}39m`,
  `${ESC}31mred${ESC}32mgreen${ESC}39m`,
  `${ESC}1mopen to the end`,
  `a${ESC}0m${ESC}36mcyan after a reset${ESC}0m`,
  `${ESC}2m全角 wide${ESC}22m and 😀 emoji`,
  '',
];

describe('ansi-same-styles: a row of the frame drawn to text', () => {
  it('gives the same text with and without the patch', async () => {
    const source = "export { styledCharsFromTokens, styledCharsToString, tokenize } from '@alcalzone/ansi-tokenize';";
    const plain = await bundled('ansi-plain', source, []);
    const patched = await bundled('ansi-patched', source, [ansiSameStyles as Plugin]);
    type Fns = { tokenize: (s: string) => unknown[]; styledCharsFromTokens: (t: unknown[]) => unknown[]; styledCharsToString: (c: unknown[]) => string };
    const [a, b] = [plain as unknown as Fns, patched as unknown as Fns];
    expect(b.styledCharsToString).not.toBe(a.styledCharsToString);
    // Every line alone, and every pair joined (styles running across the join).
    const inputs = [...LINES, ...LINES.flatMap((x) => LINES.map((y) => x + y))];
    for (const line of inputs) {
      const chars = a.styledCharsFromTokens(a.tokenize(line));
      expect(b.styledCharsToString(chars)).toBe(a.styledCharsToString(chars));
    }
  });
});

describe('ink-drawn-widths: the width Ink draws a text at', () => {
  it('is the width it measured the text at', async () => {
    const source = `export { default as measureText } from ${ink('measure-text.js')}; export { default as widestLine } from 'widest-line';`;
    const { measureText, widestLine } = (await bundled('widths', source, [])) as { measureText: (s: string) => { width: number }; widestLine: (s: string) => number };
    for (const text of [...LINES, LINES.join('\n'), 'a\nlonger line\nb']) expect(measureText(text).width).toBe(widestLine(text));
  });

  it('patches the one place Ink drew with widest-line', async () => {
    const source = `export { default } from ${ink('render-node-to-output.js')};`;
    await expect(bundled('render', source, [inkDrawnWidths as Plugin])).resolves.toBeDefined();
  });
});

describe('a patch whose text is gone', () => {
  it('fails the build, naming the patch and the file', async () => {
    // The dependency's file as an upgrade might leave it: the patched text is not there.
    const file = join(dir, 'node_modules', '@alcalzone', 'ansi-tokenize', 'build', 'styledChars.js');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'export function styledCharsToString(chars) { return chars.map((c) => c.value).join(""); }\n');
    let load: ((args: { path: string }) => Promise<unknown>) | undefined;
    (ansiSameStyles as Plugin).setup({ onLoad: (_options: unknown, callback: typeof load) => void (load = callback) } as never);
    await expect(load!({ path: file })).rejects.toThrow(/^ansi-same-styles: .*styledChars\.js holds "ret \+= ansiCodesToString\(diffAnsiCodes\(chars\[i - 1\].* 0 times, not 1; update the patch$/);
  });
});
