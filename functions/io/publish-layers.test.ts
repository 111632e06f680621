// Layered (incremental) list publishing against the real local KV/R2: fallback keys, depth and age limits.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidatesKey } from '../../models/keys.js';
import { openPlatformStore, type ArtifactStore } from './artifact-store.js';
import { keyVersion, layerDepth } from './layers.js';
import { currentManifest, publishVersion, type PublishOptions } from './publish-version.js';
import { stageFixture, type FixtureBuild } from './staged-fixture.js';

const quiet = () => {};
const TTL_SECONDS = 7 * 24 * 3600;
let store: ArtifactStore;
let root: string;

beforeAll(async () => {
  store = await openPlatformStore({ stateDir: mkdtempSync(join(tmpdir(), 'edgefeed-state-')) });
  root = mkdtempSync(join(tmpdir(), 'edgefeed-builds-'));
});
afterAll(() => store?.close());

const pub = async (version: string, b: FixtureBuild, o: Partial<PublishOptions> = {}) =>
  publishVersion(store, { ...(await stageFixture(root, version, b)), kvTtlSeconds: TTL_SECONDS, concurrency: 4, log: quiet, ...o });
const served = async () => (await currentManifest(store))!.version;

describe('layered publishing', () => {
  it('reads versions from keys, and refuses a layer when nothing is served', async () => {
    expect([keyVersion('cand:v1:'), keyVersion('models/m-2/ranker.onnx'), keyVersion('cand:v1:u1')]).toEqual(['v1', 'm-2', null]);
    await expect(pub('x0', { users: { u1: ['a'] }, layers_over: 'v0' })).rejects.toThrow('build x0 layers over v0 but nothing is served');
  });

  it('layers only the candidates over the served version, newest layer first', async () => {
    const full = await pub('v1', { users: { u1: ['a'], u2: ['b'], u3: ['c'] }, trending: { global: ['a'] } });
    expect(layerDepth(full, 'candidates')).toBe(1);
    expect(full.artifacts.candidates!.fallback_keys).toBeUndefined();
    const v2 = await pub('v2', { users: { u1: ['a2'] }, trending: { global: ['a2'] }, layers_over: 'v1' });
    expect(v2.artifacts.candidates).toMatchObject({ key: 'cand:v2:', count: 1, fallback_keys: ['cand:v1:'] });
    expect(v2.artifacts.trending!.fallback_keys).toBeUndefined();
    const v3 = await pub('v3', { users: { u2: ['b3'] }, layers_over: 'v2' });
    expect(v3.artifacts.candidates!.fallback_keys).toEqual(['cand:v2:', 'cand:v1:']);
    expect([layerDepth(v3, 'candidates'), layerDepth(v3, 'trending'), layerDepth(v3, 'ranker'), layerDepth(null, 'candidates')]).toEqual([3, 1, 0, 0]);
    // A model-only build carries the layered lists over unchanged.
    const m = await pub('m3', { files: { ranker: { file: 'ranker.onnx', bytes: new Uint8Array([1, 2]) } } });
    expect(m.artifacts.candidates).toEqual(v3.artifacts.candidates);
    expect(await store.kvGet(candidatesKey('v2', 'u1'))).not.toBeNull();
  });

  it('refuses a layer over a version that is no longer served, before writing anything', async () => {
    await expect(pub('late', { users: { u1: ['z'] }, layers_over: 'v3' })).rejects.toThrow(
      'build late layers over v3 but m3 is served: rebuild it over the served version, or run a full rebuild',
    );
    expect(await store.kvGet(candidatesKey('late', 'u1'))).toBeNull();
    expect(await served()).toBe('m3');
  });

  it('refuses a chain deeper than maxLayers', async () => {
    await expect(pub('v4', { users: { u3: ['c4'] }, layers_over: 'm3' }, { maxLayers: 3 })).rejects.toThrow(
      'build v4 would make candidates 4 layers deep (max 3): run a full rebuild',
    );
    const v4 = await pub('v4', { users: { u3: ['c4'] }, layers_over: 'm3' });
    expect(layerDepth(v4, 'candidates')).toBe(4);
    await expect(pub('v5', { users: { u3: ['c5'] }, layers_over: 'v4' })).rejects.toThrow('5 layers deep (max 4)');
    expect(await served()).toBe('v4');
  });

  it('refuses a layer once its oldest layer is older than half the KV TTL', async () => {
    const f1 = await pub('f1', { users: { u1: ['f'] } });
    const halfTtlMs = (TTL_SECONDS / 2) * 1000;
    const createdMs = Date.parse(f1.created_at);
    await expect(pub('g1', { users: { u1: ['g'] }, layers_over: 'f1' }, { nowMs: createdMs + halfTtlMs + 60_000 })).rejects.toThrow(
      /the oldest layer cand:f1: of candidates is 84\.0 h old, over half the KV TTL \(168\.0 h\); .*: run a full rebuild/,
    );
    const g1 = await pub('g1', { users: { u1: ['g'] }, layers_over: 'f1' }, { nowMs: createdMs + halfTtlMs - 60_000 });
    expect(g1.artifacts.candidates!.fallback_keys).toEqual(['cand:f1:']);
  });
});
