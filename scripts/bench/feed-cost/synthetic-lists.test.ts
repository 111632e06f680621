import { describe, expect, it } from 'vitest';
import { decodeList, encodeList, TASKS } from '../../../models/candidates.js';
import { syntheticLists, type SyntheticWorld } from './synthetic-lists.js';

const WORLD: SyntheticWorld = {
  users: 4, itemsPerUser: 300, videos: 1500, creators: 100, categories: 12, clusters: 64,
  trendingRegions: ['eu', 'global'], trendingItems: 50, freshItems: 30, seed: 3, nowMs: Date.UTC(2026, 0, 10),
};

describe('syntheticLists', () => {
  const lists = syntheticLists(WORLD, 'v1');

  it('gives every user itemsPerUser distinct videos carrying what the light ranker reads', () => {
    expect(lists.candidates.map((l) => l.key)).toEqual(['bu0', 'bu1', 'bu2', 'bu3']);
    for (const l of lists.candidates) {
      expect(l.version).toBe('v1');
      expect(new Set(l.items.map((i) => i.video_id)).size).toBe(WORLD.itemsPerUser);
      for (const i of l.items) {
        expect(i.preds).toHaveLength(TASKS.length);
        expect(i.upload_ts).toBeLessThanOrEqual(WORLD.nowMs);
        expect(i.cluster).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('spreads candidates over about `creators` creators and keeps scores in rank order', () => {
    const creators = new Set(lists.candidates.flatMap((l) => l.items.map((i) => i.creator_id)));
    expect(creators.size).toBeGreaterThan(90);
    expect(creators.size).toBeLessThanOrEqual(WORLD.creators);
    const scores = lists.candidates[0]!.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('makes trending per region and a fresh pool of the newest uploads, newest first', () => {
    expect(lists.trending.map((l) => [l.key, l.items.length])).toEqual([['eu', 50], ['global', 50]]);
    const ts = lists.fresh.items.map((i) => i.upload_ts!);
    expect(lists.fresh.key).toBe('global');
    expect(ts).toEqual([...ts].sort((a, b) => b - a));
    expect(lists.fresh.items.every((i) => i.sources[0] === 'fresh')).toBe(true);
  });

  it('is seeded, and every list survives the KV codec with its columns', () => {
    expect(syntheticLists(WORLD, 'v1')).toEqual(lists);
    expect(syntheticLists({ ...WORLD, seed: 4 }, 'v1').candidates[0]!.items[0]).not.toEqual(lists.candidates[0]!.items[0]);
    const back = decodeList(encodeList(lists.candidates[1]!));
    expect(back.items.map((i) => i.video_id)).toEqual(lists.candidates[1]!.items.map((i) => i.video_id));
    expect(back.items.every((i) => i.preds?.length === TASKS.length && i.upload_ts !== undefined && i.cluster !== undefined)).toBe(true);
  });

  it('refuses a pool smaller than a list', () => {
    expect(() => syntheticLists({ ...WORLD, videos: 100 }, 'v1')).toThrow(/videos \(100\)/);
  });
});
