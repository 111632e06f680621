import { describe, expect, it } from 'vitest';
import type { FeedSample } from './feed-sample.js';
import { countBy, percentile, spread, summariseSamples } from './summarise.js';

const sample = (clientMs: number, light: string, lightMs: number): FeedSample => ({
  clientMs, totalMs: clientMs / 2, pipelineMs: clientMs / 4, candidatesIn: 1000, items: 20, version: 'v1', fallback: null,
  sources: { CachedCandidates: 1 }, filters: { Dedupe: 0 }, scorers: { LightRanker: lightMs, RealtimeAffinity: 0 }, rerankers: { MMR: 0 },
  scorerStatus: { LightRanker: light, RealtimeAffinity: 'ok' },
});

describe('percentiles', () => {
  it('interpolates between ranks', () => {
    const xs = [10, 20, 30, 40, 50];
    expect(percentile(xs, 0.5)).toBe(30);
    expect(percentile(xs, 0.9)).toBe(46);
    expect(percentile(xs, 0)).toBe(10);
    expect(percentile(xs, 1)).toBe(50);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('spread sorts its input and reports n, mean and max', () => {
    expect(spread([5, 1, 3])).toEqual({ p50: 3, p90: 4.6, p99: 4.96, max: 5, mean: 3, n: 3 });
  });

  it('countBy counts each key', () => {
    expect(countBy(['a', 'b', 'a'], (x) => x)).toEqual({ a: 2, b: 1 });
  });
});

describe('summariseSamples', () => {
  const samples = [sample(10, 'ok', 4), sample(30, 'timeout', 50), sample(20, 'ok', 6)];
  const s = summariseSamples(samples);

  it('counts scorer statuses and takes the light ranker ms only where it answered', () => {
    expect(s.scorer_status).toEqual({ LightRanker: { ok: 2, timeout: 1 }, RealtimeAffinity: { ok: 3 } });
    expect(s.light_ranker_ok).toBe(2);
    expect(s.light_ranker_ms_when_ok.p50).toBe(5);
    expect(s.timings_ms.scorers.LightRanker!.max).toBe(50);
  });

  it('summarises client and worker times separately', () => {
    expect(s.client_ms.p50).toBe(20);
    expect(s.worker_total_ms.p50).toBe(10);
    expect(s.fallbacks).toEqual({ none: 3 });
    expect(s.candidates_in.p50).toBe(1000);
  });
});
