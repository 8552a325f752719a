/**
 * The validator over broken banks: each file in test/fixtures/banks/broken/ differs from
 * a valid bank by one defect, and the table says where the one problem is reported and
 * what its message says. Hostile files too large to commit (a 2 MB file, an alias bomb,
 * thousands of nested levels) are written to a temporary folder.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBankFile } from '../../src/bank/open.js';
import { BANK_LIMITS, validateBankSource } from '../../src/bank/validate/index.js';
import { FIXTURES } from '../helpers/fixtures.js';

const BROKEN = join(FIXTURES, 'banks', 'broken');

/** file name (without .yaml) -> where the problem is reported and a part of its message. */
const CASES: Array<[name: string, at: string, message: string]> = [
  // Keys
  ['unknown-key-typo', '13:5', 'unknown key "promt"; did you mean "prompt"?'],
  ['unknown-key', '18:9', 'unknown key "colour"; the keys allowed here are id, label, level, actions'],
  ['bom-typo', '1:1', 'unknown key "idd"; did you mean "id"?'],
  ['proto-key', '31:5', 'unknown key "__proto__"'],
  ['merge-key', '31:5', 'merge keys ("<<") are not supported'],
  ['collection-key', '35:7', 'keys in a bank are plain words'],
  // Missing and empty fields: a missing key points at the mapping it belongs in
  ['missing-field', '11:5', 'question "export-alert" is missing "prompt"; add it'],
  ['missing-bank-field', '1:1', 'the bank is missing "version"; add it (a semantic version such as 1.0.0)'],
  ['empty-value', '13:12', '"prompt" of question "export-alert" is empty'],
  // Values
  ['level-out-of-range', '21:16', 'option "never" of question "export-alert" has level 7, outside 0-4'],
  ['level-not-whole', '21:16', 'is 2.5; use a whole number from 0 to 4'],
  ['bad-enum-effort', '28:13', '"effort" of action "log-exports" is text "XL"; use one of S, M, L'],
  ['bad-enum-channel', '25:25', 'is text "fax"; use one of voice, chat, email, web, social, in-person, messaging, app'],
  ['bad-weight', '14:13', '"weight" of question "export-alert" is the number 5; use one of 1, 2, 3'],
  ['wrong-type', '14:13', 'is text "two"; use one of 1, 2, 3'],
  ['bad-id', '11:9', 'is text "Export Alert"; use lowercase letters, digits and hyphens'],
  ['version-number', '3:10', 'not the number 1; put it in quotes ("1.0")'],
  ['too-few-options', '15:5', '"options" of question "export-alert" holds 1 item; give it at least 2'],
  ['too-long', '2:8', '"title" of the bank is 132 characters long; shorten it to 120 or fewer'],
  // Ids and references
  ['duplicate-question-id', '24:9', 'duplicate question id "export-alert" (first used on line 11)'],
  ['duplicate-option-id', '19:13', 'duplicate option id "minutes" in question "export-alert" (first used on line 16)'],
  ['duplicate-action-id', '30:9', 'duplicate action id "log-exports" (first used on line 25)'],
  ['levels-four', '6:1', '"levels" of the bank holds 4 items; give it exactly 5'],
  ['scope-not-a-name', '6:20', '"singular" of "scope" of the bank is text "team: squad"; use a word or two, such as team or application'],
  ['duplicate-short-label', '13:12', 'duplicate short label "alerts" (first used on line 10); give each dimension its own'],
  ['short-label-wide', '9:12', 'the short label "検知と警報の設定" takes 16 columns on a terminal; use at most 10'],
  ['short-label-too-long', '9:12', '"short" of dimension "detection" is 11 characters long; shorten it to 10 or fewer'],
  ['duplicate-dimension-id', '10:9', 'duplicate dimension id "detection" (first used on line 7)'],
  ['unknown-action', '22:19', 'refers to the action "log-export", which the bank does not define; did you mean "log-exports"?'],
  ['unknown-discovery', '23:16', 'the discovery action "interview-staff", which the bank does not define; use one of the actions defined (log-exports, ask-admins)'],
  ['unknown-dimension', '12:16', 'the dimension "detectoin", which the bank does not define; did you mean "detection"?'],
  ['unreachable-action', '35:9', 'action "train-agents" is never used'],
  ['all-level-0', '15:5', 'every option of question "export-alert" has level 0'],
  ['all-level-4', '15:5', 'every option of question "export-alert" has level 4'],
  // Shares and prerequisites (SCORING.md, "Bank syntax")
  ['shares-mixed', '22:9', 'option "never" of question "export-alert" mixes plain action ids with { id, share } objects; give every action a share'],
  ['shares-sum', '22:9', 'the shares of the actions of option "never" of question "export-alert" sum to 0.9, not 1'],
  ['share-zero', '24:41', '"share" of action "export-review" is 0; use a number more than 0'],
  ['share-unknown-action', '24:19', 'refers to the action "export-reviw", which the bank does not define; did you mean "export-review"?'],
  ['requires-unknown', '40:16', 'action "export-review" requires "log-export", which the bank does not define; did you mean "log-exports"?'],
  ['requires-discovery', '40:16', 'action "export-review" requires "ask-admins", a discovery action (question "export-alert" names it); require remediation actions only'],
  ['requires-cycle', '40:16', 'the requires of action "export-review" go round in a cycle: export-review -> export-alarm -> export-review; remove one'],
  ['discovery-requires', '35:5', 'action "ask-admins" is a discovery action (question "export-alert" names it) and so requires nothing'],
  ['formerly-current-id', '24:32', 'option "never" of question "export-alert" lists "minutes" under formerly, but "minutes" is an option of this question now'],
  ['formerly-claimed-twice', '24:32', 'options "minutes" and "never" of question "export-alert" both list "at-once" under formerly'],
  // Control ids against the catalogue (src/core/controls/)
  ['control-iso-2013', '26:41', 'question "export-alert" cites ISO27001 "A.9.2.5": this is a 2013 id (Review of user access rights); 2022 maps it to A.5.18 (Access rights), so cite A.5.18'],
  ['control-made-up', '27:18', 'question "export-alert" cites SOC2 "CC6.9", which is not a control of SOC 2 (Trust Services Criteria 2017); cite an id of its catalogue, written like CC6.1'],
  ['control-near-miss', '25:37', 'cites GDPR "Article 33(1)", which is not a control of GDPR (Regulation (EU) 2016/679); did you mean "Art. 33(1)"?'],
  // YAML
  ['syntax-error', '23:5', 'YAML syntax error: '],
  ['duplicate-key', '15:5', 'duplicate key "weight" (first on line 14)'],
  ['tab-indent', '34:1', 'a tab is used for indentation; YAML indents with spaces only'],
  ['tag-js-function', '20:16', 'the tag "!!js/function" is not allowed; a bank uses no custom tags'],
  ['tag-custom', '20:16', 'the tag "!shout" is not allowed'],
  ['tag-binary', '29:12', 'the tag "!!binary" is not allowed'],
  ['undefined-alias', '34:12', 'the alias "*lead" refers to no anchor'],
  ['circular-alias', '22:38', 'the alias "*loop" refers to a value that contains it'],
  ['two-documents', '35:1', 'a bank file holds one YAML document; found 2'],
  ['yaml-1-1', '1:1', 'asks for YAML 1.1; banks are YAML 1.2, so remove the directive'],
  ['unknown-directive', '1:1', 'unknown directive %SHOUT; remove the directive'],
  ['deep-nesting', '34:73', `the YAML nests deeper than ${BANK_LIMITS.maxDepth} levels`],
  // The file as a whole
  ['empty', '1:1', 'the file is empty; a bank needs the keys id, title, version'],
  ['comments-only', '1:1', 'the file is empty'],
  ['empty-document', '1:1', 'the document is empty'],
  ['top-level-scalar', '1:1', 'a bank is a mapping of keys (id, title, version, description, language, dimensions, questions, actions); found text "just some text"'],
  ['top-level-list', '1:1', 'a bank is a mapping of keys (id, title, version, description, language, dimensions, questions, actions); found a list'],
  ['invalid-utf8', '20:19', 'the file is not valid UTF-8 here (byte 0xFF); save it as UTF-8'],
  ['utf-16', '1:1', 'the file is UTF-16 text; save it as UTF-8'],
];

