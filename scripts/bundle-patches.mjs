// Patches applied to dependencies when they are bundled, by scripts/build.mjs and by
// bench/lib/build.mjs alike (the benchmark's floor app must be bundled like cxray).
// Each replaces exact text, and the build fails if a dependency's code no longer holds
// it as many times as expected: an upgrade has to look at the patch again.
import { readFile } from 'node:fs/promises';

/**
 * An esbuild plugin that replaces exact strings in the files matching `filter` (a Go
 * regular expression, as esbuild takes them) and `only` (a path test, when given).
 */
function patch(name, filter, replacements, only = () => true) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter }, async (args) => {
        if (!only(args.path)) return undefined;
        let source = await readFile(args.path, 'utf8');
        for (const { find, replace, count } of replacements) {
          const found = source.split(find).length - 1;
          if (found !== count) throw new Error(`${name}: ${args.path} holds ${JSON.stringify(find)} ${found} times, not ${count}; update the patch`);
          source = source.split(find).join(replace);
        }
        return { contents: source, loader: 'js' };
      });
    },
  };
}

// yoga-layout (Ink's layout engine) loads its wasm, inlined as a data: URL, with fetch()
// when fetch exists, which makes Node load undici, its HTTP client: 25-50 ms of every
// start of the TUI. Without fetch it decodes the same bytes itself. Twice: fetching the
// bytes, and compiling them while they stream in.
export const yogaWithoutFetch = patch('yoga-without-fetch', /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/, [
  { find: '"function"!=typeof fetch', replace: 'true', count: 2 },
]);

// Ink draws every frame on a new Output, whose caches (each line's styled characters and
// widths) start empty, so every frame tokenises and measures every line of the screen
// again, though most lines are those of the frame before. Shared between frames (and
// emptied when they grow past a bound) they keep what the last frames drew; the cut of a
// line to a clipping box is kept too. The values are pure functions of the strings.
const OUTPUT_CACHE_LINES = 2000;
export const inkFrameCaches = patch('ink-frame-caches', /[\\/]ink[\\/]build[\\/]output\.js$/, [
  { find: '    caches = new OutputCaches();', replace: '    caches = sharedOutputCaches;', count: 1 },
  {
    find: 'export default class Output {',
    replace:
      'const sharedOutputCaches = new OutputCaches();\n' +
      'const slices = new Map();\n' +
      'function cachedSliceAnsi(line, from, to) {\n' +
      '    const key = `${from}:${to}:${line}`;\n' +
      '    let cached = slices.get(key);\n' +
      '    if (cached === undefined) {\n' +
      `        if (slices.size >= ${OUTPUT_CACHE_LINES}) slices.clear();\n` +
      '        cached = sliceAnsi(line, from, to);\n' +
      '        slices.set(key, cached);\n' +
      '    }\n' +
      '    return cached;\n' +
      '}\n' +
      'export default class Output {',
    count: 1,
  },
  { find: 'return sliceAnsi(line, from, to);', replace: 'return cachedSliceAnsi(line, from, to);', count: 1 },
  { find: '            this.styledChars.set(line, cached);', replace: `            if (this.styledChars.size >= ${OUTPUT_CACHE_LINES}) this.styledChars.clear();\n            this.styledChars.set(line, cached);`, count: 1 },
  { find: '            this.widths.set(text, cached);', replace: `            if (this.widths.size >= ${OUTPUT_CACHE_LINES * 4}) this.widths.clear();\n            this.widths.set(text, cached);`, count: 1 },
  { find: '            this.blockWidths.set(text, cached);', replace: `            if (this.blockWidths.size >= ${OUTPUT_CACHE_LINES}) this.blockWidths.clear();\n            this.blockWidths.set(text, cached);`, count: 1 },
]);

// Ink measures each text while laying the frame out (measure-text.js keeps every width it
// measured) and again while drawing it, where it asks widest-line directly, uncached: a
// string with any character outside ASCII (the bars, the big digits, "·") goes through
// grapheme segmentation, ~4 ms a frame of the walk. Drawing asks the layout's cache, which
// holds the same text already.
export const inkDrawnWidths = patch('ink-drawn-widths', /[\\/]ink[\\/]build[\\/]render-node-to-output\.js$/, [
  { find: "import widestLine from 'widest-line';", replace: "import measureText from './measure-text.js';", count: 1 },
  { find: 'const currentWidth = widestLine(text);', replace: 'const currentWidth = measureText(text).width;', count: 1 },
]);

// Ink turns each row of the frame into a string with styledCharsToString, which works out
// the escape codes between every two neighbouring characters by building three Sets and
// two arrays, though neighbours nearly always share their styles. Equal styles need no
// codes: that is checked first, code by code.
export const ansiSameStyles = patch('ansi-same-styles', /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/, [
  {
    find: 'export function styledCharsToString(chars) {',
    replace:
      'function sameStyles(a, b) {\n' +
      '    if (a.length !== b.length) return false;\n' +
      '    for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;\n' +
      '    return true;\n' +
      '}\n' +
      'export function styledCharsToString(chars) {',
    count: 1,
  },
  {
    find: 'ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
    replace: 'if (!sameStyles(chars[i - 1].styles, char.styles)) ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
    count: 1,
  },
  {
    find: 'ret += ansiCodesToString(diffAnsiCodes(char.styles, []));',
    replace: 'if (char.styles.length > 0) ret += ansiCodesToString(diffAnsiCodes(char.styles, []));',
    count: 1,
  },
]);

// string-width tests every grapheme of a text that is not plain ASCII against
// /^\p{RGI_Emoji}$/v, a regular expression so large that V8 takes ~40 ms to compile it
// on its first use and again when it tiers it up: every start of the TUI paid that
// before its first frame (the home list's bars and "❯"). A single code point is an RGI
// emoji exactly when it has Emoji_Presentation and is not a regional indicator (checked
// over every code point by test/build/bundle-patches.test.ts); only longer graphemes ask
// the large expression.
export const emojiSingleCodePoints = patch('emoji-single-code-points', /[\\/]node_modules[\\/]string-width[\\/]index\.js$/, [
  {
    find: 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
    replace:
      'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;\n' +
      'const emojiPresentationRegex = /^\\p{Emoji_Presentation}$/u;\n' +
      'function isRgiEmoji(segment) {\n' +
      '\tconst codePoint = segment.codePointAt(0);\n' +
      '\tif (segment.length === (codePoint > 0xFFFF ? 2 : 1)) return emojiPresentationRegex.test(segment) && !(codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF);\n' +
      '\treturn rgiEmojiRegex.test(segment);\n' +
      '}',
    count: 1,
  },
  { find: 'if (rgiEmojiRegex.test(segment) || isDoubleWidthNonRgiEmojiSequence(segment)) {', replace: 'if (isRgiEmoji(segment) || isDoubleWidthNonRgiEmojiSequence(segment)) {', count: 1 },
], (path) => !/node_modules[\\/].+[\\/]node_modules[\\/]string-width[\\/]/.test(path)); // the top-level copy (8.x, Ink's); wrap-ansi keeps its own 7.x
