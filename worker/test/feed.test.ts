import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_POINTER_KEY, candidatesKey } from '../../models/keys.js';
import { FALLBACK_HEADER } from '../pipeline/fallback.js';
import { get } from './http.js';
import worker from '../index.js';
import type { FeedBody } from '../routes/feed-response.js';
import { WORLD, ids, publish, video } from './seed.js';

beforeEach(async () => {
  await publish(env.FEED_KV, 'v1', WORLD);
});

describe('GET /v1/feed', () => {
  it("serves the user's cached candidates in order, with their sources and reasons", async () => {
    // n = 4: a page under 5 items has no exploration slot, so fresh uploads other tests post cannot enter.
    const { status, headers, body } = await get('/v1/feed?user_id=u1&n=4');
    expect(status).toBe(200);
    expect(headers.get(FALLBACK_HEADER)).toBeNull();
    expect(body.version).toBe('v1');
    expect(body.fallback).toBeUndefined();
    expect(ids(body.items)).toEqual(['v01', 'v02', 'v03', 'v04']);
    expect(body.items.map((i) => i.position)).toEqual([0, 1, 2, 3]);
    expect(body.items[0]).toEqual({
      video_id: 'v01',
      creator_id: 'creator-v01',
      category: 'music',
      source: 'popular',
      sources: ['popular'],
      // The stored score, normalised within the user's list by the realtime-affinity scorer.
      score: 1,
      position: 0,
      reason: 'popular with people like you',
      score_parts: { RealtimeAffinity: 1 },
    });
    expect(body.items[1]!.sources).toEqual(['popular', 'trending']);
    expect(body.items[2]).toMatchObject({ source: 'collaborative', reason: 'watched by people with similar taste' });
    expect(body.next_cursor).toEqual(expect.any(String));
  });

  it('pages with cursors without repeats, tops up with trending, and ends with a null cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/v1/feed?user_id=u1&region=eu&n=3${cursor ? `&cursor=${cursor}` : ''}`;
      const { status, body } = await get(query);
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...ids(body.items));
      cursor = body.next_cursor;
      pages++;
    } while (cursor !== null && pages < 10);
    // 7 candidates, then eu trending without v02 (already served), then global without t02.
    expect(seen).toEqual(['v01', 'v02', 'v03', 'v04', 'v05', 'v06', 'v07', 't01', 't02', 'g01', 'g02']);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(4);
  });

  it('falls back to regional trending when the user has no list, and says so', async () => {
    const { status, headers, body } = await get('/v1/feed?user_id=newcomer&region=eu&n=4');
    expect(status).toBe(200);
    expect(headers.get(FALLBACK_HEADER)).toBe('candidates-miss');
    expect(body.fallback?.reason).toBe('candidates-miss');
    expect(body.region).toBe('eu');
    // A newcomer's page has onboarding exploration slots; what other tests uploaded may fill one.
    const fallback = body.items.filter((i) => i.reason !== 'exploring');
    expect(ids(fallback)).toEqual(['t01', 'v02', 't02', 'g01'].slice(0, fallback.length));
    expect(fallback.length).toBeGreaterThanOrEqual(3);
    expect(fallback[0]).toMatchObject({ source: 'trending', reason: 'trending in eu' });
  });

  it('falls back to global trending for a region without a list', async () => {
    const { headers, body } = await get('/v1/feed?user_id=newcomer&region=zz&n=5');
    expect(headers.get(FALLBACK_HEADER)).toBe('candidates-miss');
    expect(body.region).toBe('global');
    expect(ids(body.items.filter((i) => i.reason !== 'exploring'))).toEqual(['g01', 't02', 'g02']);
    expect(body.next_cursor).toBeNull();
  });

  it('falls back when the stored list is corrupt, without a 5xx', async () => {
    await env.FEED_KV.put(candidatesKey('v1', 'u1'), '{"f":1,"ids":');
    const { status, headers, body } = await get('/v1/feed?user_id=u1&region=eu&n=2');
    expect(status).toBe(200);
    expect(headers.get(FALLBACK_HEADER)).toBe('candidates-error');
    expect(ids(body.items)).toEqual(['t01', 'v02']);
  });

  it('answers 200 with no items and the reason when nothing is published', async () => {
    await env.FEED_KV.delete(MANIFEST_POINTER_KEY);
    const { status, headers, body } = await get('/v1/feed?user_id=u1');
    expect(status).toBe(200);
    expect(headers.get(FALLBACK_HEADER)).toBe('nothing-published');
    expect(body).toMatchObject({ user_id: 'u1', version: null, items: [], next_cursor: null, fallback: { reason: 'nothing-published' } });
  });

  it('keeps a cursor across a new version: what it served stays hidden', async () => {
    const first = await get('/v1/feed?user_id=u1&n=3');
    const served = ids(first.body.items);
    await publish(env.FEED_KV, 'v2', { users: { u1: [video(served[0]!, 0.95), video('w01', 0.9), video('w02', 0.8), video('w03', 0.7)] }, trending: {} }, 'v1');
    const { body } = await get(`/v1/feed?user_id=u1&n=2&debug=1&cursor=${first.body.next_cursor}`);
    expect(body.version).toBe('v2');
    expect(ids(body.items)).toEqual(['w01', 'w02']);
    expect(body.debug).toMatchObject({ cursor: { served: 3 } });
  });

  it('reports per-stage counts, timings and the fallback chain with ?debug=1', async () => {
    const first = await get('/v1/feed?user_id=u1&region=eu&n=3');
    const { body } = await get(`/v1/feed?user_id=u1&region=eu&n=3&debug=1&cursor=${first.body.next_cursor}`);
    const debug = body.debug as {
      chain: { source: string; status: string; count: number }[];
      counts: { candidates_in: number; removed: Record<string, number>; out: number };
      timings_ms: { manifest: number; sources: Record<string, number>; filters: Record<string, number>; scorers: Record<string, number>; rerankers: Record<string, number> };
      cursor: { served: number };
      realtime: { status: string };
    };
    expect(debug.cursor.served).toBe(3);
    expect(debug.chain.map((s) => [s.source, s.status, s.count])).toEqual([
      ['CachedCandidates', 'ok', 7],
      ['OnboardingMix', 'skipped', 0],
      ['RegionalTrending', 'skipped', 0],
      ['GlobalTrending', 'skipped', 0],
    ]);
    expect(debug.counts).toEqual({ candidates_in: 7, removed: { Dedupe: 0, ServedInCursor: 3, RealtimeSeen: 0 }, out: 3 });
    expect(Object.keys(debug.timings_ms.sources)).toEqual(['CachedCandidates', 'OnboardingMix', 'RegionalTrending', 'GlobalTrending']);
    expect(Object.keys(debug.timings_ms.filters)).toEqual(['Dedupe', 'ServedInCursor', 'RealtimeSeen']);
    // No light model in this manifest: only the realtime-affinity scorer runs.
    expect(Object.keys(debug.timings_ms.scorers)).toEqual(['RealtimeAffinity']);
    expect(Object.keys(debug.timings_ms.rerankers)).toEqual(['MMR', 'CreatorCap', 'Exploration']);
    expect(debug.realtime.status).toBe('ok');
    expect(debug.timings_ms.manifest).toBeGreaterThanOrEqual(0);
  });
});

