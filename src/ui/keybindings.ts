/**
 * Every key the workbook understands, as data: where it works (a key scope: a screen,
 * or a mode inside one such as the note editor), the key as shown, what it does, and
 * how to recognise it. The footer hint and the `?` help are rendered from this table,
 * so they can never disagree with the code, and screens ask `commandFor` what a key
 * press means instead of testing keys themselves.
 */
import type { Key } from 'ink';

/** Where keys are read: one scope is active at a time. */
export type KeyScope =
  | 'home'
  | 'assessment'
  | 'form'
  | 'systems'
  | 'integrations'
  | 'walk'
  | 'note'
  | 'dimensions'
  | 'results'
  | 'cell'
  | 'stale'
  | 'plan'
  | 'compare'
  | 'label';

/** @deprecated the old name of KeyScope, kept for callers written before the scopes. */
export type ScreenName = KeyScope;

export const KEY_SCOPES: readonly KeyScope[] = [
  'home',
  'assessment',
  'form',
  'systems',
  'integrations',
  'walk',
  'note',
  'dimensions',
  'results',
  'cell',
  'stale',
  'plan',
  'compare',
  'label',
];

/** What people call each scope in the help. */
export const SCOPE_TITLES: Record<KeyScope, string> = {
  home: 'Assessments',
  assessment: 'Assessment',
  form: 'Form',
  systems: 'Systems',
  integrations: 'Integrations',
  walk: 'Walk',
  note: 'Note editor',
  dimensions: 'Jump to a dimension',
  results: 'Results',
  cell: 'Answers behind a score',
  stale: 'Stale answers',
  plan: 'Plan',
  compare: 'Compare with a snapshot',
  label: 'Snapshot label',
};

export type Command =
  | 'quit'
  | 'back'
  | 'help'
  | 'select'
  | 'move'
  | 'page'
  | 'add'
  | 'edit'
  | 'remove'
  | 'demo'
  | 'systems'
  | 'integrations'
  | 'results'
  | 'plan'
  | 'next-field'
  | 'previous-field'
  | 'toggle'
  | 'save'
  | 'pick-number'
  | 'unknown'
  | 'not-applicable'
  | 'confidence'
  | 'policy'
  | 'note'
  | 'question-help'
  | 'previous'
  | 'next'
  | 'next-unanswered'
  | 'next-dimension'
  | 'previous-dimension'
  | 'dimensions'
  | 'newline'
  | 'mask'
  | 'measure'
  | 'scroll'
  | 'export'
  | 'snapshot'
  | 'new-cycle'
  | 'compare'
  | 'stale'
  | 'status'
  | 'view'
  | 'other-snapshot'
  | 'section';

export interface KeyBinding {
  command: Command;
  /** The key as shown to people. */
  keys: string;
  description: string;
  /** The few words shown in the footer; bindings without one appear only in the help. */
  hint?: string;
  /** Where the key works; in text-entry scopes (form, note) letters are text. */
  scopes: readonly KeyScope[];
  matches: (input: string, key: Key) => boolean;
}

const LISTS: readonly KeyScope[] = ['home', 'assessment', 'systems', 'integrations'];
/** Scopes where letters are commands, so `?` and `q` work. */
const COMMAND_SCOPES: readonly KeyScope[] = [...LISTS, 'walk', 'dimensions', 'results', 'cell', 'stale', 'plan', 'compare'];
/** Scopes where letters are text: no `?` or `q` there. */
export const TEXT_SCOPES: readonly KeyScope[] = ['form', 'note', 'label'];
const ALL: readonly KeyScope[] = KEY_SCOPES;

const plain = (k: Key) => !k.ctrl && !k.meta;
const letter = (c: string) => (i: string, k: Key) => i === c && plain(k);

