import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { KEYBINDINGS, KEY_SCOPES, TEXT_SCOPES, bindingsFor, commandFor, footerHint, keysText, listMoveFor, parsedKeys, type Command } from '../../src/ui/keybindings.js';
import { formatPattern, formatPatterns, parseKey, parsePattern, sameKey } from '../../src/ui/keys.js';
import { NO_KEY } from '../../src/ui/hooks/useKeys.js';

// Every command the screens act on; a new command must be added here and to the table.
const COMMANDS: Command[] = [
  'quit', 'back', 'help', 'select', 'move', 'page', 'add', 'edit', 'remove', 'demo', 'systems', 'integrations', 'results',
  'plan', 'next-field', 'previous-field', 'toggle', 'save', 'pick-number', 'unknown', 'not-applicable', 'confidence',
  'policy', 'note', 'question-help', 'help-page', 'previous', 'next', 'next-unanswered', 'next-dimension', 'previous-dimension',
  'dimensions', 'newline', 'mask', 'measure', 'scroll', 'export', 'snapshot', 'new-cycle', 'compare', 'controls', 'framework', 'stale', 'status', 'view',
  'other-snapshot', 'section', 'ends', 'organisation-toggle', 'override', 'drop-override', 'capacity', 'signoff',
  'undo', 'jump', 'whole-note',
  'parking-lot', 'session', 'park', 'close', 'filter', 'clear-filters', 'speaker', 'vote', 'take-back', 'visibility', 'reveal', 'evidence', 'add-system', 'requests',
];

const key = (k: Partial<Key> = {}): Key => ({ ...NO_KEY, ...k });