describe('validating broken banks: one defect, one problem, at the right place', () => {
  it('has a case for every fixture, and a fixture for every case', () => {
    const files = readdirSync(BROKEN).map((f) => f.replace(/\.yaml$/, '')).sort();
    expect(CASES.map(([name]) => name).sort()).toEqual(files);
  });

  it.each(CASES)('%s: %s', async (name, at, message) => {
    const path = join(BROKEN, `${name}.yaml`);
    const { bank, problems } = await checkBankFile(path);
    expect(bank).toBeUndefined();
    expect(problems.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([expect.stringContaining(`${at}: `)]);
    expect(problems[0]!.message).toContain(message);
    expect(problems[0]!.path).toBe(path);
  });

  it('writes every message as one line naming the fix, without a stack trace', async () => {
    for (const [name] of CASES) {
      for (const p of (await checkBankFile(join(BROKEN, `${name}.yaml`))).problems) {
        expect(p.message).not.toMatch(/\n|\bat .*\(.*:\d+:\d+\)|internal error/);
        expect(p.message).toMatch(/; |\?$/); // "what is wrong; what to do" (or a suggestion)
      }
    }
  });

  it('reports every problem of a file at once, sorted by position', () => {
    const source = [
      'id: Two Words',
      'title: ""',
      'version: 1.0.0',
      'description: Several problems.',
      'language: en',
      'dimensions: [{ id: d, title: D, description: One. }]',
      'questions:',
      '  - { id: q, dimension: e, prompt: P?, weight: 2, options: [{ id: a, label: A, level: 0 }, { id: b, label: B, level: 9 }], promt: x }',
      'actions:',
      '  - { id: unused, title: T, detail: D, effort: XL, owner: O }',
    ].join('\n');
    const { problems } = validateBankSource(source, 'many.yaml');
    expect(problems.map((p) => `${p.line}:${p.column}`)).toEqual(['1:5', '2:8', '8:25', '8:118', '8:124', '10:11', '10:48']);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('"id" of the bank is text "Two Words"'),
      expect.stringContaining('"title" of the bank is empty'),
      expect.stringContaining('the dimension "e", which the bank does not define'),
      expect.stringContaining('option "b" of question "q" has level 9'),
      expect.stringContaining('unknown key "promt"; did you mean "prompt"?'),
      expect.stringContaining('action "unused" is never used'),
      expect.stringContaining('"effort" of action "unused" is text "XL"'),
    ]);
  });
});

