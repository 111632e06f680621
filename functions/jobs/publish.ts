// Job: publish a staged build (the newest complete one unless --version names another) to KV/R2.
import { openPlatformStore, type ArtifactStore } from '../io/artifact-store.js';
import { publishVersion } from '../io/publish-version.js';
import { buildDir, latestCompleteBuild, pruneBuilds, readBuildInfo } from '../io/staged-build.js';
import type { WorldFiles } from '../io/world-files.js';
import type { RebuildConfig } from '../config.js';
import { PublishError } from '../errors.js';
import type { Manifest } from '../../models/schemas.js';

export type PublishJobOptions = {
  files: WorldFiles;
  config: RebuildConfig;
  version?: string;
  stateDir?: string;
  /** An already open store (tests, or a caller publishing several things); closed by its owner. */
  store?: ArtifactStore;
  log?: (l: string) => void;
};

export async function publish(o: PublishJobOptions): Promise<Manifest> {
  const version = o.version ?? latestCompleteBuild(o.files);
  if (!version) throw new PublishError(`no complete staged build under ${o.files.dir}/build: run \`npm run rebuild\``);
  const info = readBuildInfo(o.files, version);
  if (!info) throw new PublishError(`build ${version} is incomplete or missing (no valid build.json): rebuild it`);
  const store = o.store ?? (await openPlatformStore({ stateDir: o.stateDir }));
  try {
    const manifest = await publishVersion(store, {
      dir: buildDir(o.files, version),
      info,
      kvTtlSeconds: o.config.kvTtlSeconds,
      concurrency: o.config.publishConcurrency,
      maxLayers: o.config.maxLayers,
      keepVersions: o.config.keepVersions,
      log: o.log,
    });
    pruneBuilds(o.files, o.config.keepBuilds, version);
    return manifest;
  } finally {
    if (!o.store) await store.close();
  }
}
