import { describe, expect, it } from 'vitest';
import { hitRate, mrr, ndcg, precision, recall } from './metrics.js';

const rel = new Set(['b', 'd']);
const list = ['a', 'b', 'c', 'd', 'e'];
describe('binary ranking metrics', () => {
  it('hit rate: any relevant item in the first k', () => {
    expect(hitRate(list, rel, 1)).toBe(0);
    expect(hitRate(list, rel, 2)).toBe(1);
    expect(hitRate([], rel, 10)).toBe(0);
  });
  it('precision: relevant in the first k over k, short lists included', () => {
    expect(precision(list, rel, 2)).toBe(1 / 2);
    expect(precision(list, rel, 4)).toBe(2 / 4);
    // Two items shown where 10 were asked: one hit out of 10 slots.
    expect(precision(['b', 'x'], rel, 10)).toBe(1 / 10);
  });
  it('recall: relevant in the first k over all relevant', () => {
    expect(recall(list, rel, 3)).toBe(1 / 2);
    expect(recall(list, rel, 5)).toBe(1);
    expect(recall(list, new Set(), 5)).toBe(0);
  });
  it('MRR: reciprocal rank of the first hit inside k', () => {
    expect(mrr(list, rel, 5)).toBe(1 / 2);
    expect(mrr(['d', 'b'], rel, 5)).toBe(1);
    expect(mrr(['a', 'c', 'e', 'd'], rel, 4)).toBe(1 / 4);
    expect(mrr(['a', 'c', 'e', 'd'], rel, 3)).toBe(0);
  });
  it('NDCG with gain 1 per relevant item', () => {
    // b at rank 2: (1/log2 3) / (1 + 1/log2 3)
    expect(ndcg(['a', 'b', 'c'], rel, 3)).toBeCloseTo(0.6309 / 1.6309, 4);
    expect(ndcg(['b', 'd'], rel, 10)).toBe(1);
    expect(ndcg(['x'], new Set(), 10)).toBe(0);
  });
});
