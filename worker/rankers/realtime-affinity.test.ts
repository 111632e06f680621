import { expect, it } from 'vitest';
import { cand } from '../test/candidates.js';
import { realtimeAffinity } from './realtime-affinity.js';

const session = { recent: [], sessionSkips: 0, sessionWatches: 0, sinceLastVisitMs: null, isNewSession: true };
const signal = new AbortController().signal;
const items = ['a', 'b', 'c', 'd'].map((id, i) => ({ ...cand(id, i), score: 1 - i / 10 }));

it('lifts followed creators and demotes disliked ones on a normalised scale', async () => {
  // Scores 1.0, 0.9, 0.8, 0.7 → 1, 2/3, 1/3, 0 after normalisation.
  const realtime = { seen: [], dislikedVideos: [], dislikedCreators: ['creator-a'], followedCreators: ['creator-d'], session };
  const out = Array.from(await realtimeAffinity().score(items, { realtime }, signal));
  expect(out[0]).toBeCloseTo(1 - 0.6, 9);
  expect(out[1]).toBeCloseTo(2 / 3, 9);
  expect(out[3]).toBeCloseTo(0.3, 9);
  // The same shift whatever the scale of the scores before.
  const scaled = items.map((c) => ({ ...c, score: c.score * 50 - 7 }));
  expect(Array.from(await realtimeAffinity().score(scaled, { realtime }, signal)).map((v) => +v.toFixed(9))).toEqual(out.map((v) => +v.toFixed(9)));
});

it('keeps each origin above the ones that topped it up, whatever their raw scores', async () => {
  const mixed = [items[0]!, items[1]!, { ...cand('t1', 2, 'Trending'), score: 50 }, { ...cand('t2', 3, 'Trending'), score: 40 }];
  const out = Array.from(await realtimeAffinity().score(mixed, { realtime: null }, signal));
  expect(out).toEqual([2, 1, 1, 0]);
});

it('without realtime state only normalises (fail open)', async () => {
  const out = Array.from(await realtimeAffinity().score(items, { realtime: null }, signal));
  expect(out.map((v) => +v.toFixed(9))).toEqual([1, 0.666666667, 0.333333333, 0]);
});
