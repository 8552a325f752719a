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
import { ansiSameStyles, emojiSingleCodePoints, inkDrawnWidths } from '../../scripts/bundle-patches.mjs';

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

describe('emoji-single-code-points: the width of a text outside ASCII', () => {
  it('is the same with and without the patch, for every code point and for emoji sequences', async () => {
    const source = "export { default as stringWidth } from 'string-width';";
    const { stringWidth: plain } = (await bundled('width-plain', source, [])) as { stringWidth: (s: string) => number };
    const { stringWidth: patched } = (await bundled('width-patched', source, [emojiSingleCodePoints as Plugin])) as { stringWidth: (s: string) => number };
    expect(patched).not.toBe(plain);
    // The rule the patch rests on, over every code point: alone, a code point is an RGI
    // emoji exactly when it has Emoji_Presentation and is not a regional indicator.
    // Built from a string: the v flag is newer than the target tsconfig checks against.
    const rgi = new RegExp('^\\p{RGI_Emoji}$', 'v');
    const presentation = /^\p{Emoji_Presentation}$/u;
    const pictographic = /\p{Extended_Pictographic}|\p{Emoji}/u;
    const notTheRule: string[] = [];
    const checked: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const regional = cp >= 0x1f1e6 && cp <= 0x1f1ff;
      if (rgi.test(ch) !== (presentation.test(ch) && !regional)) notTheRule.push(cp.toString(16));
      // Widths compared for every emoji-like code point, the symbols' blocks, and a spread of the rest.
      if (pictographic.test(ch) || regional || (cp >= 0x2000 && cp < 0x2c00) || cp % 61 === 0) checked.push(cp);
    }
    expect(notTheRule).toEqual([]);
    expect(checked.length).toBeGreaterThan(20_000);
    const differ: string[] = [];
    for (const cp of checked) {
      // After a non-ASCII letter, so that neither copy takes its ASCII shortcut.
      const text = `é${String.fromCodePoint(cp)}`;
      if (patched(text) !== plain(text)) differ.push(cp.toString(16));
    }
    expect(differ).toEqual([]);
    // Graphemes of more than one code point: flags, a lone regional indicator, keycaps,
    // skin tones, ZWJ families, a tag sequence, text and emoji presentation, combining marks.
    const sequences = ['🇫🇷', '🇫', '#️⃣', '1⃣', '👍🏽', '👩‍👩‍👧', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '☺︎', '☺️', 'é', 'ñ̃', '██ ▓▓ ❯ › · —', '全角テキスト'];
    for (const text of sequences) expect(patched(text), text).toBe(plain(text));
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
