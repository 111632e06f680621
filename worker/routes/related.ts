// GET /v1/videos/:id/related (Up Next): the video's precomputed related list, without what the
// viewer (optional user_id) saw, disliked or was served on earlier pages, MMR re-ranked. Fails open to
// trending like the feed; never a 5xx.
import { Hono } from 'hono';
import { readConfig } from '../config.js';
import { elapsedMs } from '../budget.js';
import { fallbackFromChain } from '../pipeline/fallback.js';
import { relatedPipeline } from '../pipeline/related-pipeline.js';
import { runPipeline } from '../pipeline/run.js';
import { storesFromEnv } from '../stores/from-env.js';
import { BadRequestError } from '../errors.js';
import { decodeCursor, encodeCursor, servedHash } from './cursor.js';
import { emptyFeed, sendFeed } from './feed-response.js';
import { debugJson, itemJson, manifestFallback } from './present.js';
import { isDebug, parseQuery, RelatedParams, VideoIdParam } from './query.js';
import { hiddenVideos } from '../filters/realtime-seen.js';
import { markDegraded, readRealtime, realtimeDebug } from './realtime-read.js';
import { chooseRegions, type CfGeo } from './region.js';

export const relatedRoute = new Hono<{ Bindings: Env }>().get('/:id/related', async (c) => {
  const started = performance.now();
  const nowMs = Date.now();
  const id = VideoIdParam.safeParse(c.req.param('id'));
  if (!id.success) throw new BadRequestError('id', id.error.issues[0]?.message ?? 'invalid video id');
  const params = parseQuery(RelatedParams, c.req.query());
  const served = params.cursor ? decodeCursor(params.cursor) : [];
  const debug = isDebug(params.debug);
  const config = readConfig(c.env);
  const stores = storesFromEnv(c.env, config);
  const regions = chooseRegions(params.region, c.req.raw.cf as CfGeo, config.defaultRegion);

  const [read, realtimeRead] = await Promise.all([stores.manifest.readCurrent(), readRealtime(stores.realtime, params.user_id, nowMs)]);
  markDegraded(c, realtimeRead);
  if (!read.manifest) return sendFeed(c, emptyFeed(params.user_id ?? null, regions.region, manifestFallback(read)!, debug ? debugJson(read, null) : undefined));
  const pipeline = relatedPipeline({ lists: stores.lists });
  const result = await runPipeline(pipeline, {
    videoId: id.data,
    userId: params.user_id ?? null,
    n: params.n,
    served: new Set(served),
    manifest: read.manifest,
    regions: regions.tryRegions,
    nowMs,
    realtime: realtimeRead.state,
    seen: hiddenVideos(realtimeRead.state),
    explore: null,
  });
  const fallback = manifestFallback(read) ?? fallbackFromChain(pipeline.sources, result.report.chain);
  return sendFeed(c, {
    user_id: params.user_id ?? null,
    version: read.manifest.version,
    region: result.meta.region ?? regions.region,
    items: result.page.map(itemJson),
    next_cursor: result.hasMore ? encodeCursor([...served, ...result.page.map((p) => servedHash(p.video_id))]) : null,
    ...(fallback && { fallback }),
    ...(debug && { debug: debugJson(read, result, { video_id: id.data, realtime: realtimeDebug(realtimeRead), total_ms: elapsedMs(started) }) }),
  });
});
