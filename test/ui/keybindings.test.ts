import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { KEYBINDINGS, KEY_SCOPES, TEXT_SCOPES, bindingsFor, commandFor, footerHint, type Command } from '../../src/ui/keybindings.js';
import { NO_KEY } from '../../src/ui/hooks/useKeys.js';

// Every command the screens act on; a new command must be added here and to the table.
const COMMANDS: Command[] = [
  'quit', 'back', 'help', 'select', 'move', 'page', 'add', 'edit', 'remove', 'demo', 'systems', 'integrations', 'results',
  'plan', 'next-field', 'previous-field', 'toggle', 'save', 'pick-number', 'unknown', 'not-applicable', 'confidence',
  'policy', 'note', 'question-help', 'previous', 'next', 'next-unanswered', 'next-dimension', 'previous-dimension',
  'dimensions', 'newline', 'mask', 'measure', 'scroll', 'export', 'snapshot', 'new-cycle', 'compare', 'stale', 'status', 'view',
  'other-snapshot', 'section',
];

const key = (k: Partial<Key> = {}): Key => ({ ...NO_KEY, ...k });

describe('the keybinding table', () => {
  it('gives every command a key and a description', () => {
    for (const command of COMMANDS) {
      const bindings = KEYBINDINGS.filter((b) => b.command === command);
      expect(bindings.length, command).toBeGreaterThan(0);
      for (const b of bindings) {
        expect(b.keys.trim(), command).not.toBe('');
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

  it('never shows one key for two bindings in the same scope', () => {
    for (const scope of KEY_SCOPES) {
      const keys = bindingsFor(scope).map((b) => b.keys);
      expect(new Set(keys).size, scope).toBe(keys.length);
    }
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
    ['label', 'q', key(), undefined],
    ['label', '', key({ return: true }), 'save'],
  ] as const)('in %s, %j means %s', (scope, input, k, command) => {
    expect(commandFor(scope, input, k)).toBe(command);
  });

  it('fits every footer on an 80-column terminal and keeps the help hint when cut', () => {
    for (const scope of KEY_SCOPES) {
      expect(footerHint(scope, 80).length, scope).toBeLessThanOrEqual(80);
      expect(footerHint(scope, 60).length, scope).toBeLessThanOrEqual(60);
      if (scope === 'form' || !TEXT_SCOPES.includes(scope)) expect(footerHint(scope, 60), scope).toContain('? keys');
    }
    expect(footerHint('walk', 80)).toContain('u unknown');
  });
});
