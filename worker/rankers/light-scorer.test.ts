// The Scorer inside workerd with a real model in the real R2 binding: scores equal the TypeScript
// forward pass on the same rows, one per candidate in order, and the session is built once.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { lightForward } from '../../models/light-ranker/forward.js';
import { LightInputError, LightModelMissingError, LightScoringError } from './errors.js';
import { NOW_MS, SESSION, seededItems } from './fixtures/candidates.js';
import { fixtureWeights } from './fixtures/light-weights.js';
import { lightModelBytes, manifestWith, publishLight } from './fixtures/publish-light.js';
import { lightMatrix } from './light-inputs.js';
import { createLightModelCache } from './light-model-cache.js';
import { lightScorer } from './light-scorer.js';
import { warmLightRanker } from './warm-up.js';

const TOLERANCE = 1e-5;
const maxAbsDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

describe('lightScorer', () => {
  it('scores each candidate as lightForward does, in input order, building the session once', async () => {
    const manifest = await publishLight(env.ARTIFACTS, 's1', lightModelBytes());
    const cache = createLightModelCache();
    const scorer = lightScorer({ manifest, bucket: env.ARTIFACTS, cache });
    const items = seededItems(200, 7);
    const scores = await scorer.score(items, SESSION, NOW_MS);
    const want = lightForward(fixtureWeights(), lightMatrix(items, SESSION, NOW_MS), items.length);
    expect(scores).toHaveLength(items.length);
    expect(maxAbsDiff(scores, want)).toBeLessThanOrEqual(TOLERANCE);
    expect(new Set(scores).size).toBeGreaterThan(items.length / 2);
    // Reversed input → reversed scores; a second scorer on the same manifest shares the session.
    const again = await lightScorer({ manifest, bucket: env.ARTIFACTS, cache }).score([...items].reverse(), SESSION, NOW_MS);
    expect(maxAbsDiff(again, scores.slice().reverse())).toBeLessThanOrEqual(TOLERANCE);
    expect(cache.loads).toBe(1);
  });

  it('the session changes the scores (the context columns reach the model)', async () => {
    const manifest = await publishLight(env.ARTIFACTS, 's2', lightModelBytes());
    const scorer = lightScorer({ manifest, bucket: env.ARTIFACTS, cache: createLightModelCache() });
    const items = seededItems(20, 2);
    const fresh = { recent: [], sessionSkips: 0, sessionWatches: 0, sinceLastVisitMs: null, isNewSession: true };
    const a = await scorer.score(items, SESSION, NOW_MS);
    const b = await scorer.score(items, fresh, NOW_MS);
    expect(maxAbsDiff(a, b)).toBeGreaterThan(1e-3);
  });

  it('no candidates: no scores and no model load; bad input and a missing model are LightScoringErrors', async () => {
    const cache = createLightModelCache();
    const missing = lightScorer({ manifest: manifestWith('s3', null), bucket: env.ARTIFACTS, cache });
    expect(await missing.score([], SESSION, NOW_MS)).toEqual(new Float32Array(0));
    expect(cache.loads).toBe(0);
    await expect(missing.score(seededItems(3, 1), SESSION, NOW_MS)).rejects.toThrow(LightModelMissingError);
    const { preds: _, ...noPreds } = seededItems(1, 1)[0]!;
    const err = await missing.score([noPreds], SESSION, NOW_MS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LightInputError);
    expect(err).toBeInstanceOf(LightScoringError);
  });
});

describe('warmLightRanker', () => {
  it('loads the model ahead of the first request, and reports (never throws) when it cannot', async () => {
    const manifest = await publishLight(env.ARTIFACTS, 'w1', lightModelBytes());
    const cache = createLightModelCache();
    expect(await warmLightRanker(manifest, env.ARTIFACTS, cache)).toMatchObject({ status: 'ready', key: 'models/w1/light-ranker.onnx' });
    await lightScorer({ manifest, bucket: env.ARTIFACTS, cache }).score(seededItems(3, 4), SESSION, NOW_MS);
    expect(cache.loads).toBe(1);
    const down = await warmLightRanker(manifestWith('w2', null), env.ARTIFACTS, cache);
    expect(down).toMatchObject({ status: 'unavailable', reason: expect.stringContaining('LightModelMissingError') });
  });
});
