import { describe, expect, it } from 'vitest';
import { KEYBINDINGS, bindingsFor, footerHint, type Command, type ScreenName } from '../../src/ui/keybindings.js';

const COMMANDS: Command[] = ['quit', 'back', 'help', 'select', 'move', 'unknown', 'not-applicable', 'previous', 'next', 'pick-number'];
const SCREENS: ScreenName[] = ['home', 'new-assessment', 'assessment', 'new-journey', 'walk'];

describe('the keybinding table', () => {
  it('gives every command a key and a description', () => {
    for (const command of COMMANDS) {
      const bindings = KEYBINDINGS.filter((b) => b.command === command);
      expect(bindings.length, command).toBeGreaterThan(0);
      for (const b of bindings) {
        expect(b.keys.trim(), command).not.toBe('');
        expect(b.description.trim(), command).not.toBe('');
      }
    }
  });

  it('lets every screen be left and quit', () => {
    for (const screen of SCREENS) {
      const commands = bindingsFor(screen).map((b) => b.command);
      expect(commands, screen).toContain('back');
      expect(commands, screen).toContain('quit');
    }
  });

  it('never binds one key to two commands on the same screen', () => {
    for (const screen of SCREENS) {
      const keys = bindingsFor(screen).map((b) => b.keys);
      expect(new Set(keys).size, screen).toBe(keys.length);
    }
  });

  it('fits the walk footer on an 80-column terminal', () => {
    expect(footerHint('walk').length).toBeLessThanOrEqual(80);
    expect(footerHint('walk')).toContain('u unknown');
  });
});
