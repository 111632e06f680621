import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShardIndexes, buildShards, type BuildShardsOptions, saveShards } from './build-shards.js';
import { clusteredVectors } from './clustered-vectors.js';
import { IndexShardError } from './errors.js';
import { searchShards } from './merge-top-k.js';
import { openShards } from './query-shards.js';
import { MANIFEST_FILE, type ShardSetManifest } from './shard-files.js';
import { shardOf } from './shard-of.js';

const set = clusteredVectors({ n: 20_000, dims: 32, clusters: 50, spread: 1, seed: 1 });
const opts: BuildShardsOptions = { shards: 4, metric: 'cos', connectivity: 16, expansionAdd: 64, expansionSearch: 32 };
const queries = set.vectors.slice(0, 200 * set.dims);
let dir = '';
let manifest: ShardSetManifest;
let before: ReturnType<typeof searchShards>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'index-shards-'));
  const built = buildShardIndexes(set, opts);
  before = searchShards(built.shards, set.dims, queries, 10);
  manifest = await saveShards(built, dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('buildShards', () => {
  it('puts every id in exactly one shard: the one shardOf names', async () => {
    const seen = new Map<string, number>();
    for (const s of manifest.shards) {
      const ids = JSON.parse(await readFile(join(dir, s.ids.file), 'utf8')) as string[];
      expect(ids).toHaveLength(s.items);
      for (const id of ids) {
        expect(seen.has(id)).toBe(false);
        seen.set(id, s.shard);
        expect(shardOf(id, 4)).toBe(s.shard);
      }
    }
    expect(seen.size).toBe(set.ids.length);
    expect(manifest.itemCount).toBe(20_000);
    for (const s of manifest.shards) expect(s.items).toBeGreaterThan(4_000);
  });

  it('records the size and sha256 of every file it wrote', async () => {
    const saved = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as ShardSetManifest;
    expect(saved).toEqual(manifest);
    for (const s of manifest.shards) {
      for (const f of [s.index, s.ids]) {
        const bytes = await readFile(join(dir, f.file));
        expect(f.bytes).toBe(bytes.length);
        expect(f.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      }
      // 32 float32 per item at least, plus the graph.
      expect(s.index.bytes).toBeGreaterThan(s.items * 32 * 4);
    }
  });

  it('reloads by view and answers exactly as the in-memory indexes did', async () => {
    const shards = await openShards(dir);
    expect(shards.loadMs).toHaveLength(4);
    const after = shards.search(queries, 10);
    expect(after).toEqual(before);
    // Each query vector is an item, so HNSW should almost always return it first (it is approximate).
    const selfFirst = after.filter((list, q) => list[0]?.id === set.ids[q]).length;
    expect(selfFirst / after.length).toBeGreaterThanOrEqual(0.95);
    expect(after.every((list) => list.length === 10)).toBe(true);
  });

  it('writes byte-identical files on a single-threaded rebuild', async () => {
    const small = clusteredVectors({ n: 3_000, dims: 8, clusters: 5, spread: 1, seed: 4 });
    const [a, b] = await Promise.all(['a', 'b'].map((name) => buildShards({ ...small, dir: join(dir, name) }, { ...opts, buildThreads: 1 })));
    expect(a?.shards.map((s) => s.index.sha256)).toEqual(b?.shards.map((s) => s.index.sha256));
    expect(a?.buildMs).toBeGreaterThan(0);
  });

  it('refuses duplicate ids and mis-sized vectors', () => {
    expect(() => buildShardIndexes({ ids: ['a', 'a'], vectors: new Float32Array(4), dims: 2 }, opts)).toThrow(IndexShardError);
    expect(() => buildShardIndexes({ ids: ['a', 'b'], vectors: new Float32Array(3), dims: 2 }, opts)).toThrow(IndexShardError);
  });
});
