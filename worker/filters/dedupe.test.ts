import { describe, expect, it } from 'vitest';
import { cand } from '../test/candidates.js';
import { dedupe } from './dedupe.js';

describe('dedupe', () => {
  it('keeps the first occurrence of each video and returns the later ones as removed', () => {
    const stream = [cand('a', 0), cand('b', 1), cand('a', 2, 'Other'), cand('c', 3), cand('b', 4)];
    const { kept, removed } = dedupe().filter(stream, {});
    expect(kept.map((c) => [c.video_id, c.rank])).toEqual([['a', 0], ['b', 1], ['c', 3]]);
    expect(removed.map((c) => c.rank)).toEqual([2, 4]);
  });

  it('is named for debug output', () => {
    expect(dedupe().name).toBe('Dedupe');
  });
});
