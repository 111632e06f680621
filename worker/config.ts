// The edge's tunables. Budgets are per call: a dependency slower than its budget is treated as down
// and the feed degrades to its fallback (fail-open), it never waits longer.

export const FEED_PAGE_SIZE_DEFAULT = 20;
export const FEED_PAGE_SIZE_MAX = 100;
/** Matches the id limit of models/schemas.ts. */
export const ID_MAX_CHARS = 128;
export const REGION_MAX_CHARS = 16;
/** Served videos a cursor remembers: more than a session pages through (lists hold 200 items). */
export const CURSOR_SERVED_MAX = 500;
/** base64url of CURSOR_SERVED_MAX uint32s. */
export const CURSOR_MAX_CHARS = Math.ceil((CURSOR_SERVED_MAX * 4 * 4) / 3);

export const MANIFEST_BUDGET_MS = 250;
export const CANDIDATES_BUDGET_MS = 200;
export const TRENDING_BUDGET_MS = 150;
export const HEALTH_CHECK_BUDGET_MS = 400;

/** Cloudflare rejects a KV `cacheTtl` below 30 seconds. */
export const KV_CACHE_TTL_MIN_SECONDS = 30;
export const KV_CACHE_TTL_DEFAULT_SECONDS = 60;

/** The secret the realtime store needs, and how to set it. */
export const REDIS_TOKEN_HINT =
  'set UPSTASH_REDIS_REST_TOKEN: `npx wrangler secret put UPSTASH_REDIS_REST_TOKEN` (locally: a line in .dev.vars)';

export type EdgeConfig = {
  kvCacheTtlSeconds: number;
  defaultRegion: string;
  redis: { url: string; token: string } | null;
};

type ConfigVars = Pick<Env, 'KV_CACHE_TTL_SECONDS' | 'DEFAULT_REGION' | 'UPSTASH_REDIS_REST_URL'> &
  Partial<Pick<Env, 'UPSTASH_REDIS_REST_TOKEN'>>;

export function readConfig(vars: ConfigVars): EdgeConfig {
  const ttl = Number.parseInt(vars.KV_CACHE_TTL_SECONDS ?? '', 10);
  const url = vars.UPSTASH_REDIS_REST_URL?.trim();
  const token = vars.UPSTASH_REDIS_REST_TOKEN?.trim();
  return {
    kvCacheTtlSeconds: Number.isFinite(ttl) ? Math.max(KV_CACHE_TTL_MIN_SECONDS, ttl) : KV_CACHE_TTL_DEFAULT_SECONDS,
    defaultRegion: vars.DEFAULT_REGION?.trim() || 'global',
    redis: url && token ? { url, token } : null,
  };
}
