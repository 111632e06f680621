// Builds one HNSW index per shard (ids assigned by shardOf) and saves it with its id map and a
// manifest carrying sizes and sha256, so a publisher can verify what it uploads.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IndexShardError } from './errors.js';
import { addRows, type HnswParams, newHnswIndex } from './hnsw-index.js';
import type { OpenShard } from './merge-top-k.js';
import { type FileInfo, idsFile, indexFile, MANIFEST_FILE, type ShardSetManifest } from './shard-files.js';
import { sha256OfFile } from '../io/sha256.js';
import { shardOf } from './shard-of.js';

export type BuildShardsInput = { ids: string[]; vectors: Float32Array; dims: number };
/** buildThreads: 0 = all cores (fast, graph varies run to run); 1 = reproducible files. */
export type BuildShardsOptions = HnswParams & { shards: number; buildThreads?: number };
export type BuiltShards = { dims: number; params: HnswParams; shards: OpenShard[] };
export type BuildShardsSummary = ShardSetManifest & { buildMs: number; saveMs: number };

/** Row numbers of each shard, in input order (a shard's key i is its i-th row). */
export const partitionRows = (ids: string[], shards: number): number[][] => {
  const rows: number[][] = Array.from({ length: shards }, () => []);
  ids.forEach((id, row) => rows[shardOf(id, shards)]?.push(row));
  return rows;
};

/** Copies the chosen rows into one fresh, contiguous n×dims buffer. */
export const gatherRows = (vectors: Float32Array, dims: number, rows: number[]): Float32Array => {
  const out = new Float32Array(rows.length * dims);
  rows.forEach((row, i) => out.set(vectors.subarray(row * dims, row * dims + dims), i * dims));
  return out;
};

/** The in-memory indexes, one per shard (also what the reload test compares against). */
export const buildShardIndexes = ({ ids, vectors, dims }: BuildShardsInput, opts: BuildShardsOptions): BuiltShards => {
  if (vectors.length !== ids.length * dims) throw new IndexShardError(`vectors hold ${vectors.length} floats, expected ${ids.length}×${dims}`);
  if (new Set(ids).size !== ids.length) throw new IndexShardError('duplicate item ids');
  const { shards: shardCount, buildThreads = 0, ...params } = opts;
  const shards = partitionRows(ids, shardCount).map((rows, shard): OpenShard => {
    const index = newHnswIndex(dims, params);
    if (rows.length > 0) addRows(index, gatherRows(vectors, dims, rows), dims, buildThreads);
    return { shard, index, ids: rows.map((r) => ids[r] as string) };
  });
  return { dims, params, shards };
};

const fileInfo = async (dir: string, file: string): Promise<FileInfo> => {
  const path = join(dir, file);
  return { file, bytes: (await stat(path)).size, sha256: await sha256OfFile(path) };
};

export const saveShards = async (built: BuiltShards, dir: string): Promise<ShardSetManifest> => {
  await mkdir(dir, { recursive: true });
  const shards: ShardSetManifest['shards'] = [];
  for (const { shard, index, ids } of built.shards) {
    index.save(join(dir, indexFile(shard)));
    await writeFile(join(dir, idsFile(shard)), JSON.stringify(ids));
    shards.push({ shard, items: ids.length, index: await fileInfo(dir, indexFile(shard)), ids: await fileInfo(dir, idsFile(shard)) });
  }
  const itemCount = shards.reduce((sum, s) => sum + s.items, 0);
  const manifest: ShardSetManifest = { dims: built.dims, itemCount, params: built.params, shards };
  await writeFile(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  return manifest;
};

export const buildShards = async (input: BuildShardsInput & { dir: string }, opts: BuildShardsOptions): Promise<BuildShardsSummary> => {
  const started = performance.now();
  const built = buildShardIndexes(input, opts);
  const buildMs = performance.now() - started;
  const manifest = await saveShards(built, input.dir);
  return { ...manifest, buildMs, saveMs: performance.now() - started - buildMs };
};
