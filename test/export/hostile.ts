/** A workbook whose every text field tries to break out of markdown, Mermaid or CSV. */
import type { Bank } from '../../src/core/bank-schema.js';
import type { Assessment } from '../../src/core/workbook-schema.js';

/** Text that would change a document's structure if it were not escaped. */
export const HOSTILE = [
  'pipe | in | cells',
  'tick ` and a ```fence',
  '```\nfenced block\n```',
  '<script>alert(1)</script>',
  '[click](javascript:alert(1))',
  '![img](http://x/y.png)',
  '# not a heading',
  '- not a list',
  '1. not a list either',
  '> not a quote',
  '=HYPERLINK("http://x")',
  '+1',
  '-2',
  '@SUM(A1:A2)',
  '\tTabbed',
  '\rCarriage',
  'two\nlines\n\n# and a heading after a blank line',
  '"]; n1 --> n2["evil',
  'a -- b --> c;',
  '%% comment\nclick n1 "javascript:alert(1)"',
  '*bold* _em_ ~~strike~~ &amp; &lt;x&gt;',
  "'=already neutralised",
  '\u001b]8;;http://evil\u0007link\u001b]8;;\u0007 and \u001b[31mred\u001b[0m',
] as const;

export const HOSTILE_BANK_PROMPT = 'What | about `this` <b>and</b> [x](javascript:y) #?';

/** A bank whose texts are hostile too. */
export function hostileBank(base: Bank): Bank {
  return {
    ...base,
    title: '# Bank | <script>x</script>',
    questions: base.questions.map((q, i) => ({
      ...q,
      prompt: i === 0 ? HOSTILE_BANK_PROMPT : q.prompt,
      options: q.options.map((o, k) => ({ ...o, label: k === q.options.length - 1 ? `${o.label} | ![i](x) <i>` : o.label })),
    })),
    actions: base.actions.map((a, i) => ({ ...a, title: i === 0 ? '**Title** | `code` <script>' : a.title, detail: i === 0 ? 'Line one\n\n# Line two\n- three' : a.detail })),
  };
}

/** Journeys, systems, integrations and answers named and annotated with HOSTILE texts. */
export function hostileAssessment(bank: Bank, at: string): Assessment {
  const journeys = HOSTILE.slice(0, 4).map((name, i) => ({
    id: `j${i}`,
    name,
    description: HOSTILE[(i + 5) % HOSTILE.length]!,
    channels: ['voice' as const, 'chat' as const, 'web' as const],
    dataCategories: ['payment-data' as const],
    sensitivity: (['low', 'moderate', 'high', 'high'] as const)[i]!,
    systemIds: ['s0', 's1', 's2'],
  }));
  const systems = HOSTILE.slice(15, 21).map((name, i) => ({
    id: `s${i}`,
    name,
    kind: (['crm', 'ai-assistant', 'outsourced-agents', 'help-desk', 'storage', 'analytics'] as const)[i]!,
    owner: HOSTILE[i]!,
    vendor: HOSTILE[i + 1]!,
  }));
  const integrations = [
    { id: 'i0', from: 's0', to: 's1', access: 'write' as const, fields: [HOSTILE[3], HOSTILE[17]], logged: 'no' as const },
    { id: 'i1', from: 's1', to: 's2', access: 'read' as const, fields: [HOSTILE[18]], logged: 'yes' as const },
    { id: 'i2', from: 's3', to: 's0', access: 'read' as const, fields: [], logged: 'unknown' as const },
  ];
  let n = 0;
  const answers = journeys.flatMap((j) =>
    bank.questions.map((q, k) => {
      const note = HOSTILE[n++ % HOSTILE.length]!;
      const base = { journeyId: j.id, questionId: q.id, note, by: HOSTILE[(n + 3) % HOSTILE.length]!, at };
      if (k % 5 === 3) return { ...base, kind: 'unknown' as const };
      const option = q.options[(k + n) % q.options.length]!;
      return { ...base, kind: 'option' as const, optionId: option.id, confidence: (['verified', 'reported', 'disputed'] as const)[n % 3], policy: 'documented' as const };
    }),
  );
  return {
    id: 'hostile',
    name: HOSTILE[4],
    organisation: HOSTILE[6],
    facilitator: HOSTILE[10],
    participants: HOSTILE.slice(0, 8).map((name, i) => ({ name, role: HOSTILE[(i + 8) % HOSTILE.length]! })),
    createdAt: at,
    bank: { id: bank.id, version: bank.version, questionIds: [] },
    journeys,
    systems,
    integrations,
    answers,
    organisationAnswers: [],
    planCapacity: { now: 12, next: 24 },
    planStatus: [],
    snapshots: [],
  };
}

/**
 * What a terminal acts on or hides, each as a workbook or an argument could carry it:
 * a clipboard write (OSC 52), a hyperlink (OSC 8), a title, cursor moves and a screen
 * clear, status queries the terminal answers into standard input, a full reset, 8-bit C1
 * forms, bidi overrides and invisible characters.
 */
export const TERMINAL_ATTACKS = [
  'clip\u001b]52;c;ZXZpbA==\u0007board',
  'link\u001b]8;;http://evil.example\u001b\\here\u001b]8;;\u001b\\',
  'title\u001b]0;owned\u0007',
  'move\u001b[2J\u001b[H\u001b[10;5Hcursor',
  'query\u001b[6n\u001b[c\u001b[>c\u001bP$q m\u001b\\',
  'reset\u001bc',
  'c1\u009b31m\u009d52;c;eA==\u009c\u0085nel',
  'bidi\u202eevil\u202c\u2066iso\u2069',
  'Q\u200b4\u200c\u2060\ufeff 2026\u2028line\u2029para',
] as const;

/** Whether printed text holds anything a terminal acts on or hides (CRLF and an emoji's joiner aside). */
export const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]|\r(?!\n)/;
