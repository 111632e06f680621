// Recall@k of the sharded HNSW search against exact search over all items, on a seeded sample of
// item vectors as queries; raises expansion_search (doubling, up to a cap) until recall meets the floor.
// Ties count: an item scoring as high as the exact k-th is a correct answer whichever id it has. Items
// with no signal (ALS leaves them at ~0) are not sampled as queries: every item ties for such a query.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { RecallBelowFloorError } from './errors.js';
import { searchExact } from './hnsw-index.js';
import type { ScoredId } from './merge-top-k.js';
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

/** The exact top-k of one query: its ids and the k-th score (1 − distance, as ScoredId). */
export type ExactTopK = { ids: string[]; kthScore: number };
const TIE_EPSILON = 1e-6;

/** Fraction of the true top-k found over all queries, a found item tied with the k-th counting as found. */
export const recallAtK = (found: ScoredId[][], truth: ExactTopK[]): number => {
  let hits = 0;
  let total = 0;
  truth.forEach((t, q) => {
    const want = new Set(t.ids);
    const tie = t.kthScore - TIE_EPSILON * Math.max(1, Math.abs(t.kthScore));
    const got = (found[q] ?? []).filter((f) => want.has(f.id) || f.score >= tie).length;
    hits += Math.min(got, t.ids.length);
    total += t.ids.length;
  });
  return total === 0 ? 1 : hits / total;
};

/** Rows whose vector carries signal: norm above a millionth of the largest. */
export const signalRows = (vectors: Float32Array, dims: number): number[] => {
  const n = vectors.length / dims;
  const norms = new Float64Array(n);
  let max = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let d = i * dims; d < (i + 1) * dims; d++) s += vectors[d]! * vectors[d]!;
    norms[i] = Math.sqrt(s);
    if (norms[i]! > max) max = norms[i]!;
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (norms[i]! > 1e-6 * max) out.push(i);
  return out;
};

export const checkRecall = async (input: RecallCheckInput, opts: RecallCheckOptions = {}): Promise<RecallReport> => {
  const { k = 10, sampleQueries = 200, seed = 1, floor = DEFAULT_RECALL_FLOOR, expansionCap = DEFAULT_EXPANSION_CAP } = opts;
  const { dir, ids, vectors, dims } = input;
  const candidates = signalRows(vectors, dims);
  const queries = gatherRows(vectors, dims, sampleRows(candidates.length, sampleQueries, seed).map((i) => candidates[i]!));
  const first = await openShards(dir);
  const truth = searchExact(vectors, queries, dims, k, first.manifest.params.metric).map((n) => ({
    ids: n.rows.map((r) => ids[r] ?? `#${r}`),
    kthScore: 1 - (n.distances.at(-1) ?? 1),
  }));
  const attempts: RecallAttempt[] = [];
  let expansionSearch = first.expansionSearch;
  for (;;) {
    const set = attempts.length === 0 ? first : await openShards(dir, { expansionSearch });
    const started = performance.now();
    const found = set.search(queries, k);
    const recall = recallAtK(found, truth);
    attempts.push({ expansionSearch, recall, searchMs: performance.now() - started });
    if (recall >= floor) return { recall, expansionSearch, k, queries: truth.length, attempts };
    if (expansionSearch >= expansionCap) throw new RecallBelowFloorError(recall, floor, expansionSearch);
    // 0 means usearch's default (64); double from that rather than from 0.
    expansionSearch = Math.min(expansionCap, (expansionSearch || USEARCH_DEFAULT_EXPANSION_SEARCH) * 2);
  }
};
