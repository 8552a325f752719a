import { describe, expect, it } from 'vitest';
import { filledCells } from '../../src/ui/components/ProgressBar.js';

describe('the progress bar', () => {
  it.each([
    [0, 57, 20, 0],
    [1, 57, 20, 0],
    [3, 57, 20, 1],
    [28, 57, 20, 9],
    [56, 57, 20, 19],
    [57, 57, 20, 20],
    [5, 10, 10, 5],
    [9, 10, 10, 9],
    [0, 0, 10, 0],
  ])('%i of %i in %i cells fills %i (full only when all is done)', (done, total, width, filled) => {
    expect(filledCells(done, total, width)).toBe(filled);
  });
});
