import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { FALLBACK_HEADER } from '../pipeline/fallback.js';
import type { ItemJson } from '../routes/present.js';
import { get } from './http.js';
import { WORLD, ids, publish } from './seed.js';

type TrendingBody = { region: string; served_region: string | null; version: string; items: ItemJson[]; fallback?: { reason: string } };

beforeAll(async () => {
  await publish(env.FEED_KV, 'v1', WORLD);
});

describe('GET /v1/trending', () => {
  it("serves the region's list with the feed's item shape", async () => {
    const { status, headers, body } = await get<TrendingBody>('/v1/trending?region=eu&n=2');
    expect(status).toBe(200);
    expect(headers.get(FALLBACK_HEADER)).toBeNull();
    expect(body).toMatchObject({ region: 'eu', served_region: 'eu', version: 'v1' });
    expect(body.items).toEqual([
      { video_id: 't01', creator_id: 'creator-t01', category: 'music', source: 'trending', sources: ['trending'], score: 0.95, position: 0, reason: 'trending in eu' },
      { video_id: 'v02', creator_id: 'creator-v02', category: 'music', source: 'trending', sources: ['trending'], score: 0.9, position: 1, reason: 'trending in eu' },
    ]);
  });

  it('serves the global list, not topped up, when the region has none', async () => {
    const { headers, body } = await get<TrendingBody>('/v1/trending?region=zz');
    expect(headers.get(FALLBACK_HEADER)).toBe('regional-miss');
    expect(body.served_region).toBe('global');
    expect(ids(body.items)).toEqual(['g01', 't02', 'g02']);
  });

  it('serves the global list as such for the default region', async () => {
    const { headers, body } = await get<TrendingBody>('/v1/trending?n=2');
    expect(headers.get(FALLBACK_HEADER)).toBeNull();
    expect(body).toMatchObject({ region: 'global', served_region: 'global' });
    expect(ids(body.items)).toEqual(['g01', 't02']);
  });

  it("picks the region from the client's country or continent", async () => {
    const { body } = await get<TrendingBody>('/v1/trending?n=1', { cf: { country: 'DE', continent: 'EU' } } as RequestInit);
    expect(body.served_region).toBe('eu');
    expect(ids(body.items)).toEqual(['t01']);
  });
});
