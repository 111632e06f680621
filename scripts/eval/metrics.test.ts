import { describe, expect, it } from 'vitest';
import { accumulate, emptySums, hitRate, means, ndcg, recall } from './metrics.js';

const rel = new Set(['b', 'd']);
describe('ranking metrics', () => {
  it('computes hit rate, recall and NDCG by hand-checked values', () => {
    expect(hitRate(['a', 'b', 'c'], rel, 1)).toBe(0);
    expect(hitRate(['a', 'b', 'c'], rel, 2)).toBe(1);
    expect(recall(['a', 'b', 'c', 'd'], rel, 3)).toBe(0.5);
    // b at rank 2: (1/log2 3) / (1 + 1/log2 3)
    expect(ndcg(['a', 'b', 'c'], rel, 3)).toBeCloseTo(0.6309 / 1.6309, 4);
    expect(ndcg(['b', 'd'], rel, 10)).toBe(1);
    expect(ndcg(['x'], new Set(), 10)).toBe(0);
  });
  it('averages over users', () => {
    const s = emptySums();
    accumulate(s, ['b'], rel, 10);
    accumulate(s, ['z'], rel, 10);
    expect(means(s)).toMatchObject({ users: 2, hit_rate: 0.5, recall: 0.25 });
  });
});
