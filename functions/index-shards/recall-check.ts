// Recall@k of the sharded HNSW search against exact search over all items, on a seeded sample of
// item vectors as queries; raises expansion_search (doubling, up to a cap) until recall meets the floor.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { RecallBelowFloorError } from './errors.js';
import { searchExact } from './hnsw-index.js';
import { openShards } from './query-shards.js';
import { gatherRows } from './build-shards.js';

export type RecallCheckInput = { dir: string; ids: string[]; vectors: Float32Array; dims: number };
export type RecallCheckOptions = { k?: number; sampleQueries?: number; seed?: number; floor?: number; expansionCap?: number };
export type RecallAttempt = { expansionSearch: number; recall: number; searchMs: number };
export type RecallReport = { recall: number; expansionSearch: number; k: number; queries: number; attempts: RecallAttempt[] };

export const DEFAULT_RECALL_FLOOR = 0.95;
export const DEFAULT_EXPANSION_CAP = 1024;
const USEARCH_DEFAULT_EXPANSION_SEARCH = 64;

/** `count` distinct rows of `n`, reproducible from the seed. */
export const sampleRows = (n: number, count: number, seed: number): number[] => {
  if (count >= n) return Array.from({ length: n }, (_, i) => i);
  const rng = xoroshiro128plus(seed);
  const picked = new Set<number>();
  while (picked.size < count) picked.add(uniformInt(rng, 0, n - 1));
  return [...picked];
};

/** Fraction of the true top-k found, over all queries. */
export const recallAtK = (found: string[][], truth: string[][]): number => {
  let hits = 0;
  let total = 0;
  truth.forEach((t, q) => {
    const got = new Set(found[q] ?? []);
    for (const id of t) if (got.has(id)) hits++;
    total += t.length;
  });
  return total === 0 ? 1 : hits / total;
};

export const checkRecall = async (input: RecallCheckInput, opts: RecallCheckOptions = {}): Promise<RecallReport> => {
  const { k = 10, sampleQueries = 200, seed = 1, floor = DEFAULT_RECALL_FLOOR, expansionCap = DEFAULT_EXPANSION_CAP } = opts;
  const { dir, ids, vectors, dims } = input;
  const queries = gatherRows(vectors, dims, sampleRows(ids.length, sampleQueries, seed));
  const first = await openShards(dir);
  const truth = searchExact(vectors, queries, dims, k, first.manifest.params.metric).map((n) => n.rows.map((r) => ids[r] ?? `#${r}`));
  const attempts: RecallAttempt[] = [];
  let expansionSearch = first.expansionSearch;
  for (;;) {
    const set = attempts.length === 0 ? first : await openShards(dir, { expansionSearch });
    const started = performance.now();
    const found = set.search(queries, k).map((list) => list.map((s) => s.id));
    const recall = recallAtK(found, truth);
    attempts.push({ expansionSearch, recall, searchMs: performance.now() - started });
    if (recall >= floor) return { recall, expansionSearch, k, queries: truth.length, attempts };
    if (expansionSearch >= expansionCap) throw new RecallBelowFloorError(recall, floor, expansionSearch);
    // 0 means usearch's default (64); double from that rather than from 0.
    expansionSearch = Math.min(expansionCap, (expansionSearch || USEARCH_DEFAULT_EXPANSION_SEARCH) * 2);
  }
};
