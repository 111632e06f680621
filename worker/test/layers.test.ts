// A layered version (an incremental rebuild's manifest) served from the real KV: changed users come
// from the new layer, unchanged ones from the layer below, and anyone else falls back as before.
import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_POINTER_KEY, candidatesKey, manifestKey } from '../../models/keys.js';
import { ManifestSchema } from '../../models/schemas.js';
import { FALLBACK_HEADER } from '../pipeline/fallback.js';
import { kvArtifactLayers } from '../stores/manifest-reader.js';
import { get } from './http.js';
import { WORLD, ids, publish, video, type WorldLists } from './seed.js';

type Debug = { chain: { source: string; status: string; count: number; detail?: string }[] };

/** Publishes `version` holding only `users`, layered over `below` as the central publisher lays it out. */
async function publishLayer(version: string, users: WorldLists['users'], below: string) {
  const m = await publish(env.FEED_KV, version, { users, trending: WORLD.trending }, below);
  const under = ManifestSchema.parse(JSON.parse((await env.FEED_KV.get(manifestKey(below)))!));
  const layered = ManifestSchema.parse({
    ...m,
    artifacts: { ...m.artifacts, candidates: { ...m.artifacts.candidates, fallback_keys: kvArtifactLayers(under, 'candidates') } },
  });
  await env.FEED_KV.put(manifestKey(version), JSON.stringify(layered));
  await env.FEED_KV.put(MANIFEST_POINTER_KEY, JSON.stringify(layered));
  return layered;
}

beforeEach(async () => {
  await publish(env.FEED_KV, 'base', { users: { ...WORLD.users, u2: [video('b01', 0.9), video('b02', 0.8)] }, trending: WORLD.trending });
});

describe('layered candidates', () => {
  it('serves a changed user from the new layer and an unchanged one from the layer below', async () => {
    const m = await publishLayer('inc1', { u1: [video('n01', 0.9), video('n02', 0.8)] }, 'base');
    expect(m.artifacts.candidates!.fallback_keys).toEqual(['cand:base:']);
    const changed = await get('/v1/feed?user_id=u1&n=2&debug=1');
    expect(changed.body.version).toBe('inc1');
    expect(ids(changed.body.items)).toEqual(['n01', 'n02']);
    expect((changed.body.debug as Debug).chain[0]).toMatchObject({ source: 'CachedCandidates', status: 'ok', count: 2 });
    expect((changed.body.debug as Debug).chain[0]!.detail).toBeUndefined();

    const unchanged = await get('/v1/feed?user_id=u2&n=2&debug=1');
    expect(unchanged.headers.get(FALLBACK_HEADER)).toBeNull();
    expect(ids(unchanged.body.items)).toEqual(['b01', 'b02']);
    expect((unchanged.body.debug as Debug).chain[0]).toMatchObject({ status: 'ok', count: 2, detail: 'from layer cand:base: (1 below inc1)' });
  });

  it('reads through every layer, newest first, stopping at the first hit', async () => {
    await publishLayer('inc1', { u1: [video('n01', 0.9)] }, 'base');
    await publishLayer('inc2', { u3: [video('m01', 0.9)] }, 'inc1');
    expect(kvArtifactLayers(ManifestSchema.parse(JSON.parse((await env.FEED_KV.get(MANIFEST_POINTER_KEY))!)), 'candidates')).toEqual([
      'cand:inc2:',
      'cand:inc1:',
      'cand:base:',
    ]);
    // u1 is in inc1 and in base: the newer layer wins.
    expect(ids((await get('/v1/feed?user_id=u1&n=1')).body.items)).toEqual(['n01']);
    expect(ids((await get('/v1/feed?user_id=u2&n=1')).body.items)).toEqual(['b01']);
    expect(ids((await get('/v1/feed?user_id=u3&n=1')).body.items)).toEqual(['m01']);
    // Removing the middle layer's entry shows the read continues below it.
    await env.FEED_KV.delete(candidatesKey('inc1', 'u1'));
    expect(ids((await get('/v1/feed?user_id=u1&n=1')).body.items)).toEqual(['v01']);
  });

  it('falls back to trending as before for a user in no layer', async () => {
    await publishLayer('inc1', { u1: [video('n01', 0.9)] }, 'base');
    const { status, headers, body } = await get('/v1/feed?user_id=newcomer&region=eu&n=2&debug=1');
    expect(status).toBe(200);
    expect(headers.get(FALLBACK_HEADER)).toBe('candidates-miss');
    expect(ids(body.items)).toEqual(['t01', 'v02']);
    expect((body.debug as Debug).chain[0]).toMatchObject({ status: 'miss', detail: 'no cached candidates for this user in inc1 (2 layers)' });
  });
});
