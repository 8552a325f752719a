/**
 * A small multi-field form: one-line text fields, single choices and multiple choices
 * ("chips" ticked with Space), and a Save row. It reads every key itself (one input
 * handler), keeps what was typed until it is saved or knowingly dropped, and asks
 * before leaving or quitting with unsaved changes. A text field that looks like it holds
 * customer data is named under the form while it does (Ctrl-R masks it), and saving it
 * asks first, as the walk's note does (form-customer-data.ts).
 */
import { useCallback, useImperativeHandle, useMemo, type ReactNode, type Ref } from 'react';
import { Box, Text, type Key } from 'ink';
import { useKeys, useRefState } from '../hooks/useKeys.js';
import { commandFor } from '../keybindings.js';
import { useQuitGuard, useShell, useTone } from '../shell.js';
import { editText, graphemeAt, visibleSlice } from '../text-edit.js';
import { customerDataIn, customerDataQuestion, customerDataWarning, maskCustomerData } from '../form-customer-data.js';
import { Confirm } from './Confirm.js';
import { Screen, bodyRows } from './Screen.js';
import { wrapLines } from '../wrap-lines.js';
import { chipLines } from './chip-lines.js';
import type { ChoiceOption, FieldSpec, FormValues } from '../form-fields.js';

export type { ChoiceOption, FieldSpec, FormValues };

/** Changes a form's values from outside it (e.g. a system added inside the journey form, then ticked). */
export interface FormHandle {
  /** Sets a field's value (as typed, with `adjust` applied); `cursor`: where a multiple choice's cursor goes. */
  change: (id: string, value: string | string[], cursor?: number) => void;
  /** The values as they are now. */
  values: () => FormValues;
}

export interface FormProps {
  trail: readonly string[];
  title: string;
  /** A line under the title (plain text), e.g. the question an item is raised on. */
  subtitle?: string;
  fields: readonly FieldSpec[];
  initial: FormValues;
  /** Adjusts the values after a change to `changed` (e.g. suggests a sensitivity). */
  adjust?: (next: FormValues, changed: string, previous: FormValues) => FormValues;
  /** A line shown under the form while a field is focused (after its hint). */
  remark?: (fieldId: string, values: FormValues) => string | undefined;
  /** Saves and leaves; returns a sentence saying what to fix instead, or undefined once saved. */
  onSave: (values: FormValues) => string | undefined;
  /** Leaves without saving (Esc, or after saving is not needed). */
  onLeave: () => void;
  /**
   * What looks like customer data in a text field: saving asks first and offers to mask
   * it or save it as typed ('ask', the default), or offers only to mask it ('refuse').
   */
  customerData?: 'ask' | 'refuse';
  /** A key on a choice field that the form does not take itself: true when the caller took it. */
  onFieldKey?: (fieldId: string, input: string, key: Key) => boolean;
  /** Filled with the form's handle while it is drawn. */
  handle?: Ref<FormHandle | undefined>;
}

const text = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : []);

interface FormState {
  values: FormValues;
  focus: number;
  carets: Record<string, number>;
  cursors: Record<string, number>;
  problem: string;
  /** Unsaved changes on leaving or quitting; or customer data on saving (then stay, leave or quit). */
  prompt: 'leave' | 'quit' | { customerData: 'stay' | 'leave' | 'quit' } | undefined;
}

