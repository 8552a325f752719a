/**
 * Every key the workbook understands, as data: where it works (a key scope: a screen,
 * or a mode inside one such as the note editor), its keys as patterns ('ctrl+s',
 * 'shift+tab', 'pagedown', 'D'), what it does, and the few words of the footer. The
 * patterns are parsed once (keys.ts); the matcher, the footer hint and the `?` help are
 * all derived from them, so what a screen says a key does is what the key does.
 * Screens ask `commandFor` what a key press means instead of testing keys themselves,
 * and move their lists with `listMoveFor`.
 */
import type { Key } from 'ink';
import { DIGITS, formatPatterns, parseKey, parsePattern, sameKey, type ParsedKey } from './keys.js';
import type { ListMove } from './list-move.js';

/** Where keys are read: one scope is active at a time. */
export type KeyScope =
  | 'home'
  | 'assessment'
  | 'form'
  | 'systems'
  | 'integrations'
  | 'walk'
  | 'walk-end'
  | 'note'
  | 'dimensions'
  | 'results'
  | 'cell'
  | 'stale'
  | 'plan'
  | 'compare'
  | 'controls'
  | 'label'
  | 'capacity'
  | 'jump'
  | 'parking'
  | 'speaker'
  | 'vote'
  | 'requests'
  | 'evidence'
  | 'reason';

export const KEY_SCOPES: readonly KeyScope[] = [
  'home',
  'assessment',
  'form',
  'systems',
  'integrations',
  'walk',
  'walk-end',
  'note',
  'dimensions',
  'results',
  'cell',
  'stale',
  'plan',
  'compare',
  'controls',
  'label',
  'capacity',
  'jump',
  'parking',
  'speaker',
  'vote',
  'requests',
  'evidence',
  'reason',
];

