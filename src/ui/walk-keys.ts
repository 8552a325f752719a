/**
 * Key presses as walk events: which event a key means depends on what the walk shows
 * (a prompt, the note editor, the dimension list, a question). The meaning of each key
 * comes from the key table; the rules of what the event then does live in walk-state.ts.
 */
import type { Key } from 'ink';
import type { Confidence } from '../core/workbook-schema.js';
import { commandFor, listMoveFor } from './keybindings.js';
import type { WalkEvent, WalkState } from './walk-state.js';

const CONFIDENCE_KEYS: Record<string, Confidence> = { v: 'verified', r: 'reported', d: 'disputed' };

/**
 * The event a key press means in the walk as it stands, if any. Ctrl-C is the app's (it
 * asks the quit guard). `atEnd`: the walk shows its end, past the last question, which
 * takes only the keys of its own scope (no answer, confidence or note keys).
 */
export function walkEventOf(state: Pick<WalkState, 'prompt' | 'mode'>, input: string, key: Key, atEnd = false): WalkEvent | undefined {
  if (key.ctrl && input === 'c') return undefined;
  if (state.prompt) return { type: 'prompt-key', input, plain: !key.ctrl && !key.meta };
  if (state.mode === 'note') {
    switch (commandFor('note', input, key)) {
      case 'save':
        return { type: 'note-save' };
      case 'mask':
        return { type: 'note-mask' };
      case 'back':
        return { type: 'note-escape' };
      default:
        return { type: 'note-key', input, key };
    }
  }
  if (state.mode === 'jump') {
    switch (commandFor('jump', input, key)) {
      case 'save':
        return { type: 'jump-go' };
      case 'back':
        return { type: 'jump-cancel' };
      default:
        return { type: 'jump-key', input, key };
    }
  }
  if (state.mode === 'speaker') {
    const move = listMoveFor('speaker', input, key);
    if (move) return { type: 'speaker-highlight', move };
    switch (commandFor('speaker', input, key)) {
      case 'pick-number':
        return { type: 'speaker-choose', row: Number(input) - 1 };
      case 'select':
        return { type: 'speaker-choose' };
      case 'back':
        return { type: 'speaker-close' };
      case 'help':
        return { type: 'help' };
      case 'quit':
        return { type: 'quit' };
      default:
        return undefined;
    }
  }
  if (state.mode === 'vote') {
    switch (commandFor('vote', input, key)) {
      case 'pick-number':
        return { type: 'vote-choice', choice: { kind: 'option', option: Number(input) - 1 } };
      case 'unknown':
        return { type: 'vote-choice', choice: { kind: 'unknown' } };
      case 'not-applicable':
        return { type: 'vote-choice', choice: { kind: 'na' } };
      case 'take-back':
        return { type: 'vote-take-back' };
      case 'visibility':
        return { type: 'vote-visibility' };
      case 'reveal':
        return { type: 'vote-reveal' };
      case 'back':
        return { type: 'vote-cancel' };
      case 'help':
        return { type: 'help' };
      case 'quit':
        return { type: 'quit' };
      default:
        return undefined;
    }
  }
  if (state.mode === 'dimensions') {
    const move = listMoveFor('dimensions', input, key);
    if (move) return { type: 'dimension-highlight', move };
    switch (commandFor('dimensions', input, key)) {
      case 'select':
        return { type: 'dimension-choose' };
      case 'back':
        return { type: 'dimensions-close' };
      case 'help':
        return { type: 'help' };
      case 'quit':
        return { type: 'quit' };
      default:
        return undefined;
    }
  }
  const command = commandFor(atEnd ? 'walk-end' : 'walk', input, key);
  switch (command) {
    case 'previous':
    case 'next':
    case 'next-unanswered':
    case 'next-dimension':
    case 'previous-dimension':
      return { type: 'move', to: command };
    case 'dimensions':
      return { type: 'dimensions-open' };
    case 'organisation-toggle':
    case 'override':
    case 'drop-override':
    case 'undo':
    case 'whole-note':
      return { type: command };
    case 'jump':
      return { type: 'jump-open' };
    case 'speaker':
      return { type: 'speaker-open' };
    case 'vote':
      return { type: 'vote-open' };
    case 'question-help':
      return { type: 'question-help' };
    case 'help-page':
      return { type: 'help-page' };
    case 'help':
      return { type: 'help' };
    case 'back':
      return { type: 'leave' };
    case 'quit':
      return { type: 'quit' };
    case 'select':
      return { type: 'choose' };
    case 'move': {
      const move = listMoveFor('walk', input, key);
      return move ? { type: 'highlight', move } : undefined;
    }
    case 'pick-number':
      return { type: 'answer', choice: { kind: 'option', option: Number(input) - 1 } };
    case 'unknown':
      return { type: 'answer', choice: { kind: 'unknown' } };
    case 'not-applicable':
      return { type: 'answer', choice: { kind: 'na' } };
    case 'confidence': {
      const confidence = CONFIDENCE_KEYS[input];
      return confidence ? { type: 'confidence', confidence } : undefined;
    }
    case 'policy':
      return { type: 'policy' };
    case 'note':
      return { type: 'note-open' };
    case 'evidence':
      return { type: 'evidence' };
    default:
      return undefined;
  }
}
