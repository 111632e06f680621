import { env } from 'cloudflare:test';
import { beforeAll, expect, it } from 'vitest';
import type { Manifest } from '../../models/schemas.js';
import { CANDIDATES_BUDGET_MS } from '../config.js';
import { kvListStore, type ListStore } from '../stores/kv-list-store.js';
import { WORLD, ids, publish } from '../test/seed.js';
import { fallbackFromChain } from './fallback.js';
import { feedPipeline } from './feed-pipeline.js';
import { runPipeline } from './run.js';
import { plainQuery } from '../sources/feed-query.js';

let manifest: Manifest;
beforeAll(async () => {
  manifest = await publish(env.FEED_KV, 'v1', WORLD);
});

it('serves the onboarding mix (regional trending here) when the candidates read outlives its budget', async () => {
  const real = kvListStore(env.FEED_KV, { cacheTtlSeconds: 30 });
  // The fault, on purpose: per-user candidate reads never answer; trending reads hit the real KV.
  const stalledCandidates: ListStore = { getList: (key) => (key.startsWith('cand:') ? new Promise(() => {}) : real.getList(key)) };
  const pipeline = feedPipeline({ lists: stalledCandidates });
  const result = await runPipeline(pipeline, plainQuery({ userId: 'u1', n: 3, served: new Set<number>(), manifest, regions: ['eu'] }));
  expect(ids(result.page)).toEqual(['t01', 'v02', 't02']);
  expect(result.report.chain.map((s) => [s.source, s.status])).toEqual([
    ['CachedCandidates', 'timeout'],
    ['OnboardingMix', 'ok'],
    ['RegionalTrending', 'ok'],
    ['GlobalTrending', 'ok'],
  ]);
  expect(result.report.chain[0]!.ms).toBeGreaterThanOrEqual(CANDIDATES_BUDGET_MS - 5);
  expect(fallbackFromChain(pipeline.sources, result.report.chain)?.reason).toBe('candidates-timeout');
});
