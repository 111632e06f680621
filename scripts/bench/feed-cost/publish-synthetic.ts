// Puts the benchmark's version into a local KV/R2 state dir through the central publisher itself: the
// lists and the light model are staged and sealed as a build would (sealBuild), then publishVersion
// writes the versioned KV keys, the R2 model and manifest, and flips `manifest:current` last.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RankedList } from '../../../models/candidates.js';
import { exportLight } from '../../../models/light-ranker/export-onnx.js';
import type { LightWeights } from '../../../models/light-ranker/weights.js';
import type { Manifest } from '../../../models/schemas.js';
import { rebuildConfig } from '../../../functions/config.js';
import { openPlatformStore } from '../../../functions/io/artifact-store.js';
import { publishVersion } from '../../../functions/io/publish-version.js';
import { KV_LIST_ARTIFACTS, sealBuild } from '../../../functions/io/staged-build.js';
import { listWriter } from '../../../functions/io/staged-lists.js';
import { RANKER_FILES } from '../../../functions/ranker/staged-model.js';
import type { SyntheticLists } from './synthetic-lists.js';

export type PublishedSynthetic = { manifest: Manifest; lightModelBytes: number };

async function stageLists(path: string, lists: RankedList[]): Promise<void> {
  const w = listWriter(path);
  for (const list of lists) await w.write(list);
  await w.close();
}

/** Stages `lists` and the light model under `buildRoot/<version>/`, then publishes into `stateDir`. */
export async function publishSynthetic(o: {
  version: string;
  lists: SyntheticLists;
  lightWeights: LightWeights;
  buildRoot: string;
  stateDir: string;
}): Promise<PublishedSynthetic> {
  const dir = join(o.buildRoot, o.version);
  mkdirSync(dir, { recursive: true });
  await stageLists(join(dir, KV_LIST_ARTIFACTS.candidates.file), o.lists.candidates);
  await stageLists(join(dir, KV_LIST_ARTIFACTS.trending.file), o.lists.trending);
  await stageLists(join(dir, KV_LIST_ARTIFACTS.fresh.file), [o.lists.fresh]);
  const light = RANKER_FILES.light_ranker_onnx;
  const onnx = exportLight(o.lightWeights, { modelVersion: o.version });
  writeFileSync(join(dir, light.file), onnx);
  const info = await sealBuild(dir, {
    version: o.version,
    created_at: new Date().toISOString(),
    build: { job: 'bench-feed-cost', users_with_lists: o.lists.candidates.length },
    files: { light_ranker_onnx: light },
  });
  const store = await openPlatformStore({ stateDir: o.stateDir });
  try {
    const manifest = await publishVersion(store, {
      dir,
      info,
      kvTtlSeconds: rebuildConfig.kvTtlSeconds,
      concurrency: rebuildConfig.publishConcurrency,
      log: () => {},
    });
    return { manifest, lightModelBytes: onnx.length };
  } finally {
    await store.close();
  }
}
