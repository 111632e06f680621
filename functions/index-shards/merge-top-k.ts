// Top-k over several shards: each shard answers its own top-k, the union is cut to k by distance.
import type { Index } from 'usearch';
import { ShardFileError } from './errors.js';
import { type Neighbours, searchHnsw } from './hnsw-index.js';

/** score = 1 − usearch distance: cosine similarity for 'cos', the dot product for 'ip'. */
export type ScoredId = { id: string; score: number };
/** A shard's index with its id map: key i of the index is ids[i]. */
export type OpenShard = { shard: number; index: Index; ids: string[] };

/** Merges per-shard neighbour lists into one top-k, nearest first (ties by id, for a stable order). */
export const mergeTopK = (perShard: { ids: string[]; found: Neighbours }[], k: number): ScoredId[] => {
  const all: { id: string; distance: number }[] = [];
  for (const { ids, found } of perShard) {
    found.rows.forEach((row, j) => {
      const id = ids[row];
      if (id === undefined) throw new ShardFileError(`key ${row} is outside the shard's id map (${ids.length})`);
      all.push({ id, distance: found.distances[j] ?? Number.NaN });
    });
  }
  all.sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return all.slice(0, k).map(({ id, distance }) => ({ id, score: 1 - distance }));
};

/** Top-k for each query of a flat n×dims batch, over every shard. */
export const searchShards = (shards: OpenShard[], dims: number, queries: Float32Array, k: number): ScoredId[][] => {
  const perShard = shards.map((s) => searchHnsw(s.index, queries, dims, k));
  return Array.from({ length: queries.length / dims }, (_, q) =>
    mergeTopK(shards.map((s, i) => ({ ids: s.ids, found: perShard[i]?.[q] ?? { rows: [], distances: [] } })), k),
  );
};