describe('shares and prerequisites: the edges of each rule', () => {
  /** A valid bank with the remediation actions a, b, c and the discovery action d, with these option actions and requires. */
  function bank(optionActions: string, actions: Record<string, string> = {}): string {
    const action = (id: string) => `  - { id: ${id}, title: T, detail: D, effort: S, owner: O${actions[id] ? `, requires: ${actions[id]}` : ''} }`;
    return [
      'id: edges',
      'title: Edges',
      'version: 1.0.0',
      'description: Shares and requires.',
      'language: en',
      'dimensions: [{ id: dim, title: D, description: One. }]',
      'questions:',
      '  - id: q',
      '    dimension: dim',
      '    prompt: P?',
      '    weight: 2',
      '    discovery: d',
      '    options:',
      '      - { id: fine, label: Fine, level: 0 }',
      `      - { id: bad, label: Bad, level: 4, actions: ${optionActions} }`,
      'actions:',
      ...['a', 'b', 'c', 'd'].map(action),
    ].join('\n');
  }
  /** The problems, but for actions an option leaves out (never used, which is not the point here). */
  const problemsOf = (source: string) =>
    validateBankSource(source, 'edges.yaml')
      .problems.filter((p) => !p.message.includes('is never used'))
      .map((p) => `${p.line}:${p.column}: ${p.message}`);

  it('accepts shares that sum to 1 within 0.001, plain ids, and a chain of prerequisites', () => {
    expect(problemsOf(bank('[{ id: a, share: 0.333 }, { id: b, share: 0.333 }, { id: c, share: 0.333 }]'))).toEqual([]);
    expect(problemsOf(bank('[{ id: a, share: 0.6 }, { id: b, share: 0.401 }]'))).toEqual([]);
    expect(problemsOf(bank('[{ id: a, share: 1 }]'))).toEqual([]);
    expect(problemsOf(bank('[a, b, c]', { c: '[b]', b: '[a]' }))).toEqual([]);
    expect(problemsOf(bank('[a, b, c]', { c: '[a, b]', b: '[a]', d: '[]' }))).toEqual([]);
  });

  it('refuses shares just outside the tolerance, and a share above 1', () => {
    expect(problemsOf(bank('[{ id: a, share: 0.5 }, { id: b, share: 0.498 }]'))).toEqual([
      expect.stringContaining('15:42: the shares of the actions of option "bad" of question "q" sum to 0.998, not 1'),
    ]);
    expect(problemsOf(bank('[{ id: a, share: 0.25 }, { id: b, share: 0.25 }, { id: c, share: 0.6 }]'))).toEqual([expect.stringContaining('sum to 1.1, not 1')]);
    expect(problemsOf(bank('[{ id: a, share: 1.5 }]'))).toEqual([
      expect.stringContaining('15:68: "share" of action "a" is 1.5; use a number of at most 1'),
    ]);
  });

  it('names a cycle of one action, and each of two cycles once', () => {
    expect(problemsOf(bank('[a, b, c]', { a: '[a]' }))).toEqual([
      '17:67: the requires of action "a" go round in a cycle: a -> a; remove one of these requirements so that one action comes first',
    ]);
    // c -> a -> b -> c: named from the first action in the file, a.
    expect(problemsOf(bank('[a, b, c]', { c: '[a]', a: '[b]', b: '[c]' }))).toEqual([
      expect.stringContaining('17:67: the requires of action "a" go round in a cycle: a -> b -> c -> a;'),
    ]);
    expect(problemsOf(bank('[a, b, c]', { a: '[b]', b: '[a]', c: '[c]' }))).toEqual([
      expect.stringContaining('17:67: the requires of action "a" go round in a cycle: a -> b -> a;'),
      expect.stringContaining('19:67: the requires of action "c" go round in a cycle: c -> c;'),
    ]);
  });

  it('reports every prerequisite problem of a file at once', () => {
    expect(problemsOf(bank('[a, b, c]', { a: '[d, xyz]', d: '[a]' }))).toEqual([
      expect.stringContaining('17:67: action "a" requires "d", a discovery action'),
      expect.stringContaining('17:70: action "a" requires "xyz", which the bank does not define; use one of the remediation actions defined (a, b, c)'),
      expect.stringContaining('20:56: action "d" is a discovery action (question "q" names it) and so requires nothing'),
    ]);
  });
});