describe('the keybinding table', () => {
  it('gives every command a key and a description', () => {
    for (const command of COMMANDS) {
      const bindings = KEYBINDINGS.filter((b) => b.command === command);
      expect(bindings.length, command).toBeGreaterThan(0);
      for (const b of bindings) {
        expect(keysText(b).trim(), command).not.toBe('');
        expect(b.description.trim(), command).not.toBe('');
        expect(b.scopes.length, command).toBeGreaterThan(0);
      }
    }
    // ... and has no command the list above does not know.
    expect(new Set(KEYBINDINGS.map((b) => b.command))).toEqual(new Set(COMMANDS));
  });

  it('lets every scope be left and quit, and shows the help from every scope where letters are commands', () => {
    for (const scope of KEY_SCOPES) {
      const commands = bindingsFor(scope).map((b) => b.command);
      expect(commands, scope).toContain('back');
      expect(commands, scope).toContain('quit');
      // Text scopes other than the form (where `?` works outside text fields) have no help key: `?` is text there.
      if (scope === 'form' || !TEXT_SCOPES.includes(scope)) expect(commands, scope).toContain('help');
    }
  });

  it('parks with Ctrl-P in every scope of an assessment, text scopes included, and not on the list of assessments', () => {
    for (const scope of KEY_SCOPES) {
      expect(commandFor(scope, 'p', key({ ctrl: true })), scope).toBe(scope === 'home' ? undefined : 'park');
    }
    expect(TEXT_SCOPES.every((scope) => bindingsFor(scope).some((b) => b.command === 'park' && keysText(b) === 'Ctrl-P'))).toBe(true);
  });

  it('never shows one key for two bindings in the same scope', () => {
    for (const scope of KEY_SCOPES) {
      const keys = bindingsFor(scope).map(keysText);
      expect(new Set(keys).size, scope).toBe(keys.length);
    }
  });

  it('never lets two bindings of one scope match the same key', () => {
    for (const scope of KEY_SCOPES) {
      const seen: { key: ReturnType<typeof parsePattern>; command: string }[] = [];
      for (const b of bindingsFor(scope)) {
        for (const k of parsedKeys(b)) {
          const clash = seen.find((s) => sameKey(s.key, k));
          expect(clash, `${scope}: ${formatPattern(b.keys[parsedKeys(b).indexOf(k)]!)} is both ${clash?.command} and ${b.command}`).toBeUndefined();
          seen.push({ key: k, command: b.command });
        }
      }
    }
  });

  it('moves every list with ↑↓, PgUp/PgDn and Home/End, and says so in the help', () => {
    for (const scope of ['home', 'assessment', 'systems', 'integrations', 'dimensions', 'cell', 'stale'] as const) {
      expect(listMoveFor(scope, '', key({ upArrow: true })), scope).toBe('up');
      expect(listMoveFor(scope, '', key({ pageDown: true })), scope).toBe('page-down');
      expect(listMoveFor(scope, '', key({ home: true })), scope).toBe('home');
      expect(listMoveFor(scope, '', key({ end: true })), scope).toBe('end');
      expect(bindingsFor(scope).map(keysText), scope).toContain('Home End');
    }
    // In the walk, PgUp/PgDn go from dimension to dimension, not down the options.
    expect(listMoveFor('walk', '', key({ downArrow: true }))).toBe('down');
    expect(listMoveFor('walk', '', key({ pageDown: true }))).toBeUndefined();
    expect(listMoveFor('home', 'j', key())).toBeUndefined();
  });

  it.each([
    ['walk', '2', key(), 'pick-number'],
    ['walk', 'u', key(), 'unknown'],
    ['walk', 'x', key(), 'not-applicable'],
    ['walk', 'v', key(), 'confidence'],
    ['walk', 'd', key(), 'confidence'],
    ['walk', 'p', key(), 'policy'],
    ['walk', 'n', key(), 'note'],
    ['walk', 'b', key(), 'previous'],
    ['walk', '', key({ leftArrow: true }), 'previous'],
    ['walk', '', key({ pageDown: true }), 'next-dimension'],
    ['walk', 'q', key(), 'quit'],
    ['walk', 'c', key({ ctrl: true }), 'quit'],
    ['home', 'd', key(), 'remove'],
    ['home', 'D', key({ shift: true }), 'demo'],
    ['assessment', 'p', key(), 'plan'],
    ['note', 's', key({ ctrl: true }), 'save'],
    ['note', 'r', key({ ctrl: true }), 'mask'],
    ['note', 'q', key(), undefined],
    ['form', 's', key({ ctrl: true }), 'save'],
    ['form', '', key({ tab: true, shift: true }), 'previous-field'],
    ['form', 'q', key(), undefined],
    ['plan', 'x', key(), 'export'],
    ['results', '', key({ tab: true }), 'measure'],
    ['results', 's', key(), 'stale'],
    ['results', 'c', key(), 'compare'],
    ['assessment', 't', key(), 'snapshot'],
    ['assessment', 'N', key({ shift: true }), 'new-cycle'],
    ['assessment', 'c', key(), 'compare'],
    ['plan', 'e', key(), 'status'],
    ['plan', '', key({ return: true }), 'status'],
    ['plan', '', key({ tab: true }), 'view'],
    ['compare', '', key({ leftArrow: true }), 'other-snapshot'],
    ['compare', '', key({ pageDown: true }), 'scroll'],
    ['compare', '', key({ tab: true, shift: true }), 'section'],
    ['controls', 'f', key(), 'framework'],
    ['controls', '', key({ pageDown: true }), 'scroll'],
    ['assessment', 'k', key(), 'controls'],
    ['label', 'q', key(), undefined],
    ['label', '', key({ return: true }), 'save'],
  ] as const)('in %s, %j means %s', (scope, input, k, command) => {
    expect(commandFor(scope, input, k)).toBe(command);
  });

  it.each([
    ['q', { name: 'q', ctrl: false, shift: false, meta: false }, 'q'],
    ['D', { name: 'D', ctrl: false, shift: false, meta: false }, 'D'],
    ['ctrl+s', { name: 's', ctrl: true, shift: false, meta: false }, 'Ctrl-S'],
    ['shift+tab', { name: 'tab', ctrl: false, shift: true, meta: false }, 'Shift-Tab'],
    ['pagedown', { name: 'pagedown', ctrl: false, shift: false, meta: false }, 'PgDn'],
    ['escape', { name: 'escape', ctrl: false, shift: false, meta: false }, 'Esc'],
    ['?', { name: '?', ctrl: false, shift: false, meta: false }, '?'],
  ])('parses the pattern %j and shows it as people read it', (pattern, parsed, shown) => {
    expect(parsePattern(pattern)).toEqual(parsed);
    expect(formatPattern(pattern)).toBe(shown);
  });

  it('refuses a pattern that names no key', () => {
    expect(() => parsePattern('pgdn')).toThrow('the key pattern "pgdn" names no key');
  });

  it('shows the keys of a binding together: arrows side by side, digits as a range', () => {
    expect(formatPatterns(['up', 'down'])).toBe('↑↓');
    expect(formatPatterns(['left', 'b'])).toBe('← b');
    expect(formatPatterns(['1', '2', '3', '4', '5', '6', '7', '8', '9'])).toBe('1-9');
    expect(formatPatterns(['v', 'r', 'd'])).toBe('v r d');
    expect(formatPatterns(['tab', 'shift+tab'])).toBe('Tab Shift-Tab');
  });

  it('reads a key press from Ink as the patterns do: Esc with Ink\'s meta, a capital with its shift', () => {
    expect(sameKey(parseKey('', key({ escape: true, meta: true })), parsePattern('escape'))).toBe(true);
    expect(sameKey(parseKey('D', key({ shift: true })), parsePattern('D'))).toBe(true);
    expect(sameKey(parseKey('d', key()), parsePattern('D'))).toBe(false);
    expect(sameKey(parseKey('s', key({ ctrl: true })), parsePattern('s'))).toBe(false);
    expect(sameKey(parseKey(' ', key()), parsePattern('space'))).toBe(true);
  });

  it('fits every footer on an 80-column terminal and keeps the help hint when cut', () => {
    for (const scope of KEY_SCOPES) {
      expect(footerHint(scope, 80).length, scope).toBeLessThanOrEqual(80);
      expect(footerHint(scope, 60).length, scope).toBeLessThanOrEqual(60);
      if (scope === 'form' || !TEXT_SCOPES.includes(scope)) expect(footerHint(scope, 60), scope).toMatch(/\? (more )?keys/);
    }
    expect(footerHint('walk', 80)).toContain('u unknown');
  });

  it.each([80, 100, 60])('at %i columns drops only whole hints, and then says that ? lists more keys', (width) => {
    for (const scope of KEY_SCOPES) {
      const hints = bindingsFor(scope)
        .filter((b) => b.hint !== undefined)
        .map((b) => `${keysText(b)} ${b.hint}`);
      const shown = footerHint(scope, width).split(' · ');
      const whole = shown.filter((part) => part !== '? more keys');
      for (const part of whole) expect(hints, `${scope}: "${part}"`).toContain(part);
      const hasHelp = bindingsFor(scope).some((b) => b.command === 'help');
      if (whole.length === hints.length) expect(shown, scope).not.toContain('? more keys');
      else if (hasHelp) expect(shown, scope).toContain('? more keys');
      // Where letters are text there is no ?: such a footer drops nothing at the minimum width.
      else expect(width, scope).toBeLessThan(80);
    }
  });

  it('fits the footers of the form and the lists at 80 columns whole (Ctrl-P park was dropped from the form)', () => {
    expect(footerHint('form', 80)).toBe('Tab ↓ next field · Space ←→ tick · Ctrl-S save · Esc back · ? keys · Ctrl-P park');
    expect(footerHint('home', 80)).toBe('Enter open · a new · D demo · e edit · d remove · Esc back · ? keys · q quit');
    // The walk's: what is dropped is a key away, and the footer says so.
    expect(footerHint('walk', 80, undefined, 5)).toBe('1-5 answer · u unknown · x n/a · v r d confidence · p on paper · ? more keys');
  });

  it('names the number keys as far as the options go when told how many there are', () => {
    expect(footerHint('walk', Infinity, undefined, 5)).toMatch(/^1-5 answer · /);
    expect(footerHint('walk', Infinity, undefined, 2)).toMatch(/^1 2 answer · /);
    expect(footerHint('walk', Infinity, undefined, 1)).toMatch(/^1 answer · /);
    expect(footerHint('vote', Infinity, undefined, 4)).toMatch(/^1-4 pick · /);
    expect(footerHint('walk')).toMatch(/^1-9 answer · /);
    // The evidence requests' 1-5 are statuses, not options: never shortened.
    expect(footerHint('requests', Infinity, undefined, 3)).toMatch(/^1-5 status · /);
  });
});
