// Binary-relevance ranking metrics at a cutoff k over one user's list and the set of items they
// engaged with in the test period. Graded NDCG is in graded-ndcg.ts; list-level metrics in kind-metrics.ts.

const hitsInTop = (ranked: string[], relevant: Set<string>, k: number) => ranked.slice(0, k).filter((id) => relevant.has(id)).length;

/** 1 when any of the first k is relevant. */
export const hitRate = (ranked: string[], relevant: Set<string>, k: number) =>
  ranked.slice(0, k).some((id) => relevant.has(id)) ? 1 : 0;

/** Relevant among the first k, over k (a list shorter than k counts its empty slots as misses). */
export const precision = (ranked: string[], relevant: Set<string>, k: number) => hitsInTop(ranked, relevant, k) / k;

/** Relevant among the first k, over all relevant items. */
export const recall = (ranked: string[], relevant: Set<string>, k: number) =>
  relevant.size === 0 ? 0 : hitsInTop(ranked, relevant, k) / relevant.size;

/** 1 / rank of the first relevant item within the first k, else 0. */
export function mrr(ranked: string[], relevant: Set<string>, k: number): number {
  const i = ranked.slice(0, k).findIndex((id) => relevant.has(id));
  return i < 0 ? 0 : 1 / (i + 1);
}

/** NDCG@k with gain 1 per relevant item: the quality bar's metric. */
export function ndcg(ranked: string[], relevant: Set<string>, k: number): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}
