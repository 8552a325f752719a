import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { Text } from 'ink';
import { ErrorBoundary } from '../../src/ui/components/ErrorBoundary.js';
import { tick } from './app.js';

afterEach(() => cleanup());

function Broken(): never {
  throw new Error('the screen could not be drawn');
}

describe('the error boundary', () => {
  it('hands an error thrown while drawing to onError and draws nothing', async () => {
    const onError = vi.fn();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const view = render(
      <ErrorBoundary onError={onError}>
        <Text>before</Text>
        <Broken />
      </ErrorBoundary>,
    );
    await tick();
    quiet.mockRestore();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'the screen could not be drawn' }));
    expect(view.lastFrame()).not.toContain('before');
  });
});
