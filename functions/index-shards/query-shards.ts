// Opens a saved shard set by memory-mapping (usearch `view`) and answers top-k over all shards,
// returning string ids with scores.
import { join } from 'node:path';
import { ShardFileError } from './errors.js';
import { type HnswParams, viewHnswIndex } from './hnsw-index.js';
import { type OpenShard, type ScoredId, searchShards } from './merge-top-k.js';
import { indexFile, readIds, readManifest, type ShardSetManifest } from './shard-files.js';

export type { ScoredId } from './merge-top-k.js';
export type ShardSet = {
  name: 'IndexShards';
  manifest: ShardSetManifest;
  expansionSearch: number;
  /** Per-shard time to memory-map the index and read its id map. */
  loadMs: number[];
  /** Top-k for each query of a flat n×dims batch. */
  search(queries: Float32Array, k: number): ScoredId[][];
};

/** `expansionSearch` overrides the built value: it is a search-time setting, not part of the file. */
export const openShards = async (dir: string, opts: { expansionSearch?: number } = {}): Promise<ShardSet> => {
  const manifest = await readManifest(dir);
  const params: HnswParams = { ...manifest.params, expansionSearch: opts.expansionSearch ?? manifest.params.expansionSearch };
  const open: OpenShard[] = [];
  const loadMs: number[] = [];
  for (const s of manifest.shards) {
    if (s.items === 0) continue;
    const started = performance.now();
    const path = join(dir, indexFile(s.shard));
    const index = (() => {
      try {
        return viewHnswIndex(path, manifest.dims, params);
      } catch (err) {
        throw new ShardFileError(`cannot memory-map ${path}: ${String(err)}`);
      }
    })();
    if (index.size() !== s.items) throw new ShardFileError(`${indexFile(s.shard)} holds ${index.size()} items, manifest says ${s.items}`);
    open.push({ shard: s.shard, index, ids: await readIds(dir, s.shard, s.items) });
    loadMs.push(performance.now() - started);
  }
  return {
    name: 'IndexShards',
    manifest,
    expansionSearch: params.expansionSearch,
    loadMs,
    search: (queries, k) => searchShards(open, manifest.dims, queries, k),
  };
};
