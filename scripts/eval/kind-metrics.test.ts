import { describe, expect, it } from 'vitest';
import { kindMetrics } from './kind-metrics.js';
import { scoreList } from './list-scores.js';
import { trainPopularity } from './popularity.js';

const catalogue = { videoIds: ['a', 'b', 'c', 'd', 'e'], creatorOf: new Map([['a', 'A'], ['b', 'A'], ['c', 'B'], ['d', 'B'], ['e', 'C']]) };
const pop = trainPopularity(new Map([['u1', new Set(['a'])], ['u2', new Set(['a', 'b'])]]), 2, catalogue.videoIds);

describe('kind metrics', () => {
  it('removes watched items before the cut and reports each cutoff', () => {
    const m = kindMetrics([1, 3], catalogue, pop);
    // u1 watched a: shown c, d, e; target d (like).
    m.add(['a', 'c', 'd', 'e'], new Set(['a']), new Map([['d', 2]]));
    // u2 watched nothing: shown b, e; target b (share).
    m.add(['b', 'e'], undefined, new Map([['b', 4]]));
    const r = m.result();
    expect(r).toMatchObject({ users: 2, mean_list_length: 3, mean_unseen_length: 2.5 });
    expect(Object.keys(r.at_k)).toEqual(['1', '3']);
    expect(r.at_k['1']).toMatchObject({ hit_rate: 0.5, precision: 0.5, recall: 0.5, mrr: 0.5, ndcg_binary: 0.5, ndcg_graded: 0.5, slots: 2, coverage: 2 / 5 });
    // At 3: u1 hits d at rank 2 (mrr 1/2), u2 hits b at rank 1; precision (1/3 + 1/3) / 2 — u2 shows 2 of 3 slots.
    expect(r.at_k['3']).toMatchObject({ hit_rate: 1, recall: 1, mrr: 0.75, slots: 5, coverage: 4 / 5 });
    expect(r.at_k['3']!.precision).toBeCloseTo(1 / 3, 12);
  });
  it('agrees with the quality bar on binary NDCG and recall', () => {
    const lists = [['a', 'b', 'c', 'd'], ['d', 'c', 'b', 'a'], ['e', 'a']];
    const rel = [new Set(['b', 'd']), new Set(['a']), new Set(['c'])];
    const m = kindMetrics([2, 4], catalogue, pop);
    let ndcg = 0;
    let recall = 0;
    lists.forEach((l, i) => {
      m.add(l, undefined, new Map([...rel[i]!].map((id) => [id, 1])));
      const s = scoreList(l, rel[i]!, undefined, { k: 2, kWide: 4 });
      ndcg += s.ndcg / 3;
      recall += s.recall_wide / 3;
    });
    const r = m.result();
    expect(r.at_k['2']!.ndcg_binary).toBeCloseTo(ndcg, 12);
    expect(r.at_k['4']!.recall).toBeCloseTo(recall, 12);
  });
});
