// Loads the light model outside the request path (`ctx.waitUntil(warmLightRanker(...))`), so the first
// feed request of an isolate finds the session ready. Never rejects: the outcome is an answer to log.
import type { Manifest } from '../../models/schemas.js';
import { describeError } from '../budget.js';
import { isolateLightModels, type LightModelCache } from './light-model-cache.js';
import type { ArtifactBucket } from './light-model.js';

export type LightWarmUp =
  | { status: 'ready'; key: string; ms: number }
  | { status: 'unavailable'; ms: number; reason: string };

export async function warmLightRanker(manifest: Manifest, bucket: ArtifactBucket, cache: LightModelCache = isolateLightModels): Promise<LightWarmUp> {
  const started = performance.now();
  try {
    const model = await cache.get(manifest, bucket);
    return { status: 'ready', key: model.key, ms: performance.now() - started };
  } catch (err) {
    return { status: 'unavailable', ms: performance.now() - started, reason: describeError(err) };
  }
}
