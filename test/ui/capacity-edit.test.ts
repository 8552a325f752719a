import { describe, expect, it } from 'vitest';
import { readCapacity } from '../../src/ui/capacity-edit.js';

describe('the capacity typed on the plan screen', () => {
  it.each([
    ['12', '24', { now: 12, next: 24 }],
    [' 0 ', '0', { now: 0, next: 0 }],
    ['10000', '1', { now: 10000, next: 1 }],
    ['007', '8', { now: 7, next: 8 }],
  ])('reads %j and %j', (now, next, capacity) => {
    expect(readCapacity(now, next)).toEqual({ capacity });
  });

  it.each([
    ['', '24', 'Now must be a whole number of effort points from 0 to 10000.'],
    ['12', '2.5', 'Next must be a whole number of effort points from 0 to 10000, not "2.5".'],
    ['-1', '24', 'Now must be a whole number of effort points from 0 to 10000, not "-1".'],
    ['10001', '24', 'Now must be a whole number of effort points from 0 to 10000, not "10001".'],
    ['12', '1e3', 'Next must be a whole number of effort points from 0 to 10000, not "1e3".'],
    // Now is checked first: one sentence, about the first figure wrong.
    ['x', 'y', 'Now must be a whole number of effort points from 0 to 10000, not "x".'],
  ])('refuses %j and %j in one sentence', (now, next, problem) => {
    expect(readCapacity(now, next)).toEqual({ problem });
  });
});
