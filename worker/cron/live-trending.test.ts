import { expect, it } from 'vitest';
import { video } from '../test/seed.js';
import { liveTrendingList } from './live-trending.js';

it('puts realtime movers first, then the published list without repeats, cut to size', () => {
  const published = { key: 'eu', version: 'v1', generated_at: 0, items: [video('p1', 0.9, ['trending']), video('p2', 0.8, ['trending']), video('p3', 0.7, ['trending'])] };
  const movers = [
    { video_id: 'm1', score: 12 },
    { video_id: 'unknown', score: 11 }, // no ref anywhere: skipped
    { video_id: 'p2', score: 5 }, // known from the published list
  ];
  const refs = new Map([['m1', { creator_id: 'c-m1', category: 'news' }]]);
  const list = liveTrendingList({ region: 'eu', published, movers, refs, size: 4, nowMs: 1 });
  expect(list.items.map((i) => i.video_id)).toEqual(['m1', 'p2', 'p1', 'p3']);
  expect(list.items[0]).toMatchObject({ creator_id: 'c-m1', category: 'news', sources: ['trending'], score: 12 });
  expect(list.items[1]).toMatchObject({ creator_id: 'creator-p2', score: 5 });
  expect(liveTrendingList({ region: 'eu', published, movers, refs, size: 2, nowMs: 1 }).items).toHaveLength(2);
  expect(liveTrendingList({ region: 'eu', published: null, movers: [], refs, size: 5, nowMs: 1 }).items).toEqual([]);
});
