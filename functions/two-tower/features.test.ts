import { describe, expect, it } from 'vitest';
import { HOUR, T0, tinyVideos } from '../testing/tiny-world.js';
import { categoryIndexer, categoryShares, idRow, itemDense, profileRows, writeShares } from './features.js';

describe('two-tower features', () => {
  const videos = new Map(tinyVideos.map((v) => [v.video_id, v]));

  it('category shares skip unknown ids and sum to one', () => {
    expect([...categoryShares(['a', 'b', 'd', 'nope'], videos)]).toEqual([['music', 2 / 3], ['sports', 1 / 3]]);
    expect(categoryShares([], videos).size).toBe(0);
  });

  it('writes shares by vocabulary index, pooling unknown categories at 0', () => {
    const idx = categoryIndexer({ categories: ['sports', 'music'] });
    const out = new Float32Array(5).fill(9);
    writeShares(new Map([['music', 0.5], ['jazz', 0.3], ['opera', 0.2]]), idx, out, 1, 3);
    expect([...out]).toEqual([9, 0.5, 0, 0.5, 9]);
  });

  it('scales log duration and log age, with a future upload at age 0', () => {
    const v = { duration_sec: Math.E ** 4 - 1, upload_ts: T0 };
    expect(itemDense(v, T0 + (Math.E ** 8 - 1) * HOUR).map((x) => +x.toFixed(6))).toEqual([1, 2]);
    expect(itemDense(v, T0 - HOUR)[1]).toBe(0);
  });

  it('hashes ids away from the unknown row and profile fields independently', () => {
    for (const id of ['a', 'b', 'c', 'x'.repeat(100)]) expect(idRow(id, 7)).toBeGreaterThanOrEqual(1);
    const r = profileRows(undefined, 1 << 20);
    expect(new Set(r).size).toBe(3);
  });
});
