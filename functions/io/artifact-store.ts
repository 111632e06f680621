// The port every publish goes through: the few KV and R2 calls the central jobs make. The one
// implementation is wrangler's getPlatformProxy(): the same binding API the Worker sees, backed by the
// local Miniflare state under .wrangler/state (what `wrangler dev` serves), or by Cloudflare itself
// when the bindings are marked `remote = true` (see README, Deploy).
import { getPlatformProxy } from 'wrangler';
import { DEFAULT_STATE_DIR } from './world-files.js';

export type ArtifactStore = {
  kvGet(key: string): Promise<string | null>;
  kvPut(key: string, value: string, opts?: { expirationTtl?: number }): Promise<void>;
  kvDelete(key: string): Promise<void>;
  r2Get(key: string): Promise<Uint8Array | null>;
  r2Put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Every object key under `prefix` (all pages). */
  r2List(prefix: string): Promise<string[]>;
  r2Delete(keys: string[]): Promise<void>;
  close(): Promise<void>;
};

type Bindings = { FEED_KV: KVNamespaceLike; ARTIFACTS: R2BucketLike; EVENT_LOG: R2BucketLike };
type KVNamespaceLike = {
  get(key: string): Promise<string | null>;
  put(key: string, value: string, opts?: { expirationTtl?: number }): Promise<void>;
  delete(key: string): Promise<void>;
};
type R2BucketLike = {
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> } | null>;
  put(key: string, value: Uint8Array, opts?: { httpMetadata?: { contentType?: string } }): Promise<unknown>;
  list(opts: { prefix: string; cursor?: string }): Promise<{ objects: { key: string }[]; truncated: boolean; cursor?: string }>;
  delete(keys: string[]): Promise<void>;
};

/** R2 deletes at most this many keys per call. */
const R2_DELETE_BATCH = 1000;

/** KV and one R2 bucket (ARTIFACTS unless told: EVENT_LOG is the edge's event log). */
export async function openPlatformStore(opts: { configPath?: string; stateDir?: string; bucket?: 'ARTIFACTS' | 'EVENT_LOG' } = {}): Promise<ArtifactStore> {
  process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false'; // jobs never need Request.cf; offline it only warns
  const proxy = await getPlatformProxy<Bindings>({
    configPath: opts.configPath ?? process.env.EDGEFEED_WRANGLER_CONFIG ?? 'wrangler.toml',
    // wrangler dev keeps its state in <dir>/v3; pointing here makes the running server see writes at once.
    persist: { path: `${opts.stateDir ?? DEFAULT_STATE_DIR}/v3` },
  });
  const kv = proxy.env.FEED_KV;
  const r2 = proxy.env[opts.bucket ?? 'ARTIFACTS'];
  return {
    kvGet: (key) => kv.get(key),
    // Miniflare rejects TTLs under 60 s, as Cloudflare does.
    kvPut: (key, value, o) => kv.put(key, value, o?.expirationTtl ? { expirationTtl: Math.max(60, o.expirationTtl) } : undefined),
    r2Get: async (key) => {
      const obj = await r2.get(key);
      return obj ? new Uint8Array(await obj.arrayBuffer()) : null;
    },
    r2Put: async (key, bytes, contentType) => {
      // A fresh copy: the proxy's serialiser rejects views into Node's pooled Buffer memory.
      await r2.put(key, new Uint8Array(bytes), { httpMetadata: { contentType } });
    },
    kvDelete: (key) => kv.delete(key),
    r2List: async (prefix) => {
      const keys: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await r2.list({ prefix, ...(cursor && { cursor }) });
        keys.push(...page.objects.map((o) => o.key));
        cursor = page.truncated ? page.cursor : undefined;
      } while (cursor);
      return keys;
    },
    r2Delete: async (keys) => {
      for (let i = 0; i < keys.length; i += R2_DELETE_BATCH) await r2.delete(keys.slice(i, i + R2_DELETE_BATCH));
    },
    close: () => proxy.dispose(),
  };
}