/** What people call each scope in the help. */
export const SCOPE_TITLES: Record<KeyScope, string> = {
  home: 'Assessments',
  assessment: 'Assessment',
  form: 'Form',
  systems: 'Systems',
  integrations: 'Integrations',
  walk: 'Walk',
  'walk-end': 'End of a walk',
  note: 'Note editor',
  dimensions: 'Jump to a dimension',
  results: 'Results',
  cell: 'Answers behind a score',
  stale: 'Stale answers',
  plan: 'Plan',
  compare: 'Compare with a snapshot',
  controls: 'Controls in practice',
  label: 'Snapshot label',
  capacity: "The plan's capacity",
  jump: 'Go to a question',
  parking: 'Parking lot and decisions',
  speaker: 'Who is speaking',
  vote: 'A vote on the question',
  requests: 'Evidence requests',
  evidence: 'Evidence of an answer',
  reason: 'Why the evidence is rejected',
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
  | 'help-page'
  | 'previous'
  | 'next'
  | 'next-unanswered'
  | 'next-dimension'
  | 'previous-dimension'
  | 'organisation-toggle'
  | 'override'
  | 'drop-override'
  | 'undo'
  | 'jump'
  | 'whole-note'
  | 'capacity'
  | 'signoff'
  | 'dimensions'
  | 'newline'
  | 'mask'
  | 'add-system'
  | 'measure'
  | 'scroll'
  | 'export'
  | 'snapshot'
  | 'new-cycle'
  | 'compare'
  | 'controls'
  | 'framework'
  | 'stale'
  | 'status'
  | 'view'
  | 'other-snapshot'
  | 'section'
  | 'ends'
  | 'parking-lot'
  | 'session'
  | 'park'
  | 'close'
  | 'filter'
  | 'clear-filters'
  | 'speaker'
  | 'vote'
  | 'take-back'
  | 'visibility'
  | 'reveal'
  | 'evidence'
  | 'requests';

export interface KeyBinding {
  command: Command;
  /** The keys, as patterns: 'q', 'D', '?', 'ctrl+s', 'shift+tab', 'enter', 'pagedown', 'home'. */
  keys: readonly string[];
  description: string;
  /** The few words shown in the footer; bindings without one appear only in the help. */
  hint?: string;
  /** Where the key works; in text-entry scopes (form, note) letters are text. */
  scopes: readonly KeyScope[];
}

const LISTS: readonly KeyScope[] = ['home', 'assessment', 'systems', 'integrations'];
/** Scopes where letters are commands, so `?` and `q` work. */
const COMMAND_SCOPES: readonly KeyScope[] = [...LISTS, 'walk', 'walk-end', 'dimensions', 'results', 'cell', 'stale', 'plan', 'compare', 'controls', 'parking', 'speaker', 'vote', 'requests', 'evidence'];
/** Scopes where letters are text: no `?` or `q` there. */
export const TEXT_SCOPES: readonly KeyScope[] = ['form', 'note', 'label', 'capacity', 'jump', 'reason'];
const ALL: readonly KeyScope[] = KEY_SCOPES;
/** The scopes of screens of one assessment (every scope but the list of assessments; the form of a new assessment ignores the key). */
export const ASSESSMENT_SCOPES: readonly KeyScope[] = KEY_SCOPES.filter((s) => s !== 'home');
const SCROLL = ['up', 'down', 'pageup', 'pagedown', 'home', 'end'];

export const KEYBINDINGS: readonly KeyBinding[] = [
  // Lists
  { command: 'move', keys: ['up', 'down'], description: 'move', scopes: [...LISTS, 'walk', 'dimensions', 'results', 'cell', 'stale', 'parking', 'requests', 'evidence'] },
  { command: 'move', keys: ['left', 'right'], description: 'move between dimensions', scopes: ['results'] },
  { command: 'page', keys: ['pageup', 'pagedown'], description: 'move a page', scopes: [...LISTS, 'dimensions', 'cell', 'stale', 'parking', 'requests', 'evidence'] },
  { command: 'ends', keys: ['home', 'end'], description: 'the first / the last', scopes: [...LISTS, 'dimensions', 'cell', 'stale', 'parking', 'requests', 'evidence'] },
  { command: 'select', keys: ['enter'], description: 'open / choose', hint: 'open', scopes: [...LISTS, 'dimensions'] },
  { command: 'select', keys: ['enter'], description: 'choose the highlighted answer (on an answer carried over from the last cycle: keep it)', scopes: ['walk'] },
  { command: 'select', keys: ['enter'], description: 'walk the next one with questions left, or back to the list when none is left', hint: 'next', scopes: ['walk-end'] },
  { command: 'select', keys: ['enter'], description: 'show the answers behind the highlighted score', hint: 'answers', scopes: ['results'] },
  { command: 'select', keys: ['enter'], description: 'open the highlighted question in the walk', hint: 'walk', scopes: ['cell'] },
  { command: 'add', keys: ['a'], description: 'add a new assessment', hint: 'new', scopes: ['home'] },
  { command: 'demo', keys: ['D'], description: 'add the demo assessment (sample answers) to this workbook', hint: 'demo', scopes: ['home'] },
  { command: 'add', keys: ['a'], description: 'add a journey', hint: 'add journey', scopes: ['assessment'] },
  { command: 'add', keys: ['a'], description: 'add', hint: 'add', scopes: ['systems', 'integrations'] },
  { command: 'edit', keys: ['e'], description: 'edit the highlighted entry', hint: 'edit', scopes: LISTS },
  { command: 'remove', keys: ['d'], description: 'remove the highlighted entry (asks first, and says what goes with it)', hint: 'remove', scopes: LISTS },
  { command: 'systems', keys: ['s'], description: 'the systems of this assessment', hint: 'systems', scopes: ['assessment'] },
  { command: 'integrations', keys: ['i'], description: 'the integrations between systems', hint: 'integrations', scopes: ['assessment'] },
  { command: 'results', keys: ['r'], description: 'results: the heat table of exposure and visibility', hint: 'results', scopes: ['assessment'] },
  { command: 'plan', keys: ['p'], description: 'the prioritised plan', hint: 'plan', scopes: ['assessment', 'results'] },
  { command: 'snapshot', keys: ['t'], description: "take a snapshot: freeze today's answers, scores and plan under a label", hint: 'snapshot', scopes: ['assessment'] },
  { command: 'new-cycle', keys: ['N'], description: 'new cycle: take a snapshot and carry the answers over, to confirm or change', hint: 'new cycle', scopes: ['assessment'] },
  { command: 'compare', keys: ['c'], description: 'compare now with a snapshot: what got better or worse', hint: 'compare', scopes: ['assessment', 'results'] },
  { command: 'parking-lot', keys: ['l'], description: 'the parking lot: the open questions the room could not settle, and the decisions it took', hint: 'parking lot', scopes: ['assessment'] },
  { command: 'session', keys: ['S'], description: 'the workshop session: all questions, the core set or chosen dimensions, and a timebox; or a new session', hint: 'session', scopes: ['assessment'] },
  {
    command: 'requests',
    keys: ['R'],
    description: 'evidence requests: each answer resting on someone\'s word, disputed or unknown, by owner, with its due date and status',
    hint: 'requests',
    scopes: ['assessment'],
  },
  { command: 'controls', keys: ['k'], description: 'controls in practice: for each control the bank cites, what the answers show (and what the audit claims)', hint: 'controls', scopes: ['assessment'] },
  { command: 'stale', keys: ['s'], description: "list the stale answers: older than their question's lifetime", hint: 'stale', scopes: ['results'] },
  { command: 'select', keys: ['enter'], description: 'answer the highlighted question again in the walk', hint: 'answer again', scopes: ['stale'] },

  // Forms
  { command: 'next-field', keys: ['tab', 'down'], description: 'next field (Enter too, outside the Save row)', hint: 'next field', scopes: ['form'] },
  { command: 'previous-field', keys: ['shift+tab', 'up'], description: 'previous field', scopes: ['form'] },
  { command: 'toggle', keys: ['space', 'left', 'right'], description: 'in a list of choices: Space ticks or unticks, ←→ move', hint: 'tick', scopes: ['form'] },
  { command: 'select', keys: ['enter'], description: 'next field; on the Save row, save', scopes: ['form'] },
  { command: 'save', keys: ['ctrl+s'], description: 'save the form from any field', hint: 'save', scopes: ['form'] },
  { command: 'mask', keys: ['ctrl+r'], description: 'mask what looks like customer data in every field (e-mail, phone, card, IBAN, NI, SSN)', scopes: ['form'] },
  { command: 'add-system', keys: ['a'], description: "on a journey's Systems: add a new system without leaving the form (ticked once saved)", scopes: ['form'] },

  // The walk
  { command: 'pick-number', keys: DIGITS, description: 'answer with option N in one key', hint: 'answer', scopes: ['walk'] },
  { command: 'unknown', keys: ['u'], description: 'answer "We don\'t know" (a finding: it lowers visibility)', hint: 'unknown', scopes: ['walk'] },
  { command: 'not-applicable', keys: ['x'], description: 'answer "Not applicable"', hint: 'n/a', scopes: ['walk'] },
  {
    command: 'confidence',
    keys: ['v', 'r', 'd'],
    description: 'confidence: verified (evidence seen), reported (someone says so), disputed (people disagree); before answering it is kept for the answer',
    hint: 'confidence',
    scopes: ['walk'],
  },
  { command: 'policy', keys: ['p'], description: 'documented on paper: yes, no, unset (each press moves on)', hint: 'on paper', scopes: ['walk'] },
  { command: 'note', keys: ['n'], description: 'write a note for this question (several lines)', hint: 'note', scopes: ['walk'] },
  { command: 'question-help', keys: ['h'], description: "show or hide the question's help text", scopes: ['walk'] },
  { command: 'help-page', keys: ['space'], description: "while the question's help is shown: its next lines (after the last, the first again)", scopes: ['walk'] },
  { command: 'previous', keys: ['left', 'b'], description: 'previous question', scopes: ['walk', 'walk-end'] },
  { command: 'next', keys: ['right'], description: 'next question (without answering)', scopes: ['walk'] },
  { command: 'next-unanswered', keys: ['g'], description: 'go to the next question unanswered or still carried over from the last cycle', scopes: ['walk', 'walk-end'] },
  { command: 'next-dimension', keys: ['pagedown'], description: 'first question of the next dimension', scopes: ['walk'] },
  { command: 'previous-dimension', keys: ['pageup'], description: 'first question of the previous dimension', scopes: ['walk', 'walk-end'] },
  { command: 'dimensions', keys: ['l'], description: 'list the dimensions and jump to one', scopes: ['walk', 'walk-end'] },
  {
    command: 'organisation-toggle',
    keys: ['w'],
    description: "in a journey's walk: show or hide the organisation-wide questions, with the answer the organisation gave and who gave it",
    scopes: ['walk', 'walk-end'],
  },
  { command: 'override', keys: ['o'], description: 'on an organisation-wide question in a journey\'s walk: answer it for this journey only (an override)', scopes: ['walk'] },
  { command: 'drop-override', keys: ['O'], description: "drop this journey's override: the organisation's answer holds again", scopes: ['walk'] },
  { command: 'undo', keys: ['z'], description: 'undo the last answer changed in this walk (again: the one before); the walk goes back to its question', scopes: ['walk', 'walk-end'] },
  { command: 'jump', keys: ['/'], description: 'go to a question: type its number in the walk or words of its prompt', scopes: ['walk', 'walk-end'] },
  { command: 'whole-note', keys: ['N'], description: 'show the whole note, or only its first lines again', scopes: ['walk'] },
  { command: 'speaker', keys: ['s'], description: 'who is speaking: the next answers are recorded as theirs (the facilitator until someone else is chosen)', scopes: ['walk'] },
  { command: 'vote', keys: ['V'], description: "vote on this question: each participant's pick in turn, hidden until everyone has voted (Tab: open), then the room settles the answer", scopes: ['walk'] },

  // Who is speaking
  { command: 'pick-number', keys: DIGITS, description: 'the person with that number speaks', scopes: ['speaker'] },
  { command: 'move', keys: ['up', 'down'], description: 'move', scopes: ['speaker'] },
  { command: 'select', keys: ['enter'], description: 'the highlighted person speaks: the next answers are theirs', hint: 'speaks', scopes: ['speaker'] },

  // A vote
  { command: 'pick-number', keys: DIGITS, description: "the next voter's pick: option N (once the positions are shown: the answer the room settles on)", hint: 'pick', scopes: ['vote'] },
  { command: 'unknown', keys: ['u'], description: 'the next voter does not know (once shown: settle on "We don\'t know")', scopes: ['vote'] },
  { command: 'not-applicable', keys: ['x'], description: 'the next voter finds it not applicable (once shown: settle on "Not applicable")', scopes: ['vote'] },
  { command: 'take-back', keys: ['backspace'], description: 'take back the last vote entered (before the reveal)', hint: 'take back', scopes: ['vote'] },
  { command: 'take-back', keys: ['delete'], description: 'the same (many terminals send Delete for Backspace)', scopes: ['vote'] },
  { command: 'visibility', keys: ['tab'], description: 'hidden until everyone has voted, or open: each pick shown as entered', hint: 'hidden/open', scopes: ['vote'] },
  { command: 'reveal', keys: ['enter'], description: 'reveal every position at once (once everyone has voted)', hint: 'reveal', scopes: ['vote'] },

  // Go to a question
  { command: 'save', keys: ['enter'], description: 'go to the question: the number typed, or the first after this one whose prompt has the words', hint: 'go', scopes: ['jump'] },
  { command: 'move', keys: ['left', 'right', 'home', 'end'], description: 'move the cursor', scopes: ['jump'] },

  // The note editor
  { command: 'newline', keys: ['enter'], description: 'new line (a note can have several)', scopes: ['note'] },
  { command: 'save', keys: ['ctrl+s'], description: 'save the note (warns first if it looks like customer data)', hint: 'save', scopes: ['note'] },
  { command: 'mask', keys: ['ctrl+r'], description: 'mask what looks like customer data (e-mail, phone, card, IBAN, NI, SSN)', hint: 'mask customer data', scopes: ['note'] },
  { command: 'move', keys: ['left', 'right', 'up', 'down', 'home', 'end'], description: 'move the cursor (Home, End: to the start, the end of the line)', scopes: ['note'] },

  // Results, plan
  { command: 'measure', keys: ['tab', 'shift+tab'], description: 'switch the table between exposure and visibility', hint: 'exposure/visibility', scopes: ['results'] },
  { command: 'scroll', keys: SCROLL, description: 'move between the items (in the text: scroll)', scopes: ['plan'] },
  { command: 'status', keys: ['enter', 'e'], description: 'set the status (open, in progress, done, accepted risk), owner and due date', hint: 'status', scopes: ['plan'] },
  { command: 'view', keys: ['tab', 'shift+tab'], description: 'the list of items, or the whole plan as text with reasons and visibility gaps', hint: 'items/text', scopes: ['plan'] },
  {
    command: 'filter',
    keys: ['j', 'h', 'o'],
    description: 'in the list of items: show only those of one journey (j), one horizon (h) or one owner (o); each press the next one, then all again',
    hint: 'filter',
    scopes: ['plan'],
  },
  { command: 'clear-filters', keys: ['f'], description: 'show every item again (clear the filters)', scopes: ['plan'] },
  { command: 'capacity', keys: ['c'], description: 'set how many effort points the Now and Next horizons hold (the default is 12 and 24)', hint: 'capacity', scopes: ['plan'] },
  { command: 'signoff', keys: ['S'], description: 'record the sign-off of the report: who accepts its risk, in which role, when, and the decision', hint: 'sign off', scopes: ['plan'] },
  { command: 'export', keys: ['x'], description: 'export the plan to a markdown file next to the workbook (never overwrites)', hint: 'export', scopes: ['plan'] },
  { command: 'other-snapshot', keys: ['left', 'right'], description: 'compare with an earlier or a later snapshot', hint: 'other snapshot', scopes: ['compare'] },
  { command: 'section', keys: ['tab', 'shift+tab'], description: 'jump to the next / previous section (overall, cells, trend, answers, unknowns, plan)', hint: 'section', scopes: ['compare'] },
  { command: 'scroll', keys: SCROLL, description: 'scroll', hint: 'scroll', scopes: ['compare', 'controls'] },
  { command: 'framework', keys: ['f'], description: 'one framework, the next, then all of them again', hint: 'framework', scopes: ['controls'] },
  { command: 'section', keys: ['tab', 'shift+tab'], description: 'jump to the next / previous section (claimed but exposed, each verdict)', hint: 'section', scopes: ['controls'] },

  // The parking lot
  { command: 'edit', keys: ['enter', 'e'], description: 'edit the highlighted item: its text, kind, owner, due date, open or closed', hint: 'edit', scopes: ['parking'] },
  { command: 'add', keys: ['a'], description: 'add an open question or a decision (not linked to a question)', hint: 'add', scopes: ['parking'] },
  { command: 'close', keys: ['x'], description: 'close the highlighted item (answered, or done), or open a closed one again', hint: 'close/reopen', scopes: ['parking'] },

  // Evidence requests
  {
    command: 'status',
    keys: ['1', '2', '3', '4', '5'],
    description: 'set the status of the highlighted request: 1 requested, 2 sent, 3 submitted, 4 accepted (asks for the evidence when none counts yet), 5 rejected',
    hint: 'status',
    scopes: ['requests'],
  },
  { command: 'select', keys: ['enter'], description: "open the request's question in the walk", hint: 'walk', scopes: ['requests'] },

  // The evidence of an answer
  { command: 'add', keys: ['a'], description: 'add evidence to the answer: a link or a file, what it shows, who collected it and when', hint: 'add', scopes: ['evidence'] },
  { command: 'status', keys: ['x'], description: 'accept the highlighted item, or reject it (asks why): accepted, unexpired evidence makes the answer verified', hint: 'accept/reject', scopes: ['evidence'] },
  { command: 'remove', keys: ['d'], description: 'remove the highlighted item from the workbook (asks first; the file itself is not touched)', hint: 'remove', scopes: ['evidence'] },

  // Why rejected
  { command: 'save', keys: ['enter'], description: 'reject the evidence for this reason', hint: 'reject it', scopes: ['reason'] },
  { command: 'move', keys: ['left', 'right', 'home', 'end'], description: 'move the cursor', scopes: ['reason'] },

  // The snapshot label
  { command: 'save', keys: ['enter'], description: 'take the snapshot (or start the new cycle) with this label', hint: 'take it', scopes: ['label'] },

  // The plan's capacity
  { command: 'save', keys: ['enter'], description: 'save both figures; the horizons are worked out again', hint: 'save', scopes: ['capacity'] },
  { command: 'next-field', keys: ['tab', 'shift+tab', 'up', 'down'], description: 'the other figure (Now, Next)', hint: 'other figure', scopes: ['capacity'] },

  // Everywhere
  { command: 'back', keys: ['escape'], description: 'go back one level (on the first screen: quit)', hint: 'back', scopes: ALL.filter((s) => !TEXT_SCOPES.includes(s) && s !== 'speaker' && s !== 'vote') },
  { command: 'back', keys: ['escape'], description: 'leave (asks first when something typed is not saved)', hint: 'leave', scopes: ['note'] },
  // "back" as everywhere else: "leave" made the form's hint one column too wide for 80 and drop Ctrl-P.
  { command: 'back', keys: ['escape'], description: 'leave the form (asks first when something typed is not saved)', hint: 'back', scopes: ['form'] },
  { command: 'back', keys: ['escape'], description: 'cancel: nothing is taken', hint: 'cancel', scopes: ['label'] },
  { command: 'back', keys: ['escape'], description: 'cancel: the capacity stays as it was', hint: 'cancel', scopes: ['capacity'] },
  { command: 'back', keys: ['escape'], description: 'cancel: stay on this question', hint: 'cancel', scopes: ['jump'] },
  { command: 'back', keys: ['escape'], description: 'cancel: the evidence stays as it is', hint: 'cancel', scopes: ['reason'] },
  { command: 'back', keys: ['escape'], description: 'cancel: the one speaking stays', hint: 'cancel', scopes: ['speaker'] },
  { command: 'back', keys: ['escape'], description: 'drop the vote (asks first once a vote is entered): nothing is saved', hint: 'drop vote', scopes: ['vote'] },
  // Evidence (after Esc, so that a narrow footer keeps Esc back before it)
  {
    command: 'evidence',
    keys: ['e'],
    description: 'the evidence of the answer: add some (a link or a file, hashed; what it shows, who collected it and when), or once it has some, list, remove, accept or reject it; accepted, unexpired evidence makes it verified',
    hint: 'evidence',
    scopes: ['walk'],
  },
  { command: 'evidence', keys: ['e'], description: 'the evidence of the highlighted answer: list it, or add some (a link or a file, what it shows, who collected it and when)', hint: 'evidence', scopes: ['cell'] },
  { command: 'evidence', keys: ['e'], description: "the evidence of the request's answer: list it, or add some (saving accepted evidence marks the request accepted)", hint: 'evidence', scopes: ['requests'] },
  { command: 'help', keys: ['?'], description: 'show the keys of this screen', hint: 'keys', scopes: [...COMMAND_SCOPES, 'form'] },
  { command: 'quit', keys: ['q'], description: 'quit (everything is saved)', hint: 'quit', scopes: COMMAND_SCOPES },
  { command: 'quit', keys: ['ctrl+c'], description: 'quit from anywhere (everything is saved; asks first about unsaved typing)', scopes: ALL },
  {
    command: 'park',
    keys: ['ctrl+p'],
    description: 'park a question or log a decision (in the walk: on the question shown)',
    hint: 'park',
    scopes: ASSESSMENT_SCOPES,
  },
];

/** Each binding's keys, parsed once. */
const PARSED = new Map<KeyBinding, ParsedKey[]>(KEYBINDINGS.map((b) => [b, b.keys.map(parsePattern)]));

/** The keys of a binding, parsed. */
export function parsedKeys(binding: KeyBinding): readonly ParsedKey[] {
  return PARSED.get(binding) ?? binding.keys.map(parsePattern);
}

/** The keys of a binding as people read them: "Ctrl-S", "↑↓", "1-9". */
export function keysText(binding: KeyBinding): string {
  return formatPatterns(binding.keys);
}

/** The bindings that work in a scope. */
export function bindingsFor(scope: KeyScope): KeyBinding[] {
  return KEYBINDINGS.filter((b) => b.scopes.includes(scope));
}

/** The binding a key press matches in a scope, with the key it matched. */
export function bindingFor(scope: KeyScope, input: string, key: Key): { binding: KeyBinding; key: ParsedKey } | undefined {
  const pressed = parseKey(input, key);
  for (const binding of KEYBINDINGS) {
    if (!binding.scopes.includes(scope)) continue;
    const hit = parsedKeys(binding).find((k) => sameKey(k, pressed));
    if (hit) return { binding, key: hit };
  }
  return undefined;
}

/** The command a key press means in a scope, if any. */
export function commandFor(scope: KeyScope, input: string, key: Key): Command | undefined {
  return bindingFor(scope, input, key)?.binding.command;
}

const LIST_MOVES: Record<string, ListMove> = { up: 'up', down: 'down', pageup: 'page-up', pagedown: 'page-down', home: 'home', end: 'end' };
const MOVING: readonly Command[] = ['move', 'page', 'ends', 'scroll'];

/** How a key press moves a list in a scope, when the scope's table says it moves one. */
export function listMoveFor(scope: KeyScope, input: string, key: Key): ListMove | undefined {
  const hit = bindingFor(scope, input, key);
  return hit && MOVING.includes(hit.binding.command) ? LIST_MOVES[hit.key.name] : undefined;
}

/** The keys of a binding in a footer: the number keys as far as the options go ("1-5"), when `digits` is known. */
function hintKeys(binding: KeyBinding, digits: number | undefined): string {
  if (digits === undefined || binding.command !== 'pick-number' || binding.keys !== DIGITS) return keysText(binding);
  return formatPatterns(DIGITS.slice(0, Math.max(1, Math.min(DIGITS.length, digits))));
}

/**
 * The one-line footer hint of a scope: "Enter open · a new · ? keys". Given a width,
 * hints are dropped from the end to fit, but the one that opens the help stays, and
 * then says that it lists more ("? more keys"). `digits`: how many options the number
 * keys choose among on the screen ("1-5 answer", not "1-9").
 */
export function footerHint(scope: KeyScope, width = Number.POSITIVE_INFINITY, words: (text: string) => string = (t) => t, digits?: number): string {
  const parts = bindingsFor(scope)
    .filter((b) => b.hint !== undefined)
    .map((b) => ({ text: words(`${hintKeys(b, digits)} ${b.hint}`), more: b.command === 'help' ? words(`${keysText(b)} more ${b.hint}`) : undefined }));
  const all = parts.map((p) => p.text).join(' · ');
  if (all.length <= width) return all;
  const others = parts.filter((p) => p.more === undefined).map((p) => p.text);
  const kept = parts.flatMap((p) => (p.more === undefined ? [] : [p.more]));
  for (let n = others.length - 1; n >= 0; n--) {
    const line = [...others.slice(0, n), ...kept].join(' · ');
    if (line.length <= width) return line;
  }
  return kept.join(' · ').slice(0, Math.max(0, width));
}
