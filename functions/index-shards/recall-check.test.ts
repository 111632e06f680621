import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShards } from './build-shards.js';
import { clusteredVectors } from './clustered-vectors.js';
import { RecallBelowFloorError } from './errors.js';
import { checkRecall, recallAtK, sampleRows, signalRows } from './recall-check.js';

const base = { n: 20_000, dims: 32, clusters: 50, seed: 1 };
const easy = clusteredVectors({ ...base, spread: 1 });
// Wide clusters overlap, so a narrow beam misses true neighbours.
const hard = clusteredVectors({ ...base, spread: 3 });
const hnsw = { shards: 4, metric: 'cos', connectivity: 16, expansionAdd: 64, buildThreads: 1 } as const;
let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'recall-'));
  await buildShards({ ...easy, dir: join(root, 'easy') }, { ...hnsw, expansionSearch: 16 });
  await buildShards({ ...hard, dir: join(root, 'hard') }, { ...hnsw, expansionSearch: 4 });
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('checkRecall', () => {
  it('meets the 0.95 floor at the built expansion on clustered data', async () => {
    const r = await checkRecall({ dir: join(root, 'easy'), ...easy }, { sampleQueries: 200, seed: 3 });
    expect(r.k).toBe(10);
    expect(r.queries).toBe(200);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.expansionSearch).toBe(16);
    expect(r.attempts).toHaveLength(1);
  });

  it('raises a too-small expansion_search by doubling until the floor is met', async () => {
    const r = await checkRecall({ dir: join(root, 'hard'), ...hard }, { sampleQueries: 200, seed: 3 });
    expect(r.attempts[0]).toMatchObject({ expansionSearch: 4 });
    expect(r.attempts[0]?.recall).toBeLessThan(0.95);
    expect(r.attempts.map((a) => a.expansionSearch)).toEqual([4, 8, 16, 32, 64, 128, 256].slice(0, r.attempts.length));
    expect(r.attempts.length).toBeGreaterThan(2);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.expansionSearch).toBe(r.attempts.at(-1)?.expansionSearch);
    // A wider beam never finds fewer true neighbours here.
    for (let i = 1; i < r.attempts.length; i++) expect(r.attempts[i]?.recall ?? 0).toBeGreaterThanOrEqual(r.attempts[i - 1]?.recall ?? 1);
  });

  it('fails with RecallBelowFloorError when the cap stops the tuning', async () => {
    const run = checkRecall({ dir: join(root, 'hard'), ...hard }, { sampleQueries: 200, seed: 3, expansionCap: 8 });
    await expect(run).rejects.toBeInstanceOf(RecallBelowFloorError);
    await expect(run).rejects.toMatchObject({ expansionSearch: 8, floor: 0.95 });
  });
});

describe('recall helpers', () => {
  it('samples distinct rows reproducibly', () => {
    const a = sampleRows(1000, 50, 9);
    expect(new Set(a).size).toBe(50);
    expect(sampleRows(1000, 50, 9)).toEqual(a);
    expect(sampleRows(1000, 50, 10)).not.toEqual(a);
    expect(sampleRows(3, 50, 9)).toEqual([0, 1, 2]);
  });

  const found = (...ids: [string, number][]) => ids.map(([id, score]) => ({ id, score }));
  it('counts hits over all queries', () => {
    const truth = [{ ids: ['a', 'b'], kthScore: 0.8 }, { ids: ['c', 'd'], kthScore: 0.5 }];
    expect(recallAtK([found(['a', 0.9], ['b', 0.8]), found(['x', 0.4], ['c', 0.6])], truth)).toBe(0.75);
  });

  it('counts an item tied with the exact k-th as found, never more than k per query', () => {
    const truth = [{ ids: ['a', 'b'], kthScore: 0.5 }];
    expect(recallAtK([found(['a', 0.9], ['z', 0.5])], truth)).toBe(1);
    expect(recallAtK([found(['a', 0.9], ['z', 0.49])], truth)).toBe(0.5);
    expect(recallAtK([found(['a', 0.9], ['b', 0.5], ['z', 0.5])], truth)).toBe(1);
  });

  it('samples queries only among vectors that carry signal', () => {
    const v = new Float32Array([1, 0, 0, 0, 1e-14, 0, 0, 2]);
    expect(signalRows(v, 2)).toEqual([0, 3]);
  });

  it('passes an ip index where many items sit at zero (items with no signal tie for every query)', async () => {
    const dims = 8;
    const n = 4000;
    const vectors = new Float32Array(n * dims);
    const ids = Array.from({ length: n }, (_, i) => `v${i}`);
    // The first 1000 items learnt something; the rest stayed at ~0, as ALS leaves items with no positives.
    for (let i = 0; i < n * dims; i++) vectors[i] = i < 1000 * dims ? Math.sin(i * 12.9898) : 1e-15;
    const dir = join(root, 'zeros');
    await buildShards({ ids, vectors, dims, dir }, { ...hnsw, metric: 'ip', expansionSearch: 64 });
    const r = await checkRecall({ dir, ids, vectors, dims }, { sampleQueries: 200, seed: 3 });
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
  });
});

it('finds signal rows in a catalogue too large to spread into one call', () => {
  const v = new Float32Array(300_000 * 2).fill(1);
  v[5] = 0;
  v[4] = 0;
  expect(signalRows(v, 2)).toHaveLength(299_999);
});
