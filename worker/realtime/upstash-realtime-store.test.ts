// The Upstash realtime store against the real redis-server behind the test gateway (vitest global
// setup). Redis is shared by the whole run: every test uses its own user, video and region ids.
import { env } from 'cloudflare:test';
import { Redis } from '@upstash/redis/cloudflare';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { EventSchema, VideoSchema, type EventInput } from '../../models/schemas.js';
import { CorruptValueError, StoreUnavailableError } from '../stores/errors.js';
import { recordEvents } from '../stores/realtime-store.js';
import { upstashRealtimeStore } from '../stores/upstash-realtime-store.js';
import { engagement } from '../../models/engagement.js';
import { FRESH_WINDOW_SECONDS } from './limits.js';
import { sessionKey } from './redis-keys.js';
import { bucketDecay } from './trending-decay.js';

const conn = { url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN };
const store = upstashRealtimeStore({ ...conn, requestBudgetMs: 2000 });
const uid = (p: string) => `${p}-${crypto.randomUUID().slice(0, 8)}`;
const NOW = Date.now();
const HOUR = Math.floor(NOW / 3_600_000);
const opts = { nowMs: NOW, defaultRegion: 'zz' };

let n = 0;
const ev = (e: Partial<EventInput> & Pick<EventInput, 'type' | 'user_id' | 'video_id'>) =>
  EventSchema.parse({ event_id: uid(`e${n++}`), ts: NOW - 60_000 + n, ...e });
const video = (id: string, o: Partial<z.input<typeof VideoSchema>> = {}) =>
  VideoSchema.parse({ video_id: id, creator_id: `creator-${id}`, category: 'music', duration_sec: 60, upload_ts: NOW - 1000, region: 'eu', language: 'en', title: id, ...o });

