// The isolate cache: one session per model however many requests ask, a carried-over model is not
// reloaded, a failed load is retried after its pause, and old sessions are released.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { LIGHT_DIM } from '../../models/light-ranker/layout.js';
import { LightModelMissingError } from './errors.js';
import { lightModelBytes, lightModelKey, manifestWith, publishLight } from './fixtures/publish-light.js';
import { createLightModelCache } from './light-model-cache.js';
import type { ArtifactBucket } from './light-model.js';

/** The real bucket, with its reads counted. */
function countingBucket(bucket: R2Bucket): ArtifactBucket & { gets: number } {
  const counted: ArtifactBucket & { gets: number } = { gets: 0, get: ((key: string) => (counted.gets++, bucket.get(key))) as ArtifactBucket['get'] };
  return counted;
}

describe('light model cache', () => {
  it('creates the session once for concurrent and later callers', async () => {
    const manifest = await publishLight(env.ARTIFACTS, 'c1', lightModelBytes());
    const bucket = countingBucket(env.ARTIFACTS);
    const cache = createLightModelCache();
    const [a, b] = await Promise.all([cache.get(manifest, bucket), cache.get(manifest, bucket)]);
    const c = await cache.get(manifest, bucket);
    expect(a).toBe(b);
    expect(c).toBe(a);
    expect([cache.loads, bucket.gets, cache.size]).toEqual([1, 1, 1]);
  });

  it('a later manifest that carries the same model over reuses its session', async () => {
    const first = await publishLight(env.ARTIFACTS, 'c2', lightModelBytes());
    const carried = { ...first, version: 'c2-lists-only', artifacts: { ...first.artifacts } };
    const cache = createLightModelCache();
    const model = await cache.get(first, env.ARTIFACTS);
    expect(await cache.get(carried, env.ARTIFACTS)).toBe(model);
    expect(cache.loads).toBe(1);
  });

  it('keeps a failure for retryAfterMs, then loads again', async () => {
    const bytes = lightModelBytes();
    const key = lightModelKey('c3');
    await env.ARTIFACTS.delete(key);
    const sealed = await publishLight(env.ARTIFACTS, 'c3-probe', bytes); // same sha, other key: for the entry
    const manifest = manifestWith('c3', { ...sealed.artifacts.light_ranker_onnx!, key });
    let now = 1_000;
    const bucket = countingBucket(env.ARTIFACTS);
    const cache = createLightModelCache({ retryAfterMs: 30_000, clockMs: () => now });
    await expect(cache.get(manifest, bucket)).rejects.toThrow(LightModelMissingError);
    await env.ARTIFACTS.put(key, bytes); // the object appears
    now += 29_999;
    await expect(cache.get(manifest, bucket)).rejects.toThrow(LightModelMissingError); // still the kept failure
    expect(bucket.gets).toBe(1);
    now += 1;
    const model = await cache.get(manifest, bucket);
    expect([model.key, bucket.gets, cache.loads]).toEqual([key, 2, 2]);
  });

  it('holds at most maxModels sessions and releases the oldest', async () => {
    const cache = createLightModelCache({ maxModels: 1 });
    const old = await cache.get(await publishLight(env.ARTIFACTS, 'c4-old', lightModelBytes()), env.ARTIFACTS);
    const x = new Float32Array(LIGHT_DIM);
    await expect(old.session.runFloat(x, 1, LIGHT_DIM)).resolves.toHaveLength(1);
    // A newer model (same bytes under another key: another identity) takes the only slot.
    const next = await cache.get(await publishLight(env.ARTIFACTS, 'c4-new', lightModelBytes()), env.ARTIFACTS);
    expect(next).not.toBe(old);
    expect(cache.size).toBe(1);
    await expect(next.session.runFloat(x, 1, LIGHT_DIM)).resolves.toHaveLength(1);
    await expect(old.session.runFloat(x, 1, LIGHT_DIM)).rejects.toThrow(/released/);
  });
});
