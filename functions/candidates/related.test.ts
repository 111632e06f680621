import { describe, expect, it } from 'vitest';
import { relatedLists } from './related.js';

// Exact dot-product search over a tiny table: the real index is tested in index-shards/.
const exact = (ids: string[], data: Float32Array, dims: number) => ({
  search: (q: Float32Array, k: number) =>
    Array.from({ length: q.length / dims }, (_, i) =>
      ids
        .map((id, j) => ({ id, score: Array.from({ length: dims }, (_, d) => q[i * dims + d]! * data[j * dims + d]!).reduce((a, b) => a + b, 0) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, k),
    ),
});

describe('relatedLists', () => {
  it('lists each video’s neighbours without itself, fusing several indexes', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const v1 = Float32Array.of(1, 0, 0.9, 0.1, 0, 1, 0.1, 0.9);
    const v2 = Float32Array.of(1, 0, 0, 1, 0.95, 0.05, 0.1, 0.9);
    const out = relatedLists(ids, [{ set: exact(ids, v1, 2), v: { dims: 2, ids, data: v1 } }, { set: exact(ids, v2, 2), v: { dims: 2, ids, data: v2 } }], 2);
    const a = out.get('a')!.map((s) => s.id);
    // Each index returns 3 (size + 1): a itself, then b then d (index 1) or c then d (index 2). d, second
    // in both, outranks b and c, each first in one; b beats c on the id tie-break.
    expect(a).toEqual(['d', 'b']);
    expect(out.get('c')!.map((s) => s.id)).not.toContain('c');
  });
  it('skips videos in no index', () => {
    const ids = ['a', 'b'];
    const v = Float32Array.of(1, 0, 0, 1);
    expect(relatedLists(['a', 'b', 'z'], [{ set: exact(ids, v, 2), v: { dims: 2, ids, data: v } }], 5).has('z')).toBe(false);
  });
});
