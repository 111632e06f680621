// Loading the catalogue from the real R2 binding: verified, decoded, trimmed to what a page shows;
// every failure is a named CatalogueError with its reason.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../models/schemas.js';
import { catalogueArtifact, loadCatalogue } from './catalogue-artifact.js';
import { fixtureVideo, gzipText, ndjson, putArtifact, putCatalogue } from './catalogue-fixture.js';
import { CatalogueCorruptError, CatalogueMissingError, CatalogueShaMismatchError } from './errors.js';

const manifest = (artifacts: Manifest['artifacts']): Manifest => ({
  schema: 1, version: 'cat-test', parent_version: null, created_at: new Date(0).toISOString(), build: {}, artifacts,
});

describe('loadCatalogue', () => {
  it('decodes every video, keeping only the fields a page shows', async () => {
    const videos = ['a', 'b', 'c'].map(fixtureVideo);
    const artifact = await putCatalogue(env.ARTIFACTS, 'models/t1/catalogue.ndjson.gz', videos);
    const cat = await loadCatalogue(artifact, env.ARTIFACTS);
    expect([...cat.videos.keys()]).toEqual(['a', 'b', 'c']);
    const { tags: _t, region: _r, language: _l, ...shown } = videos[1]!;
    expect(cat.videos.get('b')).toEqual(shown);
    expect([cat.sha256, cat.bytes]).toEqual([artifact.sha256, artifact.bytes]);
  });

  it('refuses bytes whose sha256 is not the sealed one', async () => {
    const artifact = await putCatalogue(env.ARTIFACTS, 'models/t2/catalogue.ndjson.gz', [fixtureVideo('a', 0)]);
    const wrong = { ...artifact, sha256: artifact.sha256.replace(/^./, (c) => (c === '0' ? '1' : '0')) };
    await expect(loadCatalogue(wrong, env.ARTIFACTS)).rejects.toThrow(CatalogueShaMismatchError);
  });

  it('names the line that is not a video, and refuses bytes that are not gzip', async () => {
    const bad = await putArtifact(env.ARTIFACTS, 'models/t3/catalogue.ndjson.gz', await gzipText(ndjson([fixtureVideo('a', 0), { video_id: 'b' }])));
    await expect(loadCatalogue(bad, env.ARTIFACTS)).rejects.toThrow(/line 2: (title|creator_id)/);
    const plain = await putArtifact(env.ARTIFACTS, 'models/t4/catalogue.ndjson.gz', new TextEncoder().encode(ndjson([fixtureVideo('a', 0)])));
    await expect(loadCatalogue(plain, env.ARTIFACTS)).rejects.toThrow(CatalogueCorruptError);
  });

  it('a missing object or manifest entry is CatalogueMissingError', async () => {
    const artifact = await putCatalogue(env.ARTIFACTS, 'models/t5/catalogue.ndjson.gz', [fixtureVideo('a', 0)]);
    await env.ARTIFACTS.delete(artifact.key);
    await expect(loadCatalogue(artifact, env.ARTIFACTS)).rejects.toThrow(CatalogueMissingError);
    expect(() => catalogueArtifact(manifest({}))).toThrow(CatalogueMissingError);
    expect(() => catalogueArtifact(manifest({ catalogue: { ...artifact, store: 'kv' } }))).toThrow(/not r2/);
  });
});
