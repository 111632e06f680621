// usearch as the rebuild uses it: build a sharded HNSW index over seeded clustered vectors, gate it by
// recall@10 against exact search, load the shards by memory-mapping (`view`) and time batched queries.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildShards } from '../../functions/index-shards/build-shards.js';
import { clusteredVectors } from '../../functions/index-shards/clustered-vectors.js';
import { openShards } from '../../functions/index-shards/query-shards.js';
import { checkRecall } from '../../functions/index-shards/recall-check.js';

const round = (x: number) => Math.round(x * 10) / 10;

export async function benchIndexShards(o: { n?: number; dims?: number; shards?: number; queries?: number } = {}) {
  const { n = 200_000, dims = 64, shards = 4, queries = 1000 } = o;
  const set = clusteredVectors({ n, dims, clusters: 500, spread: 1, seed: 1 });
  const dir = await mkdtemp(join(tmpdir(), 'measure-shards-'));
  try {
    const built = await buildShards({ ...set, dir }, { shards, metric: 'cos', connectivity: 16, expansionAdd: 128, expansionSearch: 32 });
    const recall = await checkRecall({ dir, ...set }, { sampleQueries: 500, seed: 2 });
    const coldLoadMs = (await openShards(dir)).loadMs;
    const warm = await openShards(dir, { expansionSearch: recall.expansionSearch });
    const q = set.vectors.slice(0, queries * dims);
    const started = performance.now();
    warm.search(q, 10);
    const searchMs = performance.now() - started;
    return {
      n,
      dims,
      shards,
      build_seconds: round(built.buildMs / 1000),
      build_vectors_per_second: Math.round(n / (built.buildMs / 1000)),
      recall_at_10: recall.recall,
      expansion_search: recall.expansionSearch,
      queries_per_second: Math.round(queries / (searchMs / 1000)),
      view_load_ms_per_shard: coldLoadMs.map(round),
      warm_view_load_ms_per_shard: warm.loadMs.map(round),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
