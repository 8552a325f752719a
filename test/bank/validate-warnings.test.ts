/**
 * The validator's warnings (src/bank/validate/warnings.ts): each on a bank that is
 * otherwise clean, at its exact line and column, and never a reason to refuse the bank.
 */
import { describe, expect, it } from 'vitest';
import { validateBankSource } from '../../src/bank/validate/index.js';

/** A valid bank with no warning; `options` and `actions` lines replace the defaults. */
function bank({ options, actions, prompt = 'How soon would a bulk export be noticed?' }: { options?: string[]; actions?: string[]; prompt?: string } = {}): string {
  return [
    'id: warned', // 1
    'title: Warnings', // 2
    'version: 1.0.0', // 3
    'description: One question.', // 4
    'language: en', // 5
    'dimensions: [{ id: detection, title: Detection, description: Whether misuse is noticed. }]', // 6
    'questions:', // 7
    '  - id: export-alert', // 8
    '    dimension: detection', // 9
    `    prompt: ${prompt}`, // 10
    '    weight: 2', // 11
    '    discovery: ask-admins', // 12
    '    options:', // 13
    ...(options ?? ['      - { id: minutes, label: Within minutes, level: 0 }', '      - { id: never, label: Never, level: 4, actions: [log-exports] }']), // 14, 15
    'actions:',
    ...(actions ?? [
      '  - { id: log-exports, title: Log exports, detail: Turn on export logging., effort: M, owner: Security }',
      '  - { id: ask-admins, title: Ask the admins, detail: Ask each admin., effort: S, owner: Facilitator }',
    ]),
  ].join('\n');
}

const warningsOf = (source: string) => {
  const result = validateBankSource(source, 'b.yaml');
  expect(result.problems).toEqual([]);
  expect(result.bank).toBeDefined();
  return (result.warnings ?? []).map((w) => `${w.line}:${w.column}: ${w.message}`);
};

describe('bank warnings', () => {
  it('has none for a clean bank', () => {
    expect(warningsOf(bank())).toEqual([]);
  });

  it('warns of an option at level 4 that lists no action, at its level', () => {
    expect(
      warningsOf(bank({ options: ['      - { id: minutes, label: Within minutes, level: 0, actions: [log-exports] }', '      - { id: never, label: Never, level: 4 }'] })),
    ).toEqual(['15:43: option "never" of question "export-alert" is at level 4 (fully exposed) but lists no action, so the plan has no fix to offer for it; name the action that would fix it under "actions"']);
    // An empty list is no action either; level 3 without one is left alone.
    expect(
      warningsOf(
        bank({
          options: [
            '      - { id: minutes, label: Within minutes, level: 3 }',
            '      - { id: never, label: Never, level: 4, actions: [] }',
            '      - { id: week, label: A week later, level: 2, actions: [log-exports] }',
          ],
        }),
      ),
    ).toEqual([expect.stringMatching(/^15:43: option "never" of question "export-alert" is at level 4/)]);
  });

  it('warns of an option labelled like "not sure" or "not applicable": cxray adds both itself', () => {
    const options = [
      '      - { id: minutes, label: Within minutes, level: 0 }',
      '      - { id: never, label: Never, level: 4, actions: [log-exports] }',
      "      - { id: unsure, label: \"Don't know\", level: 2, actions: [log-exports] }",
      '      - { id: not-sure, label: Not sure, level: 2, actions: [log-exports] }',
      '      - { id: na, label: N/A, level: 0 }',
      // An answer about knowledge, not a lack of it: no warning.
      '      - { id: nobody, label: Nobody knows how many tools export, level: 4, actions: [log-exports] }',
    ];
    expect(warningsOf(bank({ options }))).toEqual([
      `16:30: option "unsure" of question "export-alert" is labelled "Don't know", but cxray offers "We don't know" on every question itself (key u, counted as a visibility gap); remove this option`,
      '17:32: option "not-sure" of question "export-alert" is labelled "Not sure", but cxray offers "We don\'t know" on every question itself (key u, counted as a visibility gap); remove this option',
      '18:26: option "na" of question "export-alert" is labelled "N/A", but cxray offers "Not applicable" on every question itself (key x, left out of the scores); remove this option',
    ]);
  });

  it('warns of a label, prompt or title cut by an unquoted " #", read from the source', () => {
    const options = [
      '      - id: minutes',
      '        label: Position #2 in the queue',
      '        level: 0',
      '      - id: never',
      '        label: Never  # two spaces: a comment meant as one',
      '        level: 4',
      '        actions: [log-exports]',
      '      - id: quoted',
      '        label: "Ticket #4 and on"',
      '        level: 2',
      '        actions: [log-exports]',
    ];
    expect(warningsOf(bank({ options, prompt: 'Who sees queue #1?' }))).toEqual([
      '10:28: the prompt of question "export-alert" ends before " #", which YAML reads as the start of a comment, so "#1?" is left out of it; put the whole text in quotes if the # belongs to it, or leave two spaces before a comment',
      '15:25: the label of option "minutes" of question "export-alert" ends before " #", which YAML reads as the start of a comment, so "#2 in the queue" is left out of it; put the whole text in quotes if the # belongs to it, or leave two spaces before a comment',
    ]);
  });

  it('warns of a cut in any plain value, an action title too, pointing at the #', () => {
    const actions = [
      '  - id: log-exports',
      '    title: Log exports #1 first',
      '    detail: Turn on export logging.',
      '    effort: M',
      '    owner: Security',
      '  - { id: ask-admins, title: Ask the admins, detail: Ask each admin., effort: S, owner: Facilitator }',
    ];
    expect(warningsOf(bank({ actions }))).toEqual([
      '18:24: the title of action "log-exports" ends before " #", which YAML reads as the start of a comment, so "#1 first" is left out of it; put the whole text in quotes if the # belongs to it, or leave two spaces before a comment',
    ]);
  });

  it('warns of an option label longer than 72 characters, and not of one of 72', () => {
    const long = 'A'.repeat(73);
    const fits = 'B'.repeat(72);
    const options = [
      `      - { id: minutes, label: ${fits}, level: 0 }`,
      `      - { id: never, label: ${long}, level: 4, actions: [log-exports] }`,
    ];
    expect(warningsOf(bank({ options }))).toEqual([
      '15:29: option "never" of question "export-alert" has a label of 73 characters, which the walk cuts at 80 columns; shorten it to 72 or fewer and put the rest in the question\'s help',
    ]);
  });

  it('warns of a discovery action whose effort is not S, at its effort: the model counts it as S', () => {
    const actions = [
      '  - { id: log-exports, title: Log exports, detail: Turn on export logging., effort: L, owner: Security }',
      '  - { id: ask-admins, title: Ask the admins, detail: Ask each admin., effort: M, owner: Facilitator }',
    ];
    expect(warningsOf(bank({ actions }))).toEqual([
      '18:79: action "ask-admins" is a discovery action (question "export-alert" names it) with effort M, but the plan counts every discovery action as effort S (finding out is small work); write effort: S, or make the work a remediation action',
    ]);
  });
});
