import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { get } from '../test/http.js';
import { WORLD, publish } from '../test/seed.js';
import { ErrorResponse, FeedResponse, HealthzResponse, TrendingResponse } from './response-schemas.js';

// The worker's real answers, with the bindings of wrangler.toml, read with the documented schemas
// (strict: a field the document does not list fails too).
beforeAll(async () => {
  await publish(env.FEED_KV, 'v3', WORLD, 'v2');
});

describe('documented response schemas', () => {
  it('describe the feed, with and without its debug section', async () => {
    for (const path of ['/v1/feed?user_id=u1&n=3', '/v1/feed?user_id=u1&n=3&debug=1', '/v1/feed?user_id=nobody']) {
      const { status, body } = await get<unknown>(path);
      expect(status).toBe(200);
      expect(FeedResponse.safeParse(body).error).toBeUndefined();
    }
  });

  it('describe trending, including a fallback', async () => {
    const { body } = await get<unknown>('/v1/trending?region=zz&debug=1');
    const parsed = TrendingResponse.parse(body);
    expect(parsed.fallback?.reason).toBeTruthy();
  });

  it('describe healthz and the error body', async () => {
    expect(HealthzResponse.safeParse((await get<unknown>('/healthz')).body).error).toBeUndefined();
    const bad = await get<unknown>('/v1/feed?user_id=u1&n=0');
    expect(bad.status).toBe(400);
    expect(ErrorResponse.parse(bad.body).error.field).toBe('n');
  });
});
