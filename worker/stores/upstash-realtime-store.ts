// RealtimeStore over the Upstash REST protocol (@upstash/redis, its fetch-based Workers build).
import { Redis } from '@upstash/redis/cloudflare';
import type { RealtimeStore } from './realtime-store.js';

export function upstashRealtimeStore(opts: { url: string; token: string; requestBudgetMs: number }): RealtimeStore {
  const redis = new Redis({
    url: opts.url,
    token: opts.token,
    // One attempt per call: the caller's budget, not the client's backoff, decides when to give up.
    retry: { retries: 0 },
    enableTelemetry: false,
    signal: () => AbortSignal.timeout(opts.requestBudgetMs),
  });
  return {
    name: 'Upstash',
    async ping() {
      await redis.ping();
    },
  };
}