export function Form({ trail, title, subtitle, fields, initial, adjust, remark, onSave, onLeave, customerData = 'ask', onFieldKey, handle: formHandle }: FormProps) {
  const shell = useShell();
  const tone = useTone();
  const [state, setState, stateRef] = useRefState<FormState>({
    values: initial,
    focus: 0,
    carets: {},
    cursors: {},
    problem: '',
    prompt: undefined,
  });
  const { values, focus, carets, cursors, problem, prompt } = state;
  const dirty = useMemo(() => JSON.stringify(values) !== JSON.stringify(initial), [values, initial]);
  const field = fields[focus];
  const update = (change: Partial<FormState>) => setState((s) => ({ ...s, ...change }));

  const guard = useCallback(() => {
    if (stateRef.current.prompt === 'quit') return false; // a second Ctrl-C quits
    setState((s) => ({ ...s, prompt: 'quit' }));
    return true;
  }, [setState, stateRef]);
  useQuitGuard(dirty ? guard : undefined);

  const change = (id: string, value: string | string[]) => {
    const before = stateRef.current.values;
    const next = { ...before, [id]: value };
    update({ values: adjust ? adjust(next, id, before) : next, problem: '' });
  };

  /** Saves (asking first when a field looks like customer data, unless `asTyped`); true once saved. */
  useImperativeHandle(formHandle, () => ({
    change: (id, value, cursor) => {
      change(id, value);
      if (cursor !== undefined) update({ cursors: { ...stateRef.current.cursors, [id]: cursor } });
    },
    values: () => stateRef.current.values,
  }));

  const save = (then: 'stay' | 'leave' | 'quit' = 'stay', asTyped = false): boolean => {
    if (!asTyped && customerDataIn(fields, stateRef.current.values).length > 0) {
      update({ prompt: { customerData: then } });
      return false;
    }
    const trouble = onSave(stateRef.current.values);
    if (trouble) {
      update({ problem: trouble, prompt: undefined });
      return false;
    }
    return true;
  };

  // The question about unsaved changes claims the next key, above the fields.
  useKeys(
    (input, key) => {
      const { prompt } = stateRef.current;
      if (!prompt) return false;
      update({ prompt: undefined });
      const plain = !key.ctrl && !key.meta;
      if (typeof prompt === 'object') {
        const after = prompt.customerData;
        // A form that saves leaves by itself (onSave goes back): only quitting follows.
        const then = after === 'quit' ? shell.forceQuit : undefined;
        if (plain && input === 'm') {
          const masked = maskCustomerData(fields, stateRef.current.values);
          update({ values: masked, carets: {} });
        } else if (!(plain && input === 's' && customerData === 'ask')) return true;
        if (save(after, true)) then?.();
        return true;
      }
      const after = prompt === 'quit' ? 'quit' : 'leave';
      if (input === 's' && plain) {
        if (save(after) && prompt === 'quit') shell.forceQuit();
      } else if (input === 'd' && plain) (prompt === 'quit' ? shell.forceQuit : onLeave)();
      return true;
    },
    shell.active,
    'modal',
  );

  const handle = (input: string, key: Key): void => {
    const { values, focus, carets, cursors } = stateRef.current;
    const field = fields[focus];
    const command = commandFor('form', input, key);
    if (command === 'save') {
      save();
      return;
    }
    if (command === 'back') {
      if (JSON.stringify(values) !== JSON.stringify(initial)) update({ prompt: 'leave' });
      else onLeave();
      return;
    }
    if (command === 'quit') return; // Ctrl-C: the app asks the quit guard
    if (command === 'mask') {
      if (customerDataIn(fields, values).length > 0) update({ values: maskCustomerData(fields, values), carets: {}, problem: '' });
      return;
    }
    if (command === 'next-field') return update({ focus: Math.min(fields.length, focus + 1) });
    if (command === 'previous-field') return update({ focus: Math.max(0, focus - 1) });
    if (key.return) {
      if (!field) save();
      else update({ focus: Math.min(fields.length, focus + 1) });
      return;
    }
    if (!field) {
      if (command === 'help') shell.showHelp('form');
      return;
    }
    if (field.kind === 'text') {
      const value = text(values[field.id]);
      const caret = Math.min(carets[field.id] ?? value.length, value.length);
      const next = editText({ value, cursor: caret }, input, key, false);
      if (!next) return;
      update({ carets: { ...carets, [field.id]: next.cursor } });
      if (next.value !== value) change(field.id, next.value);
      return;
    }
    if (onFieldKey?.(field.id, input, key)) return;
    if (command === 'help') return shell.showHelp('form');
    const count = field.options.length;
    if (count === 0) return;
    if (field.kind === 'choice') {
      const at = Math.max(0, field.options.findIndex((o) => o.value === values[field.id]));
      const step = key.leftArrow ? -1 : key.rightArrow || input === ' ' ? 1 : 0;
      if (step !== 0) change(field.id, field.options[(at + step + count) % count]!.value);
      return;
    }
    const cursor = Math.min(cursors[field.id] ?? 0, count - 1);
    if (key.leftArrow || key.rightArrow) {
      update({ cursors: { ...cursors, [field.id]: (cursor + (key.leftArrow ? -1 : 1) + count) % count } });
    } else if (input === ' ') {
      const option = field.options[cursor]!.value;
      const selected = list(values[field.id]);
      change(
        field.id,
        selected.includes(option)
          ? selected.filter((v) => v !== option)
          : field.options.map((o) => o.value).filter((v) => v === option || selected.includes(v)),
      );
    }
  };
  useKeys(handle, shell.active);

  const labelWidth = Math.max(...fields.map((f) => f.label.length)) + 3;
  const contentWidth = Math.max(10, shell.size.columns - labelWidth - 1);

  const drawn = fields.map((f, i) => {
    const focused = i === focus;
    let body: ReactNode[];
    if (f.kind === 'text') {
      const value = text(values[f.id]);
      if (!focused) {
        body = [
          <Text key="v" wrap="truncate-end" dimColor={value === ''}>
            {' '}
            {value === '' ? '—' : value}
          </Text>,
        ];
      } else {
        const caret = Math.min(carets[f.id] ?? value.length, value.length);
        const shown = visibleSlice(value, caret, contentWidth - 1);
        body = [
          <Text key="v">
            {' '}
            {shown.text.slice(0, shown.cursor)}
            <Text inverse>{graphemeAt(shown.text, shown.cursor) || ' '}</Text>
            {shown.text.slice(shown.cursor + graphemeAt(shown.text, shown.cursor).length)}
          </Text>,
        ];
      }
    } else if (f.options.length === 0) {
      body = [
        <Text key="v" dimColor wrap="truncate-end">
          {' '}
          {f.kind === 'multi' && f.empty ? f.empty : '—'}
        </Text>,
      ];
    } else {
      const selected = f.kind === 'choice' ? [text(values[f.id])] : list(values[f.id]);
      const cursor = focused && f.kind === 'multi' ? Math.min(cursors[f.id] ?? 0, f.options.length - 1) : undefined;
      const lines = chipLines(f.options, selected, cursor, contentWidth, f.kind === 'choice');
      body = lines.map((line, n) => (
        <Box key={n}>
          {line.chips.map((chip) => (
            <Text key={chip.value} bold={chip.cursor}>
              {chip.text}{' '}
            </Text>
          ))}
        </Box>
      ));
    }
    return { id: f.id, focused, label: f.label, body, height: body.length };
  });

  const warning = customerDataWarning(customerDataIn(fields, values));
  const warningRows = warning ? wrapLines(`! ${warning}`, shell.size.columns - 2).length : 0;
  const promptText = !prompt
    ? undefined
    : typeof prompt === 'object'
      ? customerDataQuestion(customerDataIn(fields, values), prompt.customerData, customerData === 'refuse')
      : prompt === 'quit'
        ? 'This form has unsaved changes. Press s to save them and quit, d to quit without them, any other key to keep editing.'
        : 'This form has unsaved changes. Press s to save them, d to leave without them, any other key to keep editing.';

  const focusedField = fields[focus];
  const hint = focusedField
    ? [focusedField.hint, remark?.(focusedField.id, values)].filter(Boolean).join(' · ')
    : 'Enter saves. Esc leaves without saving.';

  // Show the fields around the focused one when they do not all fit.
  // Title (and subtitle) and gap, Save row, gap, the hint and the problem as they wrap, the
  // customer-data warning; the prompt box. Counted as drawn: rows left blank below the
  // hint while "↓ more fields" hid a field were rows a field could have had.
  const promptRows = promptText ? wrapLines(`! ${promptText}`, shell.size.columns - 4).length + 2 : 0;
  const hintRows = hint ? wrapLines(hint, shell.size.columns).length : 0;
  const problemRows = problem ? wrapLines(`! ${problem}`, shell.size.columns).length : 0;
  const extra = 4 + hintRows + problemRows + (subtitle ? 1 : 0) + warningRows + promptRows;
  const room = Math.max(3, bodyRows(shell.size.rows) - extra);
  let first = 0;
  let last = drawn.length - 1;
  const total = (from: number, to: number) => drawn.slice(from, to + 1).reduce((n, d) => n + d.height, 0);
  // The "↑ more fields" and "↓ more fields" lines take rows too.
  const markers = (from: number, to: number) => (from > 0 ? 1 : 0) + (to < drawn.length - 1 ? 1 : 0);
  while (total(first, last) + markers(first, last) > room && first < last) {
    if (focus - first > last - focus) first++;
    else last--;
  }

  return (
    <Screen trail={trail} scope="form">
      <Text bold wrap="truncate-end">
        {title}
      </Text>
      {subtitle ? (
        <Text dimColor wrap="truncate-end">
          {subtitle}
        </Text>
      ) : null}
      <Box flexDirection="column" marginTop={1} flexShrink={0}>
        {first > 0 ? <Text dimColor>  ↑ more fields</Text> : null}
        {drawn.slice(first, last + 1).map((d) => (
          <Box key={d.id}>
            <Box width={labelWidth} flexShrink={0}>
              <Text bold={d.focused}>
                {d.focused ? '❯ ' : '  '}
                {d.label}
              </Text>
            </Box>
            <Box flexDirection="column" flexGrow={1} flexShrink={1}>
              {d.body}
            </Box>
          </Box>
        ))}
        {last < drawn.length - 1 ? <Text dimColor>  ↓ more fields</Text> : null}
        <Text bold={!field}>{!field ? '❯ [ Save ]' : '  [ Save ]'}</Text>
      </Box>
      <Box flexDirection="column" marginTop={1} flexShrink={0}>
        {hint ? (
          <Text dimColor wrap="wrap">
            {hint}
          </Text>
        ) : null}
        {warning ? (
          <Text color={tone('yellow')} bold wrap="wrap">
            ! {warning}
          </Text>
        ) : null}
        {problem ? (
          <Text color={tone('yellow')} bold wrap="wrap">
            ! {problem}
          </Text>
        ) : null}
      </Box>
      {promptText ? <Confirm message={promptText} /> : null}
    </Screen>
  );
}
