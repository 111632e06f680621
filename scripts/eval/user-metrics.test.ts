import { describe, expect, it } from 'vitest';
import { addUserMetrics, meanUserMetrics, userMetrics, zeroUserMetrics } from './user-metrics.js';

const D = (rank: number) => Math.log2(rank + 1);
describe('per-user metrics at k', () => {
  it('scores one list on graded targets by hand', () => {
    // Targets: s (share, 4) and v (half view, 1); shown: x, v, y, s.
    const grades = new Map([['s', 4], ['v', 1]]);
    const m = userMetrics(['x', 'v', 'y', 's'], grades, 4);
    expect(m.hit_rate).toBe(1);
    expect(m.precision).toBe(2 / 4);
    expect(m.recall).toBe(1);
    expect(m.mrr).toBe(1 / 2);
    expect(m.ndcg_binary).toBeCloseTo((1 / D(2) + 1 / D(4)) / (1 / D(1) + 1 / D(2)), 12);
    expect(m.ndcg_graded).toBeCloseTo((1 / D(2) + 15 / D(4)) / (15 / D(1) + 1 / D(2)), 12);
    // At k = 2 only v is inside.
    expect(userMetrics(['x', 'v', 'y', 's'], grades, 2)).toMatchObject({ precision: 1 / 2, recall: 1 / 2, mrr: 1 / 2 });
  });
  it('ignores grade-0 entries as targets and averages over users', () => {
    expect(userMetrics(['a'], new Map([['a', 0]]), 1)).toEqual(zeroUserMetrics());
    const sum = zeroUserMetrics();
    addUserMetrics(sum, userMetrics(['a', 'b'], new Map([['a', 2]]), 2));
    addUserMetrics(sum, userMetrics(['c', 'd'], new Map([['a', 2]]), 2));
    expect(meanUserMetrics(sum, 2)).toEqual({ hit_rate: 0.5, precision: 0.25, recall: 0.5, ndcg_binary: 0.5, ndcg_graded: 0.5, mrr: 0.5 });
    expect(meanUserMetrics(zeroUserMetrics(), 0)).toEqual(zeroUserMetrics());
  });
});
