/**
 * Moving the highlight of a list, as data: the key table names a move ("up", "page-down",
 * "home"), and `moveBy` says where it lands. Every list (and the walk's options) moves
 * through this one function, so Home and End work wherever ↑↓ do.
 */
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

/** The first line shown of a text of `height` lines on screen after `move` (a page is a screen less a line). */
export function scrollTop(top: number, move: ListMove, height: number, maxTop: number): number {
  const page = Math.max(1, height - 1);
  const next = { up: top - 1, down: top + 1, 'page-up': top - page, 'page-down': top + page, home: 0, end: maxTop }[move];
  return Math.max(0, Math.min(maxTop, next));
}
