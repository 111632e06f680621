// Realtime effects end to end: events posted to the worker reach the real redis-server and show in
// the very next feed call. Each test has its own user (Redis is shared by the whole run).
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { publish, video, WORLD } from './seed.js';
import { settled } from './http.js';
import worker from '../index.js';
import { REALTIME_HEADER } from '../routes/events.js';
import type { FeedBody } from '../routes/feed-response.js';

const KEY = { 'content-type': 'application/json', 'x-api-key': 'test-api-key' };
let seq = 0;
const event = (user: string, video_id: string, type: string, extra: Record<string, unknown> = {}) => ({
  event_id: `rt-${user}-${seq++}`,
  user_id: user,
  video_id,
  type,
  ts: Date.now(),
  ...(type === 'view' && { watch_time_sec: 20, video_duration_sec: 20 }),
  ...extra,
});
const post = (path: string, body: unknown) => settled<Record<string, unknown>>(path, { method: 'POST', headers: KEY, body: JSON.stringify(body) });
const feed = async (user: string, n = 4) => (await settled(`/v1/feed?user_id=${user}&n=${n}`)).body.items;
const ids = (items: { video_id: string }[]) => items.map((i) => i.video_id);

// Eight videos from four creators (two each), scores falling; the users below share the list.
const list = ['a1', 'a2', 'b1', 'b2', 'c1', 'c2', 'd1', 'd2'].map((id, i) => ({ ...video(id, 1 - i / 10), creator_id: `creator-${id[0]}` }));
const users = ['rt-watch', 'rt-dislike', 'rt-follow'];

beforeAll(async () => {
  await publish(env.FEED_KV, 'v1', { users: Object.fromEntries(users.map((u) => [u, list])), trending: WORLD.trending });
});

describe('realtime effects in the next feed call', () => {
  it('a watched video never reappears', async () => {
    const before = await feed('rt-watch');
    expect(before[0]!.video_id).toBe('a1');
    expect((await post('/v1/events', { events: [event('rt-watch', 'a1', 'view')] })).status).toBe(202);
    const after = await feed('rt-watch', 8);
    expect(ids(after)).not.toContain('a1');
    expect(ids(after)).toContain('a2');
  });

  it("a dislike removes the video and demotes its creator", async () => {
    const before = ids(await feed('rt-dislike', 8));
    expect(before.slice(0, 3)).toContain('b1');
    expect(before.at(-1)).not.toBe('b2');
    // The feed call above remembered each served video's creator, which the dislike needs.
    expect((await post('/v1/events', { events: [event('rt-dislike', 'b1', 'dislike')] })).status).toBe(202);
    const page = await feed('rt-dislike', 8);
    const after = ids(page);
    expect(after).not.toContain('b1');
    // b2 (same creator) now scores below every other video of the list; MMR may still space it out.
    const affinity = (id: string) => page.find((i) => i.video_id === id)!.score_parts!.RealtimeAffinity!;
    const others = after.filter((id) => id !== 'b2' && list.some((v) => v.video_id === id));
    expect(others.length).toBeGreaterThan(4);
    for (const id of others) expect(affinity('b2')).toBeLessThan(affinity(id));
  });

  it("a follow lifts that creator's videos", async () => {
    const before = ids(await feed('rt-follow', 8));
    expect(before.indexOf('d1')).toBeGreaterThan(3);
    expect((await post('/v1/events', { events: [event('rt-follow', 'd1', 'follow')] })).status).toBe(202);
    const after = ids(await feed('rt-follow', 8));
    expect(after.indexOf('d1')).toBeLessThan(before.indexOf('d1'));
  });

  it('a new upload can be served in an exploration slot right away', async () => {
    const upload = { video_id: 'rt-fresh-1', creator_id: 'creator-new', category: 'news', tags: [], duration_sec: 30, upload_ts: Date.now(), region: 'global', language: 'en', title: 'Just posted' };
    const posted = await post('/v1/videos', upload);
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const page = await feed('rt-newcomer', 10);
    const explored = page.filter((i) => i.reason === 'exploring');
    expect(explored.length).toBeGreaterThanOrEqual(1);
    expect(explored.every((i) => i.position > 0)).toBe(true);
  });
});

describe('without Redis', () => {
  it('serves the list unfiltered with 200 and says realtime is degraded, in a header and in debug', async () => {
    const ctx = createExecutionContext();
    const down = { ...env, UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:1' };
    const res = await worker.fetch(new Request('http://edgefeed.test/v1/feed?user_id=rt-watch&n=4&debug=1'), down, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(200);
    expect(res.headers.get(REALTIME_HEADER)).toBe('degraded');
    const body = (await res.json()) as FeedBody;
    expect(body.items).toHaveLength(4);
    expect((body.debug as { realtime: { status: string } }).realtime.status).toBe('error');
  });
});
