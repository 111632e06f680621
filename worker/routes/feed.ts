// GET /v1/feed: parse → manifest → feed pipeline → JSON. Never a 5xx: every failure below the
// query check degrades to a fallback answered with 200 and its reason.
import { Hono } from 'hono';
import { readConfig } from '../config.js';
import { fallbackFromChain } from '../pipeline/fallback.js';
import { feedPipeline } from '../pipeline/feed-pipeline.js';
import { elapsedMs } from '../budget.js';
import { runPipeline } from '../pipeline/run.js';
import { storesFromEnv } from '../stores/from-env.js';
import { decodeCursor, encodeCursor, servedHash } from './cursor.js';
import { emptyFeed, sendFeed } from './feed-response.js';
import { debugJson, itemJson, manifestFallback } from './present.js';
import { FeedParams, isDebug, parseQuery } from './query.js';
import { chooseRegions, type CfGeo } from './region.js';

export const feedRoute = new Hono<{ Bindings: Env }>().get('/', async (c) => {
  const started = performance.now();
  const params = parseQuery(FeedParams, c.req.query());
  const served = params.cursor ? decodeCursor(params.cursor) : [];
  const debug = isDebug(params.debug);
  const config = readConfig(c.env);
  const stores = storesFromEnv(c.env, config);
  const cf = c.req.raw.cf as CfGeo;
  const regions = chooseRegions(params.region, cf, config.defaultRegion);

  const read = await stores.manifest.readCurrent();
  if (!read.manifest) {
    const fallback = manifestFallback(read)!;
    return sendFeed(c, emptyFeed(params.user_id, regions.region, fallback, debug ? debugJson(read, null) : undefined));
  }
  const { version } = read.manifest;
  const pipeline = feedPipeline({ lists: stores.lists });
  const result = await runPipeline(pipeline, {
    userId: params.user_id,
    n: params.n,
    served: new Set(served),
    manifest: read.manifest,
    regions: regions.tryRegions,
  });
  const fallback = manifestFallback(read) ?? fallbackFromChain(pipeline.sources, result.report.chain);
  return sendFeed(c, {
    user_id: params.user_id,
    version,
    region: result.meta.region ?? regions.region,
    items: result.page.map(itemJson),
    next_cursor: result.hasMore ? encodeCursor([...served, ...result.page.map((c) => servedHash(c.video_id))]) : null,
    ...(fallback && { fallback }),
    ...(debug && { debug: debugJson(read, result, { cursor: { served: served.length }, total_ms: elapsedMs(started) }) }),
  });
});
