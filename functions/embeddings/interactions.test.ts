import { describe, expect, it } from 'vitest';
import { engagementWeight } from './engagement-weight.js';
import { InteractionIndexError } from './errors.js';
import { buildInteractions, transpose } from './interactions.js';

const rowsOf = (m: { indptr: Int32Array; indices: Int32Array; values: Float32Array; rows: number }) =>
  Array.from({ length: m.rows }, (_, r) =>
    Array.from(m.indices.subarray(m.indptr[r]!, m.indptr[r + 1]!)).map((c, k) => [c, m.values[m.indptr[r]! + k]!]));

describe('buildInteractions', () => {
  it('sums duplicates and turns summed weight into signed confidence 1 + alpha·|w|', () => {
    const m = buildInteractions(
      [
        { user: 0, item: 2, weight: 1 },
        { user: 0, item: 2, weight: 0.5 }, // duplicate: summed to 1.5
        { user: 0, item: 0, weight: 2 },
        { user: 1, item: 1, weight: 1 },
        { user: 1, item: 1, weight: -3 }, // net −2: confident p = 0
        { user: 2, item: 0, weight: 1 },
        { user: 2, item: 0, weight: -1 }, // net 0: dropped
      ],
      { users: 3, items: 3 },
      10,
    );
    expect(rowsOf(m.users)).toEqual([[[0, 21], [2, 16]], [[1, -21]], []]);
    expect(rowsOf(m.items)).toEqual([[[0, 21]], [[1, -21]], [[0, 16]]]);
    expect(Array.from(m.users.indptr)).toEqual([0, 2, 3, 3]);
  });

  it('transpose of the transpose is the original', () => {
    const m = buildInteractions(
      Array.from({ length: 200 }, (_, k) => ({ user: (k * 7) % 13, item: (k * 11) % 17, weight: 1 + (k % 3) })),
      { users: 13, items: 17 },
    );
    const back = transpose(m.items);
    expect(rowsOf(back)).toEqual(rowsOf(m.users));
  });

  it('rejects indices outside the shape', () => {
    expect(() => buildInteractions([{ user: 3, item: 0, weight: 1 }], { users: 3, items: 3 })).toThrow(InteractionIndexError);
    expect(() => buildInteractions([{ user: 0, item: -1, weight: 1 }], { users: 3, items: 3 })).toThrow(InteractionIndexError);
  });
});

describe('engagementWeight', () => {
  it('maps events to signed weights; views scale with watch ratio, quick bail-outs are negative', () => {
    expect(engagementWeight({ type: 'view', watch_time_sec: 30, video_duration_sec: 60 })).toBeCloseTo(0.5);
    expect(engagementWeight({ type: 'view', watch_time_sec: 200, video_duration_sec: 60 })).toBe(1);
    expect(engagementWeight({ type: 'view', watch_time_sec: 1, video_duration_sec: 60 })).toBeLessThan(0);
    expect(engagementWeight({ type: 'view', watch_time_sec: 5 })).toBeCloseTo(0.3);
    expect(engagementWeight({ type: 'like' })).toBe(2);
    expect(engagementWeight({ type: 'share' })).toBe(3);
    expect(engagementWeight({ type: 'follow' })).toBe(2);
    expect(engagementWeight({ type: 'dislike' })).toBe(-3);
    expect(engagementWeight({ type: 'skip' })).toBeLessThan(0);
    expect(engagementWeight({ type: 'impression' })).toBe(0);
  });
});
