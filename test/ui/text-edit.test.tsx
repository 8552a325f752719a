/**
 * Text editing by grapheme, measured in terminal columns: an emoji (with its modifiers
 * or joiners) is one character for ←, → and Backspace, and a wide character (CJK, most
 * emoji) takes two columns, so the note editor and the fields never draw past their edge.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import { NoteEditor, wrapForEditing } from '../../src/ui/components/NoteEditor.js';
import { NO_KEY } from '../../src/ui/hooks/useKeys.js';
import { columns, editText, textAt, visibleSlice, type TextState } from '../../src/ui/text-edit.js';
import { KEYS, renderWorkbench, setUpWorkbook, widestLine, withAnswers } from './app.js';

afterEach(() => cleanup());

const key = (k: Partial<Key> = {}): Key => ({ ...NO_KEY, ...k });
const at = (value: string, cursor: number): TextState => ({ value, cursor });
const THUMBS = '👍🏽'; // two code points, four UTF-16 units
const FAMILY = '👨‍👩‍👧'; // five code points joined
const FLAG = '🇫🇷';

describe('editing by grapheme', () => {
  it.each<[string, TextState, Partial<Key>, TextState]>([
    ['Backspace removes an emoji with its skin tone whole', at(`a${THUMBS}`, 5), { backspace: true }, at('a', 1)],
    ['Backspace removes a joined family whole', at(`${FAMILY}b`, FAMILY.length), { delete: true }, at('b', 0)],
    ['Backspace removes a flag whole', at(`x${FLAG}`, 5), { backspace: true }, at('x', 1)],
    ['← steps over an emoji whole', at(`a${THUMBS}`, 5), { leftArrow: true }, at(`a${THUMBS}`, 1)],
    ['→ steps over an emoji whole', at(`${FAMILY}b`, 0), { rightArrow: true }, at(`${FAMILY}b`, FAMILY.length)],
    ['→ steps over a letter with a combining accent whole', at('e\u0301x', 0), { rightArrow: true }, at('e\u0301x', 2)],
    ['↑ keeps the column in terminal columns over wide characters', at('日本語\nabcdef', 6), { upArrow: true }, at('日本語\nabcdef', 1)],
    ['↓ lands on a grapheme boundary', at('abcd\n😀😀', 2), { downArrow: true }, at('abcd\n😀😀', 7)],
  ])('%s', (_name, state, k, expected) => {
    expect(editText(state, '', key(k), true)).toEqual(expected);
  });

  it('measures wide characters as two columns', () => {
    expect(columns('日本')).toBe(4);
    expect(columns(THUMBS)).toBe(2);
    expect(columns('abc')).toBe(3);
  });

  it('shows whole graphemes of a one-line field, never wider than the field', () => {
    const value = '日本語のテキスト';
    const shown = visibleSlice(value, value.length, 7);
    expect(shown.text).toBe('キスト');
    expect(columns(shown.text)).toBeLessThanOrEqual(6);
    expect(shown.cursor).toBe(shown.text.length);
    expect(visibleSlice(value, 0, 7)).toEqual({ text: '日本語', cursor: 0 });
  });

  it('wraps a note at terminal columns, wide characters whole', () => {
    expect(wrapForEditing('日本語日本語', 5)).toEqual([
      { text: '日本', start: 0 },
      { text: '語日', start: 2 },
      { text: '本語', start: 4 },
    ]);
    expect(wrapForEditing(`ab${THUMBS}cd`, 3)).toEqual([
      { text: 'ab', start: 0 },
      { text: `${THUMBS}c`, start: 2 },
      { text: 'd', start: 7 },
    ]);
    expect(wrapForEditing('abcd\n\nef', 4)).toEqual([
      { text: 'abcd', start: 0 },
      { text: '', start: 5 },
      { text: 'ef', start: 6 },
    ]);
  });
});

describe('the note editor with wide characters', () => {
  it.each([40, 60])('stays within %i columns, the cursor on a whole character', (width) => {
    const value = `${'日本語のメモ'.repeat(6)} ${THUMBS}${FAMILY} end`;
    const view = render(<NoteEditor state={textAt(value)} width={width} height={8} label="Note" />);
    const frame = view.lastFrame() ?? '';
    expect(widestLine(frame)).toBeLessThanOrEqual(width);
    expect(frame).toContain(`${THUMBS}${FAMILY} end`);
    const cursorOnEmoji = render(<NoteEditor state={{ value: `ab${FAMILY}cd`, cursor: 2 }} width={width} height={5} label="Note" />);
    expect(cursorOnEmoji.lastFrame()).toContain(`ab${FAMILY}cd`);
  });

  it('in the walk at 80x24: Backspace after an emoji leaves no half of it behind', async () => {
    const workbook = withAnswers(setUpWorkbook(), [{ journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'some', confidence: 'reported' }]);
    const app = await renderWorkbench({ workbook, size: { columns: 80, rows: 24 } });
    await app.keys(KEYS.enter, KEYS.enter, 'b', 'n', ...'日本語のメモ'.repeat(4), THUMBS, '\u007f', '!', '\u0013');
    expect(app.store.data.assessments[0]!.answers[0]!.note).toBe(`${'日本語のメモ'.repeat(4)}!`);
    expect(widestLine(app.frame())).toBeLessThanOrEqual(80);
  });
});

describe('a suggested value, selected', () => {
  const key = (k: Partial<import('ink').Key> = {}) => ({ ...NO_KEY_FOR_SELECTION, ...k }) as import('ink').Key;
  it('is replaced by the first key typed, cleared by Backspace, and kept by a move, which ends the selection', async () => {
    const { editText, selectedText } = await import('../../src/ui/text-edit.js');
    expect(editText(selectedText('2026-11-20'), 'Q', key(), false)).toEqual({ value: 'Q', cursor: 1 });
    expect(editText(selectedText('2026-11-20'), '', key({ backspace: true }), false)).toEqual({ value: '', cursor: 0 });
    expect(editText(selectedText('2026-11-20'), '', key({ leftArrow: true }), false)).toEqual({ value: '2026-11-20', cursor: 9 });
    expect(editText(selectedText('2026-11-20'), '', key({ return: true }), false)).toBeUndefined();
  });
});

const NO_KEY_FOR_SELECTION = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
};
