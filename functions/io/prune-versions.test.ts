// Keeping N versions: older versions lose their R2 objects and KV manifest, unless a kept one reads them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidatesKey, manifestKey, manifestObjectKey } from '../../models/keys.js';
import { openPlatformStore, type ArtifactStore } from './artifact-store.js';
import { parentChain } from './prune-versions.js';
import { currentManifest, publishVersion, rollback } from './publish-version.js';
import { stageFixture, type FixtureBuild } from './staged-fixture.js';

const logged: string[] = [];
let store: ArtifactStore;
let root: string;

beforeAll(async () => {
  store = await openPlatformStore({ stateDir: mkdtempSync(join(tmpdir(), 'edgefeed-state-')) });
  root = mkdtempSync(join(tmpdir(), 'edgefeed-builds-'));
});
afterAll(() => store?.close());

const pub = async (version: string, b: FixtureBuild, keepVersions: number) =>
  publishVersion(store, { ...(await stageFixture(root, version, b)), kvTtlSeconds: 3600, concurrency: 4, keepVersions, log: (l) => logged.push(l) });
/** Which of a version's stored things are still there. */
const present = async (v: string) => ({
  manifest: (await store.kvGet(manifestKey(v))) !== null,
  r2Manifest: (await store.r2Get(manifestObjectKey(v))) !== null,
  build: (await store.r2List(`builds/${v}/`)).length,
  models: (await store.r2List(`models/${v}/`)).length,
  lists: (await store.kvGet(candidatesKey(v, 'u1'))) !== null,
});
const kept = { manifest: true, r2Manifest: true, build: 1, lists: true };
const gone = { manifest: false, r2Manifest: false, build: 0, models: 0, lists: true }; // lists expire by TTL

describe('pruneVersions after a publish', () => {
  it('keeps the newest versions of the chain and any older one a kept version still reads', async () => {
    await pub('p1', { users: { u1: ['a'] }, files: { ranker: { file: 'ranker.onnx', bytes: new Uint8Array([1]) } } }, 3);
    for (const v of ['p2', 'p3', 'p4', 'p5', 'p6']) await pub(v, { users: { u1: [v] } }, 3);
    expect((await parentChain(store, (await currentManifest(store))!)).map((m) => m.version)).toEqual(['p6', 'p5', 'p4']);
    // p1 stays whole: every kept version serves its ranker (models/p1/ranker.onnx, carried over).
    expect(await present('p1')).toEqual({ ...kept, models: 1 });
    expect(await present('p2')).toEqual(gone);
    expect(await present('p3')).toEqual(gone);
    expect(await present('p4')).toEqual({ ...kept, models: 0 });
    expect(logged).toContain('  pruned 1 old version(s): p3');
  });

  it('makes a rollback to a pruned version refuse, and one to a kept version work', async () => {
    await expect(rollback(store, 'p3')).rejects.toThrow('version p3 is not in KV (never published, or expired)');
    expect(await rollback(store)).toEqual({ from: 'p6', to: 'p5' });
    expect(await rollback(store, 'p6')).toEqual({ from: 'p5', to: 'p6' });
  });

  it('keeps the layers under a layered version', async () => {
    await pub('q1', { users: { u1: ['q'] }, layers_over: 'p6' }, 1);
    expect((await currentManifest(store))!.artifacts.candidates!.fallback_keys).toEqual(['cand:p6:']);
    expect(await present('p6')).toEqual({ ...kept, models: 0 });
    expect(await present('p5')).toEqual(gone);
    expect(await present('p4')).toEqual(gone);
    expect(await present('p1')).toEqual({ ...kept, models: 1 });
  });

  it('deletes an old version once no kept version reads it any more', async () => {
    await pub('r2', { files: { ranker: { file: 'ranker.onnx', bytes: new Uint8Array([2]) } } }, 1);
    expect(await present('p1')).toEqual(gone);
    expect(await present('q1')).toEqual({ ...kept, models: 0 }); // r2 serves q1's lists, over p6's
    expect(await present('p6')).toEqual({ ...kept, models: 0 });
  });
});