describe('the whole feed budget', () => {
  it('answers regional trending with reason budget-exceeded when the personal feed outlives it', async () => {
    const ctx = createExecutionContext();
    // A budget of 0 ms: no KV or Redis read can answer in time.
    const res = await worker.fetch(new Request('http://edgefeed.test/v1/feed?user_id=u1&region=eu&n=3'), { ...env, FEED_BUDGET_MS: '0' }, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(200);
    expect(res.headers.get(FALLBACK_HEADER)).toBe('budget-exceeded');
    const body = (await res.json()) as FeedBody;
    expect(ids(body.items)).toEqual(['t01', 'v02', 't02']);
    // The same request within the default budget is personal.
    expect(ids((await get('/v1/feed?user_id=u1&region=eu&n=3')).body.items)[0]).toBe('v01');
  });
});

describe('a newcomer', () => {
  it('gets regional trending interleaved with what viewers in the region finish', async () => {
    await publish(env.FEED_KV, 'v1', { ...WORLD, completion: { eu: [video('c01', 1), video('c02', 0.5)], global: [video('cg1', 1)] } });
    const { headers, body } = await get('/v1/feed?user_id=newcomer&region=eu&n=4');
    expect(headers.get(FALLBACK_HEADER)).toBe('candidates-miss');
    const mix = body.items.filter((i) => i.reason !== 'exploring');
    expect(ids(mix)).toEqual(['t01', 'c01', 'v02', 'c02'].slice(0, mix.length));
    expect(mix[1]).toMatchObject({ reason: 'viewers watch it to the end' });
  });
});
