import { expect, it } from 'vitest';
import { cand } from '../test/candidates.js';
import { lightRanker } from './light-ranker-step.js';

const signal = new AbortController().signal;
const withPreds = (id: string, rank: number, score: number, click: number) => ({ ...cand(id, rank), score, preds: [click, 1, 0.1, 0.2, 0.01] });

it('blends the light click estimate into heavy scores and puts unscored items after, in stream order', async () => {
  const seen: string[][] = [];
  // The light model thinks b is twice as clickable as the heavy model did, a half as clickable.
  const light = { score: async (items: { video_id: string }[]) => (seen.push(items.map((i) => i.video_id)), Float32Array.from(items, (i) => (i.video_id === 'a' ? 0.1 : 0.4))) };
  const candidates = [withPreds('a', 0, 1.0, 0.2), cand('t1', 1), withPreds('b', 2, 0.8, 0.2), cand('t2', 3)];
  const out = Array.from(await lightRanker(light, 1).score(candidates, { realtime: null, nowMs: 0 }, signal));
  expect(seen).toEqual([['a', 'b']]);
  expect(out[0]).toBeCloseTo(1.0 * (0.1 / 0.2), 6);
  expect(out[2]).toBeCloseTo(0.8 * (0.4 / 0.2), 6);
  expect(out[1]!).toBeLessThan(Math.min(out[0]!, out[2]!));
  expect(out[3]!).toBeLessThan(out[1]!);
  // Weight 0: the heavy order exactly.
  const heavy = Array.from(await lightRanker(light, 0).score(candidates, { realtime: null, nowMs: 0 }, signal));
  expect([heavy[0], heavy[2]]).toEqual([1.0, 0.8]);
});
