// Builds the narrow ports from the bindings; the only place in the worker that reads Env's bindings.
import { HEALTH_CHECK_BUDGET_MS, MANIFEST_BUDGET_MS, type EdgeConfig } from '../config.js';
import { kvListStore, type ListStore } from './kv-list-store.js';
import { kvManifestReader, type ManifestReader } from './manifest-reader.js';
import type { RealtimeStore } from './realtime-store.js';
import { upstashRealtimeStore } from './upstash-realtime-store.js';

export type EdgeStores = {
  manifest: ManifestReader;
  lists: ListStore;
  artifacts: Pick<R2Bucket, 'head'>;
  /** null when UPSTASH_REDIS_REST_URL or its token is not configured. */
  realtime: RealtimeStore | null;
};

export function storesFromEnv(env: Pick<Env, 'FEED_KV' | 'ARTIFACTS'>, config: EdgeConfig): EdgeStores {
  const cacheTtlSeconds = config.kvCacheTtlSeconds;
  return {
    manifest: kvManifestReader(env.FEED_KV, { cacheTtlSeconds, budgetMs: MANIFEST_BUDGET_MS }),
    lists: kvListStore(env.FEED_KV, { cacheTtlSeconds }),
    artifacts: env.ARTIFACTS,
    realtime: config.redis && upstashRealtimeStore({ ...config.redis, requestBudgetMs: HEALTH_CHECK_BUDGET_MS }),
  };
}
