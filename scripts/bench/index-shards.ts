// Timing run (not part of the unit suite): build, recall-check and view-load a sharded index of
// seeded clustered vectors. `npx tsx scripts/bench/index-shards.ts [n] [dims] [shards]` prints one
// JSON line; `npm run bench` will call it once the rebuild builds shards.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildShards } from '../../functions/index-shards/build-shards.js';
import { clusteredVectors } from '../../functions/index-shards/clustered-vectors.js';
import { openShards } from '../../functions/index-shards/query-shards.js';
import { checkRecall } from '../../functions/index-shards/recall-check.js';

const [n = 200_000, dims = 64, shards = 4] = process.argv.slice(2).map(Number);
const set = clusteredVectors({ n, dims, clusters: 500, spread: 1, seed: 1 });
const dir = await mkdtemp(join(tmpdir(), 'measure-shards-'));
try {
  const built = await buildShards({ ...set, dir }, { shards, metric: 'cos', connectivity: 16, expansionAdd: 128, expansionSearch: 32 });
  const recall = await checkRecall({ dir, ...set }, { sampleQueries: 500, seed: 2 });
  const coldLoadMs = (await openShards(dir)).loadMs;
  const set2 = await openShards(dir, { expansionSearch: recall.expansionSearch });
  const q = set.vectors.slice(0, 1000 * dims);
  const started = performance.now();
  set2.search(q, 10);
  const searchMsPer1000 = performance.now() - started;
  const round = (x: number) => Math.round(x * 10) / 10;
  console.log(JSON.stringify({
    n, dims, shards,
    buildMs: round(built.buildMs), saveAndHashMs: round(built.saveMs),
    indexBytes: built.shards.map((s) => s.index.bytes), items: built.shards.map((s) => s.items),
    recall: recall.recall, expansionSearch: recall.expansionSearch, attempts: recall.attempts.map((a) => ({ ...a, searchMs: round(a.searchMs) })),
    viewLoadMsPerShard: coldLoadMs.map(round), warmViewLoadMsPerShard: set2.loadMs.map(round), searchMsPer1000Queries: round(searchMsPer1000),
  }));
} finally {
  await rm(dir, { recursive: true, force: true });
}