export const KEYBINDINGS: readonly KeyBinding[] = [
  // Lists
  { command: 'move', keys: '↑↓', description: 'move', scopes: [...LISTS, 'walk', 'dimensions', 'results', 'cell', 'stale'], matches: (_, k) => k.upArrow || k.downArrow },
  { command: 'move', keys: '←→', description: 'move between dimensions', scopes: ['results'], matches: (_, k) => k.leftArrow || k.rightArrow },
  { command: 'page', keys: 'PgUp PgDn', description: 'move a page', scopes: [...LISTS, 'cell', 'stale'], matches: (_, k) => k.pageUp || k.pageDown },
  { command: 'select', keys: 'Enter', description: 'open / choose', hint: 'open', scopes: [...LISTS, 'dimensions'], matches: (_, k) => k.return },
  { command: 'select', keys: 'Enter', description: 'choose the highlighted answer (on an answer carried over from the last cycle: keep it)', scopes: ['walk'], matches: (_, k) => k.return },
  { command: 'select', keys: 'Enter', description: 'show the answers behind the highlighted score', hint: 'answers', scopes: ['results'], matches: (_, k) => k.return },
  { command: 'add', keys: 'a', description: 'add a new assessment', hint: 'new', scopes: ['home'], matches: letter('a') },
  { command: 'demo', keys: 'D', description: 'add the demo assessment (sample answers) to this workbook', hint: 'demo', scopes: ['home'], matches: letter('D') },
  { command: 'add', keys: 'a', description: 'add a journey', hint: 'add journey', scopes: ['assessment'], matches: letter('a') },
  { command: 'add', keys: 'a', description: 'add', hint: 'add', scopes: ['systems', 'integrations'], matches: letter('a') },
  { command: 'edit', keys: 'e', description: 'edit the highlighted entry', hint: 'edit', scopes: LISTS, matches: letter('e') },
  { command: 'remove', keys: 'd', description: 'remove the highlighted entry (asks first, and says what goes with it)', hint: 'remove', scopes: LISTS, matches: (i, k) => (i === 'd' && plain(k)) },
  { command: 'systems', keys: 's', description: 'the systems of this assessment', hint: 'systems', scopes: ['assessment'], matches: letter('s') },
  { command: 'integrations', keys: 'i', description: 'the integrations between systems', hint: 'integrations', scopes: ['assessment'], matches: letter('i') },
  { command: 'results', keys: 'r', description: 'results: the heat table of exposure and visibility', hint: 'results', scopes: ['assessment'], matches: letter('r') },
  { command: 'plan', keys: 'p', description: 'the prioritised plan', hint: 'plan', scopes: ['assessment', 'results'], matches: letter('p') },
  { command: 'snapshot', keys: 't', description: "take a snapshot: freeze today's answers, scores and plan under a label", hint: 'snapshot', scopes: ['assessment'], matches: letter('t') },
  {
    command: 'new-cycle',
    keys: 'N',
    description: 'new cycle: take a snapshot and carry the answers over, to confirm or change',
    hint: 'new cycle',
    scopes: ['assessment'],
    matches: letter('N'),
  },
  { command: 'compare', keys: 'c', description: 'compare now with a snapshot: what got better or worse', hint: 'compare', scopes: ['assessment', 'results'], matches: letter('c') },
  { command: 'stale', keys: 's', description: "list the stale answers: older than their question's lifetime", hint: 'stale', scopes: ['results'], matches: letter('s') },
  { command: 'select', keys: 'Enter', description: 'answer the highlighted question again in the walk', hint: 'answer again', scopes: ['stale'], matches: (_, k) => k.return },

  // Forms
  { command: 'next-field', keys: 'Tab ↓', description: 'next field (Enter too, outside the Save row)', hint: 'next field', scopes: ['form'], matches: (_, k) => (k.tab && !k.shift) || k.downArrow },
  { command: 'previous-field', keys: 'Shift-Tab ↑', description: 'previous field', scopes: ['form'], matches: (_, k) => (k.tab && k.shift) || k.upArrow },
  { command: 'toggle', keys: 'Space ←→', description: 'in a list of choices: Space ticks or unticks, ←→ move', hint: 'tick', scopes: ['form'], matches: (i, k) => i === ' ' || k.leftArrow || k.rightArrow },
  { command: 'select', keys: 'Enter', description: 'next field; on the Save row, save', scopes: ['form'], matches: (_, k) => k.return },
  { command: 'save', keys: 'Ctrl-S', description: 'save the form from any field', hint: 'save', scopes: ['form'], matches: (i, k) => k.ctrl && i === 's' },

  // The walk
  { command: 'pick-number', keys: '1-9', description: 'answer with option N in one key', hint: 'answer', scopes: ['walk'], matches: (i, k) => /^[1-9]$/.test(i) && plain(k) },
  { command: 'unknown', keys: 'u', description: 'answer "We don\'t know" (a finding: it lowers visibility)', hint: 'unknown', scopes: ['walk'], matches: letter('u') },
  { command: 'not-applicable', keys: 'x', description: 'answer "Not applicable"', hint: 'n/a', scopes: ['walk'], matches: letter('x') },
  {
    command: 'confidence',
    keys: 'v r d',
    description: 'confidence: verified (evidence seen), reported (someone says so), disputed (people disagree); before answering it is kept for the answer',
    hint: 'confidence',
    scopes: ['walk'],
    matches: (i, k) => (i === 'v' || i === 'r' || i === 'd') && plain(k),
  },
  { command: 'policy', keys: 'p', description: 'documented on paper: yes, no, unset (each press moves on)', hint: 'policy', scopes: ['walk'], matches: letter('p') },
  { command: 'note', keys: 'n', description: 'write a note for this question (several lines)', hint: 'note', scopes: ['walk'], matches: letter('n') },
  { command: 'question-help', keys: 'h', description: "show or hide the question's help text", scopes: ['walk'], matches: letter('h') },
  { command: 'previous', keys: '←/b', description: 'previous question', scopes: ['walk'], matches: (i, k) => k.leftArrow || letter('b')(i, k) },
  { command: 'next', keys: '→', description: 'next question (without answering)', scopes: ['walk'], matches: (_, k) => k.rightArrow },
  { command: 'next-unanswered', keys: 'g', description: 'go to the next question unanswered or still carried over from the last cycle', scopes: ['walk'], matches: letter('g') },
  { command: 'next-dimension', keys: 'PgDn', description: 'first question of the next dimension', scopes: ['walk'], matches: (_, k) => k.pageDown },
  { command: 'previous-dimension', keys: 'PgUp', description: 'first question of the previous dimension', scopes: ['walk'], matches: (_, k) => k.pageUp },
  { command: 'dimensions', keys: 'l', description: 'list the dimensions and jump to one', scopes: ['walk'], matches: letter('l') },

  // The note editor
  { command: 'newline', keys: 'Enter', description: 'new line (a note can have several)', scopes: ['note'], matches: (_, k) => k.return },
  { command: 'save', keys: 'Ctrl-S', description: 'save the note (warns first if it looks like customer data)', hint: 'save', scopes: ['note'], matches: (i, k) => k.ctrl && i === 's' },
  { command: 'mask', keys: 'Ctrl-R', description: 'mask what looks like customer data (e-mail, phone, card, IBAN, NI, SSN)', hint: 'mask customer data', scopes: ['note'], matches: (i, k) => k.ctrl && i === 'r' },
  { command: 'move', keys: '←→↑↓', description: 'move the cursor', scopes: ['note'], matches: (_, k) => k.leftArrow || k.rightArrow || k.upArrow || k.downArrow },

  // Results, plan
  { command: 'measure', keys: 'Tab', description: 'switch the table between exposure and visibility', hint: 'exposure/visibility', scopes: ['results'], matches: (_, k) => k.tab },
  { command: 'scroll', keys: '↑↓ PgUp PgDn Home End', description: 'move between the items (in the text: scroll)', scopes: ['plan'], matches: (_, k) => k.upArrow || k.downArrow || k.pageUp || k.pageDown || k.home || k.end },
  { command: 'status', keys: 'Enter/e', description: 'set the status (open, in progress, done, accepted risk), owner and due date', hint: 'status', scopes: ['plan'], matches: (i, k) => k.return || letter('e')(i, k) },
  { command: 'view', keys: 'Tab', description: 'the list of items, or the whole plan as text with reasons and visibility gaps', hint: 'items/text', scopes: ['plan'], matches: (_, k) => k.tab },
  { command: 'export', keys: 'x', description: 'export the plan to a markdown file next to the workbook (never overwrites)', hint: 'export', scopes: ['plan'], matches: letter('x') },
  { command: 'other-snapshot', keys: '←→', description: 'compare with an earlier or a later snapshot', hint: 'other snapshot', scopes: ['compare'], matches: (_, k) => k.leftArrow || k.rightArrow },
  { command: 'section', keys: 'Tab Shift-Tab', description: 'jump to the next / previous section (overall, cells, trend, answers, unknowns, plan)', hint: 'section', scopes: ['compare'], matches: (_, k) => k.tab },
  { command: 'scroll', keys: '↑↓ PgUp PgDn Home End', description: 'scroll', hint: 'scroll', scopes: ['compare'], matches: (_, k) => k.upArrow || k.downArrow || k.pageUp || k.pageDown || k.home || k.end },

  // The snapshot label
  { command: 'save', keys: 'Enter', description: 'take the snapshot (or start the new cycle) with this label', hint: 'take it', scopes: ['label'], matches: (_, k) => k.return },

  // Everywhere
  { command: 'back', keys: 'Esc', description: 'go back one level (on the first screen: quit)', hint: 'back', scopes: ALL.filter((s) => !TEXT_SCOPES.includes(s)), matches: (_, k) => k.escape },
  { command: 'back', keys: 'Esc', description: 'leave (asks first when something typed is not saved)', hint: 'leave', scopes: ['note', 'form'], matches: (_, k) => k.escape },
  { command: 'back', keys: 'Esc', description: 'cancel: nothing is taken', hint: 'cancel', scopes: ['label'], matches: (_, k) => k.escape },
  { command: 'help', keys: '?', description: 'show the keys of this screen', hint: 'keys', scopes: [...COMMAND_SCOPES, 'form'], matches: (i) => i === '?' },
  { command: 'quit', keys: 'q', description: 'quit (everything is saved)', hint: 'quit', scopes: COMMAND_SCOPES, matches: letter('q') },
  { command: 'quit', keys: 'Ctrl-C', description: 'quit from anywhere (everything is saved; asks first about unsaved typing)', scopes: ALL, matches: (i, k) => k.ctrl && i === 'c' },
];

