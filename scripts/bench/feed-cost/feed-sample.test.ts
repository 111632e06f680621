import { describe, expect, it } from 'vitest';
import { feedSample } from './feed-sample.js';

const body = {
  user_id: 'bu0', version: 'v1', region: 'global', items: [{}, {}], next_cursor: null,
  debug: {
    manifest: { status: 'ok', version: 'v1' },
    scorers: [{ source: 'LightRanker', status: 'timeout', count: 0, ms: 51, detail: 'no answer within 50 ms' }, { source: 'RealtimeAffinity', status: 'ok', count: 990, ms: 0 }],
    counts: { candidates_in: 1000, removed: {}, out: 2 },
    timings_ms: { manifest: 1, sources: { CachedCandidates: 3 }, filters: { Dedupe: 0 }, scorers: { LightRanker: 51, RealtimeAffinity: 0 }, rerankers: { MMR: 0 }, pipeline: 60 },
    total_ms: 64,
  },
};

describe('feedSample', () => {
  it('reads the client time and the worker debug figures', () => {
    const s = feedSample(80.5, body);
    expect(s).toMatchObject({ clientMs: 80.5, totalMs: 64, pipelineMs: 60, candidatesIn: 1000, items: 2, version: 'v1', fallback: null });
    expect(s.scorerStatus).toEqual({ LightRanker: 'timeout', RealtimeAffinity: 'ok' });
    expect(s.sources).toEqual({ CachedCandidates: 3 });
  });

  it('keeps the fallback reason', () => {
    expect(feedSample(1, { ...body, fallback: { reason: 'candidates', detail: 'x' } }).fallback).toBe('candidates');
  });

  it('names the missing field when the answer has no debug section', () => {
    expect(() => feedSample(1, { ...body, debug: undefined })).toThrow(/not a debug feed: debug/);
  });
});
