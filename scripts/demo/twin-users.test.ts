// A twin gets an equal, separate copy of its original's list; unknown originals and taken ids throw.
import { describe, expect, it } from 'vitest';
import { syntheticLists, type SyntheticWorld } from '../bench/feed-cost/synthetic-lists.js';
import { withTwins } from './twin-users.js';

const WORLD: SyntheticWorld = {
  users: 2, itemsPerUser: 10, videos: 30, creators: 4, categories: 3, clusters: 2,
  trendingRegions: ['global'], trendingItems: 5, freshItems: 3, seed: 5, nowMs: Date.UTC(2026, 0, 1),
};

describe('withTwins', () => {
  const lists = syntheticLists(WORLD, 'v1');

  it('adds a copy of the original list under the twin id, leaving the rest as it was', () => {
    const out = withTwins(lists, { twin: 'bu1' });
    expect(out.candidates.map((l) => l.key)).toEqual(['bu0', 'bu1', 'twin']);
    const [original, twin] = [out.candidates[1]!, out.candidates[2]!];
    expect(twin.items).toEqual(original.items);
    expect(twin.items[0]).not.toBe(original.items[0]);
    expect([out.trending, out.fresh]).toEqual([lists.trending, lists.fresh]);
  });

  it('refuses an unknown original or a twin id that has a list', () => {
    expect(() => withTwins(lists, { twin: 'nobody' })).toThrow(/no candidate list for 'nobody'/);
    expect(() => withTwins(lists, { bu0: 'bu1' })).toThrow(/already has a list/);
  });
});
