import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { MANIFEST_POINTER_KEY } from '../../models/keys.js';
import { WORLD, publish } from '../test/seed.js';
import { kvArtifactPrefix, kvManifestReader, type ManifestMemo } from './manifest-reader.js';

const opts = (memo: ManifestMemo) => ({ cacheTtlSeconds: 30, budgetMs: 200, memo });
// Ports with a fault injected on purpose: KV throwing, and KV never answering.
const failingKv: Pick<KVNamespace, 'get'> = { get: (async () => Promise.reject(new Error('KV GET failed: 503'))) as never };
const stalledKv: Pick<KVNamespace, 'get'> = { get: (() => new Promise(() => {})) as never };

describe('kvManifestReader', () => {
  it('reads the published manifest and reports a missing one as missing', async () => {
    const memo: ManifestMemo = { last: null };
    await env.FEED_KV.delete(MANIFEST_POINTER_KEY);
    expect((await kvManifestReader(env.FEED_KV, opts(memo)).readCurrent()).status).toBe('missing');
    await publish(env.FEED_KV, 'v3', WORLD, 'v2');
    const read = await kvManifestReader(env.FEED_KV, opts(memo)).readCurrent();
    expect(read).toMatchObject({ status: 'ok', manifest: { version: 'v3', parent_version: 'v2' } });
    expect(kvArtifactPrefix(read.manifest!, 'candidates')).toBe('cand:v3:');
    expect(kvArtifactPrefix(read.manifest!, 'trending')).toBe('trend:v3:');
    expect(kvArtifactPrefix(read.manifest!, 'embeddings')).toBeNull();
    expect(memo.last?.version).toBe('v3');
  });

  it('reports a manifest that fails its schema as an error, naming the cause', async () => {
    await env.FEED_KV.put(MANIFEST_POINTER_KEY, JSON.stringify({ schema: 2, version: 'v9' }));
    const read = await kvManifestReader(env.FEED_KV, opts({ last: null })).readCurrent();
    expect(read.status).toBe('error');
    expect(read.manifest).toBeNull();
    expect('detail' in read && read.detail).toContain("CorruptValueError: kv: value at 'manifest:current'");
  });

  it('serves the last good manifest when KV fails or stalls, and nothing without one', async () => {
    await publish(env.FEED_KV, 'v4', WORLD);
    const memo: ManifestMemo = { last: null };
    await kvManifestReader(env.FEED_KV, opts(memo)).readCurrent();
    expect(await kvManifestReader(failingKv, opts(memo)).readCurrent()).toMatchObject({
      status: 'stale',
      manifest: { version: 'v4' },
      detail: 'Error: KV GET failed: 503',
    });
    const timedOut = await kvManifestReader(stalledKv, { ...opts({ last: null }), budgetMs: 30 }).readCurrent();
    expect(timedOut).toMatchObject({ status: 'timeout', manifest: null, detail: 'no answer within 30 ms' });
    expect(timedOut.ms).toBeGreaterThanOrEqual(25);
  });
});
