// Publishes a catalogue-only build into a local KV/R2 state dir through the central publisher: the
// catalogue is staged under the rebuild's file name, sealed with the rebuild's list of whole files
// (stagedR2Files: it becomes the R2 artifact 'catalogue'), and publishVersion carries every other
// artifact of the served version over, as it does for a ranker-only build.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest, Video } from '../../models/schemas.js';
import { rebuildConfig } from '../../functions/config.js';
import { openPlatformStore } from '../../functions/io/artifact-store.js';
import { ndjsonWriter } from '../../functions/io/ndjson.js';
import { publishVersion } from '../../functions/io/publish-version.js';
import { sealBuild } from '../../functions/io/staged-build.js';
import { CATALOGUE_FILE } from '../../functions/jobs/stats.js';
import { stagedR2Files } from '../../functions/rebuild/seal.js';

export async function publishCatalogue(o: { version: string; videos: Video[]; buildRoot: string; stateDir: string }): Promise<Manifest> {
  const dir = join(o.buildRoot, o.version);
  mkdirSync(dir, { recursive: true });
  const w = ndjsonWriter(join(dir, CATALOGUE_FILE));
  for (const v of o.videos) await w.write(v);
  await w.close();
  const info = await sealBuild(dir, {
    version: o.version,
    created_at: new Date().toISOString(),
    build: { job: 'demo-catalogue', videos: o.videos.length },
    files: stagedR2Files(dir),
  });
  const store = await openPlatformStore({ stateDir: o.stateDir });
  try {
    return await publishVersion(store, { dir, info, kvTtlSeconds: rebuildConfig.kvTtlSeconds, concurrency: rebuildConfig.publishConcurrency, log: () => {} });
  } finally {
    await store.close();
  }
}
