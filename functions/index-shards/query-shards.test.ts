import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bruteForceTopK } from './brute-force.testutil.js';
import { buildShards } from './build-shards.js';
import { clusteredVectors } from './clustered-vectors.js';
import { ShardFileError } from './errors.js';
import { mergeTopK } from './merge-top-k.js';
import { openShards } from './query-shards.js';
import { idsFile, indexFile } from './shard-files.js';

// Easy case: few items, overlapping clusters (a connected graph) and a beam wider than any shard,
// so the HNSW search visits every item and must be exact.
const set = clusteredVectors({ n: 2_000, dims: 16, clusters: 10, spread: 3, seed: 5 });
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'query-shards-'));
  await buildShards({ ...set, dir }, { shards: 4, metric: 'ip', connectivity: 16, expansionAdd: 128, expansionSearch: 1024, buildThreads: 1 });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('openShards', () => {
  it('merges per-shard top-k into the brute-force top-k over all items', async () => {
    const shards = await openShards(dir);
    const queries = clusteredVectors({ n: 50, dims: 16, clusters: 10, spread: 3, seed: 99 }).vectors;
    const got = shards.search(queries, 10);
    got.forEach((list, q) => {
      const truth = bruteForceTopK(set.vectors, 16, queries.subarray(q * 16, q * 16 + 16), 10);
      expect(list.map((s) => s.id)).toEqual(truth.map((t) => set.ids[t.row]));
      list.forEach((s, j) => expect(s.score).toBeCloseTo(truth[j]?.dot ?? Number.NaN, 4));
    });
  });

  it('answers a single query with k larger than the item count, best first', async () => {
    const shards = await openShards(dir);
    const [one, ...rest] = shards.search(set.vectors.slice(0, 16), 5000);
    expect(rest).toHaveLength(0);
    // HNSW can leave a few nodes without incoming edges, so "everything" is nearly all 2000 items.
    expect(one?.length).toBeGreaterThan(1_900);
    expect(one?.length).toBeLessThanOrEqual(2_000);
    expect(new Set(one?.map((s) => s.id)).size).toBe(one?.length);
    expect(one?.[0]?.id).toBe(set.ids[0]);
    one?.forEach((s, i) => i > 0 && expect(s.score).toBeLessThanOrEqual(one[i - 1]?.score ?? Number.NaN));
  });

  it('fails loudly when an id map disagrees with the manifest or an index file is missing', async () => {
    await writeFile(join(dir, idsFile(2)), JSON.stringify(['only-one']));
    await expect(openShards(dir)).rejects.toBeInstanceOf(ShardFileError);
    await unlink(join(dir, indexFile(1)));
    await expect(openShards(dir)).rejects.toThrow(/cannot memory-map .*shard-1\.usearch/);
    await expect(openShards(join(dir, 'nowhere'))).rejects.toBeInstanceOf(ShardFileError);
  });
});

describe('mergeTopK', () => {
  it('orders by distance across shards and maps rows to ids', () => {
    const merged = mergeTopK(
      [
        { ids: ['a', 'b'], found: { rows: [1, 0], distances: [0.1, 0.5] } },
        { ids: ['c'], found: { rows: [0], distances: [0.2] } },
      ],
      2,
    );
    expect(merged.map((m) => m.id)).toEqual(['b', 'c']);
    expect(merged[0]?.score).toBeCloseTo(0.9, 6);
  });
});
