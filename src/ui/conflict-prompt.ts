/**
 * The question the app asks when a save finds the workbook changed by another program
 * (the store's 'conflict' save state): reload theirs, or keep mine. Both keep the other
 * version beside the workbook as a conflict copy (src/store/conflict.ts). The rules as a
 * reducer; the app performs the choice and draws it (components/ConflictPrompt.tsx).
 * Pure: no I/O, no React.
 */
import type { Key } from 'ink';
import { plainLine } from '../core/terminal-text.js';
import type { Workbook } from '../core/workbook-schema.js';
import type { TheirFile } from '../store/conflict.js';
import type { Reloaded } from '../store/workbook-store.js';

export type ConflictChoice = 'theirs' | 'mine';

export type ConflictPromptState =
  | { phase: 'closed' }
  /** `problem`: why the last choice could not be carried out. */
  | { phase: 'asking'; theirs: TheirFile; problem?: string }
  | { phase: 'working'; theirs: TheirFile; choice: ConflictChoice }
  /** The choice is made: what became of both versions (`ok`: and the workbook is saved), until a key is pressed. */
  | { phase: 'done'; message: string; ok: boolean };

export type ConflictPromptAction =
  /** The save state became 'conflict'. */
  | { type: 'conflict'; theirs: TheirFile }
  | { type: 'choose'; choice: ConflictChoice }
  /** The store carried the choice out (`ok`), or settled it but the save failed (`message` says). */
  | { type: 'chosen'; message: string; ok: boolean }
  /** The store could not carry it out; the conflict stands. */
  | { type: 'failed'; message: string }
  | { type: 'dismiss' };

export const CONFLICT_CLOSED: ConflictPromptState = { phase: 'closed' };

/** The keys of the question: r reloads theirs, k keeps mine, q (and Ctrl-C) quits. */
export const CONFLICT_KEYS = { theirs: 'r', mine: 'k', quit: 'q' } as const;

export function conflictPrompt(state: ConflictPromptState, action: ConflictPromptAction): ConflictPromptState {
  switch (action.type) {
    case 'conflict':
      // While a choice is being carried out its outcome decides what comes next.
      if (state.phase === 'working') return { ...state, theirs: action.theirs };
      return { phase: 'asking', theirs: action.theirs };
    case 'choose':
      return state.phase === 'asking' ? { phase: 'working', theirs: state.theirs, choice: action.choice } : state;
    case 'chosen':
      return state.phase === 'working' ? { phase: 'done', message: action.message, ok: action.ok } : state;
    case 'failed':
      return state.phase === 'working' ? { phase: 'asking', theirs: state.theirs, problem: action.message } : state;
    case 'dismiss':
      return state.phase === 'done' ? CONFLICT_CLOSED : state;
  }
}

/** What a key does while the question shows: an action, 'quit', or nothing (every key stops here). */
export function conflictKey(state: ConflictPromptState, input: string, key: Key): ConflictPromptAction | 'quit' | undefined {
  if (state.phase === 'done') return { type: 'dismiss' };
  if (state.phase !== 'asking') return undefined;
  if (key.ctrl || key.meta) return undefined;
  if (input === CONFLICT_KEYS.theirs) return { type: 'choose', choice: 'theirs' };
  if (input === CONFLICT_KEYS.mine) return { type: 'choose', choice: 'mine' };
  if (input === CONFLICT_KEYS.quit) return 'quit';
  return undefined;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "14:03:12": the local time of day. */
function clock(at: Date): string {
  return at.toTimeString().slice(0, 8);
}

/**
 * How the two versions differ, one line each, for the user to choose by: the totals,
 * then each assessment that differs (names from the files, filtered for the terminal).
 */
export function conflictLines(mine: Workbook, theirs: TheirFile): string[] {
  const answers = (w: Workbook) => w.assessments.reduce((n, a) => n + a.answers.length, 0);
  const totals = (w: Workbook) => `${plural(w.assessments.length, 'assessment')}, ${plural(answers(w), 'answer')}`;
  const changed = `changed at ${clock(theirs.modifiedAt)}`;
  const lines = [`Yours: ${totals(mine)}.`];
  if (!theirs.workbook) {
    lines.push(`Theirs (${changed}) cannot be opened: ${plainLine(theirs.problem ?? 'the file is gone')}.`);
    return lines;
  }
  const other = theirs.workbook;
  lines.push(`Theirs (${changed}): ${totals(other)}.`);
  const byId = new Map(other.assessments.map((a) => [a.id, a]));
  const mineIds = new Set(mine.assessments.map((a) => a.id));
  for (const a of mine.assessments) {
    const b = byId.get(a.id);
    const name = `"${plainLine(a.name)}"`;
    if (!b) lines.push(`${name}: only in yours.`);
    else if (JSON.stringify(a) !== JSON.stringify(b)) {
      const renamed = plainLine(b.name) !== plainLine(a.name) ? ` (theirs: "${plainLine(b.name)}")` : '';
      lines.push(`${name}${renamed}: ${differences(a.answers, b.answers) ?? (renamed ? 'the same answers' : 'the same answers; other details differ')}.`);
    }
  }
  for (const b of other.assessments) if (!mineIds.has(b.id)) lines.push(`"${plainLine(b.name)}": only in theirs.`);
  return lines;
}

/** "yours 12 answers, theirs 10; 3 differ"; undefined when the answers are the same. */
function differences(mine: Workbook['assessments'][number]['answers'], theirs: Workbook['assessments'][number]['answers']): string | undefined {
  const key = (a: { journeyId: string; questionId: string }) => `${a.journeyId}\u0000${a.questionId}`;
  const theirsByKey = new Map(theirs.map((a) => [key(a), JSON.stringify(a)]));
  const mineKeys = new Set(mine.map(key));
  let differ = mine.filter((a) => theirsByKey.get(key(a)) !== JSON.stringify(a)).length;
  differ += theirs.filter((a) => !mineKeys.has(key(a))).length;
  if (differ === 0) return undefined;
  return `yours ${plural(mine.length, 'answer')}, theirs ${theirs.length}; ${differ} ${differ === 1 ? 'differs' : 'differ'}`;
}

/** What the user is told once their file is reloaded. */
export function reloadedMessage(workbookPath: string, reloaded: Reloaded): string {
  const { applied, conflicting } = reloaded;
  const mine =
    applied === 0 && conflicting === 0
      ? ''
      : `, with ${applied === 0 ? 'none' : applied} of your changes that they had not touched${conflicting > 0 ? ` (${conflicting} left out: they changed the same)` : ''}`;
  return `Reloaded their version of ${plainLine(workbookPath)}${mine}. Yours is kept whole in ${plainLine(reloaded.copy)}.`;
}

/** What the user is told once theirs is kept aside and yours saved. */
export function keptMessage(workbookPath: string, copy: string | undefined): string {
  const path = plainLine(workbookPath);
  return copy ? `Saved yours in ${path}. Their version is kept in ${plainLine(copy)}.` : `Saved yours in ${path} (their file had gone meanwhile).`;
}
