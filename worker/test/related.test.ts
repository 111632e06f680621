import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { FALLBACK_HEADER } from '../pipeline/fallback.js';
import { get, settled, type ErrorBody } from './http.js';
import { ids, publish, video, WORLD } from './seed.js';

const KEY = { 'content-type': 'application/json', 'x-api-key': 'test-api-key' };
// Up Next of r0: six neighbours, two per creator, best first (and r0 itself, which is never served).
const related = ['r0', 'x1', 'x2', 'y1', 'y2', 'z1', 'z2'].map((id, i) => ({ ...video(id, 1 - i / 10), creator_id: `creator-${id[0]}` }));

beforeAll(async () => {
  await publish(env.FEED_KV, 'v1', { ...WORLD, related: { r0: related } });
});

describe('GET /v1/videos/:id/related', () => {
  it('serves the related list without the video itself, spread over creators by MMR', async () => {
    const { status, headers, body } = await get('/v1/videos/r0/related?n=3');
    expect(status).toBe(200);
    expect(headers.get(FALLBACK_HEADER)).toBeNull();
    expect(ids(body.items)).not.toContain('r0');
    // MMR (λ 0.7): y1 jumps ahead of x2, the more relevant neighbour by the same creator as x1.
    expect(ids(body.items)).toEqual(['x1', 'y1', 'x2']);
    expect(body.items[0]).toMatchObject({ video_id: 'x1', source: 'item2item', reason: 'related to this video' });
  });

  it("removes what the viewer already watched and pages without repeats", async () => {
    const view = { event_id: 'rel-view-1', user_id: 'rel-viewer', video_id: 'x1', type: 'view', ts: Date.now(), watch_time_sec: 10, video_duration_sec: 20 };
    expect((await settled('/v1/events', { method: 'POST', headers: KEY, body: JSON.stringify({ events: [view] }) })).status).toBe(202);
    const first = await get('/v1/videos/r0/related?user_id=rel-viewer&n=3');
    expect(ids(first.body.items)).not.toContain('x1');
    const second = await get(`/v1/videos/r0/related?user_id=rel-viewer&n=3&cursor=${first.body.next_cursor}`);
    const both = [...ids(first.body.items), ...ids(second.body.items)];
    expect(new Set(both).size).toBe(both.length);
  });

  it('falls back to trending for a video without a list, and says so', async () => {
    const { status, headers, body } = await get('/v1/videos/unknown/related?region=eu&n=2');
    expect(status).toBe(200);
    expect(headers.get(FALLBACK_HEADER)).toBe('related-miss');
    expect(ids(body.items)).toEqual(['t01', 'v02']);
  });

  it('answers 400 naming the field for a bad parameter', async () => {
    const { status, body } = await get<ErrorBody>(`/v1/videos/r0/related?n=0`);
    expect(status).toBe(400);
    expect(body.error.field).toBe('n');
  });
});
