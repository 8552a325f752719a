import { describe, expect, it } from 'vitest';
import { KeyBroker, NO_KEY } from '../../src/ui/hooks/useKeys.js';

describe('the key broker', () => {
  it('hands a key to the highest priority first, and a handler that handles it stops it', () => {
    const broker = new KeyBroker();
    const heard: string[] = [];
    broker.add(() => void heard.push('screen'), () => true, 'screen');
    broker.add((input) => (heard.push('modal'), input === 'y'), () => true, 'modal');
    broker.add(() => (heard.push('app'), false), () => true, 'app');
    expect(broker.dispatch('y', NO_KEY)).toBe(true);
    expect(heard).toEqual(['app', 'modal']);
    heard.length = 0;
    expect(broker.dispatch('n', NO_KEY)).toBe(false);
    expect(heard).toEqual(['app', 'modal', 'screen']);
  });

  it('skips listeners not active, hears the latest first within a priority, and forgets those gone', () => {
    const broker = new KeyBroker();
    const heard: string[] = [];
    broker.add(() => void heard.push('first'), () => true);
    const off = broker.add(() => void heard.push('second'), () => true);
    broker.add(() => (heard.push('asleep'), true), () => false, 'overlay');
    broker.dispatch('x', NO_KEY);
    expect(heard).toEqual(['second', 'first']);
    off();
    heard.length = 0;
    broker.dispatch('x', NO_KEY);
    expect(heard).toEqual(['first']);
  });
});
