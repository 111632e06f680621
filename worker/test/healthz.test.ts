import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../index.js';
import { REDIS_TOKEN_HINT } from '../config.js';
import { get } from './http.js';
import { WORLD, publish } from './seed.js';

type Healthz = {
  ok: boolean;
  manifest: { version: string; created_at: string; parent_version: string | null; build: Record<string, unknown> } | null;
  stores: { kv: string; r2: string; redis: string };
  timings: Record<string, number | null>;
  notes?: string[];
};

async function healthzWith(overrides: Partial<Env>) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request('http://edgefeed.test/healthz'), { ...env, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return { status: res.status, body: (await res.json()) as Healthz };
}

describe('GET /healthz', () => {
  beforeAll(async () => {
    await publish(env.FEED_KV, 'v7', WORLD, 'v6');
  });

  it('reports the manifest and every store, with the test gateway in front of a real redis-server', async () => {
    const { status, body } = await get<Healthz>('/healthz');
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.manifest).toEqual({
      version: 'v7',
      created_at: '2026-01-01T00:00:00.000Z',
      parent_version: 'v6',
      build: { job: 'test-seed', users_with_lists: 1 },
    });
    expect(body.stores).toEqual({ kv: 'up', r2: 'up', redis: 'up' });
    expect(Object.keys(body.timings)).toEqual(['kv_ms', 'r2_ms', 'redis_ms', 'total_ms']);
  });

  it('stays ok and answers quickly when redis is unreachable', async () => {
    // Port 9 (discard) on loopback has no listener: a real connection failure, not a mock.
    const { status, body } = await healthzWith({ UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:9' });
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.stores).toEqual({ kv: 'up', r2: 'up', redis: 'down' });
  });

  it('says how to configure redis when its token is missing', async () => {
    const { body } = await healthzWith({ UPSTASH_REDIS_REST_TOKEN: '' });
    expect(body.stores.redis).toBe('not configured');
    expect(body.notes).toContain(REDIS_TOKEN_HINT);
  });

  it('reports redis down when the gateway rejects the token', async () => {
    const { body } = await healthzWith({ UPSTASH_REDIS_REST_TOKEN: 'not-the-token' });
    expect(body.stores.redis).toBe('down');
    expect(body.ok).toBe(true);
  });
});
