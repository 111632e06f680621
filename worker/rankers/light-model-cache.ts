// One light-model session per isolate per model: the first caller starts the load, everyone else
// awaits the same promise. Keyed by the artifact's R2 key and sha256 (the model's identity), so a
// later manifest that carries the same model over reuses the session instead of loading it again.
// A failed load is kept for `retryAfterMs` (so a bad model is not refetched on every request), then
// retried. At most `maxModels` sessions live; the oldest is released when a newer one is added.
import type { Manifest } from '../../models/schemas.js';
import { lightArtifact, loadLightModel, type ArtifactBucket, type LightModel } from './light-model.js';

export const LIGHT_RETRY_AFTER_MS = 30_000;
/** The served model and the one before it, so requests still on the previous manifest keep scoring. */
export const LIGHT_MAX_MODELS = 2;

export type LightModelCacheOptions = { retryAfterMs?: number; maxModels?: number; clockMs?: () => number };

export type LightModelCache = {
  /** The session for the manifest's light model, loading it on first use. Rejects with a LightScoringError. */
  get(manifest: Manifest, bucket: ArtifactBucket): Promise<LightModel>;
  /** Loads started in this cache (a measure of how often the isolate built a session). */
  readonly loads: number;
  readonly size: number;
};

type Entry = { model: Promise<LightModel>; failedAtMs: number | null };

export function createLightModelCache(opts: LightModelCacheOptions = {}): LightModelCache {
  const retryAfterMs = opts.retryAfterMs ?? LIGHT_RETRY_AFTER_MS;
  const maxModels = opts.maxModels ?? LIGHT_MAX_MODELS;
  const clockMs = opts.clockMs ?? Date.now;
  const entries = new Map<string, Entry>(); // insertion order = load order
  let loads = 0;

  const evictOldest = () => {
    const [key, entry] = entries.entries().next().value!;
    entries.delete(key);
    // A request still running on it fails with LightModelRunError and falls back to the heavy order.
    entry.model.then((m) => m.session.release()).catch(() => {});
  };

  return {
    get(manifest, bucket) {
      let artifact;
      try {
        artifact = lightArtifact(manifest);
      } catch (err) {
        return Promise.reject(err);
      }
      const id = `${artifact.key}#${artifact.sha256}`;
      const cached = entries.get(id);
      if (cached && (cached.failedAtMs === null || clockMs() - cached.failedAtMs < retryAfterMs)) return cached.model;
      entries.delete(id);
      while (entries.size >= maxModels) evictOldest();
      loads++;
      const entry: Entry = { model: loadLightModel(artifact, bucket), failedAtMs: null };
      entry.model.catch(() => (entry.failedAtMs = clockMs()));
      entries.set(id, entry);
      return entry.model;
    },
    get loads() {
      return loads;
    },
    get size() {
      return entries.size;
    },
  };
}

/** The isolate's cache: module state lives as long as the isolate, across requests. */
export const isolateLightModels: LightModelCache = createLightModelCache();
