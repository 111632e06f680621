// One loaded R2 artifact per isolate (a model session, a decoded catalogue): the first caller starts
// the load, everyone else awaits the same promise. Keyed by the artifact's R2 key and sha256, so a
// later manifest that carries the same bytes over reuses what is loaded. A failed load is kept for
// `retryAfterMs` (a bad artifact is not refetched on every request), then retried. At most
// `maxEntries` live; the oldest goes (and is released) when a newer one is added.
import type { Artifact, Manifest } from '../../models/schemas.js';

export type ArtifactCache<T, B> = {
  /** The manifest's artifact, loading it on first use; rejects with whatever `artifactOf` or `load` throws. */
  get(manifest: Manifest, bucket: B): Promise<T>;
  /** Loads started in this cache. */
  readonly loads: number;
  readonly size: number;
};

export type ArtifactCacheOptions<T, B> = {
  artifactOf(manifest: Manifest): Artifact;
  load(artifact: Artifact, bucket: B): Promise<T>;
  /** Frees an evicted value (a request still using it must cope). */
  release?(value: T): unknown;
  retryAfterMs: number;
  maxEntries: number;
  clockMs?: () => number;
};

type Entry<T> = { value: Promise<T>; failedAtMs: number | null };

export function artifactCache<T, B>(o: ArtifactCacheOptions<T, B>): ArtifactCache<T, B> {
  const clockMs = o.clockMs ?? Date.now;
  const entries = new Map<string, Entry<T>>(); // insertion order = load order
  let loads = 0;
  const evictOldest = () => {
    const [key, entry] = entries.entries().next().value!;
    entries.delete(key);
    if (o.release) entry.value.then((v) => o.release!(v)).catch(() => {});
  };
  return {
    get(manifest, bucket) {
      let artifact: Artifact;
      try {
        artifact = o.artifactOf(manifest);
      } catch (err) {
        return Promise.reject(err);
      }
      const id = `${artifact.key}#${artifact.sha256}`;
      const cached = entries.get(id);
      if (cached && (cached.failedAtMs === null || clockMs() - cached.failedAtMs < o.retryAfterMs)) return cached.value;
      entries.delete(id);
      while (entries.size >= o.maxEntries) evictOldest();
      loads++;
      const entry: Entry<T> = { value: o.load(artifact, bucket), failedAtMs: null };
      entry.value.catch(() => (entry.failedAtMs = clockMs()));
      entries.set(id, entry);
      return entry.value;
    },
    get loads() {
      return loads;
    },
    get size() {
      return entries.size;
    },
  };
}

/** Hex sha256 of bytes, as the manifest records it. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