describe('upstash realtime store', () => {
  it('answers ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('puts viewed and impressed videos into the seen set, and only those', async () => {
    const user = uid('u');
    await recordEvents(store, [ev({ type: 'impression', user_id: user, video_id: 'a' }), ev({ type: 'view', user_id: user, video_id: 'b', watch_time_sec: 5 }), ev({ type: 'like', user_id: user, video_id: 'c' })], opts);
    const state = await store.readUser(user, NOW);
    expect(state.seen.sort()).toEqual(['a', 'b']);
    expect(state.dislikedVideos).toEqual([]);
  });

  it("puts a disliked video and its creator into the user's disliked sets, and a follow's creator into followed", async () => {
    const user = uid('u');
    const [v1, v2] = [uid('v'), uid('v')];
    await store.rememberVideos(new Map([[v1, { creator_id: 'c-disliked', category: 'news' }], [v2, { creator_id: 'c-followed', category: 'news' }]]));
    const summary = await recordEvents(store, [ev({ type: 'dislike', user_id: user, video_id: v1 }), ev({ type: 'follow', user_id: user, video_id: v2 })], opts);
    expect(summary).toMatchObject({ applied: 2, unknownCreators: 0 });
    const state = await store.readUser(user, NOW);
    expect(state.dislikedVideos).toEqual([v1]);
    expect(state.dislikedCreators).toEqual(['c-disliked']);
    expect(state.followedCreators).toEqual(['c-followed']);
  });

  it('asks the lookup port for creators it does not hold, and counts the ones nobody knows', async () => {
    const user = uid('u');
    const [known, unknown] = [uid('v'), uid('v')];
    const asked: string[][] = [];
    const withLookup = upstashRealtimeStore({
      ...conn,
      requestBudgetMs: 2000,
      lookup: async (ids) => {
        asked.push([...ids]);
        return new Map([[known, { creator_id: 'c-from-catalogue', category: 'news' }]]);
      },
    });
    const summary = await recordEvents(withLookup, [ev({ type: 'dislike', user_id: user, video_id: known }), ev({ type: 'dislike', user_id: user, video_id: unknown })], opts);
    expect(asked).toEqual([[known, unknown]]);
    expect(summary.unknownCreators).toBe(1);
    const state = await store.readUser(user, NOW);
    expect(state.dislikedVideos.sort()).toEqual([known, unknown].sort());
    expect(state.dislikedCreators).toEqual(['c-from-catalogue']);
  });

  it("advances the user's session with the tracker and keeps it across batches", async () => {
    const user = uid('u');
    const v = uid('v');
    await store.rememberVideos(new Map([[v, { creator_id: 'c9', category: 'cooking' }]]));
    await recordEvents(store, [ev({ type: 'view', user_id: user, video_id: v, watch_time_sec: 10 }), ev({ type: 'skip', user_id: user, video_id: 'x' })], opts);
    await recordEvents(store, [ev({ type: 'skip', user_id: user, video_id: 'y' })], opts);
    const { session } = await store.readUser(user, NOW);
    expect(session).toMatchObject({ sessionWatches: 1, sessionSkips: 2, isNewSession: false });
    expect(session.recent[0]).toMatchObject({ category: 'cooking', creator_id: 'c9' });
    expect((await store.readUser(uid('never'), NOW)).session).toMatchObject({ isNewSession: true, sinceLastVisitMs: null });
  });

  it('skips duplicates by event_id, within a batch, across batches and between prepare and commit', async () => {
    const user = uid('u');
    const v = uid('v');
    const batch = [ev({ type: 'impression', user_id: user, video_id: v }), ev({ type: 'impression', user_id: user, video_id: v })];
    const first = await recordEvents(store, [...batch, batch[0]!], opts);
    expect(first).toMatchObject({ fresh: 2, duplicates: 1, applied: 2 });
    const again = await recordEvents(store, batch, opts);
    expect(again).toMatchObject({ fresh: 0, duplicates: 2, applied: 0 });

    const racer = [ev({ type: 'impression', user_id: user, video_id: v })];
    const [a, b] = [await store.prepareEvents(racer, opts), await store.prepareEvents(racer, opts)];
    expect(await a.commit()).toMatchObject({ applied: 1, raced: 0 });
    expect(await b.commit()).toMatchObject({ applied: 0, raced: 1 });
    expect((await store.readExploration([v])).get(v)).toEqual({ impressions: 3, engagements: 0 });
  });

  it('counts impressions and engagements per video, zero for unknown ids', async () => {
    const user = uid('u');
    const [v1, v2, none] = [uid('v'), uid('v'), uid('v')];
    await recordEvents(store, [
      ev({ type: 'impression', user_id: user, video_id: v1 }),
      ev({ type: 'impression', user_id: user, video_id: v2 }),
      ev({ type: 'view', user_id: user, video_id: v1, watch_time_sec: 3 }),
    ], opts);
    const counts = await store.readExploration([v1, v2, none]);
    expect(counts.get(v1)).toEqual({ impressions: 1, engagements: 1 });
    expect(counts.get(v2)).toEqual({ impressions: 1, engagements: 0 });
    expect(counts.get(none)).toEqual({ impressions: 0, engagements: 0 });
  });

  it('counts engagement per region and globally in hourly buckets, decayed on read', async () => {
    const user = uid('u');
    const region = uid('r').slice(0, 12);
    const [hot, warm] = [uid('v'), uid('v')];
    const events = [
      ev({ type: 'view', user_id: user, video_id: hot, region, watch_time_sec: 30, video_duration_sec: 60 }),
      ev({ type: 'share', user_id: user, video_id: hot, region }),
      ev({ type: 'like', user_id: user, video_id: warm, region }),
      ev({ type: 'like', user_id: user, video_id: warm, ts: NOW - 3 * 3_600_000, region }),
    ];
    await recordEvents(store, events, opts);
    const decay = (ts: number) => bucketDecay(Math.floor(ts / 3_600_000), NOW, 24);
    const hourOf = (ts: number) => Math.floor(ts / 3_600_000);
    const expected = (id: string, hours = 24) =>
      events.filter((e) => e.video_id === id && hourOf(e.ts) > HOUR - hours).reduce((s, e) => s + engagement(e) * decay(e.ts), 0);
    const scores = await store.readTrending(region, { hours: 24, nowMs: NOW });
    expect(scores.map((s) => s.video_id)).toEqual([hot, warm]);
    expect(scores[0]!.score).toBeCloseTo(expected(hot), 6);
    expect(scores[1]!.score).toBeCloseTo(expected(warm), 6);
    // The last hour alone leaves out the older like.
    const lastHour = await store.readTrending(region, { hours: 1, nowMs: NOW });
    expect(lastHour.find((s) => s.video_id === warm)?.score ?? 0).toBeCloseTo(expected(warm, 1), 6);
    expect(expected(warm, 1)).toBeLessThan(expected(warm));
    const global = await store.readTrending('global', { hours: 24, nowMs: NOW });
    expect(global.find((s) => s.video_id === hot)!.score).toBeCloseTo(expected(hot), 6);
  });

  it('adds uploads to the fresh pool of their region and the global one, newest first', async () => {
    const region = uid('r').slice(0, 12);
    const [older, newer, stale] = [uid('v'), uid('v'), uid('v')];
    expect(await store.addFresh(video(older, { region, upload_ts: NOW - 60_000 }), NOW)).toMatchObject({ pooled: true, regions: [region, 'global'] });
    await store.addFresh(video(newer, { region, upload_ts: NOW - 1000 }), NOW);
    const old = await store.addFresh(video(stale, { region, upload_ts: NOW - FRESH_WINDOW_SECONDS * 1000 - 1 }), NOW);
    expect(old.pooled).toBe(false);
    const listed = await store.listFresh(region, { limit: 10, nowMs: NOW });
    expect(listed.map((v) => v.video_id)).toEqual([newer, older]);
    expect(listed[0]).toEqual(video(newer, { region, upload_ts: NOW - 1000 }));
    expect((await store.listFresh(region, { limit: 1, nowMs: NOW })).map((v) => v.video_id)).toEqual([newer]);
    expect((await store.listFresh('global', { limit: 50, nowMs: NOW })).map((v) => v.video_id)).toContain(newer);
    // The upload's creator is known to later dislikes.
    const user = uid('u');
    await recordEvents(store, [ev({ type: 'dislike', user_id: user, video_id: newer })], opts);
    expect((await store.readUser(user, NOW)).dislikedCreators).toEqual([`creator-${newer}`]);
  });

  it('throws CorruptValueError naming the key of a session it cannot read', async () => {
    const user = uid('u');
    await new Redis({ ...conn, enableTelemetry: false }).set(sessionKey(user), '{"recent":"nope"}');
    const err = await store.readUser(user, NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptValueError);
    expect((err as CorruptValueError).key).toBe(sessionKey(user));
  });

  it('throws StoreUnavailableError when Redis cannot be reached', async () => {
    // Port 9 (discard) on loopback has no listener: a real connection failure.
    const down = upstashRealtimeStore({ url: 'http://127.0.0.1:9', token: conn.token, requestBudgetMs: 2000 });
    await expect(down.readUser('u', NOW)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(down.prepareEvents([ev({ type: 'skip', user_id: 'u', video_id: 'v' })], opts)).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
