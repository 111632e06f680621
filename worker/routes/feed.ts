// GET /v1/feed: parse → manifest and realtime state → feed pipeline → JSON. Never a 5xx: every
// failure below the query check degrades to a fallback answered with 200 and its reason.
import { Hono } from 'hono';
import { EXPLORE_BUDGET_MS, EXPLORE_POOL_SIZE, readConfig } from '../config.js';
import { describeError, elapsedMs, withBudget } from '../budget.js';
import { fallbackFromChain } from '../pipeline/fallback.js';
import { feedPipeline } from '../pipeline/feed-pipeline.js';
import { trendingPipeline } from '../pipeline/trending-pipeline.js';
import { runPipeline } from '../pipeline/run.js';
import type { PipelineResult } from '../pipeline/types.js';
import { LIGHT_ARTIFACT } from '../rankers/light-model.js';
import { lightScorer } from '../rankers/light-scorer.js';
import { warmLightRanker } from '../rankers/warm-up.js';
import { hiddenVideos } from '../filters/realtime-seen.js';
import { loadExplorePool } from '../sources/explore-pool.js';
import { plainQuery } from '../sources/feed-query.js';
import { storesFromEnv } from '../stores/from-env.js';
import { decodeCursor, encodeCursor, servedHash } from './cursor.js';
import { emptyFeed, sendFeed } from './feed-response.js';
import { debugJson, itemJson, manifestFallback } from './present.js';
import { FeedParams, isDebug, parseQuery } from './query.js';
import { outcomeDetail, markDegraded, readRealtime, realtimeDebug } from './realtime-read.js';
import { chooseRegions, type CfGeo } from './region.js';


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

  const [read, realtimeRead] = await Promise.all([stores.manifest.readCurrent(), readRealtime(realtimeStore, params.user_id, nowMs)]);
  const realtime = realtimeRead.state;
  markDegraded(c, realtimeRead);
  if (!read.manifest) {
    const fallback = manifestFallback(read)!;
    return sendFeed(c, emptyFeed(params.user_id, regions.region, fallback, debug ? debugJson(read, null) : undefined));
  }
  const manifest = read.manifest;
  const hasLight = manifest.artifacts[LIGHT_ARTIFACT] !== undefined;
  // The model loads outside the request path; a request that finds it cold keeps the heavy order.
  if (hasLight) c.executionCtx.waitUntil(warmLightRanker(manifest, c.env.ARTIFACTS));
  const pipeline = feedPipeline({ lists: stores.lists, light: hasLight ? lightScorer({ manifest, bucket: c.env.ARTIFACTS }) : null });
  const base = { userId: params.user_id, n: params.n, served: servedSet, manifest, regions: regions.tryRegions };
  const page = (result: PipelineResult) => ({
    user_id: params.user_id,
    version: manifest.version,
    region: result.meta.region ?? regions.region,
    items: result.page.map(itemJson),
    next_cursor: result.hasMore ? encodeCursor([...served, ...result.page.map((p) => servedHash(p.video_id))]) : null,
  });

  // The personal feed runs under the whole feed's budget; past it the answer is trending.
  const personal = await withBudget(Math.max(0, config.feedBudgetMs - elapsedMs(started)), async () => {
    const exploreRead = await withBudget(EXPLORE_BUDGET_MS, () =>
      loadExplorePool({ lists: stores.lists, realtime: realtime ? realtimeStore : null }, { manifest, region: regions.region, nowMs, limit: EXPLORE_POOL_SIZE }),
    );
    const explore = exploreRead.status === 'ok' ? exploreRead.value : null;
    if (explore) explore.pool = explore.pool.filter((p) => !servedSet.has(servedHash(p.video_id)));
    return { exploreRead, explore, result: await runPipeline(pipeline, { ...base, nowMs, realtime, seen: hiddenVideos(realtime), explore }) };
  });
  if (personal.status !== 'ok') {
    const fallbackPipeline = trendingPipeline({ lists: stores.lists });
    const result = await runPipeline(fallbackPipeline, plainQuery(base));
    return sendFeed(c, {
      ...page(result),
      fallback: { reason: personal.status === 'timeout' ? 'budget-exceeded' : 'internal-error', detail: `personal feed ${outcomeDetail(personal)}; served trending` },
      ...(debug && { debug: debugJson(read, result, { realtime: realtimeDebug(realtimeRead), total_ms: elapsedMs(started) }) }),
    });
  }
  const { exploreRead, explore, result } = personal.value;
  // Dislikes and follows carry only a video id: remember the creators of what was served.
  if (realtimeStore && result.page.length > 0) {
    const refs = new Map(result.page.map((p) => [p.video_id, { creator_id: p.creator_id, category: p.category }]));
    c.executionCtx.waitUntil(realtimeStore.rememberVideos(refs).catch((err: unknown) => console.error(`[feed] remembering served videos failed: ${describeError(err)}`)));
  }
  const fallback = manifestFallback(read) ?? fallbackFromChain(pipeline.sources, result.report.chain);
  return sendFeed(c, {
    ...page(result),
    ...(fallback && { fallback }),
    ...(debug && {
      debug: debugJson(read, result, {
        cursor: { served: served.length },
        realtime: realtimeDebug(realtimeRead),
        explore: { status: exploreRead.status, ms: exploreRead.ms, pool: explore?.pool.length ?? 0, ...(exploreRead.status !== 'ok' && { detail: outcomeDetail(exploreRead) }) },
        total_ms: elapsedMs(started),
      }),
    }),
  });
});