/** The bindings that work in a scope. */
export function bindingsFor(scope: KeyScope): KeyBinding[] {
  return KEYBINDINGS.filter((b) => b.scopes.includes(scope));
}

/** The command a key press means in a scope, if any. */
export function commandFor(scope: KeyScope, input: string, key: Key): Command | undefined {
  return bindingsFor(scope).find((b) => b.matches(input, key))?.command;
}

/**
 * The one-line footer hint of a scope: "Enter open · a new · ? keys". Given a width,
 * hints are dropped from the end to fit, but the one that opens the help stays.
 */
export function footerHint(scope: KeyScope, width = Number.POSITIVE_INFINITY): string {
  const parts = bindingsFor(scope)
    .filter((b) => b.hint !== undefined)
    .map((b) => ({ text: `${b.keys} ${b.hint}`, keep: b.command === 'help' }));
  const all = parts.map((p) => p.text).join(' · ');
  if (all.length <= width) return all;
  const kept = parts.filter((p) => p.keep).map((p) => p.text);
  const room = width - kept.reduce((n, t) => n + t.length + 3, 0);
  const chosen: string[] = [];
  let used = 0;
  for (const p of parts) {
    if (p.keep) continue;
    const cost = p.text.length + (chosen.length > 0 ? 3 : 0);
    if (used + cost > room) break;
    chosen.push(p.text);
    used += cost;
  }
  return [...chosen, ...kept].join(' · ').slice(0, Math.max(0, width));
}
