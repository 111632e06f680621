// GET /v1/feed: parse → manifest and realtime state → feed pipeline → JSON. Never a 5xx: every
// failure below the query check degrades to a fallback answered with 200 and its reason.
import { Hono } from 'hono';
import { EXPLORE_BUDGET_MS, EXPLORE_POOL_SIZE, readConfig, REALTIME_BUDGET_MS } from '../config.js';
import { describeError, elapsedMs, withBudget, type Outcome } from '../budget.js';
import { fallbackFromChain } from '../pipeline/fallback.js';
import { feedPipeline } from '../pipeline/feed-pipeline.js';
import { runPipeline } from '../pipeline/run.js';
import { LIGHT_ARTIFACT } from '../rankers/light-model.js';
import { lightScorer } from '../rankers/light-scorer.js';
import { warmLightRanker } from '../rankers/warm-up.js';
import { loadExplorePool } from '../sources/explore-pool.js';
import { storesFromEnv } from '../stores/from-env.js';
import { decodeCursor, encodeCursor, servedHash } from './cursor.js';
import { REALTIME_DETAIL_HEADER, REALTIME_HEADER } from './events.js';
import { emptyFeed, sendFeed } from './feed-response.js';
import { debugJson, itemJson, manifestFallback } from './present.js';
import { FeedParams, isDebug, parseQuery } from './query.js';
import { chooseRegions, type CfGeo } from './region.js';

const okOrNull = <T>(o: Outcome<T> | null) => (o?.status === 'ok' ? o.value : null);
const outcomeDetail = (o: Outcome<unknown>) => (o.status === 'timeout' ? `no answer within ${o.budgetMs} ms` : o.status === 'error' ? describeError(o.error) : 'ok');

export const feedRoute = new Hono<{ Bindings: Env }>().get('/', async (c) => {
  const started = performance.now();
  const nowMs = Date.now();
  const params = parseQuery(FeedParams, c.req.query());
  const served = params.cursor ? decodeCursor(params.cursor) : [];
  const servedSet = new Set(served);
  const debug = isDebug(params.debug);
  const config = readConfig(c.env);
  const stores = storesFromEnv(c.env, config);
  const cf = c.req.raw.cf as CfGeo;
  const regions = chooseRegions(params.region, cf, config.defaultRegion);
  const realtimeStore = stores.realtime;

  const [read, realtimeRead] = await Promise.all([
    stores.manifest.readCurrent(),
    realtimeStore ? withBudget(REALTIME_BUDGET_MS, () => realtimeStore.readUser(params.user_id, nowMs)) : null,
  ]);
  const realtime = okOrNull(realtimeRead);
  if (realtimeRead && realtimeRead.status !== 'ok') {
    c.header(REALTIME_HEADER, 'degraded');
    c.header(REALTIME_DETAIL_HEADER, `realtime state ${realtimeRead.status}: ${outcomeDetail(realtimeRead)}`);
  }
  if (!read.manifest) {
    const fallback = manifestFallback(read)!;
    return sendFeed(c, emptyFeed(params.user_id, regions.region, fallback, debug ? debugJson(read, null) : undefined));
  }
  const manifest = read.manifest;
  const exploreRead = await withBudget(EXPLORE_BUDGET_MS, () =>
    loadExplorePool({ lists: stores.lists, realtime: realtimeRead?.status === 'ok' ? realtimeStore : null }, { manifest, region: regions.region, nowMs, limit: EXPLORE_POOL_SIZE }),
  );
  const explore = okOrNull(exploreRead);
  if (explore) explore.pool = explore.pool.filter((p) => !servedSet.has(servedHash(p.video_id)));

  const hasLight = manifest.artifacts[LIGHT_ARTIFACT] !== undefined;
  // The model loads outside the request path; a request that finds it cold keeps the heavy order.
  if (hasLight) c.executionCtx.waitUntil(warmLightRanker(manifest, c.env.ARTIFACTS));
  const pipeline = feedPipeline({ lists: stores.lists, light: hasLight ? lightScorer({ manifest, bucket: c.env.ARTIFACTS }) : null });
  const result = await runPipeline(pipeline, {
    userId: params.user_id,
    n: params.n,
    served: servedSet,
    manifest,
    regions: regions.tryRegions,
    nowMs,
    realtime,
    seen: new Set([...(realtime?.seen ?? []), ...(realtime?.dislikedVideos ?? [])]),
    explore,
  });
  // Dislikes and follows carry only a video id: remember the creators of what was served.
  if (realtimeStore && result.page.length > 0) {
    const refs = new Map(result.page.map((p) => [p.video_id, { creator_id: p.creator_id, category: p.category }]));
    c.executionCtx.waitUntil(realtimeStore.rememberVideos(refs).catch((err: unknown) => console.error(`[feed] remembering served videos failed: ${describeError(err)}`)));
  }
  const fallback = manifestFallback(read) ?? fallbackFromChain(pipeline.sources, result.report.chain);
  return sendFeed(c, {
    user_id: params.user_id,
    version: manifest.version,
    region: result.meta.region ?? regions.region,
    items: result.page.map(itemJson),
    next_cursor: result.hasMore ? encodeCursor([...served, ...result.page.map((p) => servedHash(p.video_id))]) : null,
    ...(fallback && { fallback }),
    ...(debug && {
      debug: debugJson(read, result, {
        cursor: { served: served.length },
        realtime: realtimeRead ? { status: realtimeRead.status, ms: realtimeRead.ms, ...(realtimeRead.status !== 'ok' && { detail: outcomeDetail(realtimeRead) }) } : { status: 'not-configured' },
        explore: { status: exploreRead.status, ms: exploreRead.ms, pool: explore?.pool.length ?? 0, ...(exploreRead.status !== 'ok' && { detail: outcomeDetail(exploreRead) }) },
        total_ms: elapsedMs(started),
      }),
    }),
  });
});
