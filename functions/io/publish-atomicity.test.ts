// A publish process killed mid-way, a build never marked complete, and staged bytes changed after
// sealing: each leaves the served version as it was. Real KV/R2 through getPlatformProxy, as the jobs use.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidatesKey, manifestKey } from '../../models/keys.js';
import { rebuildConfig } from '../config.js';
import { publish } from '../jobs/publish.js';
import { openPlatformStore, type ArtifactStore } from './artifact-store.js';
import { currentManifest, publishVersion, rollback } from './publish-version.js';
import { stageFixture } from './staged-fixture.js';
import { buildsDir, latestCompleteBuild, type BuildInfo } from './staged-build.js';
import { worldFiles, type WorldFiles } from './world-files.js';

const quiet = () => {};
const config = { ...rebuildConfig, publishConcurrency: 8 };
// Local Miniflare KV takes about 50 writes/s here, so this many lists keep a publish writing for seconds.
const USERS = 200;
const userId = (i: number) => `u${String(i).padStart(4, '0')}`;
let store: ArtifactStore;
let stateDir: string;
let files: WorldFiles;
let scratch: string;

const opts = (s: { dir: string; info: BuildInfo }) => ({ ...s, kvTtlSeconds: 3600, concurrency: 4, log: quiet });

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'edgefeed-state-'));
  store = await openPlatformStore({ stateDir });
  files = worldFiles(mkdtempSync(join(tmpdir(), 'edgefeed-world-')));
  scratch = mkdtempSync(join(tmpdir(), 'edgefeed-builds-'));
  for (const v of ['a1', 'a2']) await publishVersion(store, opts(await stageFixture(scratch, v, { users: { u1: [`${v}-x`] } })));
});
afterAll(() => store?.close());

describe('publish atomicity', () => {
  it('a publish process killed while writing KV leaves the old version served; a re-run publishes', async () => {
    const users = Object.fromEntries(Array.from({ length: USERS }, (_, i) => [userId(i), ['x', 'y']]));
    await stageFixture(buildsDir(files), 'b1', { users });
    // `npx tsx` without npx's own start-up; its own process group, so the kill reaches tsx's node
    // process and its workerd too. Most of this test's time is the job's start-up (imports, workerd).
    const child = spawn('node_modules/.bin/tsx', ['functions/run.ts', 'publish', '--data', files.dir, '--state', stateDir], { detached: true, stdio: 'ignore' });
    const exited = once(child, 'exit');
    const deadline = Date.now() + 30_000;
    while ((await store.kvGet(candidatesKey('b1', userId(0)))) === null) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`publish exited (${child.exitCode}) or stalled before writing a list`);
      await sleep(10);
    }
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    expect(await store.kvGet(candidatesKey('b1', userId(USERS - 1)))).toBeNull(); // it really died mid-way
    expect((await currentManifest(store))!.version).toBe('a2');
    expect(await store.kvGet(manifestKey('b1'))).toBeNull();
    expect(await rollback(store)).toEqual({ from: 'a2', to: 'a1' });
    expect(await rollback(store, 'a2')).toEqual({ from: 'a1', to: 'a2' });

    const m = await publish({ files, config, store, log: quiet });
    expect(m).toMatchObject({ version: 'b1', parent_version: 'a2' });
    expect(m.artifacts.candidates!.count).toBe(USERS);
    expect(await store.kvGet(candidatesKey('b1', userId(USERS - 1)))).not.toBeNull();
    expect((await currentManifest(store))!.version).toBe('b1');
  }, 60_000);

  it('refuses a staged build never marked complete, and never serves it', async () => {
    const { dir, info } = await stageFixture(buildsDir(files), 'c1', { users: { u1: ['c-x'] } });
    const { complete: _, ...unfinished } = info;
    writeFileSync(join(dir, 'build.json'), JSON.stringify(unfinished));
    expect(latestCompleteBuild(files)).toBe('b1');
    await expect(publish({ files, config, version: 'c1', store, log: quiet })).rejects.toThrow('build c1 is incomplete or missing');
    await expect(publishVersion(store, opts({ dir, info: unfinished as BuildInfo }))).rejects.toThrow('build c1 in');
    await expect(publishVersion(store, opts({ dir, info: unfinished as BuildInfo }))).rejects.toThrow('is not marked complete');
    expect((await currentManifest(store))!.version).toBe('b1');
    expect(await store.kvGet(candidatesKey('c1', 'u1'))).toBeNull();
  });

  it('refuses staged files that changed after sealing, naming the file, before writing anything', async () => {
    const ranker = new Uint8Array([8, 1, 2, 3]);
    const staged = await stageFixture(scratch, 'd1', { users: { u1: ['d-x'] }, files: { ranker: { file: 'ranker.onnx', bytes: ranker } } });
    const rankerPath = join(staged.dir, 'ranker.onnx');
    const listPath = join(staged.dir, 'candidates.ndjson.gz');
    const sealedList = readFileSync(listPath);

    writeFileSync(rankerPath, new Uint8Array([8, 1, 2, 4]));
    await expect(publishVersion(store, opts(staged))).rejects.toThrow(/staged file ranker\.onnx has sha256 [0-9a-f]{64} but build\.json sealed [0-9a-f]{64}/);
    writeFileSync(rankerPath, ranker);
    // A second gzip member is still a valid list file: one more user slipped in after staging.
    appendFileSync(listPath, gzipSync('{"key":"intruder","version":"d1","generated_at":0,"items":[]}\n'));
    await expect(publishVersion(store, opts(staged))).rejects.toThrow(/staged file candidates\.ndjson\.gz has sha256/);
    writeFileSync(listPath, sealedList);
    writeFileSync(join(staged.dir, 'trending.ndjson.gz'), gzipSync('{"key":"global","version":"d1","generated_at":0,"items":[]}\n'));
    await expect(publishVersion(store, opts(staged))).rejects.toThrow("trending.ndjson.gz is not in build.json's sealed lists");
    expect(await store.kvGet(candidatesKey('d1', 'u1'))).toBeNull();
    expect(await store.r2Get('models/d1/ranker.onnx')).toBeNull();
    expect((await currentManifest(store))!.version).toBe('b1');

    rmSync(join(staged.dir, 'trending.ndjson.gz'));
    const m = await publishVersion(store, opts(staged));
    expect(m.artifacts.ranker!.sha256).toBe(staged.info.files!.ranker!.sha256);
    expect(m.artifacts.candidates!.sha256).toBe(staged.info.lists!.candidates!.sha256);
  });
});
