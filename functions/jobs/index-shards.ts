// Job: sharded usearch HNSW indexes over the item vectors (collaborative and two-tower), saved as
// files for R2, each gated by a recall@10 check against exact search (expansion_search is raised
// until it passes; the build fails under the floor).
import { existsSync, writeFileSync } from 'node:fs';
import { readVectorsFile } from '../embeddings/vectors-file.js';
import { buildShards } from '../index-shards/build-shards.js';
import type { Metric } from '../index-shards/hnsw-index.js';
import { RecallBelowFloorError } from '../index-shards/errors.js';
import { checkRecall } from '../index-shards/recall-check.js';
import { MANIFEST_FILE, readManifest } from '../index-shards/shard-files.js';
import type { BuildContext } from '../rebuild/context.js';
import { ALS_ITEMS_FILE } from './embeddings.js';
import { TT_ITEMS_FILE } from './two-tower.js';

/** Which vectors get an index, and how they are compared: ALS scores are dot products. */
export const ITEM_INDEXES = {
  als: { vectors: ALS_ITEMS_FILE, metric: 'ip' as Metric },
  two_tower: { vectors: TT_ITEMS_FILE, metric: 'cos' as Metric },
} as const;
export type IndexName = keyof typeof ITEM_INDEXES;
export const indexDir = (name: IndexName) => `index-${name}`;

export async function indexShardsJob(ctx: BuildContext): Promise<void> {
  await ctx.stage('index-shards', async () => {
    for (const [name, spec] of Object.entries(ITEM_INDEXES) as [IndexName, (typeof ITEM_INDEXES)[IndexName]][]) {
      if (!existsSync(ctx.path(spec.vectors))) {
        ctx.log(`  ${name}: no ${spec.vectors} in this build, skipped`);
        continue;
      }
      const v = await readVectorsFile(ctx.path(spec.vectors));
      const dir = ctx.path(indexDir(name));
      const built = await buildShards(
        { ids: v.ids, vectors: v.data, dims: v.dims, dir },
        { shards: ctx.config.indexShards, buildThreads: ctx.config.indexBuildThreads, metric: spec.metric, connectivity: 16, expansionAdd: 128, expansionSearch: 64 },
      );
      const recall = await checkRecall({ dir, ids: v.ids, vectors: v.data, dims: v.dims }, { floor: ctx.config.recallFloor }).catch((err: unknown) => {
        if (err instanceof RecallBelowFloorError) err.message = `${name} index: ${err.message}`;
        throw err;
      });
      // The tuned expansion_search is a search-time setting: record it where readers look for it.
      const manifest = await readManifest(dir);
      manifest.params.expansionSearch = recall.expansionSearch;
      writeFileSync(`${dir}/${MANIFEST_FILE}`, JSON.stringify(manifest, null, 2));
      Object.assign(ctx.summary, {
        [`index_${name}_items`]: v.ids.length,
        [`index_${name}_recall_at_10`]: Math.round(recall.recall * 10_000) / 10_000,
        [`index_${name}_expansion_search`]: recall.expansionSearch,
        [`index_${name}_build_seconds`]: Math.round(built.buildMs / 10) / 100,
      });
      ctx.log(`  ${name}: ${v.ids.length.toLocaleString('en')} items in ${ctx.config.indexShards} shards, built in ${(built.buildMs / 1000).toFixed(1)} s; recall@10 ${recall.recall.toFixed(4)} at expansion_search ${recall.expansionSearch} (floor ${ctx.config.recallFloor})`);
    }
  });
}
