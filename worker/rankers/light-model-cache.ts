// One light-model session per isolate per model (stores/artifact-cache.ts): a later manifest that
// carries the same model over reuses the session; an evicted session is released.
import { artifactCache, type ArtifactCache } from '../stores/artifact-cache.js';
import { lightArtifact, loadLightModel, type ArtifactBucket, type LightModel } from './light-model.js';

export const LIGHT_RETRY_AFTER_MS = 30_000;
/** The served model and the one before it, so requests still on the previous manifest keep scoring. */
export const LIGHT_MAX_MODELS = 2;

export type LightModelCacheOptions = { retryAfterMs?: number; maxModels?: number; clockMs?: () => number };
/** Rejects with a LightScoringError. */
export type LightModelCache = ArtifactCache<LightModel, ArtifactBucket>;

export const createLightModelCache = (opts: LightModelCacheOptions = {}): LightModelCache =>
  artifactCache({
    artifactOf: lightArtifact,
    load: loadLightModel,
    // A request still running on it fails with LightModelRunError and falls back to the heavy order.
    release: (m) => m.session.release(),
    retryAfterMs: opts.retryAfterMs ?? LIGHT_RETRY_AFTER_MS,
    maxEntries: opts.maxModels ?? LIGHT_MAX_MODELS,
    clockMs: opts.clockMs,
  });

/** The isolate's cache: module state lives as long as the isolate, across requests. */
export const isolateLightModels: LightModelCache = createLightModelCache();
