/**
 * Moving the highlight of a list, as data: the key table names a move ("up", "page-down",
 * "home"), and `moveBy` says where it lands. Every list (and the walk's options) moves
 * through this one function, so Home and End work wherever ↑↓ do.
 */
import type { Key } from 'ink';

export type ListMove = 'up' | 'down' | 'page-up' | 'page-down' | 'home' | 'end';

/** The index after `move` in a list of `count` rows (undefined in an empty list). */
export function moveBy(index: number, count: number, move: ListMove, page = 10): number | undefined {
  if (count === 0) return undefined;
  switch (move) {
    case 'up':
      return Math.max(0, index - 1);
    case 'down':
      return Math.min(count - 1, index + 1);
    case 'page-up':
      return Math.max(0, index - page);
    case 'page-down':
      return Math.min(count - 1, index + page);
    case 'home':
      return 0;
    case 'end':
      return count - 1;
  }
}

/** The list move an Ink key stands for, if any. */
export function listMoveOf(key: Key): ListMove | undefined {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.pageUp) return 'page-up';
  if (key.pageDown) return 'page-down';
  if (key.home) return 'home';
  if (key.end) return 'end';
  return undefined;
}
