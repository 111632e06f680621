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
/** One user's realtime state (one Redis round trip); over it the feed serves without it. */
export const REALTIME_BUDGET_MS = 100;
/** The exploration pool (KV fresh list, Redis uploads and counters). */
export const EXPLORE_BUDGET_MS = 100;
/** The light ranker on the request path; a cold model load (~0.5 s) runs on in the background. */
export const LIGHT_RANKER_BUDGET_MS = 50;

/** Weight of the light ranker's click estimate against the heavy model's (rankers/blend.ts). */
export const LIGHT_BLEND_WEIGHT = 0.5;
/** MMR trade-off: 1 is pure relevance. */
export const MMR_LAMBDA = 0.7;
export const CREATOR_CAP_PER_PAGE = 2;
export const EXPLORATION_SHARE = 0.1;
/** Users without a list of their own: more exploration on top of the trending fallback. */
export const ONBOARDING_EXPLORATION_SHARE = 0.3;
export const EXPLORE_POOL_SIZE = 100;
/** The whole personal feed (reads, scoring, re-ranking); past it the answer is trending. */
export const FEED_BUDGET_MS_DEFAULT = 400;

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
  feedBudgetMs: number;
};

type ConfigVars = Pick<Env, 'KV_CACHE_TTL_SECONDS' | 'DEFAULT_REGION' | 'UPSTASH_REDIS_REST_URL'> &
  Partial<Pick<Env, 'FEED_BUDGET_MS'>> &
  Partial<Pick<Env, 'UPSTASH_REDIS_REST_TOKEN'>>;

const nonNegative = (raw: string | undefined) => {
  const v = Number.parseInt(raw ?? '', 10);
  return Number.isFinite(v) && v >= 0 ? v : undefined;
};

export function readConfig(vars: ConfigVars): EdgeConfig {
  const ttl = Number.parseInt(vars.KV_CACHE_TTL_SECONDS ?? '', 10);
  const url = vars.UPSTASH_REDIS_REST_URL?.trim();
  const token = vars.UPSTASH_REDIS_REST_TOKEN?.trim();
  return {
    kvCacheTtlSeconds: Number.isFinite(ttl) ? Math.max(KV_CACHE_TTL_MIN_SECONDS, ttl) : KV_CACHE_TTL_DEFAULT_SECONDS,
    defaultRegion: vars.DEFAULT_REGION?.trim() || 'global',
    redis: url && token ? { url, token } : null,
    feedBudgetMs: nonNegative(vars.FEED_BUDGET_MS) ?? FEED_BUDGET_MS_DEFAULT,
  };
}
