// Publish and rollback against the real local KV/R2 (wrangler's getPlatformProxy over Miniflare).
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeList } from '../../models/candidates.js';
import { candidatesKey, MANIFEST_POINTER_KEY, manifestKey } from '../../models/keys.js';
import { rebuildConfig } from '../config.js';
import { HOUR, T0, view, writeWorld } from '../testing/tiny-world.js';
import { stageFixture } from './staged-fixture.js';
import { openPlatformStore, type ArtifactStore } from './artifact-store.js';
import { currentManifest, publishVersion, rollback } from './publish-version.js';
import { buildDir } from './staged-build.js';
import type { WorldFiles } from './world-files.js';

let store: ArtifactStore;
let files: WorldFiles;
const quiet = () => {};
const config = { ...rebuildConfig, publishConcurrency: 4 };

beforeAll(async () => {
  store = await openPlatformStore({ stateDir: mkdtempSync(join(tmpdir(), 'edgefeed-state-')) });
  files = await writeWorld([view('u1', 'a', T0), view('u2', 'b', T0 + HOUR), view('u2', 'd', T0 + 2 * HOUR)]);
});
afterAll(() => store?.close());

const stage = async (version: string) => {
  const users = { u1: ['b', 'c'], u2: ['a', 'c'] };
  const { dir, info } = await stageFixture(join(files.dir, 'build'), version, { users, trending: { global: ['a'], eu: ['a'], us: ['b'] } });
  return { dir, info, kvTtlSeconds: 3600, concurrency: config.publishConcurrency, log: quiet };
};

/** Injected fault: the store dies after `okWrites` KV writes, as a killed publish would. */
const dyingAfter = (okWrites: number): ArtifactStore => {
  let writes = 0;
  return {
    ...store,
    kvPut: async (...args) => {
      if (++writes > okWrites) throw new Error('injected: publisher killed');
      return store.kvPut(...args);
    },
  };
};

describe('publishVersion', () => {
  it('publishes lists under the version, then flips the pointer with sha256 and counts', async () => {
    const m = await publishVersion(store, await stage('v1'));
    expect(m.parent_version).toBeNull();
    expect(m.artifacts.candidates).toMatchObject({ store: 'kv', key: 'cand:v1:', count: 2 });
    expect(m.artifacts.trending!.count).toBe(3); // global, eu, us
    expect(m.artifacts.candidates!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const u1 = (await store.kvGet(candidatesKey('v1', 'u1')))!;
    const u2 = (await store.kvGet(candidatesKey('v1', 'u2')))!;
    expect(m.artifacts.candidates!.kv_value_bytes).toBe(u1.length + u2.length);
    expect((await currentManifest(store))!.version).toBe('v1');
    const list = decodeList((await store.kvGet(candidatesKey('v1', 'u1')))!);
    expect(list.items.map((i) => i.video_id)).not.toContain('a');
    expect(await store.r2Get('builds/v1/candidates.ndjson.gz')).not.toBeNull();
  });

  it('leaves the served version unchanged when a publish dies at any point before the flip', async () => {
    const staged = await stage('v2');
    for (const okWrites of [0, 1, 3, 5]) {
      await expect(publishVersion(dyingAfter(okWrites), staged)).rejects.toThrow('injected');
      expect((await currentManifest(store))!.version).toBe('v1');
    }
    const m = await publishVersion(store, staged);
    expect(m.parent_version).toBe('v1');
    expect((await currentManifest(store))!.version).toBe('v2');
  });

  it('rolls back to the parent, and refuses a version that is not there', async () => {
    expect(await rollback(store)).toEqual({ from: 'v2', to: 'v1' });
    expect((await currentManifest(store))!.version).toBe('v1');
    await expect(rollback(store, 'v9')).rejects.toThrow(/v9 is not in KV/);
    expect(await rollback(store, 'v2')).toEqual({ from: 'v1', to: 'v2' });
    expect(JSON.parse((await store.kvGet(MANIFEST_POINTER_KEY))!)).toEqual(JSON.parse((await store.kvGet(manifestKey('v2')))!));
  });

  it('publishes a model-only build as R2 files with sha256, carrying the lists over from the served version', async () => {
    const dir = buildDir(files, 'm1');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'ranker.onnx'), new Uint8Array([8, 1, 2, 3]));
    const info = { version: 'm1', created_at: new Date().toISOString(), complete: true as const, build: { job: 'test' }, files: { ranker: { file: 'ranker.onnx', content_type: 'application/octet-stream' } } };
    const m = await publishVersion(store, { dir, info, kvTtlSeconds: 3600, concurrency: 2, log: quiet });
    expect(m.parent_version).toBe('v2');
    expect(m.artifacts.ranker).toMatchObject({ store: 'r2', key: 'models/m1/ranker.onnx', bytes: 4 });
    expect(m.artifacts.ranker!.sha256).toBe(createHash('sha256').update(new Uint8Array([8, 1, 2, 3])).digest('hex'));
    expect(m.artifacts.candidates!.key).toBe('cand:v2:');
    expect(m.build.carried_over).toBe('candidates,trending');
    expect(Array.from((await store.r2Get('models/m1/ranker.onnx'))!)).toEqual([8, 1, 2, 3]);
  });
});
