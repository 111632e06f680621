import { describe, expect, it } from 'vitest';
import { EventSchema } from '../../models/schemas.js';
import { HOUR, like, T0, tinyUsers, tinyVideos, view } from '../testing/tiny-world.js';
import { addEvent, newAggregates } from './aggregate.js';
import { categoryPools, completionLists, trendingLists, userList } from './lists.js';

const videos = new Map(tinyVideos.map((v) => [v.video_id, v]));
const users = new Map(tinyUsers.map((u) => [u.user_id, u]));
const ctx = { videos, users, trendingHalfLifeHours: 24, popularityHalfLifeHours: 24 * 7 };

function aggregate(events: ReturnType<typeof view>[]) {
  const agg = newAggregates();
  for (const e of events) addEvent(agg, EventSchema.parse(e), ctx);
  return agg;
}

describe('trending', () => {
  it('ranks by decayed engagement: a recent view beats an older one of the same kind', () => {
    const agg = aggregate([view('u1', 'a', T0), view('u1', 'b', T0 + 48 * HOUR)]);
    const [global, eu] = trendingLists(agg, 10, { videos, version: 'v', nowMs: agg.maxTsMs });
    expect(global!.key).toBe('global');
    expect(global!.items.map((i) => i.video_id)).toEqual(['b', 'a']);
    // 48 h at a 24 h half-life: a quarter of the weight.
    expect(global!.items[1]!.score).toBeCloseTo(0.25, 6);
    expect(eu!.key).toBe('eu');
    expect(eu!.items[0]!.sources).toEqual(['trending']);
  });

  it('keeps regions apart and drops videos whose engagement is net negative', () => {
    const dislike = { ...view('u2', 'c', T0), type: 'dislike' as const };
    const agg = aggregate([view('u1', 'a', T0), view('u2', 'b', T0), dislike]);
    const lists = trendingLists(agg, 10, { videos, version: 'v', nowMs: agg.maxTsMs });
    const byKey = new Map(lists.map((l) => [l.key, l.items.map((i) => i.video_id)]));
    expect(byKey.get('eu')).toEqual(['a']);
    expect(byKey.get('us')).toEqual(['b']);
    expect(byKey.get('global')).not.toContain('c');
  });
});

describe('user lists', () => {
  it('draws from the categories the user watches, never returns a watched video, merges sources', () => {
    const agg = aggregate([
      view('u1', 'a', T0, 20),
      view('u2', 'b', T0, 20),
      like('u2', 'b', T0),
      view('u2', 'c', T0, 5),
      view('u2', 'd', T0, 20),
    ]);
    const pools = categoryPools(agg, 10, videos);
    expect(pools.get('music')!.map(([id]) => id)).toEqual(['b', 'a', 'c']);
    const trending = trendingLists(agg, 10, { videos, version: 'v', nowMs: agg.maxTsMs })[0]!.items;
    const list = userList('u1', agg.users.get('u1')!, pools, trending, 10, { videos, version: 'v', nowMs: agg.maxTsMs });
    const ids = list.items.map((i) => i.video_id);
    expect(ids).not.toContain('a');
    expect(ids.slice(0, 2)).toEqual(['b', 'c']);
    expect(list.items[0]!.sources.sort()).toEqual(['popular', 'trending']);
    // d is sports: u1 never watched sports, so it only arrives through trending, below the music picks.
    expect(list.items.find((i) => i.video_id === 'd')!.sources).toEqual(['trending']);
    expect(ids.indexOf('d')).toBeGreaterThan(1);
  });
});

describe('completionLists', () => {
  it('ranks videos with enough views by completion × view rate, per upload region and globally', () => {
    const videos = new Map(tinyVideos.map((v) => [v.video_id, v]));
    const [a, b, c] = tinyVideos;
    const rates = new Map([
      [a!.video_id, { views: 100, view_rate: 0.5, mean_watch_ratio: 0.9 }],
      [b!.video_id, { views: 100, view_rate: 0.8, mean_watch_ratio: 0.7 }],
      [c!.video_id, { views: 5, view_rate: 0.9, mean_watch_ratio: 1 }], // too few views to count
    ]);
    const lists = completionLists(rates, 10, { videos, version: 'v', nowMs: 0 });
    const global = lists.find((l) => l.key === 'global')!;
    expect(global.items.map((i) => i.video_id)).toEqual([b!.video_id, a!.video_id]);
    expect(global.items[0]!.score).toBe(1);
    expect(global.items[1]!.score).toBeCloseTo(0.45 / 0.56, 9);
    for (const l of lists.filter((x) => x.key !== 'global')) for (const i of l.items) expect(videos.get(i.video_id)!.region).toBe(l.key);
  });
});
