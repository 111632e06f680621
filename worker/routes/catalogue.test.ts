// GET /v1/catalogue in workerd against the real KV and R2 bindings: a catalogue published as a
// build publishes it (R2 gzip NDJSON + manifest entry) answers titles; what cannot be read answers
// 200 with a fallback, never a 5xx; bad ids answer 400 naming `ids`.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { MANIFEST_POINTER_KEY } from '../../models/keys.js';
import { isolateCatalogues } from '../demo/catalogue-cache.js';
import { fixtureVideo, putCatalogue } from '../demo/catalogue-fixture.js';
import { publish, WORLD } from '../test/seed.js';
import type { ErrorBody } from '../test/http.js';
import { CATALOGUE_IDS_MAX, catalogueRoute, type CatalogueBody } from './catalogue.js';

const VIDEOS = ['v01', 'v02', 'v03', 'v04'].map(fixtureVideo);

async function ask<T = CatalogueBody>(query: string) {
  const res = await catalogueRoute.request(`/${query}`, {}, env);
  return { status: res.status, body: (await res.json()) as T };
}

/** Publishes `version` with a catalogue at its own R2 key; `tamper` breaks the sealed sha256. */
async function publishWithCatalogue(version: string, tamper = false) {
  const artifact = await putCatalogue(env.ARTIFACTS, `models/${version}/catalogue.ndjson.gz`, VIDEOS);
  const sha256 = tamper ? [...artifact.sha256].reverse().join('') : artifact.sha256;
  return publish(env.FEED_KV, version, WORLD, null, { catalogue: { ...artifact, sha256 } });
}

describe('GET /v1/catalogue', () => {
  it('answers the requested videos found, in the order asked, and leaves unknown ids out', async () => {
    await publishWithCatalogue('cat1');
    const { status, body } = await ask('?ids=v03,nope,v01');
    expect(status).toBe(200);
    expect(body.fallback).toBeUndefined();
    expect(body.videos.map((v) => [v.video_id, v.title])).toEqual([
      ['v03', 'Title of v03'],
      ['v01', 'Title of v01'],
    ]);
    const v03 = VIDEOS[2]!;
    expect(body.videos[0]).toEqual({
      video_id: 'v03', title: v03.title, creator_id: v03.creator_id, category: v03.category, duration_sec: v03.duration_sec, upload_ts: v03.upload_ts,
    });
  });

  it('loads the catalogue once per isolate, however many requests ask', async () => {
    await publishWithCatalogue('cat2');
    await ask('?ids=v01');
    const loads = isolateCatalogues.loads;
    const again = await ask('?ids=v02,v04');
    expect(again.body.videos.map((v) => v.video_id)).toEqual(['v02', 'v04']);
    expect(isolateCatalogues.loads).toBe(loads);
  });

  it('a catalogue whose bytes do not match the manifest answers the fallback, not a 5xx', async () => {
    await publishWithCatalogue('cat3', true);
    const { status, body } = await ask('?ids=v01,v02');
    expect(status).toBe(200);
    expect(body.videos).toEqual([]);
    expect(body.fallback?.reason).toBe('catalogue-sha-mismatch');
    expect(body.fallback?.detail).toContain('models/cat3/catalogue.ndjson.gz');
  });

  it('no catalogue published, or nothing published at all: 200, no videos, and why', async () => {
    await publish(env.FEED_KV, 'cat4', WORLD);
    const without = await ask('?ids=v01');
    expect([without.status, without.body.videos, without.body.fallback?.reason]).toEqual([200, [], 'no-catalogue']);
    await env.FEED_KV.delete(MANIFEST_POINTER_KEY);
    const nothing = await ask('?ids=v01');
    expect(nothing.status).toBe(200);
    expect(nothing.body.videos).toEqual([]);
    expect(nothing.body.fallback?.reason).toBe('nothing-published');
  });

  it.each([
    ['', 'ids is required'],
    ['?ids=', 'ids is required'],
    ['?ids=%20,%20,', 'ids is required'],
    [`?ids=${Array.from({ length: CATALOGUE_IDS_MAX + 1 }, (_, i) => `v${i}`).join(',')}`, `at most ${CATALOGUE_IDS_MAX}`],
    [`?ids=${'x'.repeat(129)}`, 'at most 128 characters'],
  ])('%s → 400 naming ids', async (query, message) => {
    const { status, body } = await ask<ErrorBody>(query);
    expect(status).toBe(400);
    expect(body.error.field).toBe('ids');
    expect(body.error.message).toContain(message);
  });

  it(`${CATALOGUE_IDS_MAX} ids, repeated ones counted once, are accepted`, async () => {
    await publishWithCatalogue('cat5');
    const ids = [...Array.from({ length: CATALOGUE_IDS_MAX }, (_, i) => `v${String(i).padStart(2, '0')}`), 'v01', 'v01'];
    const { status, body } = await ask(`?ids=${ids.join(',')}`);
    expect(status).toBe(200);
    expect(body.videos.map((v) => v.video_id)).toEqual(['v01', 'v02', 'v03', 'v04']);
  });
});
