// POST /v1/events inside workerd: the sub-app with the real EVENT_LOG bucket of wrangler.toml and the
// real redis-server behind the test gateway. The only fake is a bucket that fails on purpose.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { eventLogKey } from '../../models/keys.js';
import { EventSchema, type Event, type EventInput } from '../../models/schemas.js';
import { eventsRoute, REALTIME_DETAIL_HEADER, REALTIME_HEADER, type EventsBody } from '../routes/events.js';
import { videosRoute } from '../routes/videos.js';
import { upstashRealtimeStore } from '../stores/upstash-realtime-store.js';
import { EVENTS_PER_REQUEST_MAX } from './limits.js';

type ErrorBody = { error: { code: string; message: string; field?: string } };
const store = upstashRealtimeStore({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN, requestBudgetMs: 2000 });
const uid = (p: string) => `${p}-${crypto.randomUUID().slice(0, 8)}`;
const NOW = Date.now();

const post = async <T = EventsBody>(body: unknown, e: Env = env, route = eventsRoute) => {
  const res = await route.request('/', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } }, e);
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
};

/** Every event in the log objects of one UTC day, with the number of objects. */
async function logOfDay(day: string): Promise<{ objects: number; events: Event[] }> {
  const listed = await env.EVENT_LOG.list({ prefix: eventLogKey(day, '').replace(/\.ndjson\.gz$/, '') });
  const events: Event[] = [];
  for (const o of listed.objects) {
    const obj = await env.EVENT_LOG.get(o.key);
    const text = await new Response(obj!.body.pipeThrough(new DecompressionStream('gzip'))).text();
    events.push(...text.trim().split('\n').map((l) => JSON.parse(l) as Event));
  }
  return { objects: listed.objects.length, events };
}

/** A UTC day no other test writes to (the bucket is shared by the file): 01:00 of day 0, 1, 2... of 2025. */
let dayNo = 0;
const testDay = () => Date.UTC(2025, 0, 1) + dayNo++ * 86_400_000 + 3_600_000;
const dayOf = (ts: number) => new Date(ts).toISOString().slice(0, 10);
const ev = (ts: number, e: Partial<EventInput> = {}): EventInput => ({ event_id: uid('e'), user_id: uid('u'), video_id: uid('v'), ts, type: 'impression', ...e });

