// Layered KV artifacts: an incremental build writes only the entities that changed and names the older
// versions' prefixes to read through. Depth is bounded (each miss costs the edge one more KV read) and
// so is age (the oldest layer's entries expire with the TTL they were written with).
import { manifestKey } from '../../models/keys.js';
import { ManifestSchema, type Artifact, type Manifest } from '../../models/schemas.js';
import { PublishError } from '../errors.js';
import type { ArtifactStore } from './artifact-store.js';

export const DEFAULT_MAX_LAYERS = 4;

/** KV layers a read of `artifact` may touch (1 for a full build, 0 if not published in KV). */
export function layerDepth(manifest: Manifest | null, artifact: string): number {
  const a = manifest?.artifacts[artifact];
  return a?.store === 'kv' ? 1 + (a.fallback_keys?.length ?? 0) : 0;
}

/** The version a KV prefix (`cand:<v>:`) or R2 key (`models/<v>/...`) belongs to, or null. */
export function keyVersion(key: string): string | null {
  return /^[a-z]+:([0-9A-Za-z._-]+):$/.exec(key)?.[1] ?? /^models\/([0-9A-Za-z._-]+)\//.exec(key)?.[1] ?? null;
}

/** Every version whose entries an artifact reads: its own and those of its fallback layers. */
export const artifactVersions = (a: Artifact): string[] =>
  [a.key, ...(a.fallback_keys ?? [])].map(keyVersion).filter((v): v is string => v !== null);

export type LayerCheck = {
  version: string;
  layersOver: string;
  artifact: string;
  maxLayers: number;
  kvTtlSeconds: number;
  nowMs: number;
};

/**
 * A layered build was computed against `layersOver`: it is published only while that version's lists
 * are served (by it, or by a later model-only version that carried them over).
 */
export function checkLayerBase(served: Manifest | null, version: string, layersOver: string, artifact?: string): asserts served is Manifest {
  const servedLists = artifact && served?.artifacts[artifact] ? keyVersion(served.artifacts[artifact].key) : null;
  if (served?.version !== layersOver && servedLists !== layersOver) {
    throw new PublishError(`build ${version} layers over ${layersOver} but ${served?.version ?? 'nothing'} is served: rebuild it over the served version, or run a full rebuild`);
  }
}

/**
 * The fallback keys (newest first) of `artifact` in a build layered over `served`, or a PublishError
 * when layering would serve a different base, read too many layers, or outlive the oldest layer.
 */
export async function layerFallbacks(store: ArtifactStore, served: Manifest | null, o: LayerCheck): Promise<string[]> {
  const fullRebuild = 'run a full rebuild';
  checkLayerBase(served, o.version, o.layersOver, o.artifact);
  const below = served.artifacts[o.artifact];
  if (below?.store !== 'kv') throw new PublishError(`build ${o.version} layers ${o.artifact} over ${o.layersOver}, which has no ${o.artifact} in KV: ${fullRebuild}`);
  const fallbacks = [below.key, ...(below.fallback_keys ?? [])];
  if (fallbacks.length + 1 > o.maxLayers) {
    throw new PublishError(`build ${o.version} would make ${o.artifact} ${fallbacks.length + 1} layers deep (max ${o.maxLayers}): ${fullRebuild}`);
  }
  const oldest = fallbacks.at(-1)!;
  const oldestVersion = keyVersion(oldest);
  const raw = oldestVersion === null ? null : await store.kvGet(manifestKey(oldestVersion));
  if (raw === null) throw new PublishError(`the oldest layer ${oldest} of ${o.artifact} has no manifest in KV (expired or pruned): ${fullRebuild}`);
  const ageSeconds = (o.nowMs - Date.parse(ManifestSchema.parse(JSON.parse(raw)).created_at)) / 1000;
  // Its KV entries expire kvTtlSeconds after they were written; half the TTL leaves time for a full run.
  if (ageSeconds > o.kvTtlSeconds / 2) {
    const hours = (s: number) => `${(s / 3600).toFixed(1)} h`;
    throw new PublishError(
      `the oldest layer ${oldest} of ${o.artifact} is ${hours(ageSeconds)} old, over half the KV TTL (${hours(o.kvTtlSeconds)}); its entries would expire while served: ${fullRebuild}`,
    );
  }
  return fallbacks;
}
