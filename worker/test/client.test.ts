// The typed client against the real worker in workerd (its fetch is the worker's own).
import { env } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import { beforeAll, expect, it } from 'vitest';
import { edgefeedClient } from '../client.js';
import type { FeedBody } from '../routes/feed-response.js';
import { ids, publish, WORLD } from './seed.js';

const api = edgefeedClient('http://edgefeed.test', {
  headers: { 'x-api-key': 'test-api-key' },
  fetch: (input: RequestInfo | URL, init?: RequestInit) => exports.default.fetch(new Request(input, init)),
});

beforeAll(async () => {
  await publish(env.FEED_KV, 'v1', WORLD);
});

it('reads the feed and posts events through typed routes', async () => {
  const res = await api.v1.feed.$get({ query: { user_id: 'client-user', region: 'eu', n: '2' } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as FeedBody;
  expect(ids(body.items)).toEqual(['t01', 'v02']);
  const posted = await api.v1.events.$post({ json: { events: [{ event_id: 'client-1', user_id: 'client-user', video_id: 't01', type: 'impression', ts: Date.now() }] } });
  expect(posted.status).toBe(202);
});