describe('POST /v1/events', () => {
  it('answers 202 after writing exactly the batch to the event log, one gzip NDJSON object per day', async () => {
    const [d1, d2] = [testDay(), testDay()];
    const batch = [ev(d1), ev(d1 + 1000, { type: 'view', watch_time_sec: 12, video_duration_sec: 30 }), ev(d2, { type: 'like' })];
    const { status, headers, body } = await post({ events: batch });
    expect(status).toBe(202);
    expect(body).toEqual({ accepted: 3, duplicates: 0 });
    expect(headers.get(REALTIME_HEADER)).toBeNull();
    expect(await logOfDay(dayOf(d1))).toEqual({ objects: 1, events: [EventSchema.parse(batch[0]), EventSchema.parse(batch[1])] });
    expect(await logOfDay(dayOf(d2))).toEqual({ objects: 1, events: [EventSchema.parse(batch[2])] });
  });

  it('counts repeated event_ids as duplicates and logs only the new events', async () => {
    const d = testDay();
    const batch = [ev(d), ev(d + 1)];
    expect((await post({ events: [...batch, batch[0]] })).body).toEqual({ accepted: 2, duplicates: 1 });
    expect((await post({ events: batch })).body).toEqual({ accepted: 0, duplicates: 2 });
    expect((await logOfDay(dayOf(d))).objects).toBe(1);
    const extra = ev(d + 2);
    expect((await post({ events: [...batch, extra] })).body).toEqual({ accepted: 1, duplicates: 2 });
    const log = await logOfDay(dayOf(d));
    expect(log.objects).toBe(2);
    expect(log.events.map((e) => e.event_id).sort()).toEqual([...batch, extra].map((e) => e.event_id).sort());
  });

  it.each([
    ['a view without watch time', { events: [ev(NOW), ev(NOW), ev(NOW), ev(NOW, { type: 'view' })] }, 'events[3].watch_time_sec', 'invalid_event', 'events[3].watch_time_sec: a view needs watch_time_sec'],
    ['an unknown type', { events: [ev(NOW), { ...ev(NOW), type: 'poke' }] }, 'events[1].type', 'invalid_event', 'events[1].type'],
    ['501 events', { events: Array.from({ length: EVENTS_PER_REQUEST_MAX + 1 }, () => ev(NOW)) }, 'events', 'invalid_body', `1 to ${EVENTS_PER_REQUEST_MAX} events`],
    ['no events', { events: [] }, 'events', 'invalid_body', `1 to ${EVENTS_PER_REQUEST_MAX} events`],
    ['a body that is not JSON', '{"events": [', 'body', 'invalid_body', 'JSON'],
  ])('answers 400 naming the field for %s', async (_, body, field, code, message) => {
    const { status, body: err } = await post<ErrorBody>(body);
    expect(status).toBe(400);
    expect(err.error).toMatchObject({ field, code });
    expect(err.error.message).toContain(message);
  });

  it('answers 413 past the body limit', async () => {
    const big = { events: [{ ...ev(NOW), user_id: 'x'.repeat(2 * 1024 * 1024) }] };
    expect((await post<ErrorBody>(big)).status).toBe(413);
  });

  it('updates realtime state before answering: seen, disliked video and creator, follow, session, trending, exploration', async () => {
    const user = uid('u');
    const region = uid('r').slice(0, 12);
    const [watched, disliked, followed] = [uid('v'), uid('v'), uid('v')];
    for (const id of [disliked, followed]) {
      const video = { video_id: id, creator_id: `creator-${id}`, category: 'news', duration_sec: 30, upload_ts: NOW, region, language: 'en', title: id };
      expect((await post(video, env, videosRoute)).status).toBe(201);
    }
    const at = (i: number) => NOW - 10_000 + i;
    const { status, headers } = await post({
      events: [
        ev(at(0), { user_id: user, video_id: watched, type: 'impression', region }),
        ev(at(1), { user_id: user, video_id: watched, type: 'view', watch_time_sec: 20, video_duration_sec: 40, region }),
        ev(at(2), { user_id: user, video_id: disliked, type: 'dislike', region }),
        ev(at(3), { user_id: user, video_id: followed, type: 'follow', region }),
        ev(at(4), { user_id: user, video_id: uid('v'), type: 'skip', region }),
      ],
    });
    expect(status).toBe(202);
    expect(headers.get(REALTIME_HEADER)).toBeNull();
    const state = await store.readUser(user, NOW);
    expect(state.seen).toEqual([watched]);
    expect(state.dislikedVideos).toEqual([disliked]);
    expect(state.dislikedCreators).toEqual([`creator-${disliked}`]);
    expect(state.followedCreators).toEqual([`creator-${followed}`]);
    expect(state.session).toMatchObject({ sessionWatches: 1, sessionSkips: 1, isNewSession: false });
    const trending = await store.readTrending(region, { hours: 2, nowMs: NOW });
    expect(trending.map((t) => t.video_id)).toEqual([followed, watched]);
    expect((await store.readExploration([watched])).get(watched)).toEqual({ impressions: 1, engagements: 1 });
  });

  it('still answers 202 with the realtime-degraded header when Redis is down, and the log has the batch', async () => {
    const d = testDay();
    const batch = [ev(d), ev(d + 1)];
    // Port 9 (discard) on loopback has no listener: a real connection failure, not a mock.
    const { status, headers, body } = await post({ events: batch }, { ...env, UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:9' });
    expect(status).toBe(202);
    expect(body).toEqual({ accepted: 2, duplicates: 0 });
    expect(headers.get(REALTIME_HEADER)).toBe('degraded');
    expect(headers.get(REALTIME_DETAIL_HEADER)).toContain('StoreUnavailableError');
    expect((await logOfDay(dayOf(d))).events.map((e) => e.event_id)).toEqual(batch.map((e) => e.event_id));
  });

  it('says realtime is degraded when Redis is not configured', async () => {
    const { status, headers } = await post({ events: [ev(testDay())] }, { ...env, UPSTASH_REDIS_REST_TOKEN: '' });
    expect(status).toBe(202);
    expect(headers.get(REALTIME_HEADER)).toBe('degraded');
    expect(headers.get(REALTIME_DETAIL_HEADER)).toContain('not configured');
  });

  it('answers 503 and records nothing when the event log cannot be written; the retry is then accepted', async () => {
    const [d1, d2] = [testDay(), testDay()];
    const user = uid('u');
    const batch = [ev(d1, { user_id: user }), ev(d2, { user_id: user })];
    // Fault injection: the day-2 object fails, the day-1 object reaches the real bucket (and is removed again).
    const failing = {
      put: (key: string, ...rest: unknown[]) =>
        key.includes(dayOf(d2)) ? Promise.reject(new Error('injected R2 outage')) : (env.EVENT_LOG.put as (...a: unknown[]) => Promise<unknown>)(key, ...rest),
      delete: (keys: string | string[]) => env.EVENT_LOG.delete(keys),
    } as unknown as R2Bucket;
    const { status, body } = await post<ErrorBody>({ events: batch }, { ...env, EVENT_LOG: failing });
    expect(status).toBe(503);
    expect(body.error.code).toBe('event_log_unavailable');
    expect(body.error.message).toContain('injected R2 outage');
    expect((await logOfDay(dayOf(d1))).objects).toBe(0);
    expect((await store.readUser(user, NOW)).session.sinceLastVisitMs).toBeNull();

    expect((await post({ events: batch })).body).toEqual({ accepted: 2, duplicates: 0 });
    expect((await logOfDay(dayOf(d1))).events.map((e) => e.event_id)).toEqual([batch[0]!.event_id]);
  });
});
