import { describe, expect, it } from 'vitest';
import { addScores, emptyScoreSums, meanScores, scoreList, targetGrades, targets, unseen } from './list-scores.js';

const L2 = (rank: number) => 1 / Math.log2(rank + 1);
describe('scoreList', () => {
  it('computes NDCG@k and recall@k/@kWide on hand-made lists', () => {
    const rel = new Set(['b', 'd']);
    // b at rank 2, d at rank 4: DCG = 1/log2 3 + 1/log2 5; ideal = 1 + 1/log2 3.
    const s = scoreList(['a', 'b', 'c', 'd'], rel, undefined, { k: 4, kWide: 4 });
    expect(s.ndcg).toBeCloseTo((L2(2) + L2(4)) / (L2(1) + L2(2)), 10);
    expect(s).toMatchObject({ recall: 1, recall_wide: 1 });
    const cut = scoreList(['a', 'b', 'c', 'd'], rel, undefined, { k: 2, kWide: 3 });
    expect(cut).toEqual({ ndcg: L2(2) / (L2(1) + L2(2)), recall: 0.5, recall_wide: 0.5 });
    expect(scoreList(['d', 'b'], rel, undefined, { k: 10, kWide: 50 }).ndcg).toBe(1);
  });
  it('removes watched items before cutting to k', () => {
    const rel = new Set(['c']);
    const watched = new Set(['a', 'b']);
    // Without the filter c sits at rank 3, outside k = 2; watched a and b go, so c is first.
    expect(scoreList(['a', 'b', 'c'], rel, undefined, { k: 2, kWide: 2 }).ndcg).toBe(0);
    expect(scoreList(['a', 'b', 'c'], rel, watched, { k: 2, kWide: 2 })).toEqual({ ndcg: 1, recall: 1, recall_wide: 1 });
    expect(unseen(['a', 'x', 'b', 'y'], watched)).toEqual(['x', 'y']);
  });
  it('drops watched items from the targets and averages over users', () => {
    expect([...targets(new Set(['a', 'b', 'c']), new Set(['b']))]).toEqual(['a', 'c']);
    const s = emptyScoreSums();
    addScores(s, { ndcg: 1, recall: 0.5, recall_wide: 1 });
    addScores(s, { ndcg: 0, recall: 0, recall_wide: 0.5 });
    expect(meanScores(s)).toEqual({ users: 2, ndcg: 0.5, recall: 0.25, recall_wide: 0.75 });
    expect(meanScores(emptyScoreSums())).toEqual({ users: 0, ndcg: 0, recall: 0, recall_wide: 0 });
  });
  it('keeps the grades of the targets only, and refuses a target without a grade', () => {
    const grades = new Map([['a', 4], ['b', 1], ['c', 2]]);
    expect([...targetGrades(grades, new Set(['c', 'a']))]).toEqual([['c', 2], ['a', 4]]);
    expect(() => targetGrades(grades, new Set(['z']))).toThrow(/z has no engagement grade/);
  });
});
