// After a publish, only the newest `keep` versions of the parent chain stay restorable. Older ones lose
// their R2 objects and their `manifest:<v>` key (so a rollback to them refuses); their KV lists are
// left to expire with their TTL, since KV has no prefix delete and a key-by-key sweep costs more.
import { manifestKey, manifestObjectKey } from '../../models/keys.js';
import { ManifestSchema, type Manifest } from '../../models/schemas.js';
import type { ArtifactStore } from './artifact-store.js';
import { artifactVersions } from './layers.js';

export const DEFAULT_KEEP_VERSIONS = 5;

/** `from` and its ancestors, newest first, as far as their manifests are still in KV. */
export async function parentChain(store: ArtifactStore, from: Manifest): Promise<Manifest[]> {
  const chain = [from];
  const seen = new Set([from.version]);
  for (let v = from.parent_version; v !== null && !seen.has(v); ) {
    const raw = await store.kvGet(manifestKey(v));
    if (raw === null) break;
    const m = ManifestSchema.parse(JSON.parse(raw));
    chain.push(m);
    seen.add(v);
    v = m.parent_version;
  }
  return chain;
}

const readsFrom = (m: Manifest) => Object.values(m.artifacts).flatMap(artifactVersions);

/** Deletes the versions past the newest `keep` in `current`'s chain; returns them. */
export async function pruneVersions(store: ArtifactStore, current: Manifest, keep: number): Promise<string[]> {
  const chain = await parentChain(store, current);
  const kept = chain.slice(0, keep);
  const past = chain.slice(keep);
  // A kept version may still read an older one (carried-over models, the layers under its lists): that
  // one stays. What a pruned manifest read is considered too, since the chain walk will not reach it again.
  const inUse = new Set([...kept.map((m) => m.version), ...kept.flatMap(readsFrom)]);
  const old = [...new Set([...past.map((m) => m.version), ...past.flatMap(readsFrom)])].filter((v) => !inUse.has(v));
  for (const v of old) {
    // The KV manifest goes first: interrupted here, a version is unrestorable rather than half-deleted.
    await store.kvDelete(manifestKey(v));
    const objects = [...(await store.r2List(`models/${v}/`)), ...(await store.r2List(`builds/${v}/`)), manifestObjectKey(v)];
    await store.r2Delete(objects);
  }
  return old;
}
