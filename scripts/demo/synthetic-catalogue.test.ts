// The synthetic catalogue covers every video the lists mention once, agrees with them on creator,
// category and upload time, and is the same for the same seed.
import { describe, expect, it } from 'vitest';
import { syntheticLists, type SyntheticWorld } from '../bench/feed-cost/synthetic-lists.js';
import { syntheticCatalogue } from './synthetic-catalogue.js';

const WORLD: SyntheticWorld = {
  users: 3, itemsPerUser: 20, videos: 60, creators: 8, categories: 4, clusters: 4,
  trendingRegions: ['global'], trendingItems: 10, freshItems: 5, seed: 3, nowMs: Date.UTC(2026, 0, 1),
};

describe('syntheticCatalogue', () => {
  const lists = syntheticLists(WORLD, 'v1');
  const items = [...lists.candidates, ...lists.trending, lists.fresh].flatMap((l) => l.items);

  it('has one video per distinct id in the lists, matching what the lists say of it', () => {
    const videos = syntheticCatalogue(lists, { seed: 1 });
    expect(videos.map((v) => v.video_id).sort()).toEqual([...new Set(items.map((i) => i.video_id))].sort());
    const byId = new Map(videos.map((v) => [v.video_id, v]));
    for (const item of items) {
      const v = byId.get(item.video_id)!;
      expect([v.creator_id, v.category, v.upload_ts]).toEqual([item.creator_id, item.category, item.upload_ts]);
      expect(v.title).toContain(item.video_id);
      expect(v.duration_sec).toBeGreaterThan(0);
    }
  });

  it('is reproducible by seed', () => {
    expect(syntheticCatalogue(lists, { seed: 1 })).toEqual(syntheticCatalogue(lists, { seed: 1 }));
    expect(syntheticCatalogue(lists, { seed: 1 }).map((v) => v.title)).not.toEqual(syntheticCatalogue(lists, { seed: 2 }).map((v) => v.title));
  });
});
