// The isolate's catalogue memo: one load per artifact however many requests ask, a carried-over
// catalogue is not reloaded, a failure is kept for its pause then retried, old entries go.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Artifact, Manifest } from '../../models/schemas.js';
import { createCatalogueCache } from './catalogue-cache.js';
import { fixtureVideo, gzipText, ndjson, putArtifact, putCatalogue } from './catalogue-fixture.js';
import { CatalogueMissingError } from './errors.js';

const manifest = (version: string, catalogue: Artifact): Manifest => ({
  schema: 1, version, parent_version: null, created_at: new Date(0).toISOString(), build: {}, artifacts: { catalogue },
});

describe('catalogue cache', () => {
  it('loads once for concurrent and later callers, and for a manifest that carries it over', async () => {
    const artifact = await putCatalogue(env.ARTIFACTS, 'models/k1/catalogue.ndjson.gz', [fixtureVideo('a', 0)]);
    const cache = createCatalogueCache();
    const [a, b] = await Promise.all([cache.get(manifest('k1', artifact), env.ARTIFACTS), cache.get(manifest('k1', artifact), env.ARTIFACTS)]);
    const c = await cache.get(manifest('k1-lists-only', artifact), env.ARTIFACTS);
    expect(a).toBe(b);
    expect(c).toBe(a);
    expect([cache.loads, cache.size]).toEqual([1, 1]);
  });

  it('keeps a failure for retryAfterMs, then loads again', async () => {
    const bytes = await gzipText(ndjson([fixtureVideo('a', 0)]));
    const artifact = await putArtifact(env.ARTIFACTS, 'models/k2/catalogue.ndjson.gz', bytes);
    await env.ARTIFACTS.delete(artifact.key);
    let now = 1_000;
    const cache = createCatalogueCache({ retryAfterMs: 30_000, clockMs: () => now });
    const m = manifest('k2', artifact);
    await expect(cache.get(m, env.ARTIFACTS)).rejects.toThrow(CatalogueMissingError);
    await env.ARTIFACTS.put(artifact.key, bytes); // the object appears
    now += 29_999;
    await expect(cache.get(m, env.ARTIFACTS)).rejects.toThrow(CatalogueMissingError);
    now += 2;
    expect((await cache.get(m, env.ARTIFACTS)).videos.has('a')).toBe(true);
    expect(cache.loads).toBe(2);
  });

  it('holds at most maxCatalogues, dropping the oldest', async () => {
    const cache = createCatalogueCache({ maxCatalogues: 2 });
    const arts = await Promise.all(['k3', 'k4', 'k5'].map((v, i) => putCatalogue(env.ARTIFACTS, `models/${v}/catalogue.ndjson.gz`, [fixtureVideo(`v${i}`, i)])));
    for (const [i, a] of arts.entries()) await cache.get(manifest(`k${i}`, a), env.ARTIFACTS);
    expect(cache.size).toBe(2);
    await cache.get(manifest('again', arts[0]!), env.ARTIFACTS); // evicted, so loaded again
    expect(cache.loads).toBe(4);
  });
});
