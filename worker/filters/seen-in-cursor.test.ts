import { expect, it } from 'vitest';
import { cand } from '../test/candidates.js';
import { seenInCursor } from './seen-in-cursor.js';

it('removes every stream position an earlier page consumed', () => {
  const stream = [0, 1, 2, 3, 5, 8].map((rank) => cand(`v${rank}`, rank));
  const { kept, removed } = seenInCursor().filter(stream, { n: 2, offset: 3 });
  expect(kept.map((c) => c.rank)).toEqual([3, 5, 8]);
  expect(removed.map((c) => c.rank)).toEqual([0, 1, 2]);
  expect(seenInCursor().filter(stream, { n: 2, offset: 0 }).removed).toEqual([]);
});
