// POST /v1/videos inside workerd against the real redis-server behind the test gateway.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { VideoSchema } from '../../models/schemas.js';
import { videosRoute, type VideosBody } from '../routes/videos.js';
import { upstashRealtimeStore } from '../stores/upstash-realtime-store.js';
import { FRESH_WINDOW_SECONDS } from './limits.js';

type ErrorBody = { error: { code: string; message: string; field?: string } };
const store = upstashRealtimeStore({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN, requestBudgetMs: 2000 });
const uid = (p: string) => `${p}-${crypto.randomUUID().slice(0, 8)}`;

const post = async <T = VideosBody>(body: unknown, e: Env = env) => {
  const res = await videosRoute.request('/', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }, e);
  return { status: res.status, body: (await res.json()) as T };
};
const upload = (o: Record<string, unknown> = {}) => ({
  video_id: uid('v'),
  creator_id: uid('c'),
  category: 'music',
  tags: ['live'],
  duration_sec: 42,
  upload_ts: Date.now() - 5_000,
  region: uid('r').slice(0, 12),
  language: 'en',
  title: 'a new upload',
  ...o,
});

describe('POST /v1/videos', () => {
  it('answers 201 and the fresh pool of its region serves the upload at once', async () => {
    const video = upload();
    const { status, body } = await post(video);
    expect(status).toBe(201);
    expect(body).toEqual({
      video_id: video.video_id,
      pooled: true,
      regions: [video.region, 'global'],
      fresh_until: new Date(video.upload_ts + FRESH_WINDOW_SECONDS * 1000).toISOString(),
    });
    expect(await store.listFresh(video.region, { limit: 5, nowMs: Date.now() })).toEqual([VideoSchema.parse(video)]);
  });

  it('accepts an upload older than the fresh window without pooling it', async () => {
    const video = upload({ upload_ts: Date.now() - FRESH_WINDOW_SECONDS * 1000 - 60_000 });
    const { status, body } = await post(video);
    expect(status).toBe(201);
    expect(body.pooled).toBe(false);
    expect(await store.listFresh(video.region, { limit: 5, nowMs: Date.now() })).toEqual([]);
  });

  it.each([
    ['duration_sec', { duration_sec: -1 }],
    ['creator_id', { creator_id: '' }],
    ['tags[1]', { tags: ['ok', 'x'.repeat(65)] }],
    ['upload_ts', { upload_ts: 'yesterday' }],
  ])('answers 400 naming %s', async (field, patch) => {
    const { status, body } = await post<ErrorBody>(upload(patch));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ field, code: 'invalid_video' });
    expect(body.error.message).toContain(field);
  });

  it('answers 503 when Redis is down or not configured', async () => {
    const down = await post<ErrorBody>(upload(), { ...env, UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:9' });
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('store_unavailable');
    const missing = await post<ErrorBody>(upload(), { ...env, UPSTASH_REDIS_REST_TOKEN: '' });
    expect(missing.status).toBe(503);
    expect(missing.body.error.message).toContain('UPSTASH_REDIS_REST_TOKEN');
  });
});
