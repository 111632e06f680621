// Ranking metrics over one user's list and the set of items they engaged with in the test period.
// Binary relevance here; graded relevance arrives with the full evaluation report.

export const hitRate = (ranked: string[], relevant: Set<string>, k: number) =>
  ranked.slice(0, k).some((id) => relevant.has(id)) ? 1 : 0;

export const recall = (ranked: string[], relevant: Set<string>, k: number) =>
  relevant.size === 0 ? 0 : ranked.slice(0, k).filter((id) => relevant.has(id)).length / relevant.size;

export function ndcg(ranked: string[], relevant: Set<string>, k: number): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

export type MetricSums = { users: number; hit: number; recall: number; ndcg: number };
export const emptySums = (): MetricSums => ({ users: 0, hit: 0, recall: 0, ndcg: 0 });

export function accumulate(s: MetricSums, ranked: string[], relevant: Set<string>, k: number): void {
  s.users++;
  s.hit += hitRate(ranked, relevant, k);
  s.recall += recall(ranked, relevant, k);
  s.ndcg += ndcg(ranked, relevant, k);
}

export const means = (s: MetricSums) => ({
  users: s.users,
  hit_rate: s.hit / Math.max(1, s.users),
  recall: s.recall / Math.max(1, s.users),
  ndcg: s.ndcg / Math.max(1, s.users),
});
