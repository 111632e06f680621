import { describe, expect, it } from 'vitest';
import { ndcgGraded } from './graded-ndcg.js';
import { ndcg } from './metrics.js';

const D = (rank: number) => Math.log2(rank + 1);
describe('graded NDCG', () => {
  it('weighs each hit by 2^grade − 1 against the best order of the grades', () => {
    const grades = new Map([['s', 4], ['l', 2], ['v', 1]]);
    // list: l at rank 1, x at 2, s at 3. DCG = 3/1 + 15/log2 4; ideal = 15/1 + 3/log2 3 + 1/log2 4.
    const want = (3 / D(1) + 15 / D(3)) / (15 / D(1) + 3 / D(2) + 1 / D(3));
    expect(ndcgGraded(['l', 'x', 's'], grades, 3)).toBeCloseTo(want, 12);
    expect(ndcgGraded(['s', 'l', 'v'], grades, 3)).toBe(1);
    // k = 1 cuts the ideal to its best grade: 3 / 15.
    expect(ndcgGraded(['l', 's'], grades, 1)).toBeCloseTo(3 / 15, 12);
  });
  it('equals binary NDCG when every grade is 1, and 0 without grades', () => {
    const rel = new Set(['b', 'd', 'f']);
    const ones = new Map([...rel].map((id) => [id, 1]));
    for (const k of [1, 3, 5]) expect(ndcgGraded(['a', 'b', 'c', 'd', 'e'], ones, k)).toBeCloseTo(ndcg(['a', 'b', 'c', 'd', 'e'], rel, k), 12);
    expect(ndcgGraded(['a'], new Map(), 10)).toBe(0);
  });
});