describe('line endings and headers people really write', () => {
  const valid = readFileSync(join(FIXTURES, 'banks', 'valid-full.yaml'), 'utf8');

  it('reads Windows line endings, and counts columns the same way', () => {
    expect(validateBankSource(valid.replaceAll('\n', '\r\n'), 'crlf.yaml').problems).toEqual([]);
    const broken = readFileSync(join(BROKEN, 'unknown-key-typo.yaml'), 'utf8').replaceAll('\n', '\r\n');
    expect(validateBankSource(broken, 'crlf.yaml').problems.map((p) => `${p.line}:${p.column}`)).toEqual(['13:5']);
  });

  it('accepts an explicit %YAML 1.2 header and a document start marker', () => {
    expect(validateBankSource(`%YAML 1.2\n---\n${valid}`, 'header.yaml').problems).toEqual([]);
    expect(validateBankSource(`---\n${valid}...\n`, 'markers.yaml').problems).toEqual([]);
  });
});

describe('hostile files, generated rather than committed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cxray-hostile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function write(name: string, content: string | Uint8Array): string {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  }

  /** The "billion laughs": nine levels of nine aliases each. */
  function aliasBomb(): string {
    const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let level = 1; level < 9; level++) {
      const name = String.fromCharCode(97 + level);
      const previous = `*${String.fromCharCode(96 + level)}`;
      lines.push(`${name}: &${name} [${Array(9).fill(previous).join(', ')}]`);
    }
    return lines.join('\n') + '\n';
  }

  const cases: Array<[name: string, content: () => string | Uint8Array, at: string, message: string]> = [
    ['huge.yaml', () => `description: "${'x'.repeat(BANK_LIMITS.maxBytes)}"\n`, '1:1', 'more than the 2 MB (2097152 bytes) a bank file may hold'],
    ['alias-bomb.yaml', aliasBomb, '6:8', 'too many aliases'],
    ['many-aliases.yaml', () => `a: &a x\nlist: [${Array(BANK_LIMITS.maxAliases + 1).fill('*a').join(', ')}]\n`, '2:408', 'too many aliases: more than 100'],
    ['deep-flow.yaml', () => '['.repeat(BANK_LIMITS.maxBytes - 1), '1:73', 'the YAML nests deeper than 64 levels'],
    ['deep-block.yaml', () => '- '.repeat(BANK_LIMITS.maxBytes / 2 - 1) + 'x\n', '1:144', 'the YAML nests deeper than 64 levels'],
    ['deep-map.yaml', () => Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n', '72:73', 'the YAML nests deeper than 64 levels'],
    ['zeros.yaml', () => new Uint8Array(1000), '1:1', ''],
  ];

  it.each(cases)('%s is refused quickly at %s', async (name, content, at, message) => {
    const path = write(name, content());
    const started = performance.now();
    const { bank, problems } = await checkBankFile(path);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(bank).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    expect(`${problems[0]!.line}:${problems[0]!.column}`).toBe(at);
    expect(problems[0]!.message).toContain(message);
    expect(problems[0]!.message).not.toContain('internal error');
  });

  it('refuses a file one byte over the limit without reading it all', async () => {
    const path = write('just-over.yaml', 'a'.repeat(BANK_LIMITS.maxBytes + 1));
    expect((await checkBankFile(path)).problems[0]!.message).toContain(`the file is ${BANK_LIMITS.maxBytes + 1} bytes (2.0 MB), more than the 2 MB`);
  });

  it('lets an alias be used up to the limit', () => {
    const lines = ['a: &a x', `list: [${Array(BANK_LIMITS.maxAliases).fill('*a').join(', ')}]`];
    const { problems } = validateBankSource(lines.join('\n'), 'ok.yaml');
    expect(problems.some((p) => p.message.includes('alias'))).toBe(false);
  });

  it('does not blame aliases for the size of a large file that uses one', () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `  k${i}: v`).join('\n');
    const { problems } = validateBankSource(`x:\n${keys}\ny: &a [1]\nz: *a\n`, 'large.yaml');
    expect(problems.some((p) => p.message.includes('alias'))).toBe(false);
  });

  it('accepts nesting up to the limit', () => {
    const depth = BANK_LIMITS.maxDepth - 1; // inside the top-level mapping
    const { problems } = validateBankSource(`x: ${'['.repeat(depth)}${']'.repeat(depth)}\n`, 'deep.yaml');
    expect(problems.some((p) => p.message.includes('nests deeper'))).toBe(false);
    const deeper = validateBankSource(`x: ${'['.repeat(depth + 1)}${']'.repeat(depth + 1)}\n`, 'deeper.yaml');
    expect(deeper.problems.map((p) => p.message)).toEqual([expect.stringContaining('nests deeper')]);
  });

  it('never sets a prototype from a __proto__ key, however it is written', () => {
    for (const source of ['__proto__: { polluted: 1 }', '"__proto__": { polluted: 1 }', 'dimensions: [{ id: d, __proto__: { polluted: 1 } }]', '? __proto__\n: { polluted: 1 }']) {
      const { problems } = validateBankSource(source, 'proto.yaml');
      expect(problems.some((p) => p.message.includes('unknown key "__proto__"'))).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    }
  });
});
