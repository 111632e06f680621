import { describe, expect, it } from 'vitest';
import { annSource } from './ann-source.js';
import { categorySource } from './category-source.js';
import { followedSource, uploadsByCreator } from './followed-source.js';
import { freshPool, freshSource } from './fresh-source.js';
import { item2itemSource } from './item2item-source.js';
import { DAY, ids, NOW, userView } from './testing.js';
import { trendingSource } from './trending-source.js';

describe('trendingSource', () => {
  const byRegion = new Map([
    ['global', [{ id: 'g1', score: 1 }]],
    ['eu', [{ id: 'e1', score: 1 }, { id: 'e2', score: 0.5 }]],
  ]);
  it("serves the user's region, else global, cut to the limit", () => {
    expect(ids(trendingSource(byRegion, 1).retrieve(userView({}, 'eu')))).toEqual(['e1']);
    expect(ids(trendingSource(byRegion, 5).retrieve(userView({}, 'mars')))).toEqual(['g1']);
    expect(ids(trendingSource(byRegion, 5).retrieve(userView()))).toEqual(['g1']);
  });
});

describe('categorySource', () => {
  const pools = new Map([
    ['music', [{ id: 'm1', score: 1 }, { id: 'm2', score: 0.9 }, { id: 'm3', score: 0.8 }]],
    ['sports', [{ id: 's1', score: 1 }, { id: 's2', score: 0.9 }]],
  ]);
  it('splits the list by the user’s category shares and keeps a slot for a side interest', () => {
    const u = userView({ categories: new Map([['music', 9], ['sports', 1]]) });
    const got = categorySource(pools, 4).retrieve(u);
    expect(ids(got)).toEqual(['m1', 'm2', 'm3', 's1']);
    expect(got[3]!.score).toBeCloseTo(0.1, 9);
  });
  it('gives nothing to a user with no category history', () => {
    expect(categorySource(pools, 4).retrieve(userView())).toEqual([]);
  });
});

describe('followedSource', () => {
  const uploads = uploadsByCreator([
    { video_id: 'old', creator_id: 'c1', upload_ts: NOW - 30 * DAY },
    { video_id: 'new', creator_id: 'c1', upload_ts: NOW - DAY },
    { video_id: 'newer', creator_id: 'c2', upload_ts: NOW - DAY / 2 },
    { video_id: 'future', creator_id: 'c2', upload_ts: NOW + DAY },
    { video_id: 'other', creator_id: 'c3', upload_ts: NOW - DAY / 4 },
  ]);
  it("lists followed creators' recent uploads, newest first, never future or unfollowed ones", () => {
    const u = userView({ followed: new Set(['c1', 'c2']) });
    expect(ids(followedSource(uploads, { maxAgeDays: 7, perCreator: 5, limit: 10 }).retrieve(u))).toEqual(['newer', 'new']);
  });
});

describe('item2itemSource', () => {
  const related = new Map([
    ['a', [{ id: 'x', score: 0.9 }, { id: 'y', score: 0.5 }]],
    ['b', [{ id: 'y', score: 0.8 }, { id: 'z', score: 0.7 }]],
  ]);
  it('sums neighbours over seeds, newest seed weighted most', () => {
    // recent is oldest first: b is the newest seed.
    const u = userView({ recent: ['a', 'b'] });
    const got = item2itemSource(related, { seeds: 10, perSeed: 10, limit: 10, seedDecay: 0.5 }).retrieve(u);
    expect(ids(got)).toEqual(['y', 'z', 'x']);
    expect(got[0]!.score).toBeCloseTo(0.8 + 0.5 * 0.5, 9);
  });
  it('uses only the newest `seeds` seeds', () => {
    const u = userView({ recent: ['a', 'b'] });
    expect(ids(item2itemSource(related, { seeds: 1, perSeed: 10, limit: 10, seedDecay: 0.5 }).retrieve(u))).toEqual(['y', 'z']);
  });
});

describe('fresh pool and freshSource', () => {
  const videos = [
    { id: 'f1', category: 'music', uploadTs: NOW - 3_600_000, quality: 0.5 },
    { id: 'f2', category: 'sports', uploadTs: NOW - 7_200_000, quality: 0.6 },
    { id: 'stale', category: 'music', uploadTs: NOW - 10 * DAY, quality: 0.9 },
  ];
  it('keeps only young uploads, best quality first', () => {
    expect(ids(freshPool(videos, NOW, { maxAgeHours: 48, size: 10 }))).toEqual(['f2', 'f1']);
  });
  it('tilts the pool toward the user’s categories', () => {
    const pool = freshPool(videos, NOW, { maxAgeHours: 48, size: 10 });
    const u = userView({ categories: new Map([['music', 1]]) });
    expect(ids(freshSource(pool, 10).retrieve(u))).toEqual(['f1', 'f2']);
  });
});

describe('annSource', () => {
  it('batches the users with vectors into one search and answers each', () => {
    const calls: number[] = [];
    const vectors = new Map([['u1', Float32Array.of(1, 0)], ['u2', Float32Array.of(0, 1)]]);
    const src = annSource('collaborative', {
      dims: 2,
      k: 2,
      vectorOf: (id) => vectors.get(id),
      search: (q, k) => {
        calls.push(q.length / 2);
        return Array.from({ length: q.length / 2 }, (_, i) => [{ id: q[2 * i]! > 0 ? 'right' : 'up', score: 1 }].slice(0, k));
      },
    });
    src.prefetch(['u1', 'u2', 'cold']);
    expect(calls).toEqual([2]);
    expect(ids(src.retrieve({ ...userView(), userId: 'u1' }))).toEqual(['right']);
    expect(ids(src.retrieve({ ...userView(), userId: 'u2' }))).toEqual(['up']);
    expect(src.retrieve({ ...userView(), userId: 'cold' })).toEqual([]);
  });
});
