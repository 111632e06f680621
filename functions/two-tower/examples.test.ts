import { describe, expect, it } from 'vitest';
import { tinyUsers, tinyVideos, T0, HOUR } from '../testing/tiny-world.js';
import { DEFAULT_OPTIONS } from './config.js';
import { TwoTowerInputError } from './errors.js';
import { buildExamples, type Positive } from './examples.js';
import { categoryIndexer, itemDense } from './features.js';

const videos = new Map(tinyVideos.map((v) => [v.video_id, v]));
const users = new Map(tinyUsers.map((u) => [u.user_id, u]));
const pos = (user: string, video: string, h: number): Positive => ({ user_id: user, video_id: video, ts: T0 + h * HOUR });
const o = { ...DEFAULT_OPTIONS, batchSize: 2, historyLength: 2 };

describe('buildExamples', () => {
  const positives = [pos('u1', 'a', 1), pos('u2', 'd', 2), pos('u1', 'b', 3), pos('u1', 'missing', 4), pos('u1', 'd', 5), pos('u1', 'a', 6)];
  const ex = buildExamples({ videos, users, positives, nowMs: T0 + 10 * HOUR }, o);
  const row = (id: string) => ex.known.row(id);

  it('builds each user side from earlier positives only, newest first, capped at historyLength', () => {
    expect(ex.rows.n).toBe(5);
    expect(ex.skipped).toBe(1);
    const hist = (i: number) => [...ex.rows.hist.subarray(i * 2, i * 2 + 2)];
    expect(hist(0)).toEqual([-1, -1]);
    expect(hist(2)).toEqual([row('a'), -1]);
    expect(hist(3)).toEqual([row('b'), row('a')]);
    expect(hist(4)).toEqual([row('d'), row('b')]);
  });

  it('category shares count all earlier positives; the vocabulary is ordered by frequency', () => {
    expect(ex.shape.categories).toEqual(['music', 'sports']);
    const C = 3, idx = categoryIndexer(ex.shape);
    const shares = (i: number) => [...ex.rows.shares.subarray(i * C, i * C + C)];
    expect(shares(0)).toEqual([0, 0, 0]);
    expect(shares(4)[idx('music')]).toBeCloseTo(2 / 3);
    expect(shares(4)[idx('sports')]).toBeCloseTo(1 / 3);
  });

  it('stores log q per row, equal keys for the same video, and freshness at the positive time', () => {
    expect(ex.rows.logq[0]).toBeCloseTo(Math.log(2 / 5));
    expect(ex.rows.logq[2]).toBeCloseTo(Math.log(1 / 5));
    expect(ex.rows.keys[0]).toBe(ex.rows.keys[4]);
    expect(ex.rows.keys[0]).not.toBe(ex.rows.keys[2]);
    expect(ex.rows.itemDense[1]).toBeCloseTo(itemDense(videos.get('a')!, T0 + HOUR)[1]);
  });

  it('rejects positives out of time order or after nowMs', () => {
    expect(() => buildExamples({ videos, users, positives: [pos('u1', 'a', 2), pos('u1', 'b', 1)], nowMs: T0 + 9 * HOUR }, o)).toThrow(TwoTowerInputError);
    expect(() => buildExamples({ videos, users, positives: [pos('u1', 'a', 1), pos('u1', 'b', 2)], nowMs: T0 }, o)).toThrow(TwoTowerInputError);
  });
});
