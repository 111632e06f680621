import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import worker from '../index.js';
import { settled } from './http.js';
import { ids, publish, WORLD } from './seed.js';

const tick = async (e: Env) => {
  const log = vi.spyOn(console, 'log');
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: '*/10 * * * *', scheduledTime: Date.UTC(2026, 0, 1) }), e, ctx);
  await waitOnExecutionContext(ctx);
  const lines = log.mock.calls.map((c) => String(c[0]));
  log.mockRestore();
  return lines;
};

it('asks the central rebuild hook for a rebuild on each tick (a real hook server, see the test setup)', async () => {
  const lines = await tick(env);
  expect(lines).toContain("scheduled: cron '*/10 * * * *' at 2026-01-01T00:00:00.000Z: rebuild hook answered 202");
});

it('is refused with a wrong token, and only logs without a hook', async () => {
  expect(await tick({ ...env, REBUILD_HOOK_TOKEN: 'wrong' })).toContain(
    "scheduled: cron '*/10 * * * *' at 2026-01-01T00:00:00.000Z: rebuild hook answered 401",
  );
  expect(await tick({ ...env, REBUILD_HOOK_URL: '' })).toContain(
    "scheduled: cron '*/10 * * * *' at 2026-01-01T00:00:00.000Z: no REBUILD_HOOK_URL, rebuilds run on their own schedule",
  );
});

describe('live trending snapshots', () => {
  const KEY = { 'content-type': 'application/json', 'x-api-key': 'test-api-key' };
  const post = (path: string, body: unknown) => settled(path, { method: 'POST', headers: KEY, body: JSON.stringify(body) });

  it('puts what is moving in Redis ahead of the published trending list at the next tick', async () => {
    await publish(env.FEED_KV, 'v1', WORLD);
    const mover = { video_id: 'snap-mover', creator_id: 'creator-snap', category: 'news', tags: [], duration_sec: 30, upload_ts: Date.now(), region: 'eu', language: 'en', title: 'Moving' };
    expect((await post('/v1/videos', mover)).status).toBe(201);
    const now = Date.now();
    const events = Array.from({ length: 5 }, (_, i) => ({ event_id: `snap-${i}`, user_id: `snap-u${i}`, video_id: 'snap-mover', type: 'like', ts: now, region: 'eu' }));
    expect((await post('/v1/events', { events })).status).toBe(202);
    const before = await settled('/v1/trending?region=eu&n=3');
    expect(ids((before.body as { items: { video_id: string }[] }).items)).not.toContain('snap-mover');
    const lines = await tick(env);
    expect(lines.some((l) => /trending snapshots refreshed for 2 regions/.test(l))).toBe(true);
    const after = await settled('/v1/trending?region=eu&n=3');
    expect(ids((after.body as { items: { video_id: string }[] }).items)).toEqual(['snap-mover', 't01', 'v02']);
  });
});
